using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WitSharp.Core.Simd;

// Instructions that change the lane width (spec exec/instructions: vnarrow, vextend, vextmul,
// vextadd_pairwise, i32x4.dot_i16x8_s). Narrowing saturates signed inputs (exec/numerics sat_s/sat_u);
// widening products and pairwise sums are exact in the wider lane.
internal static partial class SimdOps
{
    /// <summary><c>i8x16.narrow_i16x8_s</c>: lanes of a then b, each clamped to [-128, 127].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16NarrowI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.PackSignedSaturate(a.AsInt16(), b.AsInt16()).AsByte() : SimdPortable.NarrowSaturateSigned(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary><c>i8x16.narrow_i16x8_u</c>: signed lanes of a then b, each clamped to [0, 255].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16NarrowI16x8U(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.PackUnsignedSaturate(a.AsInt16(), b.AsInt16()) : SimdPortable.NarrowSaturateUnsigned(a.AsInt16(), b.AsInt16()).AsByte();

    /// <summary><c>i16x8.narrow_i32x4_s</c>: lanes of a then b, each clamped to [-32768, 32767].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8NarrowI32x4S(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.PackSignedSaturate(a.AsInt32(), b.AsInt32()).AsByte() : SimdPortable.NarrowSaturateSigned(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary><c>i16x8.narrow_i32x4_u</c>: signed lanes of a then b, each clamped to [0, 65535].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8NarrowI32x4U(Vector128<byte> a, Vector128<byte> b) =>
        Sse41.IsSupported ? Sse41.PackUnsignedSaturate(a.AsInt32(), b.AsInt32()).AsByte() : SimdPortable.NarrowSaturateUnsigned(a.AsInt32(), b.AsInt32()).AsByte();

    /// <summary><c>i16x8.extend_low_i8x16_s</c>: the low half of the lanes, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendLowI8x16S(Vector128<byte> a) =>
        Vector128.WidenLower(a.AsSByte()).AsByte();

    /// <summary><c>i16x8.extend_low_i8x16_u</c>: the low half of the lanes, zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendLowI8x16U(Vector128<byte> a) =>
        Vector128.WidenLower(a.AsByte()).AsByte();

    /// <summary><c>i16x8.extend_high_i8x16_s</c>: the high half of the lanes, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendHighI8x16S(Vector128<byte> a) =>
        Vector128.WidenUpper(a.AsSByte()).AsByte();

    /// <summary><c>i16x8.extend_high_i8x16_u</c>: the high half of the lanes, zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtendHighI8x16U(Vector128<byte> a) =>
        Vector128.WidenUpper(a.AsByte()).AsByte();

    /// <summary><c>i32x4.extend_low_i16x8_s</c>: the low half of the lanes, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendLowI16x8S(Vector128<byte> a) =>
        Vector128.WidenLower(a.AsInt16()).AsByte();

    /// <summary><c>i32x4.extend_low_i16x8_u</c>: the low half of the lanes, zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendLowI16x8U(Vector128<byte> a) =>
        Vector128.WidenLower(a.AsUInt16()).AsByte();

    /// <summary><c>i32x4.extend_high_i16x8_s</c>: the high half of the lanes, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendHighI16x8S(Vector128<byte> a) =>
        Vector128.WidenUpper(a.AsInt16()).AsByte();

    /// <summary><c>i32x4.extend_high_i16x8_u</c>: the high half of the lanes, zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtendHighI16x8U(Vector128<byte> a) =>
        Vector128.WidenUpper(a.AsUInt16()).AsByte();

    /// <summary><c>i64x2.extend_low_i32x4_s</c>: the low half of the lanes, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendLowI32x4S(Vector128<byte> a) =>
        Vector128.WidenLower(a.AsInt32()).AsByte();

    /// <summary><c>i64x2.extend_low_i32x4_u</c>: the low half of the lanes, zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendLowI32x4U(Vector128<byte> a) =>
        Vector128.WidenLower(a.AsUInt32()).AsByte();

    /// <summary><c>i64x2.extend_high_i32x4_s</c>: the high half of the lanes, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendHighI32x4S(Vector128<byte> a) =>
        Vector128.WidenUpper(a.AsInt32()).AsByte();

    /// <summary><c>i64x2.extend_high_i32x4_u</c>: the high half of the lanes, zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtendHighI32x4U(Vector128<byte> a) =>
        Vector128.WidenUpper(a.AsUInt32()).AsByte();

    /// <summary><c>i16x8.extmul_low_i8x16_s</c>: the low lanes sign-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulLowI8x16S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsSByte()) * Vector128.WidenLower(b.AsSByte())).AsByte();

    /// <summary><c>i16x8.extmul_low_i8x16_u</c>: the low lanes zero-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulLowI8x16U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsByte()) * Vector128.WidenLower(b.AsByte())).AsByte();

    /// <summary><c>i16x8.extmul_high_i8x16_s</c>: the high lanes sign-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulHighI8x16S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsSByte()) * Vector128.WidenUpper(b.AsSByte())).AsByte();

    /// <summary><c>i16x8.extmul_high_i8x16_u</c>: the high lanes zero-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtmulHighI8x16U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsByte()) * Vector128.WidenUpper(b.AsByte())).AsByte();

    /// <summary><c>i32x4.extmul_low_i16x8_s</c>: the low lanes sign-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulLowI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsInt16()) * Vector128.WidenLower(b.AsInt16())).AsByte();

    /// <summary><c>i32x4.extmul_low_i16x8_u</c>: the low lanes zero-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulLowI16x8U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsUInt16()) * Vector128.WidenLower(b.AsUInt16())).AsByte();

    /// <summary><c>i32x4.extmul_high_i16x8_s</c>: the high lanes sign-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulHighI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsInt16()) * Vector128.WidenUpper(b.AsInt16())).AsByte();

    /// <summary><c>i32x4.extmul_high_i16x8_u</c>: the high lanes zero-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtmulHighI16x8U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsUInt16()) * Vector128.WidenUpper(b.AsUInt16())).AsByte();

    /// <summary><c>i64x2.extmul_low_i32x4_s</c>: the low lanes sign-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulLowI32x4S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsInt32()) * Vector128.WidenLower(b.AsInt32())).AsByte();

    /// <summary><c>i64x2.extmul_low_i32x4_u</c>: the low lanes zero-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulLowI32x4U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenLower(a.AsUInt32()) * Vector128.WidenLower(b.AsUInt32())).AsByte();

    /// <summary><c>i64x2.extmul_high_i32x4_s</c>: the high lanes sign-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulHighI32x4S(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsInt32()) * Vector128.WidenUpper(b.AsInt32())).AsByte();

    /// <summary><c>i64x2.extmul_high_i32x4_u</c>: the high lanes zero-extended, then multiplied (exact: the product fits the wide lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ExtmulHighI32x4U(Vector128<byte> a, Vector128<byte> b) =>
        (Vector128.WidenUpper(a.AsUInt32()) * Vector128.WidenUpper(b.AsUInt32())).AsByte();

    /// <summary><c>i16x8.extadd_pairwise_i8x16_s</c>: lane i is <c>a[2i] + a[2i+1]</c>, signed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtaddPairwiseI8x16S(Vector128<byte> a)
    {
        var w = a.AsInt16();
        // Even bytes sign-extended by shifting them to the top and back; odd bytes by an arithmetic shift.
        return (Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(w, 8), 8) + Vector128.ShiftRightArithmetic(w, 8)).AsByte();
    }

    /// <summary><c>i16x8.extadd_pairwise_i8x16_u</c>: lane i is <c>a[2i] + a[2i+1]</c>, unsigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ExtaddPairwiseI8x16U(Vector128<byte> a)
    {
        var w = a.AsUInt16();
        return ((w & Vector128.Create((ushort)0xFF)) + Vector128.ShiftRightLogical(w, 8)).AsByte();
    }

    /// <summary><c>i32x4.extadd_pairwise_i16x8_s</c>: lane i is <c>a[2i] + a[2i+1]</c>, signed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtaddPairwiseI16x8S(Vector128<byte> a)
    {
        var w = a.AsInt32();
        return (Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(w, 16), 16) + Vector128.ShiftRightArithmetic(w, 16)).AsByte();
    }

    /// <summary><c>i32x4.extadd_pairwise_i16x8_u</c>: lane i is <c>a[2i] + a[2i+1]</c>, unsigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ExtaddPairwiseI16x8U(Vector128<byte> a)
    {
        var w = a.AsUInt32();
        return ((w & Vector128.Create(0xFFFFu)) + Vector128.ShiftRightLogical(w, 16)).AsByte();
    }

    /// <summary><c>i32x4.dot_i16x8_s</c>: lane i is <c>a[2i]*b[2i] + a[2i+1]*b[2i+1]</c> (wrapping in the one overflowing case, as pmaddwd does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4DotI16x8S(Vector128<byte> a, Vector128<byte> b) =>
        Sse2.IsSupported ? Sse2.MultiplyAddAdjacent(a.AsInt16(), b.AsInt16()).AsByte() : SimdPortable.DotAdjacent(a.AsInt16(), b.AsInt16()).AsByte();
}
