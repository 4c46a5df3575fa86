using System.Runtime.Intrinsics;
using WitSharp.Core.Simd;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>SimdOps takes single-instruction hardware paths where x64 has them; on other hardware it uses
/// SimdPortable. These tests run both on the same edge-biased inputs and require identical bits, so the
/// fallbacks are as well tested as the paths the spec suite exercises on this machine (on hardware
/// without those instructions both sides are portable code and the tests still hold).</summary>
public sealed class SimdPortableTests
{
    private const int Count = 4000;

    private static void Binary(Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> hardware,
        Func<Vector128<byte>, Vector128<byte>, Vector128<byte>> portable, int seed)
    {
        foreach (var (a, b) in SimdTestVectors.Pairs(seed, Count))
        {
            var expected = hardware(a, b);
            var actual = portable(a, b);
            Assert.True(expected == actual, $"a={a} b={b}: hardware {expected}, portable {actual}");
        }
    }

    private static void Unary(Func<Vector128<byte>, Vector128<byte>> hardware, Func<Vector128<byte>, Vector128<byte>> portable, int seed)
    {
        foreach (var a in SimdTestVectors.Generate(seed, Count))
        {
            var expected = hardware(a);
            var actual = portable(a);
            Assert.True(expected == actual, $"a={a}: hardware {expected}, portable {actual}");
        }
    }

    [Fact]
    public void Swizzle() => Binary(SimdOps.I8x16Swizzle, SimdPortable.Swizzle, 1);

    [Fact]
    public void Shuffle_matches_the_lane_definition()
    {
        var rng = new Random(2);
        foreach (var (a, b) in SimdTestVectors.Pairs(2, Count))
        {
            var idx = new byte[16];
            for (int i = 0; i < 16; i++) idx[i] = (byte)rng.Next(32);
            var r = SimdOps.I8x16Shuffle(a, b, Vector128.Create(idx));
            for (int i = 0; i < 16; i++) Assert.Equal(idx[i] < 16 ? a.GetElement(idx[i]) : b.GetElement(idx[i] - 16), r.GetElement(i));
        }
    }

    [Fact]
    public void Abs()
    {
        Unary(SimdOps.I8x16Abs, a => SimdPortable.Abs(a.AsSByte()).AsByte(), 3);
        Unary(SimdOps.I16x8Abs, a => SimdPortable.Abs(a.AsInt16()).AsByte(), 4);
        Unary(SimdOps.I32x4Abs, a => SimdPortable.Abs(a.AsInt32()).AsByte(), 5);
    }

    [Fact]
    public void Saturating_add_and_subtract()
    {
        Binary(SimdOps.I8x16AddSatS, (a, b) => SimdPortable.AddSaturate(a.AsSByte(), b.AsSByte()).AsByte(), 6);
        Binary(SimdOps.I8x16AddSatU, (a, b) => SimdPortable.AddSaturate(a, b), 7);
        Binary(SimdOps.I8x16SubSatS, (a, b) => SimdPortable.SubtractSaturate(a.AsSByte(), b.AsSByte()).AsByte(), 8);
        Binary(SimdOps.I8x16SubSatU, (a, b) => SimdPortable.SubtractSaturate(a, b), 9);
        Binary(SimdOps.I16x8AddSatS, (a, b) => SimdPortable.AddSaturate(a.AsInt16(), b.AsInt16()).AsByte(), 10);
        Binary(SimdOps.I16x8AddSatU, (a, b) => SimdPortable.AddSaturate(a.AsUInt16(), b.AsUInt16()).AsByte(), 11);
        Binary(SimdOps.I16x8SubSatS, (a, b) => SimdPortable.SubtractSaturate(a.AsInt16(), b.AsInt16()).AsByte(), 12);
        Binary(SimdOps.I16x8SubSatU, (a, b) => SimdPortable.SubtractSaturate(a.AsUInt16(), b.AsUInt16()).AsByte(), 13);
    }

    [Fact]
    public void Rounding_average()
    {
        Binary(SimdOps.I8x16AvgrU, (a, b) => SimdPortable.AverageRounded(a, b), 14);
        Binary(SimdOps.I16x8AvgrU, (a, b) => SimdPortable.AverageRounded(a.AsUInt16(), b.AsUInt16()).AsByte(), 15);
    }

    [Fact]
    public void Q15_multiply() =>
        Binary(SimdOps.I16x8Q15mulrSatS, (a, b) => SimdPortable.Q15MulRoundSaturate(a.AsInt16(), b.AsInt16()).AsByte(), 16);

    [Fact]
    public void Saturating_narrow()
    {
        Binary(SimdOps.I8x16NarrowI16x8S, (a, b) => SimdPortable.NarrowSaturateSigned(a.AsInt16(), b.AsInt16()).AsByte(), 17);
        Binary(SimdOps.I8x16NarrowI16x8U, (a, b) => SimdPortable.NarrowSaturateUnsigned(a.AsInt16(), b.AsInt16()), 18);
        Binary(SimdOps.I16x8NarrowI32x4S, (a, b) => SimdPortable.NarrowSaturateSigned(a.AsInt32(), b.AsInt32()).AsByte(), 19);
        Binary(SimdOps.I16x8NarrowI32x4U, (a, b) => SimdPortable.NarrowSaturateUnsigned(a.AsInt32(), b.AsInt32()).AsByte(), 20);
    }

    [Fact]
    public void Dot_product() =>
        Binary(SimdOps.I32x4DotI16x8S, (a, b) => SimdPortable.DotAdjacent(a.AsInt16(), b.AsInt16()).AsByte(), 21);

    [Fact]
    public void Popcount() => Unary(SimdOps.I8x16Popcnt, SimdPortable.PopCount, 26);

    [Fact]
    public void Popcount_matches_the_scalar_count()
    {
        foreach (var a in SimdTestVectors.Generate(22, Count))
        {
            var r = SimdOps.I8x16Popcnt(a);
            for (int i = 0; i < 16; i++) Assert.Equal(System.Numerics.BitOperations.PopCount(a.GetElement(i)), r.GetElement(i));
        }
    }

    [Fact]
    public void Low_lane_conversions()
    {
        Unary(SimdOps.F64x2ConvertLowI32x4S, a => SimdPortable.ConvertLowToDouble(a.AsInt32()).AsByte(), 23);
        Unary(SimdOps.F32x4DemoteF64x2Zero, a => SimdPortable.DemoteToSingleZero(a.AsDouble()).AsByte(), 24);
        Unary(SimdOps.F64x2PromoteLowF32x4, a => SimdPortable.PromoteLowToDouble(a.AsSingle()).AsByte(), 25);
    }
}
