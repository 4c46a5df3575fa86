namespace WitSharp.Components;

/// <summary>An instantiated component (Wasmtime.Components.ComponentInstance): look up its exported functions.</summary>
public sealed class ComponentInstance
{
    private readonly Store _store;
    private readonly Dictionary<string, object> _exports;

    internal ComponentInstance(Store store, Dictionary<string, object> exports, Component? component = null)
    {
        _store = store;
        _exports = exports;
        Component = component;
    }

    /// <summary>The component this is an instance of (null for instances made without one).</summary>
    internal Component? Component { get; }

    /// <summary>The function at <paramref name="index"/> (from <see cref="Components.Component.GetExport"/>), or null when
    /// the export there is not a function.</summary>
    /// <exception cref="ComponentExportIndexException">The index belongs to another component.</exception>
    public ComponentFunction? GetFunction(ComponentExportIndex index) =>
        Lookup(index) is FuncItem f ? new ComponentFunction(_store, f) : null;

    /// <summary>The top-level function export <paramref name="name"/> bound to C# types, or null when there is no
    /// such function. The C# types are checked against the export's type here, once.</summary>
    /// <typeparam name="TParams"><see cref="ValueTuple"/> for no parameters, the parameter's C# type for one, a
    /// <see cref="ValueTuple"/> of them for several.</typeparam>
    /// <typeparam name="TResult">The result's C# type, or <see cref="ValueTuple"/> for none.</typeparam>
    /// <exception cref="ComponentTypeMismatchException">The C# types do not map the function's type.</exception>
    public TypedComponentFunction<TParams, TResult>? GetTypedFunction<TParams, TResult>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _exports.TryGetValue(name, out var item) && item is FuncItem f ? new TypedComponentFunction<TParams, TResult>(_store, f) : null;
    }

    /// <summary>The function <paramref name="name"/> of the exported instance <paramref name="interfaceName"/> bound
    /// to C# types (see <see cref="GetTypedFunction{TParams, TResult}(string)"/>), or null.</summary>
    public TypedComponentFunction<TParams, TResult>? GetTypedFunction<TParams, TResult>(string interfaceName, string name)
    {
        ArgumentNullException.ThrowIfNull(interfaceName);
        ArgumentNullException.ThrowIfNull(name);
        return _exports.TryGetValue(interfaceName, out var item) && item is InstanceItem i
            && i.Exports.TryGetValue(name, out var f) && f is FuncItem func
            ? new TypedComponentFunction<TParams, TResult>(_store, func) : null;
    }

    /// <summary>The function at <paramref name="index"/> bound to C# types (see
    /// <see cref="GetTypedFunction{TParams, TResult}(string)"/>), or null when the export there is not a function.</summary>
    /// <exception cref="ComponentExportIndexException">The index belongs to another component.</exception>
    public TypedComponentFunction<TParams, TResult>? GetTypedFunction<TParams, TResult>(ComponentExportIndex index) =>
        Lookup(index) is FuncItem f ? new TypedComponentFunction<TParams, TResult>(_store, f) : null;

    private object? Lookup(ComponentExportIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (Component is null || !ReferenceEquals(index.Component, Component))
            throw new ComponentExportIndexException($"the export index `{index}` belongs to a different component than this instance");
        object? item = _exports.TryGetValue(index.Path[0], out var top) ? top : null;
        for (int i = 1; i < index.Path.Length && item is not null; i++)
            item = item is InstanceItem inst && inst.Exports.TryGetValue(index.Path[i], out var next) ? next : null;
        return item;
    }

    /// <summary>The exported items by name (for the wast runner's <c>register</c> and named instances).</summary>
    internal IReadOnlyDictionary<string, object> Exports => _exports;

    /// <summary>The top-level function export <paramref name="name"/>, or null.</summary>
    public ComponentFunction? GetFunction(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _exports.TryGetValue(name, out var item) && item is FuncItem f ? new ComponentFunction(_store, f) : null;
    }

    /// <summary>The resource type exported as <paramref name="name"/>, or null. A guest-defined type is fresh per
    /// instantiation; an exported import is the type it was instantiated with.</summary>
    public ResourceType? GetResource(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _exports.TryGetValue(name, out var item) && item is ResourceTypeEntry { IsBound: true } r ? r.Type : null;
    }

    /// <summary>The resource type <paramref name="name"/> exported by the instance <paramref name="interfaceName"/>, or null.</summary>
    public ResourceType? GetResource(string interfaceName, string name)
    {
        ArgumentNullException.ThrowIfNull(interfaceName);
        ArgumentNullException.ThrowIfNull(name);
        return _exports.TryGetValue(interfaceName, out var item) && item is InstanceItem i
            && i.Exports.TryGetValue(name, out var r) && r is ResourceTypeEntry { IsBound: true } entry ? entry.Type : null;
    }

    /// <summary>The function <paramref name="name"/> of the exported instance <paramref name="interfaceName"/>
    /// (e.g. <c>test:abi/calc@0.1.0</c>), or null.</summary>
    public ComponentFunction? GetFunction(string interfaceName, string name)
    {
        ArgumentNullException.ThrowIfNull(interfaceName);
        ArgumentNullException.ThrowIfNull(name);
        return _exports.TryGetValue(interfaceName, out var item) && item is InstanceItem i
            && i.Exports.TryGetValue(name, out var f) && f is FuncItem func
            ? new ComponentFunction(_store, func) : null;
    }
}

/// <summary>An exported component function (Wasmtime.Components.ComponentFunction), called dynamically through
/// the canonical ABI.</summary>
public sealed class ComponentFunction
{
    private readonly FuncItem _func;

    internal ComponentFunction(Store store, FuncItem func)
    {
        Store = store;
        _func = func;
    }

    /// <summary>The store the function belongs to.</summary>
    public Store Store { get; }

    /// <summary>The number of parameters.</summary>
    public int ParameterCount => _func.Type.Parameters.Count;

    /// <summary>The parameter names, in order.</summary>
    public IReadOnlyList<string> ParameterNames => _func.Type.ParameterNames;

    /// <summary>True when the function returns a value.</summary>
    public bool HasResult => _func.Type.Result is not null;

    /// <summary>Invokes the function.</summary>
    /// <returns>The result, or null if the function does not return one.</returns>
    /// <exception cref="ArgumentException">An argument does not match the parameter type.</exception>
    /// <exception cref="TrapException">The guest trapped, or returned an invalid value (bad discriminant,
    /// invalid char or string, out-of-bounds or misaligned pointer).</exception>
    public ComponentValue? Call(params ComponentValue[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return _func.Invoke(arguments);
    }

    /// <summary>Invokes the function; see <see cref="Call(ComponentValue[])"/>.</summary>
    public ComponentValue? Call(IReadOnlyList<ComponentValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return _func.Invoke(arguments);
    }
}
