using WitSharp.Wit.Binary;
using BinaryComponent = WitSharp.Wit.Binary.Component;

namespace WitSharp.Components;

/// <summary>The type of an instance: what it exports, by name (functions as <see cref="CanonFuncType"/>,
/// types as their resolved entry, nested instances as <see cref="InstanceTypeEntry"/>).</summary>
internal sealed class InstanceTypeEntry
{
    public Dictionary<string, object> Exports { get; } = [];
}

/// <summary>The type of a component; only carried, never checked structurally.</summary>
internal sealed class ComponentTypeEntry
{
    public Dictionary<string, object> Imports { get; } = [];
    public Dictionary<string, object> Exports { get; } = [];
}

/// <summary>A component instance in an index space: its exports by name.</summary>
internal sealed class InstanceItem(string name)
{
    public string Name { get; } = name;
    public Dictionary<string, object> Exports { get; } = [];
}

/// <summary>A core instance in an index space: its exports by name (Function, Memory, Table, Global).</summary>
internal sealed class CoreInstanceItem
{
    public Dictionary<string, object> Exports { get; } = [];
}

/// <summary>A nested component definition, closed over the scope its outer aliases refer to.</summary>
internal sealed class ComponentItem(BinaryComponent binary, Scope? outer)
{
    public BinaryComponent Binary { get; } = binary;
    public Scope? Outer { get; } = outer;
}

/// <summary>
/// The index spaces of one component (or of one instance/component type declaration) during instantiation
/// (Explainer.md "Index spaces"): every definition, import, alias and export appends to the space of its sort.
/// </summary>
internal sealed class Scope(Scope? parent)
{
    public Scope? Parent { get; } = parent;
    public List<object> Types { get; } = [];
    public List<object> CoreFuncs { get; } = [];
    public List<object> CoreTables { get; } = [];
    public List<object> CoreMemories { get; } = [];
    public List<object> CoreGlobals { get; } = [];
    public List<object> CoreTypes { get; } = [];
    public List<object> CoreModules { get; } = [];
    public List<object> CoreInstances { get; } = [];
    public List<object> Funcs { get; } = [];
    public List<object> Components { get; } = [];
    public List<object> Instances { get; } = [];
    public List<object> Values { get; } = [];

    public List<object> Space(ComponentSort sort) => sort switch
    {
        ComponentSort.CoreFunc => CoreFuncs,
        ComponentSort.CoreTable => CoreTables,
        ComponentSort.CoreMemory => CoreMemories,
        ComponentSort.CoreGlobal => CoreGlobals,
        ComponentSort.CoreType => CoreTypes,
        ComponentSort.CoreModule => CoreModules,
        ComponentSort.CoreInstance => CoreInstances,
        ComponentSort.Func => Funcs,
        ComponentSort.Type => Types,
        ComponentSort.Component => Components,
        ComponentSort.Instance => Instances,
        ComponentSort.Value => Values,
        _ => throw new ComponentException($"the {sort} sort is not supported"),
    };

    public object Get(ComponentSort sort, uint index, long offset)
    {
        var space = Space(sort);
        if (index >= space.Count)
            throw new ComponentException($"{sort} index {index} is out of range ({space.Count} defined)", offset);
        return space[(int)index];
    }

    public T Get<T>(ComponentSort sort, uint index, long offset) where T : class =>
        Get(sort, index, offset) as T
        ?? throw new ComponentException($"{sort} {index} is a {Get(sort, index, offset).GetType().Name}, expected {typeof(T).Name}", offset);

    /// <summary>The scope <paramref name="count"/> levels out (outer aliases).</summary>
    public Scope Outer(uint count, long offset)
    {
        var s = this;
        for (uint i = 0; i < count; i++) s = s.Parent ?? throw new ComponentException($"outer alias count {count} leaves the outermost component", offset);
        return s;
    }
}
