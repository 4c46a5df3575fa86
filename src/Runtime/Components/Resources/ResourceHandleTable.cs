namespace WitSharp.Components;

/// <summary>One entry of a handle table (CanonicalABI.md "Resource State": <c>ResourceHandle</c>).</summary>
internal sealed class ResourceHandle(ResourceType type, uint rep, bool own, CallBorrowScope? borrowScope)
{
    public ResourceType Type { get; } = type;
    public uint Rep { get; } = rep;

    /// <summary>True for an <c>own</c> handle, false for a <c>borrow</c>.</summary>
    public bool Own { get; } = own;

    /// <summary>The call a borrow handle was lent for (its <c>num_borrows</c> counts it); null for owns.</summary>
    public CallBorrowScope? BorrowScope { get; } = borrowScope;

    /// <summary><c>num_lends</c>: calls in progress this own handle is lent to as a borrow.</summary>
    public int NumLends { get; set; }
}

/// <summary>
/// The handle table of one component instance (CanonicalABI.md "Table State"): index 0 is never valid,
/// freed indices are reused last-in first-out (the free list order is normative: tests assert exact indices),
/// and the table holds at most 2^28-1 entries. Every failed access is a trap naming the index.
/// </summary>
internal sealed class ResourceHandleTable
{
    private const int MaxLength = (1 << 28) - 1;

    private readonly List<ResourceHandle?> _array = [null];
    private readonly List<uint> _free = [];

    /// <summary>Live entries.</summary>
    public int Count => _array.Count - 1 - _free.Count;

    public uint Add(ResourceHandle handle)
    {
        if (_free.Count > 0)
        {
            uint i = _free[^1];
            _free.RemoveAt(_free.Count - 1);
            _array[(int)i] = handle;
            return i;
        }
        if (_array.Count > MaxLength)
            throw new TrapException(TrapCode.Undefined, $"the handle table is full ({MaxLength} entries)");
        _array.Add(handle);
        return (uint)(_array.Count - 1);
    }

    public ResourceHandle Get(uint index)
    {
        if (index >= (uint)_array.Count || _array[(int)index] is not { } h)
            throw new TrapException(TrapCode.Undefined, $"unknown handle index {index}");
        return h;
    }

    public ResourceHandle Remove(uint index)
    {
        var h = Get(index);
        _array[(int)index] = null;
        _free.Add(index);
        return h;
    }

    /// <summary>The entry at <paramref name="index"/>, checked to be a handle of <paramref name="type"/>
    /// (CanonicalABI.md <c>trap_if(h.rt is not rt)</c>).</summary>
    public ResourceHandle Get(uint index, ResourceType type)
    {
        var h = Get(index);
        if (h.Type != type)
        {
            string found = h.Type.IsHostDefined == type.IsHostDefined ? "a different " + h.Type.Describe() : "a " + h.Type.Describe();
            throw new TrapException(TrapCode.Undefined,
                $"handle index {index} used with the wrong type, expected {type.Describe()} but found {found}");
        }
        return h;
    }
}
