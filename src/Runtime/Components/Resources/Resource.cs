namespace WitSharp.Components;

/// <summary>
/// A typed handle to a host-defined resource of type <typeparamref name="T"/> (wasmtime's
/// <c>component::Resource&lt;T&gt;</c>): the host picks the representation <see cref="Rep"/> (typically the
/// index of the state in a <see cref="ResourceTable"/>), passes the handle to guests, and gets it back in
/// host functions. It is a view of a <see cref="ResourceAny"/> of type <see cref="ResourceType.Host{T}"/>.
/// </summary>
public sealed class Resource<T>
{
    internal Resource(ResourceAny any) => Any = any;

    internal ResourceAny Any { get; }

    /// <summary>A new owned handle with the representation <paramref name="rep"/>: passing it to a guest
    /// transfers ownership; the guest's drop runs the destructor defined with the resource type.</summary>
    public static Resource<T> NewOwn(uint rep) => new(new ResourceAny(ResourceType.Host<T>(), rep, true, null, null));

    /// <summary>A new borrowed handle with the representation <paramref name="rep"/>, for <c>borrow</c> parameters.</summary>
    public static Resource<T> NewBorrow(uint rep) => new(new ResourceAny(ResourceType.Host<T>(), rep, false, null, null));

    /// <summary>The host's representation.</summary>
    public uint Rep => Any.Rep;

    /// <summary>True for an owned handle, false for a borrow.</summary>
    public bool Owned => Any.Owned;

    /// <summary>The untyped handle (same state).</summary>
    public ResourceAny ToResourceAny() => Any;

    /// <inheritdoc/>
    public override string ToString() => Any.ToString();
}
