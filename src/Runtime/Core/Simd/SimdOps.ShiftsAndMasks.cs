using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace WitSharp.Core.Simd;

// Integer shifts, lane tests and bit counts (spec exec/instructions: vishiftop, vitestop, vbitmask,
// i8x16.popcnt). Shift counts are an i32 taken modulo the lane width (exec/numerics ishl/ishr);
// masking here keeps that independent of how Vector128 treats oversized counts.
internal static partial class SimdOps
{
    /// <summary><c>i8x16.shl</c>: the count is taken modulo 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a.AsByte(), count & 7).AsByte();

    /// <summary><c>i8x16.shr_s</c>: arithmetic; the count is taken modulo 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsSByte(), count & 7).AsByte();

    /// <summary><c>i8x16.shr_u</c>: logical; the count is taken modulo 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a.AsByte(), count & 7).AsByte();

    /// <summary><c>i8x16.all_true</c>: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16AllTrue(Vector128<byte> a) =>
        Vector128.EqualsAny(a.AsSByte(), Vector128<sbyte>.Zero) ? 0 : 1;

    /// <summary><c>i8x16.bitmask</c>: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16Bitmask(Vector128<byte> a) =>
        (int)Vector128.ExtractMostSignificantBits(a.AsSByte());

    /// <summary><c>i16x8.shl</c>: the count is taken modulo 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a.AsUInt16(), count & 15).AsByte();

    /// <summary><c>i16x8.shr_s</c>: arithmetic; the count is taken modulo 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsInt16(), count & 15).AsByte();

    /// <summary><c>i16x8.shr_u</c>: logical; the count is taken modulo 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a.AsUInt16(), count & 15).AsByte();

    /// <summary><c>i16x8.all_true</c>: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8AllTrue(Vector128<byte> a) =>
        Vector128.EqualsAny(a.AsInt16(), Vector128<short>.Zero) ? 0 : 1;

    /// <summary><c>i16x8.bitmask</c>: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8Bitmask(Vector128<byte> a) =>
        (int)Vector128.ExtractMostSignificantBits(a.AsInt16());

    /// <summary><c>i32x4.shl</c>: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a.AsUInt32(), count & 31).AsByte();

    /// <summary><c>i32x4.shr_s</c>: arithmetic; the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsInt32(), count & 31).AsByte();

    /// <summary><c>i32x4.shr_u</c>: logical; the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a.AsUInt32(), count & 31).AsByte();

    /// <summary><c>i32x4.all_true</c>: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4AllTrue(Vector128<byte> a) =>
        Vector128.EqualsAny(a.AsInt32(), Vector128<int>.Zero) ? 0 : 1;

    /// <summary><c>i32x4.bitmask</c>: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4Bitmask(Vector128<byte> a) =>
        (int)Vector128.ExtractMostSignificantBits(a.AsInt32());

    /// <summary><c>i64x2.shl</c>: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Shl(Vector128<byte> a, int count) =>
        Vector128.ShiftLeft(a.AsUInt64(), count & 63).AsByte();

    /// <summary><c>i64x2.shr_s</c>: arithmetic; the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ShrS(Vector128<byte> a, int count) =>
        Vector128.ShiftRightArithmetic(a.AsInt64(), count & 63).AsByte();

    /// <summary><c>i64x2.shr_u</c>: logical; the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ShrU(Vector128<byte> a, int count) =>
        Vector128.ShiftRightLogical(a.AsUInt64(), count & 63).AsByte();

    /// <summary><c>i64x2.all_true</c>: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I64x2AllTrue(Vector128<byte> a) =>
        Vector128.EqualsAny(a.AsInt64(), Vector128<long>.Zero) ? 0 : 1;

    /// <summary><c>i64x2.bitmask</c>: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I64x2Bitmask(Vector128<byte> a) =>
        (int)Vector128.ExtractMostSignificantBits(a.AsInt64());

    /// <summary><c>i8x16.popcnt</c>: the number of set bits in each byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Popcnt(Vector128<byte> a)
    {
        if (AdvSimd.IsSupported) return AdvSimd.PopCount(a);
        if (Ssse3.IsSupported)
        {
            // Look up the count of each nibble in a 16-entry table (pshufb) and add the two halves.
            var table = Vector128.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
            var nibble = Vector128.Create((byte)0x0F);
            var high = Vector128.ShiftRightLogical(a.AsUInt16(), 4).AsByte() & nibble;
            return Ssse3.Shuffle(table, a & nibble) + Ssse3.Shuffle(table, high);
        }
        return SimdPortable.PopCount(a);
    }
}
