using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WitSharp.Core.Compilation;

/// <summary>Numeric operations emitted code calls where no short IL sequence has the wasm semantics
/// (spec "Numerics"). Each is small and <see cref="MethodImplOptions.AggressiveInlining"/>, so RyuJIT
/// inlines it into the calling wasm function.</summary>
internal static class NumericOps
{
    // fmin/fmax (spec numerics): NaN if either operand is NaN, and −0 < +0. Math.Min/Max (since .NET Core 3.0,
    // IEEE 754-2019 minimum/maximum) get the order and both zeros right, branch-free; but for a signalling
    // NaN operand they may return it as is, and wasm wants an arithmetic (quiet) NaN. The sum of the
    // operands is exactly that NaN, quietened; the check is one predictable branch. (A compare-and-branch
    // version ran 6x slower on random data: mispredicted branches.)

    /// <summary>f32.min.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinF32(float a, float b)
    {
        float r = MathF.Min(a, b);
        return float.IsNaN(r) ? a + b : r;
    }

    /// <summary>f32.max.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxF32(float a, float b)
    {
        float r = MathF.Max(a, b);
        return float.IsNaN(r) ? a + b : r;
    }

    /// <summary>f64.min.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinF64(double a, double b)
    {
        double r = Math.Min(a, b);
        return double.IsNaN(r) ? a + b : r;
    }

    /// <summary>f64.max.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxF64(double a, double b)
    {
        double r = Math.Max(a, b);
        return double.IsNaN(r) ? a + b : r;
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

    // In-range truncations for the trapping itrunc instructions, whose operand is already range-checked.
    // Since .NET 9 the IL conv.* instructions saturate, which on x64 without AVX-512 costs a NaN mask and
    // a compare/cmov around cvttss2si/cvttsd2si; with the range known, the bare instruction is exact.
    // IsSupported is a JIT-time constant, so each helper inlines to one instruction (arm64: fcvtzs/fcvtzu
    // behind the plain conversion, which saturates for free there).

    /// <summary>trunc of an f32 known to lie in (−2^31 − 1, 2^31).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TruncateF32ToI32(float value) =>
        Sse.IsSupported ? Sse.ConvertToInt32WithTruncation(Vector128.CreateScalarUnsafe(value)) : (int)value;

    /// <summary>trunc of an f64 known to lie in (−2^31 − 1, 2^31).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TruncateF64ToI32(double value) =>
        Sse2.IsSupported ? Sse2.ConvertToInt32WithTruncation(Vector128.CreateScalarUnsafe(value)) : (int)value;

    /// <summary>trunc of an f32 known to lie in (−1, 2^32), through the 64-bit signed conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TruncateF32ToU32(float value) =>
        Sse.X64.IsSupported ? (int)Sse.X64.ConvertToInt64WithTruncation(Vector128.CreateScalarUnsafe(value)) : (int)(uint)value;

    /// <summary>trunc of an f64 known to lie in (−1, 2^32), through the 64-bit signed conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TruncateF64ToU32(double value) =>
        Sse2.X64.IsSupported ? (int)Sse2.X64.ConvertToInt64WithTruncation(Vector128.CreateScalarUnsafe(value)) : (int)(uint)value;

    /// <summary>trunc of an f32 known to lie in [−2^63, 2^63).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long TruncateF32ToI64(float value) =>
        Sse.X64.IsSupported ? Sse.X64.ConvertToInt64WithTruncation(Vector128.CreateScalarUnsafe(value)) : (long)value;

    /// <summary>trunc of an f64 known to lie in [−2^63, 2^63).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long TruncateF64ToI64(double value) =>
        Sse2.X64.IsSupported ? Sse2.X64.ConvertToInt64WithTruncation(Vector128.CreateScalarUnsafe(value)) : (long)value;

    // Float constants the JIT must not see as constants (see NumericEmitter.EmitF32Const). Mutable on purpose:
    // RyuJIT folds static readonly fields into constants once the class is initialized.
#pragma warning disable CA2211 // read by emitted IL only; never written
    public static float PositiveZero32 = 0f, NegativeZero32 = -0f, PositiveOne32 = 1f, NegativeOne32 = -1f;
    public static double PositiveZero64 = 0d, NegativeZero64 = -0d, PositiveOne64 = 1d, NegativeOne64 = -1d;
#pragma warning restore CA2211

    /// <summary>Whether an f32 constant with these bits must be loaded through <see cref="SignalingNaN32"/>.</summary>
    public static bool IsSignalingNaN32(uint bits) => (bits & 0x7F80_0000u) == 0x7F80_0000u && (bits & 0x0040_0000u) == 0 && (bits & 0x003F_FFFFu) != 0;

    /// <summary>Loads an f32 signalling NaN from its bits. RyuJIT folds <c>BitConverter.Int32BitsToSingle(c)</c>
    /// into a float constant held as a double, and the float→double→float round trip sets the quiet bit, so a
    /// folded <c>f32.const nan:0x012345</c> would come out as 0x7fc12345 (spec float_literals.wast checks it).
    /// Not inlining keeps the bits opaque to the JIT; only signalling-NaN constants (rare) pay for the call.
    /// f64 constants are not affected: their folded form is the double itself.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float SignalingNaN32(int bits) => BitConverter.Int32BitsToSingle(bits);
}
