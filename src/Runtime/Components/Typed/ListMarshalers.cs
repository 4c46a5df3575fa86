using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WitSharp.Components.Typed;

/// <summary>List helpers shared by the list marshalers (CanonicalABI.md "store_list", "load_list_from_range").</summary>
internal static class Lists
{
    // CanonicalABI.md "load_list": MAX_LIST_BYTE_LENGTH.
    public const long MaxListByteLength = (1 << 28) - 1;

    public static void WritePair(CanonicalContext cx, uint at, uint ptr, uint length)
    {
        ref byte r = ref cx.GetRef(at, 8);
        Unsafe.WriteUnaligned(ref r, Le.U32(ptr));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref r, 4), Le.U32(length));
    }

    public static (uint Ptr, uint Length) ReadPair(CanonicalContext cx, uint at)
    {
        ref byte r = ref cx.GetRef(at, 8);
        return (Le.U32(Unsafe.ReadUnaligned<uint>(ref r)), Le.U32(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref r, 4))));
    }

    /// <summary>Checks a lifted list's range: length limit, alignment and bounds; returns its byte length.</summary>
    public static int CheckRange(CanonicalContext cx, uint ptr, uint length, int elementSize, int alignment)
    {
        long bytes = (long)length * elementSize;
        if (bytes > MaxListByteLength) throw cx.Trap($"list of {length} elements exceeds the maximum list length");
        cx.CheckAligned(ptr, alignment, "list");
        cx.GetRef(ptr, (int)bytes);
        return (int)bytes;
    }

    public static int ByteLength(CanonicalContext cx, int count, int elementSize)
    {
        long bytes = (long)count * elementSize;
        if (bytes > MaxListByteLength) throw new ArgumentException($"{cx.Where}: a list of {count} elements exceeds the canonical ABI's maximum list length");
        return (int)bytes;
    }
}

/// <summary><c>list&lt;number&gt;</c> ↔ <c>E[]</c>: one block copy each way (the guest is little endian, so is the host
/// on every platform .NET runs on; big-endian hosts are rejected when the marshaler is created).</summary>
internal sealed class BlittableListMarshaler<E>(ComponentValueType type) : ComponentMarshaler<E[]>(type) where E : unmanaged
{
    private static readonly int ElementSize = Unsafe.SizeOf<E>();

    public override void LowerFlat(CanonicalContext cx, in E[] value, Span<ulong> flat)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (ptr, length) = Lower(cx, value);
        flat[0] = ptr;
        flat[1] = length;
    }

    public override void Store(CanonicalContext cx, in E[] value, uint ptr)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (p, length) = Lower(cx, value);
        Lists.WritePair(cx, ptr, p, length);
    }

    public override E[] LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Lift(cx, (uint)flat[0], (uint)flat[1]);

    public override E[] Load(CanonicalContext cx, uint ptr)
    {
        var (p, length) = Lists.ReadPair(cx, ptr);
        return Lift(cx, p, length);
    }

    public static (uint, uint) Lower(CanonicalContext cx, ReadOnlySpan<E> items)
    {
        int bytes = Lists.ByteLength(cx, items.Length, ElementSize);
        uint ptr = cx.Allocate(ElementSize, bytes);
        MemoryMarshal.AsBytes(items).CopyTo(cx.GetSpan(ptr, bytes));
        return (ptr, (uint)items.Length);
    }

    public static E[] Lift(CanonicalContext cx, uint ptr, uint length)
    {
        int bytes = Lists.CheckRange(cx, ptr, length, ElementSize, ElementSize);
        var result = MemoryMarshal.Cast<byte, E>(cx.GetSpan(ptr, bytes)).ToArray();
        if (typeof(E) == typeof(float))
        {
            foreach (ref var f in MemoryMarshal.Cast<E, float>(result.AsSpan())) f = Le.Canon(f);
        }
        else if (typeof(E) == typeof(double))
        {
            foreach (ref var d in MemoryMarshal.Cast<E, double>(result.AsSpan())) d = Le.Canon(d);
        }
        return result;
    }
}

/// <summary><c>list&lt;number&gt;</c> ↔ <see cref="ReadOnlyMemory{E}"/>: lowering copies the caller's memory once (no
/// array needed, e.g. a slice of a pooled buffer); lifting allocates an array.</summary>
internal sealed class MemoryListMarshaler<E>(ComponentValueType type) : ComponentMarshaler<ReadOnlyMemory<E>>(type) where E : unmanaged
{
    public override void LowerFlat(CanonicalContext cx, in ReadOnlyMemory<E> value, Span<ulong> flat)
    {
        var (ptr, length) = BlittableListMarshaler<E>.Lower(cx, value.Span);
        flat[0] = ptr;
        flat[1] = length;
    }

    public override void Store(CanonicalContext cx, in ReadOnlyMemory<E> value, uint ptr)
    {
        var (p, length) = BlittableListMarshaler<E>.Lower(cx, value.Span);
        Lists.WritePair(cx, ptr, p, length);
    }

    public override ReadOnlyMemory<E> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        BlittableListMarshaler<E>.Lift(cx, (uint)flat[0], (uint)flat[1]);

    public override ReadOnlyMemory<E> Load(CanonicalContext cx, uint ptr)
    {
        var (p, length) = Lists.ReadPair(cx, ptr);
        return BlittableListMarshaler<E>.Lift(cx, p, length);
    }
}

/// <summary><c>list&lt;T&gt;</c> ↔ <c>E[]</c> for any element marshaler: elements stored one by one at
/// <c>ptr + i * elem_size</c>.</summary>
internal sealed class ListMarshaler<E>(ComponentValueType type, ComponentMarshaler<E> element) : ComponentMarshaler<E[]>(type)
{
    public override void LowerFlat(CanonicalContext cx, in E[] value, Span<ulong> flat)
    {
        var (ptr, length) = Lower(cx, value);
        flat[0] = ptr;
        flat[1] = length;
    }

    public override void Store(CanonicalContext cx, in E[] value, uint ptr)
    {
        var (p, length) = Lower(cx, value);
        Lists.WritePair(cx, ptr, p, length);
    }

    public override E[] LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Lift(cx, (uint)flat[0], (uint)flat[1]);

    public override E[] Load(CanonicalContext cx, uint ptr)
    {
        var (p, length) = Lists.ReadPair(cx, ptr);
        return Lift(cx, p, length);
    }

    private (uint, uint) Lower(CanonicalContext cx, E[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int size = element.Size;
        int bytes = Lists.ByteLength(cx, items.Length, size);
        uint ptr = cx.Allocate(element.Alignment, bytes);
        for (int i = 0; i < items.Length; i++) element.Store(cx, items[i], ptr + (uint)(i * size));
        return (ptr, (uint)items.Length);
    }

    private E[] Lift(CanonicalContext cx, uint ptr, uint length)
    {
        int size = element.Size;
        Lists.CheckRange(cx, ptr, length, size, element.Alignment);
        var items = new E[length];
        for (int i = 0; i < items.Length; i++) items[i] = element.Load(cx, ptr + (uint)(i * size));
        return items;
    }
}
