namespace WitSharp.Components;

/// <summary>
/// Checks an item taken from another component instance (a registered instance, a module defined in the linker)
/// against the type a component imports it with, at instantiation time as wasmtime does (Explainer.md
/// "Subtyping": instances may export more than their type says, modules may import less and export more; value
/// and function types compare structurally). Host functions defined by callbacks carry no type and are checked
/// when called instead.
/// </summary>
internal static class ImportMatcher
{
    /// <summary>Null when <paramref name="item"/> can be supplied for an import of <paramref name="type"/>, else
    /// why not, in wasmtime's wording where it has one ("expected func found instance").</summary>
    public static string? Mismatch(object item, object type) => type switch
    {
        CanonFuncType f => item is FuncItem func ? FuncMismatch(func.Type, f) : Expected("func", item),
        InstanceTypeEntry i => item is InstanceItem inst ? InstanceMismatch(inst, i) : Expected("instance", item),
        CoreModuleTypeEntry m => item is Module module ? m.Mismatch(module) : Expected("module", item),
        ComponentTypeEntry => item is ComponentItem ? null : Expected("component", item),
        // An abstract resource in the import's type is bound to the supplied one; a bound one must be identical.
        ResourceTypeEntry r => item is ResourceTypeEntry supplied ? ResourceImports.Match(r, supplied) : Expected("resource", item),
        CanonType t => item is CanonType c ? (Same(c, t) ? null : "expected a type equal to its bound, found a different type") : Expected("type", item),
        _ => null,
    };

    private static string? InstanceMismatch(InstanceItem item, InstanceTypeEntry type)
    {
        foreach (var (name, t) in type.Exports)
        {
            if (!item.Exports.TryGetValue(name, out var e)) return $"instance export `{name}` was not found";
            if (Mismatch(e, t) is { } why) return $"instance export `{name}` has the wrong type: {why}";
        }
        return null;
    }

    private static string? FuncMismatch(CanonFuncType actual, CanonFuncType expected)
    {
        if (actual.Parameters.Count != expected.Parameters.Count)
            return $"expected {expected.Parameters.Count} parameters, found {actual.Parameters.Count}";
        for (int i = 0; i < actual.Parameters.Count; i++)
        {
            if (actual.ParameterNames[i] != expected.ParameterNames[i])
                return $"expected parameter named `{expected.ParameterNames[i]}`, found `{actual.ParameterNames[i]}`";
            if (!Same(actual.Parameters[i], expected.Parameters[i])) return $"type mismatch in parameter `{expected.ParameterNames[i]}`";
        }
        if ((actual.Result is null) != (expected.Result is null)) return "expected a function with a different result";
        return actual.Result is { } a && !Same(a, expected.Result!) ? "type mismatch with result type" : null;
    }

    private static string Expected(string what, object item) => $"expected {what} found {Describe(item)}";

    internal static string Describe(object item) => item switch
    {
        ComponentFunctionCallback or FuncItem => "func",
        ComponentLinkerInstance or InstanceItem => "instance",
        Module => "module",
        ComponentItem => "component",
        ResourceTypeEntry => "resource",
        _ => "type",
    };

    /// <summary>Structural equality of value types (the component model has no value subtyping).</summary>
    internal static bool Same(CanonType a, CanonType b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Kind != b.Kind) return false;
        return (a, b) switch
        {
            (PrimitiveCanonType, PrimitiveCanonType) => false, // primitives are singletons
            (ListCanonType x, ListCanonType y) => Same(x.Element, y.Element),
            (RecordCanonType x, RecordCanonType y) => Labels(x.Labels, y.Labels) && x.Fields.Count == y.Fields.Count
                && x.Fields.Zip(y.Fields).All(p => Same(p.First, p.Second)),
            (VariantCanonType x, VariantCanonType y) => Labels(x.Labels, y.Labels) && x.Cases.Count == y.Cases.Count
                && x.Cases.Zip(y.Cases).All(p => p.First is null ? p.Second is null : p.Second is not null && Same(p.First, p.Second)),
            (FlagsCanonType x, FlagsCanonType y) => x.Labels.SequenceEqual(y.Labels),
            (HandleCanonType x, HandleCanonType y) => x.IsOwn == y.IsOwn
                && (!x.Resource.IsBound || !y.Resource.IsBound || x.Resource.Type == y.Resource.Type),
            _ => false,
        };
    }

    private static bool Labels(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
