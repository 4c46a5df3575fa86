namespace WitSharp.Components;

/// <summary>A resource type defined in a <see cref="ComponentLinkerInstance"/> with its host destructor.</summary>
internal sealed class HostResourceDefinition(ResourceType type, ResourceDestructorCallback? destructor)
{
    public ResourceType Type { get; } = type;
    public ResourceDestructor? Destructor { get; } = destructor is null ? null : new HostResourceDestructor(destructor);
}

/// <summary>
/// Binds imported abstract resource types to the linker's definitions (Explainer.md "Type imports": an
/// imported <c>(sub resource)</c> is supplied by the host). A type that an earlier import already bound
/// through an <c>(eq …)</c> bound needs no definition of its own, but if one is given it must be the same type.
/// </summary>
internal static class ResourceImports
{
    public static ResourceTypeEntry Resolve(ComponentLinkerInstance from, string name, ResourceTypeEntry entry, bool trapUnknown)
    {
        string qualified = from.QualifiedName(name);
        if (!from.Items.TryGetValue(name, out var item))
        {
            if (entry.IsBound) return entry;
            if (!trapUnknown) throw new LinkException($"resource import `{qualified}` was not found in the linker");
            // DefineUnknownImportsAsTraps: a fresh host type nobody else can produce, so no handle of it can exist.
            entry.Bind(ResourceType.Host<UnknownResource>(), null);
            return entry;
        }
        if (item is ResourceTypeEntry supplied)
        {
            // A resource type registered from another component instance (a wast script's `register`).
            if (Match(entry, supplied) is { } why) throw new LinkException($"import `{qualified}`: {why}");
            return entry;
        }
        if (item is not HostResourceDefinition definition)
        {
            string found = item is ComponentLinkerInstance ? "instance" : "func";
            throw new LinkException($"import `{qualified}` has the wrong type: expected resource found {found}");
        }
        if (!entry.Bind(definition.Type, definition.Destructor))
            throw new LinkException($"import `{qualified}`: mismatched resource types ({definition.Type} is not {entry.Type})");
        return entry;
    }

    /// <summary>Matches a resource type supplied by another component instance (a registered instance or type)
    /// against the import's: an abstract <c>(sub resource)</c> is bound to it, an <c>(eq …)</c> or already bound
    /// one must be the same type. Null when it matches, else wasmtime's reason.</summary>
    public static string? Match(ResourceTypeEntry expected, ResourceTypeEntry supplied)
    {
        if (!supplied.IsBound) return null; // an unbound import of an enclosing component: nothing to compare yet
        return expected.Bind(supplied.Type, supplied.Destructor) ? null : "mismatched resource types";
    }

    /// <summary>Marker type for resources imported but not defined under <see cref="ComponentLinker.DefineUnknownImportsAsTraps"/>.</summary>
    private sealed class UnknownResource;
}
