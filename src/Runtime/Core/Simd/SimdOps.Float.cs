using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WitSharp.Core.Simd;

// Float lane arithmetic (spec exec/instructions: vfunop, vfbinop; exec/numerics "Floating-Point
// Operations"). Arithmetic follows IEEE 754 round-to-nearest, which the hardware does; a NaN result may be
// any arithmetic NaN (canonical when all NaN operands are canonical), which is what x64 and Arm64 produce.
// abs and neg are pure sign-bit operations and never touch a NaN payload. min/max are exec/numerics
// fmin/fmax: a NaN operand gives a NaN, and -0 < +0. Since .NET 9 Vector128.Min/Max on floats are
// IEEE 754-2019 minimum/maximum (NaN-propagating, -0 < +0) on every platform, but without AVX (and in
// the software fallback) they hand back a signaling NaN operand unquieted, which wasm forbids (the
// result must be an arithmetic NaN); see QuietNaNs.
internal static partial class SimdOps
{
    /// <summary><c>f32x4.abs</c>: clears the sign bit (NaN payloads unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Abs(Vector128<byte> a) =>
        Vector128.AndNot(a.AsUInt32(), Vector128.Create(0x8000_0000u)).AsByte();

    /// <summary><c>f32x4.neg</c>: flips the sign bit (NaN payloads unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Neg(Vector128<byte> a) =>
        (a.AsUInt32() ^ Vector128.Create(0x8000_0000u)).AsByte();

    /// <summary><c>f32x4.sqrt</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Sqrt(Vector128<byte> a) =>
        Vector128.Sqrt(a.AsSingle()).AsByte();

    /// <summary><c>f32x4.add</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() + b.AsSingle()).AsByte();

    /// <summary><c>f32x4.sub</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() - b.AsSingle()).AsByte();

    /// <summary><c>f32x4.mul</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Mul(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() * b.AsSingle()).AsByte();

    /// <summary><c>f32x4.div</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Div(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsSingle() / b.AsSingle()).AsByte();

    /// <summary><c>f32x4.min</c>: NaN if either lane is NaN; -0 is below +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Min(Vector128<byte> a, Vector128<byte> b) =>
        QuietNaNs(Vector128.Min(a.AsSingle(), b.AsSingle()), a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary><c>f32x4.max</c>: NaN if either lane is NaN; +0 is above -0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Max(Vector128<byte> a, Vector128<byte> b) =>
        QuietNaNs(Vector128.Max(a.AsSingle(), b.AsSingle()), a.AsSingle(), b.AsSingle()).AsByte();

    /// <summary><c>f32x4.pmin</c>: <c>b &lt; a ? b : a</c> (pseudo-minimum: a NaN or zero tie yields a, bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Pmin(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(b.AsSingle(), a.AsSingle()), b.AsSingle(), a.AsSingle()).AsByte();

    /// <summary><c>f32x4.pmax</c>: <c>a &lt; b ? b : a</c> (pseudo-maximum: a NaN or zero tie yields a, bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Pmax(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(a.AsSingle(), b.AsSingle()), b.AsSingle(), a.AsSingle()).AsByte();

    /// <summary><c>f32x4.ceil</c>: round toward +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Ceil(Vector128<byte> a) =>
        Vector128.Ceiling(a.AsSingle()).AsByte();

    /// <summary><c>f32x4.floor</c>: round toward −∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Floor(Vector128<byte> a) =>
        Vector128.Floor(a.AsSingle()).AsByte();

    /// <summary><c>f32x4.trunc</c>: round toward zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Trunc(Vector128<byte> a) =>
        Vector128.Truncate(a.AsSingle()).AsByte();

    /// <summary><c>f32x4.nearest</c>: round to nearest, ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Nearest(Vector128<byte> a) =>
        Vector128.Round(a.AsSingle()).AsByte();

    /// <summary><c>f64x2.abs</c>: clears the sign bit (NaN payloads unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Abs(Vector128<byte> a) =>
        Vector128.AndNot(a.AsUInt64(), Vector128.Create(0x8000_0000_0000_0000ul)).AsByte();

    /// <summary><c>f64x2.neg</c>: flips the sign bit (NaN payloads unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Neg(Vector128<byte> a) =>
        (a.AsUInt64() ^ Vector128.Create(0x8000_0000_0000_0000ul)).AsByte();

    /// <summary><c>f64x2.sqrt</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Sqrt(Vector128<byte> a) =>
        Vector128.Sqrt(a.AsDouble()).AsByte();

    /// <summary><c>f64x2.add</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Add(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() + b.AsDouble()).AsByte();

    /// <summary><c>f64x2.sub</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Sub(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() - b.AsDouble()).AsByte();

    /// <summary><c>f64x2.mul</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Mul(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() * b.AsDouble()).AsByte();

    /// <summary><c>f64x2.div</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Div(Vector128<byte> a, Vector128<byte> b) =>
        (a.AsDouble() / b.AsDouble()).AsByte();

    /// <summary><c>f64x2.min</c>: NaN if either lane is NaN; -0 is below +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Min(Vector128<byte> a, Vector128<byte> b) =>
        QuietNaNs(Vector128.Min(a.AsDouble(), b.AsDouble()), a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary><c>f64x2.max</c>: NaN if either lane is NaN; +0 is above -0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Max(Vector128<byte> a, Vector128<byte> b) =>
        QuietNaNs(Vector128.Max(a.AsDouble(), b.AsDouble()), a.AsDouble(), b.AsDouble()).AsByte();

    /// <summary><c>f64x2.pmin</c>: <c>b &lt; a ? b : a</c> (pseudo-minimum: a NaN or zero tie yields a, bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Pmin(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(b.AsDouble(), a.AsDouble()), b.AsDouble(), a.AsDouble()).AsByte();

    /// <summary><c>f64x2.pmax</c>: <c>a &lt; b ? b : a</c> (pseudo-maximum: a NaN or zero tie yields a, bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Pmax(Vector128<byte> a, Vector128<byte> b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(a.AsDouble(), b.AsDouble()), b.AsDouble(), a.AsDouble()).AsByte();

    /// <summary><c>f64x2.ceil</c>: round toward +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Ceil(Vector128<byte> a) =>
        Vector128.Ceiling(a.AsDouble()).AsByte();

    /// <summary><c>f64x2.floor</c>: round toward −∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Floor(Vector128<byte> a) =>
        Vector128.Floor(a.AsDouble()).AsByte();

    /// <summary><c>f64x2.trunc</c>: round toward zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Trunc(Vector128<byte> a) =>
        Vector128.Truncate(a.AsDouble()).AsByte();

    /// <summary><c>f64x2.nearest</c>: round to nearest, ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Nearest(Vector128<byte> a) =>
        Vector128.Round(a.AsDouble()).AsByte();

    // A min/max lane is NaN exactly when an operand is; such lanes take a + b instead, which IEEE
    // arithmetic makes a quiet NaN from the operands (canonical when they are, arithmetic otherwise:
    // the nans{z1,z2} rule of exec/numerics). Ordered lanes keep the Min/Max result bit for bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> QuietNaNs<T>(Vector128<T> result, Vector128<T> a, Vector128<T> b) =>
        Vector128.ConditionalSelect(Vector128.Equals(result, result), result, a + b);
}
