namespace WitSharp.Components;

/// <summary>An instantiated component (Wasmtime.Components.ComponentInstance): look up its exported functions.</summary>
public sealed class ComponentInstance
{
    private readonly Store _store;
    private readonly Dictionary<string, object> _exports;

    internal ComponentInstance(Store store, Dictionary<string, object> exports)
    {
        _store = store;
        _exports = exports;
    }

    /// <summary>The exported items by name (for the wast runner's <c>register</c> and named instances).</summary>
    internal IReadOnlyDictionary<string, object> Exports => _exports;

    /// <summary>The top-level function export <paramref name="name"/>, or null.</summary>
    public ComponentFunction? GetFunction(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _exports.TryGetValue(name, out var item) && item is FuncItem f ? new ComponentFunction(_store, f) : null;
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
