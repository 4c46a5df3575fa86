using WitSharp.Core;
using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>A table of references (wasmtime-dotnet <c>Table</c>).</summary>
public sealed class Table
{
    internal Table(Store store, TableInstance instance)
    {
        Store = store;
        Instance = instance;
    }

    /// <summary>Creates a table of <paramref name="initial"/> elements set to <paramref name="initialValue"/>.</summary>
    public Table(Store store, TableKind kind, object? initialValue, uint initial, uint maximum = uint.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        var type = new TableType(kind == TableKind.FuncRef ? ValType.FuncRef : ValType.ExternRef,
            new Limits(initial, maximum == uint.MaxValue ? null : maximum));
        if (initial > TableInstance.MaxElements) throw new WasmtimeException("table is too large");
        store.State.Limits?.CheckNewTable(initial);
        Instance = new TableInstance(type, CheckValue(kind, initialValue)) { Owner = store.State };
    }

    internal Store Store { get; }
    internal TableInstance Instance { get; }

    /// <summary>Element kind.</summary>
    public TableKind Kind => Instance.Type.ElementType == ValType.FuncRef ? TableKind.FuncRef : TableKind.ExternRef;

    /// <summary>Minimum size in elements.</summary>
    public uint Minimum => (uint)Instance.Type.Limits.Min;

    /// <summary>Maximum size in elements (<see cref="uint.MaxValue"/> when unbounded).</summary>
    public uint Maximum => (uint)(Instance.Type.Limits.Max ?? uint.MaxValue);

    /// <summary>Current size in elements.</summary>
    public uint GetSize() => (uint)Instance.Length;

    /// <summary>The element at <paramref name="index"/>: a <see cref="Function"/> (or null) for funcref tables,
    /// the host object (or null) for externref tables.</summary>
    public object? GetElement(uint index)
    {
        var e = Instance.Elements;
        if (index >= (uint)e.Length) throw new WasmtimeException("table index out of bounds");
        return ValueConversion.ToPublic(e[index], Store);
    }

    /// <summary>Replaces the element at <paramref name="index"/>.</summary>
    public void SetElement(uint index, object? value)
    {
        var e = Instance.Elements;
        if (index >= (uint)e.Length) throw new WasmtimeException("table index out of bounds");
        e[index] = CheckValue(Kind, value);
    }

    /// <summary>Grows the table by <paramref name="delta"/> elements set to <paramref name="initialValue"/>.</summary>
    /// <returns>The previous size.</returns>
    public uint Grow(uint delta, object? initialValue)
    {
        int old = Instance.Grow(delta, CheckValue(Kind, initialValue));
        return old < 0 ? throw new WasmtimeException($"failed to grow table by `{delta}`") : (uint)old;
    }

    private static object? CheckValue(TableKind kind, object? value)
    {
        var v = ValueConversion.ToInternal(value);
        if (kind == TableKind.FuncRef && v is not null and not FunctionInstance)
            throw new WasmtimeException("a funcref table holds only functions");
        return v;
    }
}
