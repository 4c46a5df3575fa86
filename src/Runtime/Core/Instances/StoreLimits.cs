namespace WitSharp.Core.Instances;

/// <summary>Resource limits of one store, set by <c>Store.SetLimits</c> (wasmtime's <c>StoreLimits</c>):
/// the largest size a linear memory or table may reach, and how many instances, memories and tables the
/// store may create. Limits apply to future creation and growth only, as in wasmtime.</summary>
internal sealed class StoreLimits
{
    /// <summary>wasmtime's default count limit for instances, memories and tables of a store.</summary>
    public const long DefaultCount = 10_000;

    /// <summary>No limit at all (a store before <c>Store.SetLimits</c>); creations are still counted.</summary>
    public static StoreLimits Unlimited() => new() { Instances = long.MaxValue, Tables = long.MaxValue, Memories = long.MaxValue };

    /// <summary>Largest size in bytes a linear memory may have, or null for no limit.</summary>
    public long? MemorySize { get; init; }

    /// <summary>Largest number of elements a table may have, or null for no limit.</summary>
    public uint? TableElements { get; init; }

    public long Instances { get; init; } = DefaultCount;
    public long Tables { get; init; } = DefaultCount;
    public long Memories { get; init; } = DefaultCount;

    // Counts of what the store created so far; they carry over when the limits are replaced.
    private long _instanceCount, _memoryCount, _tableCount;

    /// <summary>Copies the counts of <paramref name="previous"/> (a store's counts survive SetLimits).</summary>
    public StoreLimits WithCountsOf(StoreLimits? previous)
    {
        if (previous is not null)
        {
            _instanceCount = previous._instanceCount;
            _memoryCount = previous._memoryCount;
            _tableCount = previous._tableCount;
        }
        return this;
    }

    /// <summary>Whether a memory may be (or grow to) <paramref name="bytes"/> bytes.</summary>
    public bool MemoryGrowing(ulong bytes) => MemorySize is not long max || bytes <= (ulong)Math.Max(max, 0);

    /// <summary>Whether a table may be (or grow to) <paramref name="elements"/> elements.</summary>
    public bool TableGrowing(ulong elements) => TableElements is not uint max || elements <= max;

    /// <summary>Counts one instantiation of a module defining <paramref name="memories"/> memories and
    /// <paramref name="tables"/> tables, failing when a count would pass its limit. Mirrors wasmtime's
    /// <c>bump_resource_counts</c>: instances first, then memories, then tables, and a count already
    /// bumped stays bumped when a later one fails.</summary>
    public void BumpResourceCounts(int memories, int tables)
    {
        Bump(ref _instanceCount, Instances, 1, "instance");
        Bump(ref _memoryCount, Memories, memories, "memory");
        Bump(ref _tableCount, Tables, tables, "table");
    }

    private static void Bump(ref long count, long max, long amount, string what)
    {
        long next = count > long.MaxValue - amount ? long.MaxValue : count + amount;
        if (next > max) throw new WasmtimeException($"resource limit exceeded: {what} count too high at {next}");
        count = next;
    }

    /// <summary>Fails when a new memory of <paramref name="pages"/> pages is over the memory size limit.</summary>
    public void CheckNewMemory(ulong pages)
    {
        if (!MemoryGrowing(pages * MemoryInstance.PageSize))
            throw new WasmtimeException($"memory minimum size of {pages} pages exceeds memory limits");
    }

    /// <summary>Fails when a new table of <paramref name="elements"/> elements is over the table size limit.</summary>
    public void CheckNewTable(ulong elements)
    {
        if (!TableGrowing(elements))
            throw new WasmtimeException($"table minimum size of {elements} elements exceeds table limits");
    }
}
