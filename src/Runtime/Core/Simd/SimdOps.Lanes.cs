using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace WitSharp.Core.Simd;

// Constants, splats, lane access and byte permutations (spec exec/instructions "Vector Instructions":
// v128.const, shape.splat, extract_lane, replace_lane, i8x16.swizzle, i8x16.shuffle). Lane indices were
// checked against the lane count by the validator, so they are always in range here.
internal static partial class SimdOps
{
    /// <summary><c>v128.const</c>: <paramref name="lo"/> holds bytes 0–7, <paramref name="hi"/> bytes 8–15 (little-endian).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Const(long lo, long hi) => Vector128.Create(lo, hi).AsByte();

    /// <summary><c>i8x16.splat</c>: the low 8 bits of <paramref name="x"/> in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Splat(int x) => Vector128.Create((byte)x);

    /// <summary><c>i16x8.splat</c>: the low 16 bits of <paramref name="x"/> in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Splat(int x) => Vector128.Create((short)x).AsByte();

    /// <summary><c>i32x4.splat</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Splat(int x) => Vector128.Create(x).AsByte();

    /// <summary><c>i64x2.splat</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Splat(long x) => Vector128.Create(x).AsByte();

    /// <summary><c>f32x4.splat</c> (bits copied unchanged, NaN payloads included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Splat(float x) => Vector128.Create(x).AsByte();

    /// <summary><c>f64x2.splat</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Splat(double x) => Vector128.Create(x).AsByte();

    /// <summary><c>i8x16.extract_lane_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneS(Vector128<byte> v, int lane) => v.AsSByte().GetElement(lane);

    /// <summary><c>i8x16.extract_lane_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneU(Vector128<byte> v, int lane) => v.GetElement(lane);

    /// <summary><c>i8x16.replace_lane</c>: the low 8 bits of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16ReplaceLane(Vector128<byte> v, int x, int lane) => v.WithElement(lane, (byte)x);

    /// <summary><c>i16x8.extract_lane_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneS(Vector128<byte> v, int lane) => v.AsInt16().GetElement(lane);

    /// <summary><c>i16x8.extract_lane_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneU(Vector128<byte> v, int lane) => v.AsUInt16().GetElement(lane);

    /// <summary><c>i16x8.replace_lane</c>: the low 16 bits of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ReplaceLane(Vector128<byte> v, int x, int lane) =>
        v.AsInt16().WithElement(lane, (short)x).AsByte();

    /// <summary><c>i32x4.extract_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4ExtractLane(Vector128<byte> v, int lane) => v.AsInt32().GetElement(lane);

    /// <summary><c>i32x4.replace_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ReplaceLane(Vector128<byte> v, int x, int lane) =>
        v.AsInt32().WithElement(lane, x).AsByte();

    /// <summary><c>i64x2.extract_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64x2ExtractLane(Vector128<byte> v, int lane) => v.AsInt64().GetElement(lane);

    /// <summary><c>i64x2.replace_lane</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ReplaceLane(Vector128<byte> v, long x, int lane) =>
        v.AsInt64().WithElement(lane, x).AsByte();

    /// <summary><c>f32x4.extract_lane</c> (bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32x4ExtractLane(Vector128<byte> v, int lane) => v.AsSingle().GetElement(lane);

    /// <summary><c>f32x4.replace_lane</c> (bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ReplaceLane(Vector128<byte> v, float x, int lane) =>
        v.AsSingle().WithElement(lane, x).AsByte();

    /// <summary><c>f64x2.extract_lane</c> (bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64x2ExtractLane(Vector128<byte> v, int lane) => v.AsDouble().GetElement(lane);

    /// <summary><c>f64x2.replace_lane</c> (bits unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ReplaceLane(Vector128<byte> v, double x, int lane) =>
        v.AsDouble().WithElement(lane, x).AsByte();

    /// <summary><c>i8x16.swizzle</c>: result lane i is <c>a[s[i]]</c>, or 0 when <c>s[i] ≥ 16</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Swizzle(Vector128<byte> a, Vector128<byte> s)
    {
        if (Ssse3.IsSupported)
        {
            // pshufb zeroes a lane when the index's top bit is set and otherwise uses its low 4 bits:
            // adding 0x70 with unsigned saturation maps 0..15 to 0x70..0x7F (same low bits) and 16..255
            // to 0x80..0xFF (zero).
            return Ssse3.Shuffle(a, Sse2.AddSaturate(s, Vector128.Create((byte)0x70)));
        }
        if (AdvSimd.Arm64.IsSupported)
            return AdvSimd.Arm64.VectorTableLookup(a, s); // tbl: out-of-range index → 0, as wasm wants
        return SimdPortable.Swizzle(a, s);
    }

    /// <summary><c>i8x16.shuffle</c>: result lane i is lane <c>s[i]</c> of the 32-byte concatenation a‖b
    /// (<paramref name="laneIndices"/> holds the instruction's immediates, each below 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Shuffle(Vector128<byte> a, Vector128<byte> b, Vector128<byte> laneIndices)
    {
        // Vector128.Shuffle zeroes lanes whose index is out of range (≥ 16), so indices 0..15 pick from a,
        // and index - 16 wraps 0..15 to 240..255, which picks nothing from b. The compiler passes the
        // immediates as a constant, and RyuJIT folds that into two constant pshufb masks (checked with DOTNET_JitDisasm).
        var minus16 = laneIndices - Vector128.Create((byte)16);
        return Vector128.Shuffle(a, laneIndices) | Vector128.Shuffle(b, minus16);
    }
}
