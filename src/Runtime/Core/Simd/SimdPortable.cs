using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WitSharp.Core.Simd;

/// <summary>Hardware-independent forms of the SIMD operations for which <see cref="SimdOps"/> prefers a
/// single x64 (or Arm64) instruction. Built only from cross-platform <c>Vector128</c> operations whose
/// semantics do not depend on the hardware; tests check them against the hardware paths on random inputs.</summary>
internal static class SimdPortable
{
    /// <summary>Wasm <c>i8x16.swizzle</c>: lane i is <c>a[s[i]]</c>, 0 when <c>s[i] ≥ 16</c>.</summary>
    public static Vector128<byte> Swizzle(Vector128<byte> a, Vector128<byte> s)
    {
        Span<byte> r = stackalloc byte[16];
        for (int i = 0; i < 16; i++)
        {
            byte k = s.GetElement(i);
            r[i] = k < 16 ? a.GetElement(k) : (byte)0;
        }
        return Vector128.Create((ReadOnlySpan<byte>)r);
    }

    /// <summary>Wrapping absolute value (the minimum value maps to itself), any signed lane type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Abs<T>(Vector128<T> v) =>
        Vector128.ConditionalSelect(Vector128.LessThan(v, Vector128<T>.Zero), Vector128<T>.Zero - v, v);

    // Signed saturating add/sub: the wrapped result overflowed exactly when its sign differs from both
    // addends (add) or from the minuend while the operands' signs differ (sub); the saturated value has
    // the sign of a: (a >> (bits - 1)) ^ MaxValue is MaxValue for a ≥ 0 and MinValue for a < 0.

    /// <summary>Signed saturating add of i8 lanes.</summary>
    public static Vector128<sbyte> AddSaturate(Vector128<sbyte> a, Vector128<sbyte> b)
    {
        var r = a + b;
        var sat = Vector128.ShiftRightArithmetic(a, 7) ^ Vector128.Create(sbyte.MaxValue);
        return Vector128.ConditionalSelect(Vector128.ShiftRightArithmetic((a ^ r) & (b ^ r), 7), sat, r);
    }

    /// <summary>Signed saturating add of i16 lanes.</summary>
    public static Vector128<short> AddSaturate(Vector128<short> a, Vector128<short> b)
    {
        var r = a + b;
        var sat = Vector128.ShiftRightArithmetic(a, 15) ^ Vector128.Create(short.MaxValue);
        return Vector128.ConditionalSelect(Vector128.ShiftRightArithmetic((a ^ r) & (b ^ r), 15), sat, r);
    }

    /// <summary>Signed saturating subtract of i8 lanes.</summary>
    public static Vector128<sbyte> SubtractSaturate(Vector128<sbyte> a, Vector128<sbyte> b)
    {
        var r = a - b;
        var sat = Vector128.ShiftRightArithmetic(a, 7) ^ Vector128.Create(sbyte.MaxValue);
        return Vector128.ConditionalSelect(Vector128.ShiftRightArithmetic((a ^ b) & (a ^ r), 7), sat, r);
    }

    /// <summary>Signed saturating subtract of i16 lanes.</summary>
    public static Vector128<short> SubtractSaturate(Vector128<short> a, Vector128<short> b)
    {
        var r = a - b;
        var sat = Vector128.ShiftRightArithmetic(a, 15) ^ Vector128.Create(short.MaxValue);
        return Vector128.ConditionalSelect(Vector128.ShiftRightArithmetic((a ^ b) & (a ^ r), 15), sat, r);
    }

    /// <summary>Unsigned saturating add (a wrapped sum is below an addend exactly when it overflowed).</summary>
    public static Vector128<T> AddSaturate<T>(Vector128<T> a, Vector128<T> b)
    {
        var r = a + b;
        return r | Vector128.LessThan(r, a);
    }

    /// <summary>Unsigned saturating subtract: <c>max(a, b) - b</c>.</summary>
    public static Vector128<T> SubtractSaturate<T>(Vector128<T> a, Vector128<T> b) => Vector128.Max(a, b) - b;

    // Unsigned rounding average (a + b + 1) >> 1 without the intermediate overflow:
    // a + b = 2(a & b) + (a ^ b), so the rounded-up half is (a | b) - ((a ^ b) >> 1).

    /// <summary>Unsigned rounding average of u8 lanes.</summary>
    public static Vector128<byte> AverageRounded(Vector128<byte> a, Vector128<byte> b) =>
        (a | b) - Vector128.ShiftRightLogical(a ^ b, 1);

    /// <summary>Unsigned rounding average of u16 lanes.</summary>
    public static Vector128<ushort> AverageRounded(Vector128<ushort> a, Vector128<ushort> b) =>
        (a | b) - Vector128.ShiftRightLogical(a ^ b, 1);

    /// <summary>Wasm <c>i16x8.q15mulr_sat_s</c> computed in i32 lanes.</summary>
    public static Vector128<short> Q15MulRoundSaturate(Vector128<short> a, Vector128<short> b)
    {
        var round = Vector128.Create(0x4000);
        var lo = Vector128.ShiftRightArithmetic(Vector128.WidenLower(a) * Vector128.WidenLower(b) + round, 15);
        var hi = Vector128.ShiftRightArithmetic(Vector128.WidenUpper(a) * Vector128.WidenUpper(b) + round, 15);
        return NarrowSaturateSigned(lo, hi);
    }

    /// <summary>Lanes of a then b, clamped to the signed i8 range.</summary>
    public static Vector128<sbyte> NarrowSaturateSigned(Vector128<short> a, Vector128<short> b) =>
        Vector128.Narrow(Clamp(a, sbyte.MinValue, sbyte.MaxValue), Clamp(b, sbyte.MinValue, sbyte.MaxValue));

    /// <summary>Signed lanes of a then b, clamped to the unsigned i8 range.</summary>
    public static Vector128<byte> NarrowSaturateUnsigned(Vector128<short> a, Vector128<short> b) =>
        Vector128.Narrow(Clamp(a, 0, byte.MaxValue).AsUInt16(), Clamp(b, 0, byte.MaxValue).AsUInt16());

    /// <summary>Lanes of a then b, clamped to the signed i16 range.</summary>
    public static Vector128<short> NarrowSaturateSigned(Vector128<int> a, Vector128<int> b) =>
        Vector128.Narrow(Clamp(a, short.MinValue, short.MaxValue), Clamp(b, short.MinValue, short.MaxValue));

    /// <summary>Signed lanes of a then b, clamped to the unsigned i16 range.</summary>
    public static Vector128<ushort> NarrowSaturateUnsigned(Vector128<int> a, Vector128<int> b) =>
        Vector128.Narrow(Clamp(a, 0, ushort.MaxValue).AsUInt32(), Clamp(b, 0, ushort.MaxValue).AsUInt32());

    /// <summary>Wasm <c>i32x4.dot_i16x8_s</c>: sums of adjacent i16 products, wrapping.</summary>
    public static Vector128<int> DotAdjacent(Vector128<short> a, Vector128<short> b)
    {
        var ai = a.AsInt32();
        var bi = b.AsInt32();
        var even = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(ai, 16), 16) * Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(bi, 16), 16);
        var odd = Vector128.ShiftRightArithmetic(ai, 16) * Vector128.ShiftRightArithmetic(bi, 16);
        return even + odd;
    }

    /// <summary>Wasm <c>i8x16.popcnt</c>: per-byte population count (SWAR: pairs, nibbles, then bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> PopCount(Vector128<byte> v)
    {
        v -= Vector128.ShiftRightLogical(v, 1) & Vector128.Create((byte)0x55);
        v = (v & Vector128.Create((byte)0x33)) + (Vector128.ShiftRightLogical(v, 2) & Vector128.Create((byte)0x33));
        return (v + Vector128.ShiftRightLogical(v, 4)) & Vector128.Create((byte)0x0F);
    }

    /// <summary>Lanes 0–1 converted to f64 (exact).</summary>
    public static Vector128<double> ConvertLowToDouble(Vector128<int> a) =>
        Vector128.Create(a.GetElement(0), (double)a.GetElement(1));

    /// <summary>The two f64 lanes rounded to f32 in lanes 0–1 (a NaN stays a NaN, quieted), lanes 2–3 zero.</summary>
    public static Vector128<float> DemoteToSingleZero(Vector128<double> a) =>
        Vector128.Create((float)a.GetElement(0), (float)a.GetElement(1), 0f, 0f);

    /// <summary>Lanes 0–1 widened to f64 (exact; a NaN stays a NaN, quieted).</summary>
    public static Vector128<double> PromoteLowToDouble(Vector128<float> a) =>
        Vector128.Create(a.GetElement(0), (double)a.GetElement(1));

    private static Vector128<short> Clamp(Vector128<short> v, short min, short max) =>
        Vector128.Min(Vector128.Max(v, Vector128.Create(min)), Vector128.Create(max));

    private static Vector128<int> Clamp(Vector128<int> v, int min, int max) =>
        Vector128.Min(Vector128.Max(v, Vector128.Create(min)), Vector128.Create(max));
}
