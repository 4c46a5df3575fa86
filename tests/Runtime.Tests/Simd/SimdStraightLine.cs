using System.Buffers.Binary;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Simd;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>One step of a straight-line SIMD function body.</summary>
internal abstract record SimdStep;

internal sealed record LocalGetStep(int Index) : SimdStep;

/// <summary>A scalar constant (<c>i32/i64/f32/f64.const</c>), already boxed as int/long/float/double.</summary>
internal sealed record ConstStep(object Value) : SimdStep;

/// <summary><c>local.set</c> (or <c>local.tee</c> when <paramref name="Tee"/>).</summary>
internal sealed record LocalSetStep(int Index, bool Tee) : SimdStep;

internal sealed record GlobalGetStep(int Index) : SimdStep;

internal sealed record GlobalSetStep(int Index) : SimdStep;

/// <summary>A scalar core instruction the SIMD tests use as glue around SIMD results: <c>drop</c>,
/// <c>select</c>, <c>i32.and/or/xor</c>, and the scalar loads (with their memarg offset).</summary>
internal sealed record ScalarStep(byte Opcode, ulong MemOffset = 0) : SimdStep;

/// <summary>A 0xFD instruction with its decoded immediates.</summary>
internal sealed record SimdOpStep(SimdOpInfo Info, ulong MemOffset, int Lane, byte[] Bytes) : SimdStep;

/// <summary>Recognizes function bodies the SIMD tests can evaluate without a compiler: a sequence of
/// SIMD instructions (each a <see cref="SimdOps"/> call) with straight-line glue (locals, globals,
/// constants, drop, select, i32 bitwise ops, scalar loads) ending in <c>end</c>. Anything else (control
/// flow, calls, other scalar arithmetic) is reported as not straight-line, with the first opcode that
/// was not understood.</summary>
internal static class SimdStraightLine
{
    public static bool TryDecode(FunctionBody body, out List<SimdStep> steps, out string reason)
    {
        steps = [];
        var r = new WasmReader(body.Code, body.CodeOffset);
        while (!r.AtEnd)
        {
            byte op = r.ReadByte();
            switch (op)
            {
                case Opcode.End:
                    if (!r.AtEnd) return Fail("end before the body's end", out reason);
                    reason = "";
                    return steps.Any(s => s is SimdOpStep) || Fail("no SIMD instruction", out reason);
                case Opcode.LocalGet:
                    steps.Add(new LocalGetStep((int)r.ReadVarU32()));
                    break;
                case Opcode.LocalSet or Opcode.LocalTee:
                    steps.Add(new LocalSetStep((int)r.ReadVarU32(), op == Opcode.LocalTee));
                    break;
                case Opcode.GlobalGet:
                    steps.Add(new GlobalGetStep((int)r.ReadVarU32()));
                    break;
                case Opcode.GlobalSet:
                    steps.Add(new GlobalSetStep((int)r.ReadVarU32()));
                    break;
                case Opcode.Drop or Opcode.Select or Opcode.I32And or Opcode.I32Or or Opcode.I32Xor:
                    steps.Add(new ScalarStep(op));
                    break;
                case Opcode.I32Load or Opcode.I64Load or Opcode.F32Load or Opcode.F64Load:
                    {
                        uint align = r.ReadVarU32();
                        if ((align & 0x40) != 0 && r.ReadVarU32() != 0) return Fail("memory index other than 0", out reason);
                        steps.Add(new ScalarStep(op, r.ReadVarU64()));
                        break;
                    }
                case Opcode.I32Const:
                    steps.Add(new ConstStep(r.ReadVarS32()));
                    break;
                case Opcode.I64Const:
                    steps.Add(new ConstStep(r.ReadVarS64()));
                    break;
                case Opcode.F32Const:
                    steps.Add(new ConstStep(BitConverter.UInt32BitsToSingle(r.ReadF32Bits())));
                    break;
                case Opcode.F64Const:
                    steps.Add(new ConstStep(BitConverter.UInt64BitsToDouble(r.ReadF64Bits())));
                    break;
                case Opcode.PrefixFD:
                    {
                        uint sub = r.ReadVarU32();
                        if (!SimdOpcodes.TryGet(sub, out var info)) return Fail($"unknown SIMD sub-opcode 0x{sub:x2}", out reason);
                        ulong offset = 0;
                        int lane = 0;
                        byte[] bytes = [];
                        if (info.IsMemoryAccess)
                        {
                            uint align = r.ReadVarU32();
                            // Bit 6 of the alignment field announces a memory index (multi-memory).
                            if ((align & 0x40) != 0 && r.ReadVarU32() != 0) return Fail("memory index other than 0", out reason);
                            offset = r.ReadVarU64();
                        }
                        if (info.Immediate is SimdImmediate.Lane or SimdImmediate.MemArgLane) lane = r.ReadByte();
                        if (info.Immediate is SimdImmediate.Shuffle16 or SimdImmediate.V128Const) bytes = r.ReadBytes(16).ToArray();
                        steps.Add(new SimdOpStep(info, offset, lane, bytes));
                        break;
                    }
                default:
                    return Fail($"opcode 0x{op:x2} is not straight-line SIMD", out reason);
            }
        }
        return Fail("missing end", out reason);
    }

    /// <summary>The value of a constant expression that is a single <c>t.const</c>, boxed as the
    /// evaluator represents it.</summary>
    public static bool TryConstValue(ConstExpr expr, out object value)
    {
        value = 0;
        var r = new WasmReader(expr.Code);
        if (r.AtEnd) return false;
        byte op = r.ReadByte();
        switch (op)
        {
            case Opcode.I32Const: value = r.ReadVarS32(); break;
            case Opcode.I64Const: value = r.ReadVarS64(); break;
            case Opcode.F32Const: value = BitConverter.UInt32BitsToSingle(r.ReadF32Bits()); break;
            case Opcode.F64Const: value = BitConverter.UInt64BitsToDouble(r.ReadF64Bits()); break;
            case Opcode.PrefixFD when r.ReadVarU32() == SimdOpcodes.V128Const:
                value = System.Runtime.Intrinsics.Vector128.Create(r.ReadBytes(16).Span);
                break;
            default: return false;
        }
        return !r.AtEnd && r.ReadByte() == Opcode.End && r.AtEnd;
    }

    /// <summary>The active data segments' offsets, when all are plain <c>i32.const</c> expressions.</summary>
    public static bool TryDataOffset(DataSegment segment, out long offset)
    {
        offset = 0;
        if (segment.Offset is not { } expr) return false;
        var code = expr.Code.Span;
        if (code.Length < 2 || code[0] != Opcode.I32Const || code[^1] != Opcode.End) return false;
        var r = new WasmReader(expr.Code[1..^1]);
        offset = (uint)r.ReadVarS32();
        return r.AtEnd;
    }

    public static (long Lo, long Hi) Halves(byte[] bytes) =>
        (BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
