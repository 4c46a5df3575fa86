namespace WitSharp.Components;

/// <summary>
/// A resource handle held by the host, of any resource type (wasmtime's <c>component::ResourceAny</c>): what
/// the dynamic call path gives for an <c>own&lt;T&gt;</c> or <c>borrow&lt;T&gt;</c> value
/// (<see cref="ComponentValue.AsResource"/>) and takes back (<see cref="ComponentValue.Own(ResourceAny)"/>,
/// <see cref="ComponentValue.Borrow(ResourceAny)"/>).
/// <para>An owned handle is used once: passing it to an <c>own</c> parameter moves it into the callee, and
/// <see cref="ResourceDrop"/> destroys it (running the guest destructor, or the host destructor its type was
/// imported with). Passing it to a <c>borrow</c> parameter lends it for the duration of that call. A borrowed
/// handle received by a host function is valid only until that host function returns.</para>
/// </summary>
public sealed class ResourceAny
{
    private enum State : byte { Live, Moved, Dropped }

    private readonly ResourceDestructor? _destructor;
    private readonly CallBorrowScope? _scope;
    private State _state;

    internal ResourceAny(ResourceType type, uint rep, bool owned, ResourceDestructor? destructor, CallBorrowScope? scope)
    {
        Type = type;
        Rep = rep;
        Owned = owned;
        _destructor = destructor;
        _scope = scope;
    }

    /// <summary>The resource type.</summary>
    public ResourceType Type { get; }

    /// <summary>The representation: for a host-defined type, the host's own value (e.g. a
    /// <see cref="ResourceTable"/> index); for a guest-defined type, the guest's private i32.</summary>
    public uint Rep { get; }

    /// <summary>True for an owned handle, false for a borrow.</summary>
    public bool Owned { get; }

    /// <summary>Host lends in progress (an owned handle passed to a <c>borrow</c> parameter of a running call).</summary>
    internal int Lends { get; set; }

    /// <summary>True while the handle may still be passed to a call or dropped.</summary>
    public bool IsValid => _state == State.Live && (_scope is null || _scope.IsActive);

    /// <summary>Destroys an owned resource: runs its destructor with <see cref="Rep"/> (wasmtime's
    /// <c>ResourceAny::resource_drop</c>). Dropping a borrow only gives up the host's use of it.</summary>
    /// <exception cref="WasmException">The handle was already dropped or moved, or it is lent to a call in progress.</exception>
    /// <exception cref="TrapException">The guest destructor trapped, or its instance cannot be entered now.</exception>
    public void ResourceDrop(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        CheckUsable("drop");
        _state = State.Dropped;
        if (Owned) _destructor?.Run(Rep, null);
    }

    /// <summary>Same as <see cref="ResourceDrop"/>.</summary>
    public void Drop(Store store) => ResourceDrop(store);

    /// <summary>The typed view of a host-defined resource of type <typeparamref name="T"/>; shares this handle's
    /// state (moving or dropping either affects both).</summary>
    /// <exception cref="InvalidCastException">The resource is not of type <see cref="ResourceType.Host{T}"/>.</exception>
    public Resource<T> ToResource<T>() =>
        Type == ResourceType.Host<T>()
            ? new Resource<T>(this)
            : throw new InvalidCastException($"the resource is a {Type}, not a {ResourceType.Host<T>()}");

    /// <summary>Marks an owned handle moved into a callee (<c>lower_own</c>).</summary>
    internal void Move(string where)
    {
        if (!Owned) throw new ArgumentException($"{where}: a borrowed resource cannot be passed as an `own` value");
        CheckUsable("move");
        _state = State.Moved;
    }

    /// <summary>Checks the handle may be lent to a borrow parameter.</summary>
    internal void CheckLendable(string where)
    {
        if (_state != State.Live || (_scope is not null && !_scope.IsActive))
            throw new ArgumentException($"{where}: the resource {Describe()} cannot be borrowed");
    }

    private void CheckUsable(string action)
    {
        if (_state == State.Dropped) throw new WasmException($"cannot {action} the resource: it was already dropped");
        if (_state == State.Moved) throw new WasmException($"cannot {action} the resource: it was moved into a call");
        if (_scope is not null && !_scope.IsActive)
            throw new WasmException($"cannot {action} the resource: it was borrowed for a call that has returned");
        if (Lends > 0) throw new WasmException($"cannot {action} the resource: it is lent to a call in progress");
    }

    private string Describe() => _state switch
    {
        State.Dropped => "(already dropped)",
        State.Moved => "(moved into a call)",
        _ => "(borrowed for a call that has returned)",
    };

    /// <inheritdoc/>
    public override string ToString() => $"{(Owned ? "own" : "borrow")}<{Type.Name}>({Rep})";
}
