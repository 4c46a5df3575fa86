namespace WitSharp.Core.Binary;

/// <summary>Skips the immediates of one instruction (spec 5.4) without interpreting them: enough to
/// find where a constant expression ends, or to check a function body's syntax (<see cref="BodySyntax"/>).</summary>
internal static class InstructionSkipper
{
    public static void SkipImmediates(byte op, int opOffset, ref WasmReader r)
    {
        switch (op)
        {
            case Opcode.Block or Opcode.Loop or Opcode.If:
                r.ReadVarS33();
                break;
            case Opcode.Br or Opcode.BrIf or Opcode.Call or Opcode.ReturnCall or Opcode.RefFunc
                or (>= Opcode.LocalGet and <= Opcode.TableSet):
                r.ReadVarU32();
                break;
            case Opcode.BrTable:
            {
                int n = r.ReadVectorLength(1);
                for (int i = 0; i <= n; i++) r.ReadVarU32();
                break;
            }

            case Opcode.CallIndirect or Opcode.ReturnCallIndirect:
                r.ReadVarU32();
                r.ReadVarU32();
                break;
            case Opcode.SelectTyped:
            {
                int n = r.ReadVectorLength(1);
                for (int i = 0; i < n; i++) TypeReader.ReadValType(ref r);
                break;
            }

            case >= Opcode.I32Load and <= Opcode.I64Store32:
                r.ReadVarU32();
                r.ReadVarU32();
                break;
            case Opcode.MemorySize or Opcode.MemoryGrow or Opcode.RefNull:
                r.ReadByte();
                break;
            case Opcode.I32Const: r.ReadVarS32(); break;
            case Opcode.I64Const: r.ReadVarS64(); break;
            case Opcode.F32Const: r.ReadBytes(4); break;
            case Opcode.F64Const: r.ReadBytes(8); break;
            case Opcode.Unreachable or Opcode.Nop or Opcode.Else or Opcode.End or Opcode.Return
                or Opcode.Drop or Opcode.Select or Opcode.RefIsNull
                or (>= Opcode.I32Eqz and <= Opcode.I64Extend32S):
                break;
            case Opcode.PrefixFC:
                SkipFC(r.ReadVarU32(), opOffset, ref r);
                break;
            case Opcode.PrefixFD:
                SkipFD(r.ReadVarU32(), opOffset, ref r);
                break;
            default:
                throw r.ErrorAt("illegal opcode", opOffset);
        }
    }

    private static void SkipFC(uint sub, int opOffset, ref WasmReader r)
    {
        switch (sub)
        {
            case <= OpcodeFC.I64TruncSatF64U:
                break;
            case OpcodeFC.MemoryInit:
                r.ReadVarU32();
                r.ReadByte();
                break;
            case OpcodeFC.MemoryCopy:
                r.ReadByte();
                r.ReadByte();
                break;
            case OpcodeFC.MemoryFill:
                r.ReadByte();
                break;
            case OpcodeFC.TableInit or OpcodeFC.TableCopy:
                r.ReadVarU32();
                r.ReadVarU32();
                break;
            case OpcodeFC.DataDrop or OpcodeFC.ElemDrop or OpcodeFC.TableGrow or OpcodeFC.TableSize or OpcodeFC.TableFill:
                r.ReadVarU32();
                break;
            default:
                throw r.ErrorAt("illegal opcode", opOffset);
        }
    }

    private static void SkipFD(uint sub, int opOffset, ref WasmReader r)
    {
        if (!Simd.SimdOpcodes.TryGet(sub, out var info)) throw r.ErrorAt("illegal opcode", opOffset);
        switch (info.Immediate)
        {
            case Simd.SimdImmediate.MemArg:
                r.ReadVarU32();
                r.ReadVarU32();
                break;
            case Simd.SimdImmediate.MemArgLane:
                r.ReadVarU32();
                r.ReadVarU32();
                r.ReadByte();
                break;
            case Simd.SimdImmediate.Lane:
                r.ReadByte();
                break;
            case Simd.SimdImmediate.Shuffle16 or Simd.SimdImmediate.V128Const:
                r.ReadBytes(16);
                break;
        }
    }
}
