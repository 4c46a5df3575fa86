using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WitSharp.Core.Simd;

// Integer lane arithmetic (spec exec/instructions: viunop, vibinop, vimul, viminmax, vsatbinop,
// avgr_u, q15mulr_sat_s; exec/numerics "Integer Operations"). Plain wrapping arithmetic maps to Vector128 operators;
// where x64 has a single instruction with exactly the wasm semantics (saturating add/sub, rounding
// average, abs, q15 multiply) it is used, with SimdPortable as the equivalent on other hardware.
internal static partial class SimdOps
{
    /// <summary><c>i8x16.abs</c>: wrapping (the minimum value stays itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Abs(Vector128<byte> a) =>
        Ssse3.IsSupported ? Ssse3.Abs(a.AsSByte()).AsByte() : SimdPortable.Abs(a.AsSByte()).AsByte();

    /// <summary><c>i8x16.neg</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Neg(Vector128<byte> a) =>
        (Vector128<sbyte>.Zero - a.AsSByte()).AsByte();

    /// <summary><c>i8x16.add</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSByte() + b.AsSByte()).AsByte();

    /// <summary><c>i8x16.sub</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSByte() - b.AsSByte()).AsByte();

    /// <summary><c>i8x16.add_sat_s</c>: clamped to the signed range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16AddSatS(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.AddSaturate(a.AsSByte(), b.AsSByte()).AsByte() : SimdPortable.AddSaturate(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary><c>i8x16.add_sat_u</c>: clamped to the unsigned range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16AddSatU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.AddSaturate(a.AsByte(), b.AsByte()).AsByte() : SimdPortable.AddSaturate(a.AsByte(), b.AsByte()).AsByte();

    /// <summary><c>i8x16.sub_sat_s</c>: clamped to the signed range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16SubSatS(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.SubtractSaturate(a.AsSByte(), b.AsSByte()).AsByte() : SimdPortable.SubtractSaturate(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary><c>i8x16.sub_sat_u</c>: clamped to the unsigned range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16SubSatU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.SubtractSaturate(a.AsByte(), b.AsByte()).AsByte() : SimdPortable.SubtractSaturate(a.AsByte(), b.AsByte()).AsByte();

    /// <summary><c>i8x16.min_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MinS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary><c>i8x16.min_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MinU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsByte(), b.AsByte()).AsByte();

    /// <summary><c>i8x16.max_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MaxS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsSByte(), b.AsSByte()).AsByte();

    /// <summary><c>i8x16.max_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16MaxU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsByte(), b.AsByte()).AsByte();

    /// <summary><c>i8x16.avgr_u</c>: <c>(a + b + 1) / 2</c> without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16AvgrU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.Average(a.AsByte(), b.AsByte()).AsByte() : SimdPortable.AverageRounded(a.AsByte(), b.AsByte()).AsByte();

    /// <summary><c>i16x8.abs</c>: wrapping (the minimum value stays itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Abs(Vector128<byte> a) =>
        Ssse3.IsSupported ? Ssse3.Abs(a.AsInt16()).AsByte() : SimdPortable.Abs(a.AsInt16()).AsByte();

    /// <summary><c>i16x8.neg</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Neg(Vector128<byte> a) =>
        (Vector128<short>.Zero - a.AsInt16()).AsByte();

    /// <summary><c>i16x8.add</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt16() + b.AsInt16()).AsByte();

    /// <summary><c>i16x8.sub</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt16() - b.AsInt16()).AsByte();

    /// <summary><c>i16x8.mul</c>: low half of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Mul(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt16() * b.AsInt16()).AsByte();

    /// <summary><c>i16x8.add_sat_s</c>: clamped to the signed range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8AddSatS(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.AddSaturate(a.AsInt16(), b.AsInt16()).AsByte() : SimdPortable.AddSaturate(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary><c>i16x8.add_sat_u</c>: clamped to the unsigned range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8AddSatU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.AddSaturate(a.AsUInt16(), b.AsUInt16()).AsByte() : SimdPortable.AddSaturate(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary><c>i16x8.sub_sat_s</c>: clamped to the signed range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8SubSatS(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.SubtractSaturate(a.AsInt16(), b.AsInt16()).AsByte() : SimdPortable.SubtractSaturate(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary><c>i16x8.sub_sat_u</c>: clamped to the unsigned range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8SubSatU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.SubtractSaturate(a.AsUInt16(), b.AsUInt16()).AsByte() : SimdPortable.SubtractSaturate(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary><c>i16x8.min_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MinS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary><c>i16x8.min_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MinU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary><c>i16x8.max_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MaxS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary><c>i16x8.max_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8MaxU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary><c>i16x8.avgr_u</c>: <c>(a + b + 1) / 2</c> without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8AvgrU(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.Average(a.AsUInt16(), b.AsUInt16()).AsByte() : SimdPortable.AverageRounded(a.AsUInt16(), b.AsUInt16()).AsByte();

    /// <summary><c>i32x4.abs</c>: wrapping (the minimum value stays itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Abs(Vector128<byte> a) =>
        Ssse3.IsSupported ? Ssse3.Abs(a.AsInt32()).AsByte() : SimdPortable.Abs(a.AsInt32()).AsByte();

    /// <summary><c>i32x4.neg</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Neg(Vector128<byte> a) =>
        (Vector128<int>.Zero - a.AsInt32()).AsByte();

    /// <summary><c>i32x4.add</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt32() + b.AsInt32()).AsByte();

    /// <summary><c>i32x4.sub</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt32() - b.AsInt32()).AsByte();

    /// <summary><c>i32x4.mul</c>: low half of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Mul(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt32() * b.AsInt32()).AsByte();

    /// <summary><c>i32x4.min_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MinS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary><c>i32x4.min_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MinU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Min(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary><c>i32x4.max_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MaxS(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary><c>i32x4.max_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4MaxU(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.Max(a.AsUInt32(), b.AsUInt32()).AsByte();

    /// <summary><c>i64x2.abs</c>: wrapping (the minimum value stays itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Abs(Vector128<byte> a) =>
        SimdPortable.Abs(a.AsInt64()).AsByte();

    /// <summary><c>i64x2.neg</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Neg(Vector128<byte> a) =>
        (Vector128<long>.Zero - a.AsInt64()).AsByte();

    /// <summary><c>i64x2.add</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt64() + b.AsInt64()).AsByte();

    /// <summary><c>i64x2.sub</c>: wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt64() - b.AsInt64()).AsByte();

    /// <summary><c>i64x2.mul</c>: low half of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Mul(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsInt64() * b.AsInt64()).AsByte();

    /// <summary><c>i16x8.q15mulr_sat_s</c>: <c>sat16((a*b + 0x4000) >> 15)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Q15mulrSatS(Vector128<byte> a, Vector128<byte> b)
    {
        if (Ssse3.IsSupported)
        {
            // pmulhrsw computes (a*b + 0x4000) >> 15 but wraps the single overflowing case
            // (-32768 * -32768 = 32768) to -32768; no other input gives -32768, so flip exactly those lanes.
            var r = Ssse3.MultiplyHighRoundScale(a.AsInt16(), b.AsInt16());
            return (r ^ Vector128.Equals(r, Vector128.Create(short.MinValue))).AsByte();
        }
        return SimdPortable.Q15MulRoundSaturate(a.AsInt16(), b.AsInt16()).AsByte();
    }
}
