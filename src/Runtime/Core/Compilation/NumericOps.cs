using System.Runtime.CompilerServices;

namespace WitSharp.Core.Compilation;

/// <summary>Numeric operations emitted code calls where no short IL sequence has the wasm semantics
/// (spec "Numerics"). Each is small and <see cref="MethodImplOptions.AggressiveInlining"/>, so RyuJIT
/// inlines it into the calling wasm function.</summary>
internal static class NumericOps
{
    /// <summary>fmin (spec numerics): NaN if either operand is NaN, and −0 is below +0. <see cref="MathF.Min"/>
    /// gets ±0 right but hands back a signalling NaN operand as is; wasm wants an arithmetic (quiet) NaN,
    /// which the addition produces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinF32(float a, float b)
    {
        if (a < b)
            return a;
        if (b < a)
            return b;
        if (a == b) // equal values differ only for ±0: the OR of the bits keeps a sign bit, so min(+0, −0) = −0.
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) | BitConverter.SingleToInt32Bits(b));
        return a + b; // unordered: at least one NaN; the sum is that NaN, quietened.
    }

    /// <summary>fmax (spec numerics): NaN if either operand is NaN, and +0 is above −0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxF32(float a, float b)
    {
        if (a > b)
            return a;
        if (b > a)
            return b;
        if (a == b) // AND of the bits clears the sign unless both are −0: max(+0, −0) = +0.
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & BitConverter.SingleToInt32Bits(b));
        return a + b;
    }

    /// <summary>fmin for f64; see <see cref="MinF32"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinF64(double a, double b)
    {
        if (a < b)
            return a;
        if (b < a)
            return b;
        if (a == b)
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
        return a + b;
    }

    /// <summary>fmax for f64; see <see cref="MaxF32"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxF64(double a, double b)
    {
        if (a > b)
            return a;
        if (b > a)
            return b;
        if (a == b)
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));
        return a + b;
    }

    /// <summary>f32.convert_i64_u (spec convert_u): one correctly rounded step. Going through f64
    /// (<c>conv.r.un; conv.r4</c>) rounds twice and is wrong for values such as 2^63 + 2^39 + 1. Above
    /// 2^63 the value is halved with the lost low bit ORed back in (a sticky bit, far below the 24-bit
    /// rounding point), converted as a signed value and doubled, which is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ConvertU64ToF32(long value)
    {
        if (value >= 0)
            return value;
        ulong bits = (ulong)value;
        return (long)((bits >> 1) | (bits & 1)) * 2f;
    }

    /// <summary>f64.convert_i64_u, by the same halving as <see cref="ConvertU64ToF32"/> so the result does
    /// not depend on how the JIT lowers an unsigned 64-bit conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ConvertU64ToF64(long value)
    {
        if (value >= 0)
            return value;
        ulong bits = (ulong)value;
        return (long)((bits >> 1) | (bits & 1)) * 2d;
    }
}
