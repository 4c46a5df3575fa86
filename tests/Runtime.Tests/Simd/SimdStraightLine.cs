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

/// <summary>A 0xFD instruction with its decoded immediates.</summary>
internal sealed record SimdOpStep(SimdOpInfo Info, ulong MemOffset, int Lane, byte[] Bytes) : SimdStep;

/// <summary>Recognizes function bodies the SIMD tests can evaluate without a compiler: a sequence of
/// <c>local.get</c>, scalar constants and SIMD instructions (each a <see cref="SimdOps"/> call) ending in
/// <c>end</c>. Anything else (control flow, calls, globals, scalar arithmetic) is reported as not
/// straight-line, with the first opcode that was not understood.</summary>
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
