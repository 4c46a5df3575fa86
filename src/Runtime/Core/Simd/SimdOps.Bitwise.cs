using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WitSharp.Core.Simd;

// v128 bitwise instructions (spec exec/instructions: vvunop, vvbinop, vvternop, vvtestop).
internal static partial class SimdOps
{
    /// <summary><c>v128.not</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Not(Vector128<byte> a) => ~a;

    /// <summary><c>v128.and</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128And(Vector128<byte> a, Vector128<byte> b) => a & b;

    /// <summary><c>v128.andnot</c>: <c>a &amp; ~b</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Andnot(Vector128<byte> a, Vector128<byte> b) => Vector128.AndNot(a, b);

    /// <summary><c>v128.or</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Or(Vector128<byte> a, Vector128<byte> b) => a | b;

    /// <summary><c>v128.xor</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Xor(Vector128<byte> a, Vector128<byte> b) => a ^ b;

    /// <summary><c>v128.bitselect</c>: bits of <paramref name="a"/> where <paramref name="c"/> is 1, of <paramref name="b"/> where it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Bitselect(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c) =>
        Vector128.ConditionalSelect(c, a, b);

    /// <summary><c>v128.any_true</c>: 1 when any bit is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int V128AnyTrue(Vector128<byte> a) => a != Vector128<byte>.Zero ? 1 : 0;
}
