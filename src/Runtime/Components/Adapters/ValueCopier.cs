using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WitSharp.Components.Adapters;

/// <summary>
/// The two ends of one direction of a fused call (arguments: caller → callee; result: callee → caller) and, when
/// the function type has handles, the dynamic contexts that move them between handle tables.
/// </summary>
internal sealed class AdapterFrame(AdapterSide src, AdapterSide dst)
{
    public AdapterSide Src { get; } = src;
    public AdapterSide Dst { get; } = dst;

    /// <summary>Lifts handles out of the source instance's table (with the call's borrow scope); null when the
    /// function type has no handles.</summary>
    public LiftLowerContext? SrcHandles { get; init; }

    /// <summary>Lowers handles into the destination instance's table.</summary>
    public LiftLowerContext? DstHandles { get; init; }
}

/// <summary>
/// One node of an adapter plan: moves a value of one component value type from the source end to the destination
/// end without materializing it — flat slots to flat slots (<see cref="CopyFlat"/>, CanonicalABI.md
/// "lift_flat" then "lower_flat") or memory to memory (<see cref="CopyMemory"/>, "load" then "store"). Both ends
/// have the same type, so the flat shapes and layouts agree; only strings (encodings), pointers (each end allocates
/// with its own realloc) and handles (each end has its own table) differ.
/// </summary>
internal abstract class ValueCopier(int flatCount)
{
    /// <summary>Number of flat slots (<c>len(flatten_type(t))</c>), the same at both ends.</summary>
    public int FlatCount { get; } = flatCount;

    /// <summary>True when the value's bytes can be copied as they are (integers without padding): a list of
    /// such elements is one block copy.</summary>
    public virtual bool IsPlainBytes => false;

    /// <summary>True when, in slots of the value's own flat types, <see cref="CopyFlat"/> changes nothing the
    /// receiving core function reads (32- and 64-bit integers, and tuples of them): the adapter then hands the
    /// caller's argument slots to the callee, or the callee's result to the caller, as they are. Not so in a
    /// variant's joined slots, where a 32-bit payload in an i64 slot is truncated.</summary>
    public virtual bool IsFlatIdentity => false;

    /// <summary>Lifts <see cref="FlatCount"/> raw slots from <paramref name="src"/> and lowers them into
    /// <paramref name="dst"/> (same length).</summary>
    public abstract void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst);

    /// <summary>Loads the value at <paramref name="src"/> (source memory) and stores it at <paramref name="dst"/>
    /// (destination memory). The containing range was checked by the caller.</summary>
    public abstract void CopyMemory(AdapterFrame f, uint src, uint dst);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static T Read<T>(AdapterSide side, uint ptr) where T : unmanaged =>
        Unsafe.ReadUnaligned<T>(ref side.At(ptr, Unsafe.SizeOf<T>()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void Write<T>(AdapterSide side, uint ptr, T value) where T : unmanaged =>
        Unsafe.WriteUnaligned(ref side.At(ptr, Unsafe.SizeOf<T>()), value);

    /// <summary>Reads an unsigned integer of <paramref name="size"/> (1, 2 or 4) bytes.</summary>
    protected static uint ReadSized(AdapterSide side, uint ptr, int size) => size switch
    {
        1 => Read<byte>(side, ptr),
        2 => Read<ushort>(side, ptr),
        _ => Read<uint>(side, ptr),
    };

    protected static void WriteSized(AdapterSide side, uint ptr, int size, uint value)
    {
        switch (size)
        {
            case 1: Write(side, ptr, (byte)value); break;
            case 2: Write(side, ptr, (ushort)value); break;
            default: Write(side, ptr, value); break;
        }
    }
}

/// <summary>Integers: "lift_flat" keeps the low bits (wrap), "lower_flat" gives the two's-complement i32 (or i64);
/// in memory the bytes are the value.</summary>
internal sealed class IntegerCopier : ValueCopier
{
    private readonly int _size;
    private readonly bool _signed;

    public static readonly IntegerCopier U8 = new(1, false), S8 = new(1, true), U16 = new(2, false), S16 = new(2, true),
        U32 = new(4, false), S32 = new(4, true), U64 = new(8, false), S64 = new(8, true);

    private IntegerCopier(int size, bool signed) : base(1)
    {
        _size = size;
        _signed = signed;
    }

    public override bool IsPlainBytes => true;

    // "lift_flat" of a 32-bit integer keeps the low 32 bits, which is all the callee's i32 slot reads.
    public override bool IsFlatIdentity => _size >= 4;

    /// <summary>For 32- and 64-bit integers, the bits <see cref="CopyFlat"/> keeps; 0 for narrower ones.</summary>
    public ulong WideMask => _size switch { 4 => uint.MaxValue, 8 => ulong.MaxValue, _ => 0 };

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        ulong x = src[0];
        dst[0] = (_size, _signed) switch
        {
            (1, false) => (byte)x,
            (1, true) => (uint)(sbyte)x,
            (2, false) => (ushort)x,
            (2, true) => (uint)(short)x,
            (4, _) => (uint)x,
            _ => x,
        };
    }

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        switch (_size)
        {
            case 1: Write(f.Dst, dst, Read<byte>(f.Src, src)); break;
            case 2: Write(f.Dst, dst, Read<ushort>(f.Src, src)); break;
            case 4: Write(f.Dst, dst, Read<uint>(f.Src, src)); break;
            default: Write(f.Dst, dst, Read<ulong>(f.Src, src)); break;
        }
    }
}

/// <summary><c>bool</c>: any non-zero value lifts to true, which lowers as 1.</summary>
internal sealed class BoolCopier() : ValueCopier(1)
{
    public static readonly BoolCopier Instance = new();

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst) => dst[0] = (uint)src[0] != 0 ? 1u : 0u;

    public override void CopyMemory(AdapterFrame f, uint src, uint dst) => Write(f.Dst, dst, (byte)(Read<byte>(f.Src, src) != 0 ? 1 : 0));
}

/// <summary><c>f32</c>/<c>f64</c>: "canonicalize_nan32/64" on lift, so any NaN arrives as the canonical NaN.</summary>
internal sealed class FloatCopier(bool wide) : ValueCopier(1)
{
    public static readonly FloatCopier F32 = new(false), F64 = new(true);

    private const uint CanonicalNan32 = 0x7fc00000;
    private const ulong CanonicalNan64 = 0x7ff8000000000000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Canon32(uint bits) => float.IsNaN(BitConverter.UInt32BitsToSingle(bits)) ? CanonicalNan32 : bits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Canon64(ulong bits) => double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) ? CanonicalNan64 : bits;

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst) =>
        dst[0] = wide ? Canon64(src[0]) : Canon32((uint)src[0]);

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        if (wide) Write(f.Dst, dst, Canon64(Read<ulong>(f.Src, src)));
        else Write(f.Dst, dst, Canon32(Read<uint>(f.Src, src)));
    }
}

/// <summary><c>char</c>: "convert_i32_to_char" traps on surrogates and values beyond U+10FFFF.</summary>
internal sealed class CharCopier() : ValueCopier(1)
{
    public static readonly CharCopier Instance = new();

    private static uint Check(AdapterSide side, uint i)
    {
        if (i >= 0x110000 || i is >= 0xD800 and <= 0xDFFF)
            throw side.Trap($"invalid `char` bit pattern: 0x{i:x} is not a valid char (Unicode scalar value)");
        return i;
    }

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst) => dst[0] = Check(f.Src, (uint)src[0]);

    public override void CopyMemory(AdapterFrame f, uint src, uint dst) => Write(f.Dst, dst, Check(f.Src, Read<uint>(f.Src, src)));
}

/// <summary><c>flags</c>: "unpack_flags_from_int" ignores bits beyond the last label, so only labelled bits cross.</summary>
internal sealed class FlagsCopier(FlagsCanonType type) : ValueCopier(1)
{
    private readonly uint _mask = type.Labels.Count >= 32 ? uint.MaxValue : (1u << type.Labels.Count) - 1;
    private readonly int _size = type.Size;

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst) => dst[0] = (uint)src[0] & _mask;

    public override void CopyMemory(AdapterFrame f, uint src, uint dst) => WriteSized(f.Dst, dst, _size, ReadSized(f.Src, src, _size) & _mask);
}

/// <summary><c>own</c>/<c>borrow</c>: the handle moves between the two instances' tables exactly as the dynamic path
/// moves it (<see cref="HandleTransfer"/> through <see cref="LiftLowerContext"/>), with the call's borrow scopes.</summary>
internal sealed class HandleCopier(HandleCanonType type) : ValueCopier(1)
{
    private uint Transfer(AdapterFrame f, uint index)
    {
        var lifted = f.SrcHandles!.LiftHandle(type, index);
        return f.DstHandles!.LowerHandle(lifted, type);
    }

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst) => dst[0] = Transfer(f, (uint)src[0]);

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        uint index = Transfer(f, Read<uint>(f.Src, src));
        Write(f.Dst, dst, index);
    }
}

/// <summary>Helpers shared by the copiers of pointer-carrying values.</summary>
internal static class PointerPair
{
    public static (uint Ptr, uint Length) Read(AdapterSide side, uint at)
    {
        var b = side.Span(at, 8);
        return (MemoryMarshal.Read<uint>(b), MemoryMarshal.Read<uint>(b[4..]));
    }

    public static void Write(AdapterSide side, uint at, uint ptr, uint length)
    {
        var b = side.Span(at, 8);
        MemoryMarshal.Write(b, in ptr);
        MemoryMarshal.Write(b[4..], in length);
    }
}
