namespace WitSharp.Components.Adapters;

/// <summary><c>record</c>/<c>tuple</c> (and the spilled parameter tuple): field by field, or one block copy when
/// every field is plain bytes and the layout has no padding.</summary>
internal sealed class RecordCopier : ValueCopier
{
    private readonly ValueCopier[] _fields;
    private readonly int[] _offsets;
    private readonly int _size;
    private readonly bool _plain;
    // Per field, its first flat slot; and for 32- and 64-bit integer fields the bits their CopyFlat keeps, so that
    // they are copied here, flat or in memory, without a virtual call (the argument tuple of most functions is a
    // few such integers).
    private readonly int[] _flatSlots;
    private readonly ulong[] _integerMasks;

    public RecordCopier(RecordCanonType type, ValueCopier[] fields) : base(type.Flat.Count)
    {
        _fields = fields;
        _offsets = [.. type.Offsets];
        _size = type.Size;
        int sum = 0;
        foreach (var t in type.Fields) sum += t.Size;
        _plain = fields.Length > 0 && sum == _size && fields.All(c => c.IsPlainBytes);
        _flatSlots = new int[fields.Length];
        _integerMasks = new ulong[fields.Length];
        for (int i = 0, slot = 0; i < fields.Length; slot += fields[i].FlatCount, i++)
        {
            _flatSlots[i] = slot;
            _integerMasks[i] = fields[i] is IntegerCopier ic ? ic.WideMask : 0;
        }
    }

    public override bool IsPlainBytes => _plain;

    public override bool IsFlatIdentity => _fields.All(c => c.IsFlatIdentity);

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        var fields = _fields;
        var slots = _flatSlots;
        var masks = _integerMasks;
        for (int i = 0; i < fields.Length && i < slots.Length && i < masks.Length; i++)
        {
            int o = slots[i];
            if (masks[i] != 0)
            {
                dst[o] = src[o] & masks[i];
                continue;
            }
            var field = fields[i];
            int n = field.FlatCount;
            field.CopyFlat(f, src.Slice(o, n), dst.Slice(o, n));
        }
    }

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        if (_plain)
        {
            f.Src.Span(src, _size).CopyTo(f.Dst.Span(dst, _size));
            return;
        }
        var fields = _fields;
        var offsets = _offsets;
        var masks = _integerMasks;
        for (int i = 0; i < fields.Length && i < offsets.Length && i < masks.Length; i++)
        {
            uint o = (uint)offsets[i];
            switch (masks[i])
            {
                case uint.MaxValue:
                    Write(f.Dst, dst + o, Read<uint>(f.Src, src + o));
                    break;
                case ulong.MaxValue:
                    Write(f.Dst, dst + o, Read<ulong>(f.Src, src + o));
                    break;
                default:
                    fields[i].CopyMemory(f, src + o, dst + o);
                    break;
            }
        }
    }
}

/// <summary><c>list&lt;T, N&gt;</c>: N elements in place (flat: N times the element's slots).</summary>
internal sealed class FixedListCopier(ValueCopier element, int count, int elementSize) : ValueCopier(element.FlatCount * count)
{
    public override bool IsPlainBytes => element.IsPlainBytes;

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        int n = element.FlatCount;
        for (int i = 0; i < count; i++) element.CopyFlat(f, src.Slice(i * n, n), dst.Slice(i * n, n));
    }

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        if (element.IsPlainBytes)
        {
            long size = (long)count * elementSize;
            f.Src.Span(src, size).CopyTo(f.Dst.Span(dst, size));
            return;
        }
        for (int i = 0; i < count; i++) element.CopyMemory(f, src + (uint)(i * elementSize), dst + (uint)(i * elementSize));
    }
}

/// <summary>
/// <c>variant</c>, <c>enum</c>, <c>option</c>, <c>result</c>: the discriminant is checked
/// (<c>trap_if(case_index >= len(cases))</c>) and copied, then the case's payload. Flat payload slots carry the
/// joined types; with raw bits "lift_flat_variant"'s coercions are the truncations the payload's own copiers do,
/// "lower_flat_variant"'s are zero-extensions (the raw form of every i32/f32 slot), and unused slots are zero.
/// </summary>
internal sealed class VariantCopier(VariantCanonType type, ValueCopier?[] cases) : ValueCopier(type.Flat.Count)
{
    private readonly int _discriminantSize = type.DiscriminantSize;
    private readonly uint _payloadOffset = (uint)type.PayloadOffset;

    private TrapException BadDiscriminant(AdapterSide side, uint disc) =>
        side.Trap($"invalid {LiftLowerContext.Describe(type)} discriminant {disc}: invalid variant discriminant, discriminant {disc} out of range [0..{cases.Length})");

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        uint disc = (uint)src[0];
        if (disc >= (uint)cases.Length) throw BadDiscriminant(f.Src, disc);
        dst[0] = disc;
        int used = 0;
        if (cases[disc] is { } c)
        {
            used = c.FlatCount;
            c.CopyFlat(f, src.Slice(1, used), dst.Slice(1, used));
        }
        dst[(1 + used)..].Clear();
    }

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        uint disc = ReadSized(f.Src, src, _discriminantSize);
        if (disc >= (uint)cases.Length) throw BadDiscriminant(f.Src, disc);
        WriteSized(f.Dst, dst, _discriminantSize, disc);
        cases[disc]?.CopyMemory(f, src + _payloadOffset, dst + _payloadOffset);
    }
}

/// <summary>
/// <c>list&lt;T&gt;</c>: "load_list_from_range" checks (length limit, alignment, bounds) at the source, then
/// "store_list_into_range" allocates the whole list with one realloc at the destination; plain elements (integers
/// and padding-free records of them) are one block copy, others are copied element by element.
/// </summary>
internal sealed class ListCopier(ValueCopier element, int elementSize, int elementAlignment) : ValueCopier(2)
{
    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        var (ptr, length) = Copy(f, (uint)src[0], (uint)src[1]);
        dst[0] = ptr;
        dst[1] = length;
    }

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        var (sp, sl) = PointerPair.Read(f.Src, src);
        var (ptr, length) = Copy(f, sp, sl);
        PointerPair.Write(f.Dst, dst, ptr, length);
    }

    private (uint, uint) Copy(AdapterFrame f, uint ptr, uint length)
    {
        var s = f.Src;
        long byteLength = (long)length * elementSize;
        if (byteLength > LiftLowerContext.MaxListByteLength)
            throw new TrapException(TrapCode.MemoryOutOfBounds, $"{s.Where}: list content out-of-bounds: {length} elements of {elementSize} bytes exceed MAX_LIST_BYTE_LENGTH");
        if (ptr % (uint)elementAlignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{s.Where}: unaligned pointer: list pointer 0x{ptr:x} is not {elementAlignment}-byte aligned");
        if ((ulong)ptr + (ulong)byteLength > s.Length)
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{s.Where}: list content out-of-bounds: list pointer/length out of bounds of memory ({length} elements at 0x{ptr:x}, memory is {s.Length} bytes)");
        uint dp = f.Dst.Reallocate(0, 0, elementAlignment, byteLength, "a list");
        if (element.IsPlainBytes)
        {
            s.Span(ptr, byteLength).CopyTo(f.Dst.Span(dp, byteLength));
        }
        else
        {
            for (uint i = 0; i < length; i++) element.CopyMemory(f, ptr + i * (uint)elementSize, dp + i * (uint)elementSize);
        }
        return (dp, length);
    }
}
