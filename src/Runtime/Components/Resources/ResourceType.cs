using System.Collections.Concurrent;

namespace WitSharp.Components;

/// <summary>
/// The identity of a resource type (Explainer.md "Resource types"; wasmtime's <c>component::ResourceType</c>).
/// A host-defined type is one per .NET type (<see cref="Host{T}"/> always returns the same object), so a host
/// can define it in a <see cref="ComponentLinker"/> and recognise it in values. A guest-defined type
/// (<c>(type (resource (rep i32) (dtor …)))</c>) is created fresh by every instantiation of the component that
/// defines it: two instances of one component export two different, unequal resource types (CanonicalABI.md
/// "ResourceType": each carries the component instance that implements it).
/// </summary>
public sealed class ResourceType
{
    private static readonly ConcurrentDictionary<Type, ResourceType> s_hostTypes = new();

    private ResourceType(string name, Type? hostType, InstanceFlags? implementation, ResourceDestructor? destructor)
    {
        Name = name;
        HostType = hostType;
        Implementation = implementation;
        Destructor = destructor;
    }

    /// <summary>The resource type the host defines with the .NET type <typeparamref name="T"/> (the same
    /// object on every call, so equal by reference).</summary>
    public static ResourceType Host<T>() => Host(typeof(T));

    /// <summary>The resource type the host defines with the .NET type <paramref name="type"/>.</summary>
    public static ResourceType Host(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return s_hostTypes.GetOrAdd(type, static t => new ResourceType(t.Name, t, null, null));
    }

    /// <summary>A name for messages: the host type's name, or where the guest defined the resource.</summary>
    public string Name { get; }

    /// <summary>True for types made by <see cref="Host{T}"/>; false for types defined by a component instance.</summary>
    public bool IsHostDefined => HostType is not null;

    /// <summary>The .NET type a host-defined resource type stands for, or null for a guest-defined one.</summary>
    public Type? HostType { get; }

    /// <summary>The component instance that implements a guest-defined type (CanonicalABI.md <c>rt.impl</c>):
    /// lowering a borrow into it passes the representation itself.</summary>
    internal InstanceFlags? Implementation { get; }

    /// <summary>The guest destructor (<c>rt.dtor</c>), or null.</summary>
    internal ResourceDestructor? Destructor { get; }

    /// <summary>A fresh guest-defined type, made when an instantiation executes the type definition.</summary>
    internal static ResourceType Guest(string name, InstanceFlags implementation, ResourceDestructor? destructor) =>
        new(name, null, implementation, destructor);

    /// <summary>The phrase used by type-mismatch traps (the wording of wasmtime's messages).</summary>
    internal string Describe() => IsHostDefined ? "host-defined resource" : "guest-defined resource";

    /// <inheritdoc/>
    public override string ToString() => (IsHostDefined ? "host resource " : "guest resource ") + Name;
}
