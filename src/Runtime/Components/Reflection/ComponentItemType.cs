namespace WitSharp.Components;

/// <summary>What sort of item an import or export is (Explainer.md "sort").</summary>
public enum ComponentItemKind
{
    /// <summary>A component function; see <see cref="ComponentItemType.Function"/>.</summary>
    Func,
    /// <summary>A component instance (e.g. an interface); see <see cref="ComponentItemType.Exports"/>.</summary>
    Instance,
    /// <summary>A component; see <see cref="ComponentItemType.Imports"/> and <see cref="ComponentItemType.Exports"/>.</summary>
    Component,
    /// <summary>A core module.</summary>
    Module,
    /// <summary>A resource type; see <see cref="ComponentItemType.Resource"/>.</summary>
    Resource,
    /// <summary>A value type; see <see cref="ComponentItemType.ValueType"/>.</summary>
    Type,
}

/// <summary>
/// The type of an import or export of a component (wasmtime <c>types::ComponentItem</c>): a function with its
/// signature, an instance or component with its own imports and exports, a core module, a resource type or a
/// value type.
/// </summary>
public sealed class ComponentItemType
{
    private static readonly IReadOnlyList<KeyValuePair<string, ComponentItemType>> None = [];

    internal ComponentItemType(ComponentItemKind kind) => Kind = kind;

    /// <summary>The sort of the item.</summary>
    public ComponentItemKind Kind { get; }

    /// <summary>For <see cref="ComponentItemKind.Func"/>: the signature.</summary>
    public ComponentFunctionType? Function { get; internal init; }

    /// <summary>For <see cref="ComponentItemKind.Type"/>: the value type (null when the type is a function, instance or
    /// component type; then <see cref="Function"/>, <see cref="Exports"/> and <see cref="Imports"/> describe it).</summary>
    public ComponentValueType? ValueType { get; internal init; }

    /// <summary>For <see cref="ComponentItemKind.Resource"/>: the resource type.</summary>
    public ComponentResourceType? Resource { get; internal init; }

    /// <summary>For instances and components: the exports, in order; otherwise empty.</summary>
    public IReadOnlyList<KeyValuePair<string, ComponentItemType>> Exports { get; internal init; } = None;

    /// <summary>For components: the imports, in order; otherwise empty.</summary>
    public IReadOnlyList<KeyValuePair<string, ComponentItemType>> Imports { get; internal init; } = None;

    /// <summary>The export <paramref name="name"/> of an instance or component, or null.</summary>
    public ComponentItemType? GetExport(string name)
    {
        foreach (var (n, t) in Exports)
        {
            if (n == name) return t;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ComponentItemKind.Func => Function!.ToString(),
        ComponentItemKind.Type => "type " + (ValueType?.ToString() ?? Function?.ToString() ?? $"({Imports.Count} imports, {Exports.Count} exports)"),
        ComponentItemKind.Resource => "resource " + Resource!.Name,
        ComponentItemKind.Module => "core module",
        ComponentItemKind.Instance => $"instance ({Exports.Count} exports)",
        _ => $"component ({Imports.Count} imports, {Exports.Count} exports)",
    };
}

/// <summary>A component function type: named parameters and an optional result.</summary>
public sealed class ComponentFunctionType
{
    internal ComponentFunctionType(IReadOnlyList<ComponentField> parameters, ComponentValueType? result)
    {
        Parameters = parameters;
        Result = result;
    }

    /// <summary>The parameters in order (name and type).</summary>
    public IReadOnlyList<ComponentField> Parameters { get; }

    /// <summary>The result type, or null when the function returns nothing.</summary>
    public ComponentValueType? Result { get; }

    /// <summary>The signature in WIT syntax, e.g. <c>func(a: u32, b: u64) -&gt; f32</c>.</summary>
    public override string ToString() =>
        "func(" + string.Join(", ", Parameters.Select(p => p.Name + ": " + p.Type)) + ")" + (Result is { } r ? " -> " + r : "");
}

/// <summary>
/// A resource type as reflected from a component. Two values are equal when they denote the same definition in
/// the same component. As in wasmtime, the types a component defines are fresh for every instantiation: this
/// describes the definition, not one instance's run-time type.
/// </summary>
public sealed class ComponentResourceType : IEquatable<ComponentResourceType>
{
    private readonly object _identity;

    internal ComponentResourceType(string name, object identity)
    {
        Name = name;
        _identity = identity;
    }

    /// <summary>The name the resource was imported or exported under (or a placeholder for unnamed ones).</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public bool Equals(ComponentResourceType? other) => other is not null && ReferenceEquals(_identity, other._identity);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ComponentResourceType);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_identity);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The imports and exports of a component (wasmtime <c>Component::component_type</c>).</summary>
public sealed class ComponentType
{
    internal ComponentType(IReadOnlyList<KeyValuePair<string, ComponentItemType>> imports, IReadOnlyList<KeyValuePair<string, ComponentItemType>> exports)
    {
        Imports = imports;
        Exports = exports;
    }

    /// <summary>The imports in order, by name (plain names and interface names such as <c>wasi:cli/stdout@0.2.0</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, ComponentItemType>> Imports { get; }

    /// <summary>The exports in order, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, ComponentItemType>> Exports { get; }

    /// <summary>The import <paramref name="name"/>, or null.</summary>
    public ComponentItemType? GetImport(string name) => Imports.FirstOrDefault(kv => kv.Key == name).Value;

    /// <summary>The export <paramref name="name"/>, or null.</summary>
    public ComponentItemType? GetExport(string name) => Exports.FirstOrDefault(kv => kv.Key == name).Value;
}
