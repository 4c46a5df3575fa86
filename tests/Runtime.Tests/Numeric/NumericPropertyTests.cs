using System.Numerics;
using CsCheck;
using WitSharp.Core;
using WitSharp.Core.Binary;

namespace WitSharp.Runtime.Tests.Numeric;

/// <summary>Random inputs (biased to the edges: bounds ± a few ulps, ±0, infinities, NaNs of every kind,
/// INT_MIN/−1/0) through the emitted code, checked against <see cref="NumericReference"/>.</summary>
public sealed class NumericPropertyTests
{
    private const ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;
    private const long Iterations = 4_000;

    private static readonly Dictionary<(ValType[], ValType, byte, uint), CompiledFunction> s_cache = new(new KeyComparer());

    private static CompiledFunction Op(ValType[] parameters, ValType result, byte op, uint sub = 0)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue((parameters, result, op, sub), out var f))
            {
                var code = new List<byte>();
                for (int i = 0; i < parameters.Length; i++) code.AddRange([Opcode.LocalGet, (byte)i]);
                code.Add(op);
                if (op == Opcode.PrefixFC) code.Add((byte)sub);
                code.Add(Opcode.End);
                s_cache[(parameters, result, op, sub)] = f = StraightLineCompiler.Compile(new FuncType(parameters, [result]), [.. code]);
            }
            return f;
        }
    }

    private static (ulong, TrapCode?) Run(CompiledFunction f, params ulong[] args)
    {
        try
        {
            return (f.Invoke(args), null);
        }
        catch (TestTrapException e)
        {
            return (0, e.Code);
        }
    }

    // ---- generators ----

    private static readonly Gen<ulong> s_int32 = Gen.Frequency(
        (4, Gen.UInt.Select(v => (ulong)v)),
        (2, Gen.Int[-4, 4].Select(v => (ulong)(uint)v)),
        (2, Gen.OneOf(0x8000_0000ul, 0x7FFF_FFFFul, 0x8000_0001ul, 0xFFFF_FFFFul, 31ul, 32ul, 33ul, 63ul)));

    private static readonly Gen<ulong> s_int64 = Gen.Frequency(
        (4, Gen.ULong),
        (2, Gen.Long[-4, 4].Select(v => (ulong)v)),
        (2, Gen.OneOf(0x8000_0000_0000_0000ul, 0x7FFF_FFFF_FFFF_FFFFul, 0xFFFF_FFFF_FFFF_FFFFul, 0x8000_0000ul, 0xFFFF_FFFFul, 63ul, 64ul, 65ul)),
        (2, Gen.Int[0, 63].Select(Gen.Int[-3, 3], (shift, delta) => (ulong)((1L << shift) + delta))),
        // Within a few units of a rounding tie of f32 (24-bit significand) or f64 (53-bit): where rounding
        // through the other precision first (double rounding) gives a different answer.
        (2, Gen.UInt[1u << 23, (1u << 24) - 1].Select(Gen.Int[1, 40], Gen.Int[-2, 2], (m, shift, delta) => ((ulong)m << shift) + (1ul << (shift - 1)) + (ulong)(long)delta)),
        (2, Gen.ULong[1ul << 52, (1ul << 53) - 1].Select(Gen.Int[1, 11], Gen.Int[-2, 2], (m, shift, delta) => (m << shift) + (1ul << (shift - 1)) + (ulong)(long)delta)));

    /// <summary>Values a float→integer conversion turns on: the integer bounds and their neighbours.</summary>
    private static readonly double[] s_floatBounds =
    [
        0, 0.5, 1, 2147483648.0, 4294967296.0, 9223372036854775808.0, 18446744073709551616.0, 2147483647.0,
        4294967295.0, 8388608.0, 16777216.0, 4503599627370496.0, 9007199254740992.0,
        // one past and half-way around the i32/u32 bounds (representable in f64): truncation, not rounding
        2147483649.0, 2147483648.5, 2147483647.5, 4294967296.5, 4294967295.5, 4294967297.0, 0.999,
    ];

    private static Gen<ulong> FloatBits(bool single)
    {
        var specials = single
            ? Gen.OneOf(0x0ul, 0x8000_0000ul, 0x7F80_0000ul, 0xFF80_0000ul, 0x7FC0_0000ul, 0xFFC0_0000ul, 0x7FA0_0000ul, 0xFF80_0001ul, 0x7FFF_FFFFul, 0x1ul, 0x8000_0001ul, 0x7F7F_FFFFul)
            : Gen.OneOf(0x0ul, 0x8000_0000_0000_0000ul, 0x7FF0_0000_0000_0000ul, 0xFFF0_0000_0000_0000ul, 0x7FF8_0000_0000_0000ul, 0xFFF8_0000_0000_0000ul,
                0x7FF4_0000_0000_0000ul, 0xFFF0_0000_0000_0001ul, 0x7FFF_FFFF_FFFF_FFFFul, 0x1ul, 0x8000_0000_0000_0001ul, 0x7FEF_FFFF_FFFF_FFFFul);
        var nearBound = Gen.Int[0, s_floatBounds.Length - 1].Select(Gen.Bool, Gen.Int[-3, 3], (i, negative, steps) =>
        {
            double v = negative ? -s_floatBounds[i] : s_floatBounds[i];
            if (single)
            {
                float f = (float)v;
                for (int s = 0; s < Math.Abs(steps); s++) f = steps > 0 ? MathF.BitIncrement(f) : MathF.BitDecrement(f);
                return (ulong)(uint)BitConverter.SingleToInt32Bits(f);
            }
            for (int s = 0; s < Math.Abs(steps); s++) v = steps > 0 ? Math.BitIncrement(v) : Math.BitDecrement(v);
            return (ulong)BitConverter.DoubleToInt64Bits(v);
        });
        var quarters = Gen.Int[-40_000, 40_000].Select(n => single ? (ulong)(uint)BitConverter.SingleToInt32Bits(n / 4f) : (ulong)BitConverter.DoubleToInt64Bits(n / 4.0));
        var random = single ? Gen.UInt.Select(v => (ulong)v) : Gen.ULong;
        return Gen.Frequency((3, random), (2, specials), (3, nearBound), (2, quarters));
    }

    private static readonly Gen<ulong> s_f32 = FloatBits(single: true), s_f64 = FloatBits(single: false);

    private static double AsDouble(ulong bits, bool single) =>
        single ? BitConverter.Int32BitsToSingle((int)(uint)bits) : BitConverter.Int64BitsToDouble((long)bits);

    private static ulong Bits(double value, bool single) =>
        single ? (uint)BitConverter.SingleToInt32Bits((float)value) : (ulong)BitConverter.DoubleToInt64Bits(value);

    private static string Describe(byte op, ulong a, ulong b = 0) => $"op 0x{op:x2} (0x{a:x}, 0x{b:x})";

    // ---- properties ----

    [Fact]
    public void IntegerBinaryOperationsMatchTheSpec()
    {
        byte[] ops32 = [.. Enumerable.Range(Opcode.I32Add, Opcode.I32Rotr - Opcode.I32Add + 1).Select(o => (byte)o), .. Enumerable.Range(Opcode.I32Eq, Opcode.I32GeU - Opcode.I32Eq + 1).Select(o => (byte)o)];
        Gen.Select(Gen.OneOf(ops32), s_int32, s_int32).Sample((op, a, b) =>
        {
            var actual = Run(Op([I32, I32], I32, op), a, b);
            var expected = NumericReference.Binary32(op, (uint)a, (uint)b);
            if (actual != expected) throw new InvalidOperationException($"{Describe(op, a, b)}: {actual} ≠ {expected}");
        }, iter: Iterations, threads: 1);

        byte[] ops64 = [.. Enumerable.Range(Opcode.I64Add, Opcode.I64Rotr - Opcode.I64Add + 1).Select(o => (byte)o)];
        Gen.Select(Gen.OneOf(ops64), s_int64, s_int64).Sample((op, a, b) =>
        {
            var actual = Run(Op([I64, I64], I64, op), a, b);
            var expected = NumericReference.Binary64(op, a, b);
            if (actual != expected) throw new InvalidOperationException($"{Describe(op, a, b)}: {actual} ≠ {expected}");
        }, iter: Iterations, threads: 1);

        byte[] cmp64 = [.. Enumerable.Range(Opcode.I64Eq, Opcode.I64GeU - Opcode.I64Eq + 1).Select(o => (byte)o)];
        Gen.Select(Gen.OneOf(cmp64), s_int64, s_int64).Sample((op, a, b) =>
        {
            var actual = Run(Op([I64, I64], I32, op), a, b);
            var expected = NumericReference.Binary64(op, a, b);
            if (actual != expected) throw new InvalidOperationException($"{Describe(op, a, b)}: {actual} ≠ {expected}");
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void IntegerUnaryOperationsMatchTheSpec()
    {
        Gen.Select(s_int32, s_int64).Sample((a, b) =>
        {
            Assert.Equal(NumericReference.BitCount("clz", a, 32), Run(Op([I32], I32, Opcode.I32Clz), a).Item1);
            Assert.Equal(NumericReference.BitCount("ctz", a, 32), Run(Op([I32], I32, Opcode.I32Ctz), a).Item1);
            Assert.Equal(NumericReference.BitCount("popcnt", a, 32), Run(Op([I32], I32, Opcode.I32Popcnt), a).Item1);
            Assert.Equal(NumericReference.BitCount("clz", b, 64), Run(Op([I64], I64, Opcode.I64Clz), b).Item1);
            Assert.Equal(NumericReference.BitCount("ctz", b, 64), Run(Op([I64], I64, Opcode.I64Ctz), b).Item1);
            Assert.Equal(NumericReference.BitCount("popcnt", b, 64), Run(Op([I64], I64, Opcode.I64Popcnt), b).Item1);
            Assert.Equal(a == 0 ? 1ul : 0, Run(Op([I32], I32, Opcode.I32Eqz), a).Item1);
            Assert.Equal(b == 0 ? 1ul : 0, Run(Op([I64], I32, Opcode.I64Eqz), b).Item1);
            Assert.Equal((ulong)(uint)(sbyte)a, Run(Op([I32], I32, Opcode.I32Extend8S), a).Item1);
            Assert.Equal((ulong)(uint)(short)a, Run(Op([I32], I32, Opcode.I32Extend16S), a).Item1);
            Assert.Equal((ulong)(sbyte)b, Run(Op([I64], I64, Opcode.I64Extend8S), b).Item1);
            Assert.Equal((ulong)(short)b, Run(Op([I64], I64, Opcode.I64Extend16S), b).Item1);
            Assert.Equal((ulong)(int)b, Run(Op([I64], I64, Opcode.I64Extend32S), b).Item1);
            Assert.Equal((ulong)(int)a, Run(Op([I32], I64, Opcode.I64ExtendI32S), a).Item1);
            Assert.Equal(a, Run(Op([I32], I64, Opcode.I64ExtendI32U), a).Item1);
            Assert.Equal((ulong)(uint)b, Run(Op([I64], I32, Opcode.I32WrapI64), b).Item1);
        }, iter: Iterations, threads: 1);
    }

    public static TheoryData<bool, bool> FloatToIntegerShapes => new() { { true, false }, { true, true }, { false, false }, { false, true } };

    [Theory]
    [MemberData(nameof(FloatToIntegerShapes))]
    public void TruncationsMatchTheSpec(bool single, bool wide)
    {
        // trunc_s, trunc_u for this (source, width); trunc_sat sub-opcodes are ordered the same way.
        byte signedOp = (single, wide) switch
        {
            (true, false) => Opcode.I32TruncF32S, (false, false) => Opcode.I32TruncF64S,
            (true, true) => Opcode.I64TruncF32S, _ => Opcode.I64TruncF64S,
        };
        uint satSigned = (uint)((wide ? 4 : 0) + (single ? 0 : 2));
        ValType source = single ? F32 : F64, target = wide ? I64 : I32;
        (single ? s_f32 : s_f64).Sample(bits =>
        {
            double value = AsDouble(bits, single);
            for (int unsigned = 0; unsigned <= 1; unsigned++)
            {
                var trapping = Run(Op([source], target, (byte)(signedOp + unsigned)), bits);
                var expected = NumericReference.Truncate(value, wide ? 64 : 32, unsigned == 0, saturating: false);
                if (trapping != expected) throw new InvalidOperationException($"trunc 0x{signedOp + unsigned:x2} of {value:R} (0x{bits:x}): {trapping} ≠ {expected}");
                var saturated = Run(Op([source], target, Opcode.PrefixFC, satSigned + (uint)unsigned), bits);
                expected = NumericReference.Truncate(value, wide ? 64 : 32, unsigned == 0, saturating: true);
                if (saturated != expected) throw new InvalidOperationException($"trunc_sat {satSigned + unsigned} of {value:R} (0x{bits:x}): {saturated} ≠ {expected}");
            }
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void IntegerToFloatConversionsRoundOnce()
    {
        Gen.Select(s_int32, s_int64).Sample((a, b) =>
        {
            void Check(byte op, ValType from, ValType to, ulong arg, BigInteger exact)
            {
                bool single = to == F32;
                ulong expected = Bits(NumericReference.RoundToFloat(exact, single ? 24 : 53), single);
                ulong actual = Run(Op([from], to, op), arg).Item1;
                if (actual != expected) throw new InvalidOperationException($"convert 0x{op:x2} of {exact}: 0x{actual:x} ≠ 0x{expected:x}");
            }
            Check(Opcode.F32ConvertI32S, I32, F32, a, (int)a);
            Check(Opcode.F32ConvertI32U, I32, F32, a, (uint)a);
            Check(Opcode.F64ConvertI32S, I32, F64, a, (int)a);
            Check(Opcode.F64ConvertI32U, I32, F64, a, (uint)a);
            Check(Opcode.F32ConvertI64S, I64, F32, b, (long)b);
            Check(Opcode.F32ConvertI64U, I64, F32, b, b);
            Check(Opcode.F64ConvertI64S, I64, F64, b, (long)b);
            Check(Opcode.F64ConvertI64U, I64, F64, b, b);
        }, iter: Iterations, threads: 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SignMinMaxAndNearestMatchTheSpec(bool single)
    {
        ValType t = single ? F32 : F64;
        ulong signBit = single ? 0x8000_0000ul : 0x8000_0000_0000_0000ul;
        ulong quiet = single ? 0x7FC0_0000ul : 0x7FF8_0000_0000_0000ul;
        byte offset = single ? (byte)0 : (byte)(Opcode.F64Abs - Opcode.F32Abs);
        var gen = single ? s_f32 : s_f64;
        Gen.Select(gen, gen).Sample((a, b) =>
        {
            // abs/neg/copysign: the sign bit only, payload untouched.
            Assert.Equal(a & ~signBit, Run(Op([t], t, (byte)(Opcode.F32Abs + offset)), a).Item1);
            Assert.Equal(a ^ signBit, Run(Op([t], t, (byte)(Opcode.F32Neg + offset)), a).Item1);
            Assert.Equal((a & ~signBit) | (b & signBit), Run(Op([t, t], t, (byte)(Opcode.F32Copysign + offset)), a, b).Item1);

            double x = AsDouble(a, single), y = AsDouble(b, single);
            ulong min = Run(Op([t, t], t, (byte)(Opcode.F32Min + offset)), a, b).Item1;
            ulong max = Run(Op([t, t], t, (byte)(Opcode.F32Max + offset)), a, b).Item1;
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                // fmin/fmax: a NaN operand gives a NaN; an arithmetic (quiet) one satisfies every case.
                Assert.True((min & quiet) == quiet && double.IsNaN(AsDouble(min, single)), $"min(0x{a:x}, 0x{b:x}) = 0x{min:x}");
                Assert.True((max & quiet) == quiet && double.IsNaN(AsDouble(max, single)), $"max(0x{a:x}, 0x{b:x}) = 0x{max:x}");
            }
            else
            {
                // −0 is below +0; otherwise the ordinary order.
                bool aFirst = x < y || (x == y && (a & signBit) != 0);
                Assert.Equal(aFirst ? a : b, min);
                Assert.Equal(aFirst ? b : a, max);
            }

            ulong nearest = Run(Op([t], t, (byte)(Opcode.F32Nearest + offset)), a).Item1;
            if (double.IsNaN(x))
                Assert.True((nearest & quiet) == quiet, $"nearest(0x{a:x}) = 0x{nearest:x}");
            else
                Assert.Equal(Bits(NumericReference.Nearest(x), single), nearest);
        }, iter: Iterations, threads: 1);
    }

    private sealed class KeyComparer : IEqualityComparer<(ValType[], ValType, byte, uint)>
    {
        public bool Equals((ValType[], ValType, byte, uint) x, (ValType[], ValType, byte, uint) y) =>
            x.Item1.AsSpan().SequenceEqual(y.Item1) && x.Item2 == y.Item2 && x.Item3 == y.Item3 && x.Item4 == y.Item4;

        public int GetHashCode((ValType[], ValType, byte, uint) k) => HashCode.Combine(k.Item1.Length, k.Item2, k.Item3, k.Item4);
    }
}
