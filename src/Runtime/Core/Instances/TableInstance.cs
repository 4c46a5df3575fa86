namespace WitSharp.Core.Instances;

/// <summary>A table (spec 4.2.7): a growable vector of references. The array is exactly as long as the
/// table, so compiled code's bounds check is a compare against <c>ldlen</c>; growing replaces the array.</summary>
internal sealed class TableInstance
{
    public TableInstance(TableType type, object? init)
    {
        Type = type;
        Elements = new object?[checked((int)type.Limits.Min)];
        if (init is not null) Array.Fill(Elements, init);
    }

    public TableType Type { get; }

    /// <summary>Maximum size in elements (the declared maximum, or the implementation limit).</summary>
    public ulong Maximum => Math.Min(Type.Limits.Max ?? MaxElements, MaxElements);

    /// <summary>Implementation limit on table size (10 M entries, as wasmtime's default).</summary>
    public const ulong MaxElements = 10_000_000;

    public object?[] Elements;

    /// <summary>The store whose limits (<c>Store.SetLimits</c>) apply to growing this table.</summary>
    public StoreState? Owner;

    public int Length => Elements.Length;

    /// <summary><c>table.grow</c> (spec 4.4.6.x): returns the old size, or -1 when the table cannot grow.</summary>
    public int Grow(uint delta, object? init)
    {
        int old = Elements.Length;
        ulong target = (ulong)old + delta;
        if (target > Maximum) return -1;
        if (delta == 0) return old;
        if (Owner?.Limits is { } limits && !limits.TableGrowing(target)) return -1;
        var grown = new object?[(int)target];
        Array.Copy(Elements, grown, old);
        if (init is not null) Array.Fill(grown, init, old, (int)delta);
        Elements = grown;
        return old;
    }

    public static int GrowStatic(TableInstance table, object? init, int delta) => table.Grow((uint)delta, init);
}
