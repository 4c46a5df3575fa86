using System.Runtime.Intrinsics;
using WitSharp.Core.Simd;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>Lane-by-lane comparison with scalar definitions written from the spec (exec/numerics) for the
/// operations whose vector implementations use tricks: float min/max, saturating truncation, unsigned
/// conversion, rounding, shifts by out-of-range counts.</summary>
public sealed class SimdReferenceTests
{
    private const int Count = 4000;

    // exec/numerics fmin/fmax: NaN in → NaN out (canonical if all NaN inputs are canonical, else
    // arithmetic); -0 < +0. Returns null for "some NaN", checked separately.
    private static double? FMin(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? null : a == b ? (double.IsNegative(a) ? a : b) : Math.Min(a, b);

    private static double? FMax(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? null : a == b ? (double.IsNegative(a) ? b : a) : Math.Max(a, b);

    [Fact]
    public void F32x4_min_and_max_follow_fmin_and_fmax()
    {
        foreach (var (a, b) in SimdTestVectors.Pairs(31, Count))
        {
            var min = SimdOps.F32x4Min(a, b).AsSingle();
            var max = SimdOps.F32x4Max(a, b).AsSingle();
            for (int i = 0; i < 4; i++)
            {
                float x = a.AsSingle().GetElement(i), y = b.AsSingle().GetElement(i);
                CheckF32(FMin(x, y), x, y, min.GetElement(i));
                CheckF32(FMax(x, y), x, y, max.GetElement(i));
            }
        }
    }

    [Fact]
    public void F64x2_min_and_max_follow_fmin_and_fmax()
    {
        foreach (var (a, b) in SimdTestVectors.Pairs(32, Count))
        {
            var min = SimdOps.F64x2Min(a, b).AsDouble();
            var max = SimdOps.F64x2Max(a, b).AsDouble();
            for (int i = 0; i < 2; i++)
            {
                double x = a.AsDouble().GetElement(i), y = b.AsDouble().GetElement(i);
                CheckF64(FMin(x, y), x, y, min.GetElement(i));
                CheckF64(FMax(x, y), x, y, max.GetElement(i));
            }
        }
    }

    private static void CheckF32(double? expected, float x, float y, float actual)
    {
        uint bits = BitConverter.SingleToUInt32Bits(actual);
        if (expected is { } e)
        {
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)e), bits);
            return;
        }
        bool allCanonical = (!float.IsNaN(x) || (BitConverter.SingleToUInt32Bits(x) & 0x7FFF_FFFF) == 0x7FC0_0000)
            && (!float.IsNaN(y) || (BitConverter.SingleToUInt32Bits(y) & 0x7FFF_FFFF) == 0x7FC0_0000);
        if (allCanonical) Assert.Equal(0x7FC0_0000u, bits & 0x7FFF_FFFF);
        else Assert.Equal(0x7FC0_0000u, bits & 0x7FC0_0000);
    }

    private static void CheckF64(double? expected, double x, double y, double actual)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(actual);
        if (expected is { } e)
        {
            Assert.Equal(BitConverter.DoubleToUInt64Bits(e), bits);
            return;
        }
        const ulong Canonical = 0x7FF8_0000_0000_0000;
        bool allCanonical = (!double.IsNaN(x) || (BitConverter.DoubleToUInt64Bits(x) & 0x7FFF_FFFF_FFFF_FFFF) == Canonical)
            && (!double.IsNaN(y) || (BitConverter.DoubleToUInt64Bits(y) & 0x7FFF_FFFF_FFFF_FFFF) == Canonical);
        if (allCanonical) Assert.Equal(Canonical, bits & 0x7FFF_FFFF_FFFF_FFFF);
        else Assert.Equal(Canonical, bits & Canonical);
    }

    [Fact]
    public void Pseudo_min_and_max_return_an_operand_bit_for_bit()
    {
        foreach (var (a, b) in SimdTestVectors.Pairs(33, Count))
        {
            var pmin = SimdOps.F32x4Pmin(a, b).AsUInt32();
            var pmax = SimdOps.F32x4Pmax(a, b).AsUInt32();
            for (int i = 0; i < 4; i++)
            {
                float x = a.AsSingle().GetElement(i), y = b.AsSingle().GetElement(i);
                Assert.Equal(BitConverter.SingleToUInt32Bits(y < x ? y : x), pmin.GetElement(i));
                Assert.Equal(BitConverter.SingleToUInt32Bits(x < y ? y : x), pmax.GetElement(i));
            }
            var dmin = SimdOps.F64x2Pmin(a, b).AsUInt64();
            var dmax = SimdOps.F64x2Pmax(a, b).AsUInt64();
            for (int i = 0; i < 2; i++)
            {
                double x = a.AsDouble().GetElement(i), y = b.AsDouble().GetElement(i);
                Assert.Equal(BitConverter.DoubleToUInt64Bits(y < x ? y : x), dmin.GetElement(i));
                Assert.Equal(BitConverter.DoubleToUInt64Bits(x < y ? y : x), dmax.GetElement(i));
            }
        }
    }

    // exec/numerics trunc_sat_s/u, written with exact double arithmetic (every f32 and the i32/u32 bounds
    // are exact doubles).
    private static long TruncSat(double d, long min, long max) =>
        double.IsNaN(d) ? 0 : d <= min ? min : d >= max ? max : (long)Math.Truncate(d);

    [Fact]
    public void Saturating_truncation_clamps_and_maps_nan_to_zero()
    {
        foreach (var a in SimdTestVectors.Generate(34, Count))
        {
            var s = SimdOps.I32x4TruncSatF32x4S(a).AsInt32();
            var u = SimdOps.I32x4TruncSatF32x4U(a).AsUInt32();
            for (int i = 0; i < 4; i++)
            {
                float f = a.AsSingle().GetElement(i);
                Assert.Equal(TruncSat(f, int.MinValue, int.MaxValue), s.GetElement(i));
                Assert.Equal(TruncSat(f, 0, uint.MaxValue), u.GetElement(i));
            }
            var sd = SimdOps.I32x4TruncSatF64x2SZero(a).AsInt32();
            var ud = SimdOps.I32x4TruncSatF64x2UZero(a).AsUInt32();
            for (int i = 0; i < 2; i++)
            {
                double d = a.AsDouble().GetElement(i);
                Assert.Equal(TruncSat(d, int.MinValue, int.MaxValue), sd.GetElement(i));
                Assert.Equal(TruncSat(d, 0, uint.MaxValue), ud.GetElement(i));
            }
            Assert.Equal(0UL, sd.AsUInt64().GetElement(1));
            Assert.Equal(0UL, ud.AsUInt64().GetElement(1));
        }
    }

    [Fact]
    public void Unsigned_conversions_round_once()
    {
        foreach (var a in SimdTestVectors.Generate(35, Count))
        {
            var f = SimdOps.F32x4ConvertI32x4U(a).AsSingle();
            var d = SimdOps.F64x2ConvertLowI32x4U(a).AsDouble();
            var fs = SimdOps.F32x4ConvertI32x4S(a).AsSingle();
            for (int i = 0; i < 4; i++)
            {
                uint x = a.AsUInt32().GetElement(i);
                // u32 → f64 is exact, so the f64 → f32 step is the single rounding.
                Assert.Equal((float)(double)x, f.GetElement(i));
                Assert.Equal((float)(double)(int)x, fs.GetElement(i));
                if (i < 2) Assert.Equal((double)x, d.GetElement(i));
            }
        }
    }

    [Fact]
    public void Rounding_matches_the_ieee_directed_roundings()
    {
        foreach (var a in SimdTestVectors.Generate(36, Count))
        {
            var near = SimdOps.F32x4Nearest(a).AsSingle();
            var ceil = SimdOps.F32x4Ceil(a).AsSingle();
            var floor = SimdOps.F32x4Floor(a).AsSingle();
            var trunc = SimdOps.F32x4Trunc(a).AsSingle();
            for (int i = 0; i < 4; i++)
            {
                float x = a.AsSingle().GetElement(i);
                if (float.IsNaN(x))
                {
                    Assert.True(float.IsNaN(near.GetElement(i)) && float.IsNaN(ceil.GetElement(i)));
                    continue;
                }
                Assert.Equal(BitConverter.SingleToUInt32Bits(MathF.Round(x, MidpointRounding.ToEven)), BitConverter.SingleToUInt32Bits(near.GetElement(i)));
                Assert.Equal(BitConverter.SingleToUInt32Bits(MathF.Ceiling(x)), BitConverter.SingleToUInt32Bits(ceil.GetElement(i)));
                Assert.Equal(BitConverter.SingleToUInt32Bits(MathF.Floor(x)), BitConverter.SingleToUInt32Bits(floor.GetElement(i)));
                Assert.Equal(BitConverter.SingleToUInt32Bits(MathF.Truncate(x)), BitConverter.SingleToUInt32Bits(trunc.GetElement(i)));
            }
            var dnear = SimdOps.F64x2Nearest(a).AsDouble();
            for (int i = 0; i < 2; i++)
            {
                double x = a.AsDouble().GetElement(i);
                if (!double.IsNaN(x)) Assert.Equal(BitConverter.DoubleToUInt64Bits(Math.Round(x, MidpointRounding.ToEven)), BitConverter.DoubleToUInt64Bits(dnear.GetElement(i)));
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Shift_counts_are_taken_modulo_the_lane_width(int count)
    {
        foreach (var a in SimdTestVectors.Generate(37 + count, 200))
        {
            var shl8 = SimdOps.I8x16Shl(a, count);
            var shr8 = SimdOps.I8x16ShrS(a, count).AsSByte();
            var shl16 = SimdOps.I16x8Shl(a, count).AsInt16();
            var shrU32 = SimdOps.I32x4ShrU(a, count).AsUInt32();
            var shrS64 = SimdOps.I64x2ShrS(a, count).AsInt64();
            var shl64 = SimdOps.I64x2Shl(a, count).AsInt64();
            for (int i = 0; i < 16; i++)
            {
                Assert.Equal((byte)(a.GetElement(i) << (count & 7)), shl8.GetElement(i));
                Assert.Equal((sbyte)(a.AsSByte().GetElement(i) >> (count & 7)), shr8.GetElement(i));
            }
            for (int i = 0; i < 8; i++) Assert.Equal((short)(a.AsInt16().GetElement(i) << (count & 15)), shl16.GetElement(i));
            for (int i = 0; i < 4; i++) Assert.Equal(a.AsUInt32().GetElement(i) >> count, shrU32.GetElement(i));
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(a.AsInt64().GetElement(i) >> count, shrS64.GetElement(i));
                Assert.Equal(a.AsInt64().GetElement(i) << count, shl64.GetElement(i));
            }
        }
    }

    [Fact]
    public void Bitmask_and_lane_tests()
    {
        foreach (var a in SimdTestVectors.Generate(38, Count))
        {
            int m8 = 0, m16 = 0, m32 = 0, m64 = 0;
            for (int i = 0; i < 16; i++) m8 |= (a.GetElement(i) >> 7) << i;
            for (int i = 0; i < 8; i++) m16 |= (a.AsUInt16().GetElement(i) >> 15) << i;
            for (int i = 0; i < 4; i++) m32 |= (int)(a.AsUInt32().GetElement(i) >> 31) << i;
            for (int i = 0; i < 2; i++) m64 |= (int)(a.AsUInt64().GetElement(i) >> 63) << i;
            Assert.Equal(m8, SimdOps.I8x16Bitmask(a));
            Assert.Equal(m16, SimdOps.I16x8Bitmask(a));
            Assert.Equal(m32, SimdOps.I32x4Bitmask(a));
            Assert.Equal(m64, SimdOps.I64x2Bitmask(a));
            Assert.Equal(Enumerable.Range(0, 16).All(i => a.GetElement(i) != 0) ? 1 : 0, SimdOps.I8x16AllTrue(a));
            Assert.Equal(Enumerable.Range(0, 8).All(i => a.AsUInt16().GetElement(i) != 0) ? 1 : 0, SimdOps.I16x8AllTrue(a));
            Assert.Equal(Enumerable.Range(0, 4).All(i => a.AsUInt32().GetElement(i) != 0) ? 1 : 0, SimdOps.I32x4AllTrue(a));
            Assert.Equal(Enumerable.Range(0, 2).All(i => a.AsUInt64().GetElement(i) != 0) ? 1 : 0, SimdOps.I64x2AllTrue(a));
            Assert.Equal(a == Vector128<byte>.Zero ? 0 : 1, SimdOps.V128AnyTrue(a));
        }
    }
}
