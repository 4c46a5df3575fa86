using System.Reflection.Emit;
using WitSharp.Core.Binary;
using WitSharp.Core.Validation;

namespace WitSharp.Core.Compilation;

internal sealed partial class FunctionCompiler
{
    private void EmitInstruction(byte op)
    {
        if (op is not (Opcode.Nop or Opcode.Block or Opcode.Loop or Opcode.End or Opcode.Else)) _pendingFuel++;
        switch (op)
        {
            case Opcode.Unreachable:
                _il.Emit(OpCodes.Ldc_I4, (int)TrapCode.Unreachable);
                _il.Emit(OpCodes.Call, M.TrapCreate);
                _il.Emit(OpCodes.Throw);
                CurrentFrame.Unreachable = true;
                return;
            case Opcode.Nop: return;
            case Opcode.Block: EnterBlock(FrameKind.Block); return;
            case Opcode.Loop: EnterBlock(FrameKind.Loop); return;
            case Opcode.If: EnterBlock(FrameKind.If); return;
            case Opcode.Else: EmitElse(); return;
            case Opcode.End: EmitEnd(); return;
            case Opcode.Br: EmitBr(); return;
            case Opcode.BrIf: EmitBrIf(); return;
            case Opcode.BrTable: EmitBrTable(); return;
            case Opcode.Return: EmitReturn(); return;
            case Opcode.Call: EmitCall(_r.ReadVarU32()); return;
            case Opcode.CallIndirect:
            {
                uint typeIndex = _r.ReadVarU32();
                uint table = _r.ReadVarU32();
                EmitCallIndirect(typeIndex, table);
                return;
            }
            case Opcode.Drop:
                _il.Emit(OpCodes.Pop);
                Pop();
                return;
            case Opcode.Select:
                EmitSelect();
                return;
            case Opcode.SelectTyped:
            {
                int n = _r.ReadVectorLength(1);
                for (int i = 0; i < n; i++) _r.ReadByte();
                EmitSelect();
                return;
            }
            case Opcode.LocalGet: EmitLocalGet(_r.ReadVarU32()); return;
            case Opcode.LocalSet: EmitLocalSet(_r.ReadVarU32(), tee: false); return;
            case Opcode.LocalTee: EmitLocalSet(_r.ReadVarU32(), tee: true); return;
            case Opcode.GlobalGet: EmitGlobalGet(_r.ReadVarU32()); return;
            case Opcode.GlobalSet: EmitGlobalSet(_r.ReadVarU32()); return;
            case Opcode.TableGet: EmitTableGet(_r.ReadVarU32()); return;
            case Opcode.TableSet: EmitTableSet(_r.ReadVarU32()); return;
            case >= Opcode.I32Load and <= Opcode.I64Store32:
            {
                _r.ReadVarU32(); // alignment is a hint (spec 4.4.7); unaligned access is fine on every .NET target
                ulong offset = _r.ReadVarU32();
                EmitMemoryAccess(op, offset);
                return;
            }
            case Opcode.MemorySize:
                _r.ReadByte();
                EmitMemorySize();
                return;
            case Opcode.MemoryGrow:
                _r.ReadByte();
                EmitMemoryGrow();
                return;
            case Opcode.I32Const:
                _il.EmitLdcI4(_r.ReadVarS32());
                Push(ValType.I32);
                return;
            case Opcode.I64Const:
                _il.EmitLdcI8(_r.ReadVarS64());
                Push(ValType.I64);
                return;
            case Opcode.F32Const:
                // Through the integer bits (NumericEmitter knows which constants RyuJIT would fold wrongly).
                NumericEmitter.EmitF32Const(_il, _r.ReadF32Bits());
                Push(ValType.F32);
                return;
            case Opcode.F64Const:
                NumericEmitter.EmitF64Const(_il, _r.ReadF64Bits());
                Push(ValType.F64);
                return;
            case >= 0x45 and <= 0xC4:
                EmitNumeric(op);
                return;
            case Opcode.RefNull:
                _r.ReadByte();
                _il.Emit(OpCodes.Ldnull);
                Push(ValType.FuncRef);
                return;
            case Opcode.RefIsNull:
                _il.Emit(OpCodes.Ldnull);
                _il.Emit(OpCodes.Ceq);
                Pop();
                Push(ValType.I32);
                return;
            case Opcode.RefFunc:
                EmitRefFunc(_r.ReadVarU32());
                return;
            case Opcode.PrefixFC:
                EmitPrefixFC(_r.ReadVarU32());
                return;
            case Opcode.PrefixFD:
                EmitSimd(_r.ReadVarU32());
                return;
            default:
                throw Unsupported($"opcode 0x{op:x2}");
        }
    }

    private void EmitPrefixFC(uint sub)
    {
        switch (sub)
        {
            case <= OpcodeFC.I64TruncSatF64U:
            {
                _emitterOperands = 1;
                bool emitted = NumericEmitter.TryEmitSaturating(this, sub);
                _emitterOperands = -1;
                if (!emitted) throw Unsupported($"0xFC {sub}");
                var sig = NumericSignatures.TruncSat[sub];
                Pop();
                Push(sig.Result);
                return;
            }
            case OpcodeFC.MemoryInit:
            {
                uint data = _r.ReadVarU32();
                _r.ReadByte();
                EmitMemoryInit(data);
                return;
            }
            case OpcodeFC.DataDrop: EmitDataDrop(_r.ReadVarU32()); return;
            case OpcodeFC.MemoryCopy:
                _r.ReadByte();
                _r.ReadByte();
                EmitMemoryCopy();
                return;
            case OpcodeFC.MemoryFill:
                _r.ReadByte();
                EmitMemoryFill();
                return;
            case OpcodeFC.TableInit:
            {
                uint elem = _r.ReadVarU32();
                uint table = _r.ReadVarU32();
                EmitTableInit(table, elem);
                return;
            }
            case OpcodeFC.ElemDrop: EmitElemDrop(_r.ReadVarU32()); return;
            case OpcodeFC.TableCopy:
            {
                uint dst = _r.ReadVarU32();
                uint src = _r.ReadVarU32();
                EmitTableCopy(dst, src);
                return;
            }
            case OpcodeFC.TableGrow: EmitTableGrow(_r.ReadVarU32()); return;
            case OpcodeFC.TableSize: EmitTableSize(_r.ReadVarU32()); return;
            case OpcodeFC.TableFill: EmitTableFill(_r.ReadVarU32()); return;
            default: throw Unsupported($"0xFC {sub}");
        }
    }

    private void EmitNumeric(byte op)
    {
        var sig = NumericSignatures.Core[op - 0x45];
        _emitterOperands = sig.Operand2 != 0 ? 2 : 1;
        bool emitted = NumericEmitter.TryEmit(this, op);
        _emitterOperands = -1;
        if (!emitted) throw Unsupported($"numeric opcode 0x{op:x2}");
        Pop();
        if (sig.Operand2 != 0) Pop();
        Push(sig.Result);
    }

    /// <summary><c>select</c>: keeps the first operand when the condition is non-zero. Branchy IL that
    /// RyuJIT turns into a conditional move for scalars.</summary>
    private void EmitSelect()
    {
        Pop();
        var t = Pop();
        var second = RentTemp(ClrTypes.Of(t));
        var cond = RentTemp(typeof(int));
        _il.Emit(OpCodes.Stloc, cond);
        _il.Emit(OpCodes.Stloc, second);
        var keep = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, cond);
        _il.Emit(OpCodes.Brtrue, keep);
        _il.Emit(OpCodes.Pop);
        _il.Emit(OpCodes.Ldloc, second);
        _il.MarkLabel(keep);
        ReleaseTemp(second);
        ReleaseTemp(cond);
    }
}
