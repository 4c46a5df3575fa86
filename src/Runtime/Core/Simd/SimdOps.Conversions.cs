using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WitSharp.Core.Simd;

// Conversions between integer and float lanes (spec exec/instructions: vcvtop; exec/numerics
// trunc_sat_s/u, convert_s/u, demote, promote). Hardware float→int conversions return an "integer
// indefinite" value (x64) or saturate (Arm64) out of range, so the saturating truncations only ask the
// hardware for in-range lanes and set NaN and out-of-range lanes explicitly.
internal static partial class SimdOps
{
    private const float TwoPow31F = 2147483648f, TwoPow32F = 4294967296f;

    /// <summary><c>i32x4.trunc_sat_f32x4_s</c>: truncate toward zero; NaN → 0; clamp to the i32 range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4S(Vector128<byte> a)
    {
        var f = a.AsSingle();
        var r = Vector128.ConvertToInt32(f);
        r = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(f, Vector128.Create(TwoPow31F)).AsInt32(), Vector128.Create(int.MaxValue), r);
        r = Vector128.ConditionalSelect(Vector128.LessThan(f, Vector128.Create(-TwoPow31F)).AsInt32(), Vector128.Create(int.MinValue), r);
        return (r & Vector128.Equals(f, f).AsInt32()).AsByte();
    }

    /// <summary><c>i32x4.trunc_sat_f32x4_u</c>: truncate toward zero; NaN and negatives → 0; clamp to 2^32−1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4U(Vector128<byte> a)
    {
        var f = a.AsSingle();
        // NaN and every lane ≤ 0 (including (-1, 0), which truncates to 0) become +0.
        var p = Vector128.ConditionalSelect(Vector128.GreaterThan(f, Vector128<float>.Zero), f, Vector128<float>.Zero);
        var high = Vector128.GreaterThanOrEqual(p, Vector128.Create(TwoPow31F)).AsInt32();
        // Lanes in [2^31, 2^32) are converted after subtracting 2^31 (exact: their ulp is at least 256)
        // and get the top bit back by the wrapping add of int.MinValue.
        var low = Vector128.ConvertToInt32(p);
        var upper = Vector128.ConvertToInt32(p - Vector128.Create(TwoPow31F)) + Vector128.Create(int.MinValue);
        var r = Vector128.ConditionalSelect(high, upper, low);
        var over = Vector128.GreaterThanOrEqual(p, Vector128.Create(TwoPow32F)).AsInt32();
        return (r | over).AsByte();
    }

    /// <summary><c>i32x4.trunc_sat_f64x2_s_zero</c>: the two f64 lanes saturated to i32 in lanes 0–1, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2SZero(Vector128<byte> a)
    {
        var d = a.AsDouble();
        return Vector128.Create(TruncSatS(d.GetElement(0)), TruncSatS(d.GetElement(1)), 0, 0).AsByte();
    }

    /// <summary><c>i32x4.trunc_sat_f64x2_u_zero</c>: the two f64 lanes saturated to u32 in lanes 0–1, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2UZero(Vector128<byte> a)
    {
        var d = a.AsDouble();
        return Vector128.Create(TruncSatU(d.GetElement(0)), TruncSatU(d.GetElement(1)), 0u, 0u).AsByte();
    }

    /// <summary><c>f32x4.convert_i32x4_s</c>: round to nearest, ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ConvertI32x4S(Vector128<byte> a) =>
        Vector128.ConvertToSingle(a.AsInt32()).AsByte();

    /// <summary><c>f32x4.convert_i32x4_u</c>: round to nearest, ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ConvertI32x4U(Vector128<byte> a)
    {
        // Both 16-bit halves convert exactly (and hi * 2^16 stays exact), so the single rounding
        // happens in the final add: the result is the correctly rounded u32 → f32 conversion.
        var u = a.AsUInt32();
        var hi = Vector128.ConvertToSingle(Vector128.ShiftRightLogical(u, 16).AsInt32()) * Vector128.Create(65536f);
        var lo = Vector128.ConvertToSingle((u & Vector128.Create(0xFFFFu)).AsInt32());
        return (hi + lo).AsByte();
    }

    /// <summary><c>f64x2.convert_low_i32x4_s</c>: lanes 0–1 as f64 (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ConvertLowI32x4S(Vector128<byte> a)
    {
        return Sse2.IsSupported ? Sse2.ConvertToVector128Double(a.AsInt32()).AsByte() : SimdPortable.ConvertLowToDouble(a.AsInt32()).AsByte();
    }

    /// <summary><c>f64x2.convert_low_i32x4_u</c>: lanes 0–1 as f64 (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ConvertLowI32x4U(Vector128<byte> a)
    {
        // 2^52 + u is exact as a double, so placing u in the mantissa of 2^52 and subtracting 2^52 converts.
        var wide = Vector128.WidenLower(a.AsUInt32()) | Vector128.Create(0x4330_0000_0000_0000ul);
        return (wide.AsDouble() - Vector128.Create(4503599627370496.0)).AsByte();
    }

    /// <summary><c>f32x4.demote_f64x2_zero</c>: lanes 0–1 rounded to f32, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4DemoteF64x2Zero(Vector128<byte> a)
    {
        return Sse2.IsSupported ? Sse2.ConvertToVector128Single(a.AsDouble()).AsByte() : SimdPortable.DemoteToSingleZero(a.AsDouble()).AsByte();
    }

    /// <summary><c>f64x2.promote_low_f32x4</c>: lanes 0–1 widened to f64 (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2PromoteLowF32x4(Vector128<byte> a)
    {
        return Sse2.IsSupported ? Sse2.ConvertToVector128Double(a.AsSingle()).AsByte() : SimdPortable.PromoteLowToDouble(a.AsSingle()).AsByte();
    }

    // exec/numerics trunc_sat_s for N = 32: comparisons are false for NaN, so it falls through to 0.
    private static int TruncSatS(double d) =>
        d > -2147483649.0 ? (d < 2147483648.0 ? (int)d : int.MaxValue) : (double.IsNaN(d) ? 0 : int.MinValue);

    // trunc_sat_u for N = 32: lanes in (-1, 0] truncate to 0 like negatives and NaN.
    private static uint TruncSatU(double d) =>
        d > 0 ? (d < 4294967296.0 ? (uint)d : uint.MaxValue) : 0u;
}
