using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WitSharp.Core.Simd;

// Conversions between integer and float lanes (spec exec/instructions: vcvtop; exec/numerics
// trunc_sat_s/u, convert_s/u, demote, promote). Since .NET 9 every float→integer conversion, scalar or
// packed, saturates and maps NaN to 0 for signed targets on every platform (docs: "Floating
// point-to-integer conversions are saturating"), which is exactly wasm's trunc_sat; SimdReferenceTests
// pins that contract against the spec definition.
internal static partial class SimdOps
{
    /// <summary><c>i32x4.trunc_sat_f32x4_s</c>: truncate toward zero; NaN → 0; clamp to the i32 range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4S(Vector128<byte> a) =>
        Vector128.ConvertToInt32(a.AsSingle()).AsByte(); // saturating, NaN → 0 (.NET 9+ conversion contract)

    /// <summary><c>i32x4.trunc_sat_f32x4_u</c>: truncate toward zero; NaN and negatives → 0; clamp to 2^32−1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4U(Vector128<byte> a)
    {
        // ConvertToUInt32 saturates (negative → 0, too large → MaxValue); the contract leaves NaN
        // unspecified, so NaN lanes are cleared explicitly.
        var f = a.AsSingle();
        return (Vector128.ConvertToUInt32(f) & Vector128.Equals(f, f).AsUInt32()).AsByte();
    }

    /// <summary><c>i32x4.trunc_sat_f64x2_s_zero</c>: the two f64 lanes saturated to i32 in lanes 0–1, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2SZero(Vector128<byte> a)
    {
        // Clamping in the f64 domain first makes the i64 conversion exact and the narrowing lossless;
        // NaN survives the clamp (Min/Max propagate it) and the conversion maps it to 0.
        var d = Vector128.Min(Vector128.Max(a.AsDouble(), Vector128.Create((double)int.MinValue)), Vector128.Create((double)int.MaxValue));
        return Vector128.Narrow(Vector128.ConvertToInt64(d), Vector128<long>.Zero).AsByte();
    }

    /// <summary><c>i32x4.trunc_sat_f64x2_u_zero</c>: the two f64 lanes saturated to u32 in lanes 0–1, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2UZero(Vector128<byte> a)
    {
        // NaN and every lane ≤ 0 become +0 before the clamp; the u64 conversion is then exact.
        var d = a.AsDouble();
        d = Vector128.ConditionalSelect(Vector128.GreaterThan(d, Vector128<double>.Zero), d, Vector128<double>.Zero);
        d = Vector128.Min(d, Vector128.Create((double)uint.MaxValue));
        return Vector128.Narrow(Vector128.ConvertToUInt64(d), Vector128<ulong>.Zero).AsByte();
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
}
