using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WitSharp.Core.Simd;

// Memory instructions (spec exec/instructions "Memory Instructions": v128.load, v128.loadNxM_sx,
// v128.loadN_splat, v128.loadN_zero, v128.loadN_lane, v128.store, v128.storeN_lane). The compiler has
// already bounds-checked AccessBytes bytes at addr; wasm memory is little-endian and unaligned access is
// allowed, so every access is an unaligned read or write of the lane type.
internal static unsafe partial class SimdOps
{
    /// <summary><c>v128.load</c>: 16 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load(byte* addr) => Unsafe.ReadUnaligned<Vector128<byte>>(addr);

    /// <summary><c>v128.load8x8_s</c>: 8 bytes, each sign-extended to an i16 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8x8S(byte* addr) =>
        Vector128.WidenLower(Load64(addr).AsSByte()).AsByte();

    /// <summary><c>v128.load8x8_u</c>: 8 bytes, each zero-extended to an i16 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8x8U(byte* addr) =>
        Vector128.WidenLower(Load64(addr).AsByte()).AsByte();

    /// <summary><c>v128.load16x4_s</c>: 4 i16 values, each sign-extended to an i32 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16x4S(byte* addr) =>
        Vector128.WidenLower(Load64(addr).AsInt16()).AsByte();

    /// <summary><c>v128.load16x4_u</c>: 4 i16 values, each zero-extended to an i32 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16x4U(byte* addr) =>
        Vector128.WidenLower(Load64(addr).AsUInt16()).AsByte();

    /// <summary><c>v128.load32x2_s</c>: 2 i32 values, each sign-extended to an i64 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32x2S(byte* addr) =>
        Vector128.WidenLower(Load64(addr).AsInt32()).AsByte();

    /// <summary><c>v128.load32x2_u</c>: 2 i32 values, each zero-extended to an i64 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32x2U(byte* addr) =>
        Vector128.WidenLower(Load64(addr).AsUInt32()).AsByte();

    /// <summary><c>v128.load8_splat</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8Splat(byte* addr) => Vector128.Create(*addr);

    /// <summary><c>v128.load16_splat</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16Splat(byte* addr) =>
        Vector128.Create(Unsafe.ReadUnaligned<ushort>(addr)).AsByte();

    /// <summary><c>v128.load32_splat</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32Splat(byte* addr) =>
        Vector128.Create(Unsafe.ReadUnaligned<uint>(addr)).AsByte();

    /// <summary><c>v128.load64_splat</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load64Splat(byte* addr) =>
        Vector128.Create(Unsafe.ReadUnaligned<ulong>(addr)).AsByte();

    /// <summary><c>v128.load32_zero</c>: lane 0 from memory, the other lanes zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32Zero(byte* addr) =>
        Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(addr)).AsByte();

    /// <summary><c>v128.load64_zero</c>: lane 0 from memory, lane 1 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load64Zero(byte* addr) => Load64(addr);

    /// <summary><c>v128.load8_lane</c>: replaces lane <paramref name="lane"/> of <paramref name="v"/> with the byte at addr.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8Lane(byte* addr, Vector128<byte> v, int lane) =>
        v.WithElement(lane, *addr);

    /// <summary><c>v128.load16_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16Lane(byte* addr, Vector128<byte> v, int lane) =>
        v.AsUInt16().WithElement(lane, Unsafe.ReadUnaligned<ushort>(addr)).AsByte();

    /// <summary><c>v128.load32_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32Lane(byte* addr, Vector128<byte> v, int lane) =>
        v.AsUInt32().WithElement(lane, Unsafe.ReadUnaligned<uint>(addr)).AsByte();

    /// <summary><c>v128.load64_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load64Lane(byte* addr, Vector128<byte> v, int lane) =>
        v.AsUInt64().WithElement(lane, Unsafe.ReadUnaligned<ulong>(addr)).AsByte();

    /// <summary><c>v128.store</c>: 16 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store(byte* addr, Vector128<byte> v) => Unsafe.WriteUnaligned(addr, v);

    /// <summary><c>v128.store8_lane</c>: writes lane <paramref name="lane"/> of <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store8Lane(byte* addr, Vector128<byte> v, int lane) => *addr = v.GetElement(lane);

    /// <summary><c>v128.store16_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store16Lane(byte* addr, Vector128<byte> v, int lane) =>
        Unsafe.WriteUnaligned(addr, v.AsUInt16().GetElement(lane));

    /// <summary><c>v128.store32_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store32Lane(byte* addr, Vector128<byte> v, int lane) =>
        Unsafe.WriteUnaligned(addr, v.AsUInt32().GetElement(lane));

    /// <summary><c>v128.store64_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store64Lane(byte* addr, Vector128<byte> v, int lane) =>
        Unsafe.WriteUnaligned(addr, v.AsUInt64().GetElement(lane));

    // Eight bytes into lane 0 of an i64x2, lane 1 zero (movq).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Load64(byte* addr) =>
        Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(addr)).AsByte();
}
