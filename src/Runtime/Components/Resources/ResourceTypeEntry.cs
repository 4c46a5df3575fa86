using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// A resource type in a type index space. A definition (<c>(type (resource (rep i32) (dtor …)))</c>) makes a
/// fresh guest <see cref="ResourceType"/> each time an instantiation executes it; an import or declaration
/// <c>(sub resource)</c> is abstract until instantiation binds it to what the linker or the enclosing
/// component supplies. Aliases, <c>(eq …)</c> bounds and exports reuse the entry object, so handle types
/// (<see cref="HandleCanonType"/>) that name it see the binding.
/// </summary>
internal sealed class ResourceTypeEntry
{
    private ResourceType? _type;

    /// <summary>An abstract (imported or declared) resource type named <paramref name="name"/>.</summary>
    public ResourceTypeEntry(string name) => Name = name;

    private ResourceTypeEntry(string name, ResourceType type, ResourceDestructor? destructor)
    {
        Name = name;
        _type = type;
        Destructor = destructor;
    }

    public string Name { get; }

    /// <summary>True once the entry stands for a concrete type.</summary>
    public bool IsBound => _type is not null;

    /// <summary>The concrete type (identity for handle type checks).</summary>
    public ResourceType Type =>
        _type ?? throw new ComponentException($"the imported resource type `{Name}` was not supplied at instantiation");

    /// <summary>What dropping an owned handle of this type runs: the guest dtor of a definition, or the host
    /// destructor the linker defined the import with (wasmtime keeps it per imported resource, so two names for
    /// one host type can carry different destructors).</summary>
    public ResourceDestructor? Destructor { get; private set; }

    /// <summary>Executes a resource type definition for the instance <paramref name="implementation"/>.</summary>
    public static ResourceTypeEntry Define(Scope scope, ResourceTypeDef def, InstanceFlags implementation)
    {
        if (def.Representation != CoreValType.I32)
            throw new ComponentException($"resource representation {def.Representation} is not supported (only i32)", def.Offset);
        ResourceDestructor? dtor = def.Destructor is { } index
            ? new GuestResourceDestructor(scope.Get<Function>(ComponentSort.CoreFunc, index, def.Offset), implementation, def.Offset)
            : null;
        string name = "resource@" + def.Offset;
        return new ResourceTypeEntry(name, ResourceType.Guest(name, implementation, dtor), dtor);
    }

    /// <summary>Binds an abstract entry to a concrete type; binding twice to different types fails.</summary>
    /// <returns>False when the entry was already bound to a different type.</returns>
    public bool Bind(ResourceType type, ResourceDestructor? destructor)
    {
        if (_type is not null) return _type == type;
        _type = type;
        Destructor = destructor;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => "resource " + Name;
}
