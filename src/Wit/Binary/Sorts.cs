namespace WitSharp.Wit.Binary;

/// <summary>
/// Every index space a component definition can name (Binary.md "Instance Definitions", <c>sort</c>
/// and <c>core:sort</c>). Core sorts are prefixed with <c>Core</c>.
/// </summary>
public enum ComponentSort
{
    CoreFunc,
    CoreTable,
    CoreMemory,
    CoreGlobal,
    CoreTag,
    CoreType,
    CoreModule,
    CoreInstance,
    Func,
    Value,
    Type,
    Component,
    Instance,
}

/// <summary>A <c>sortidx</c>: an index into one index space.</summary>
public readonly struct SortIndex : System.IEquatable<SortIndex>
{
    /// <summary>Creates a sort index.</summary>
    public SortIndex(ComponentSort sort, uint index)
    {
        Sort = sort;
        Index = index;
    }

    /// <summary>The index space.</summary>
    public ComponentSort Sort { get; }

    /// <summary>The index within <see cref="Sort"/>.</summary>
    public uint Index { get; }

    /// <inheritdoc/>
    public bool Equals(SortIndex other) => Sort == other.Sort && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SortIndex s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Sort * 397) ^ (int)Index;

    /// <inheritdoc/>
    public override string ToString() => "(" + Sort + " " + Index + ")";

    /// <summary>Equality.</summary>
    public static bool operator ==(SortIndex a, SortIndex b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SortIndex a, SortIndex b) => !a.Equals(b);
}
