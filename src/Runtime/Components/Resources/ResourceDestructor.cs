namespace WitSharp.Components;

/// <summary>A host destructor for a resource type defined with
/// <see cref="ComponentLinkerInstance.DefineResource"/>: called with the representation when the last owning
/// handle is dropped. Throwing a <see cref="TrapException"/> traps the guest that dropped it.</summary>
public delegate void ResourceDestructorCallback(uint rep);

/// <summary>What runs when an owned handle is dropped (CanonicalABI.md "canon resource.drop": <c>rt.dtor</c>).</summary>
internal abstract class ResourceDestructor
{
    /// <summary>Runs the destructor for <paramref name="rep"/>. <paramref name="caller"/> is the component
    /// instance that dropped the handle, or null when the host did.</summary>
    public abstract void Run(uint rep, InstanceFlags? caller);
}

/// <summary>A guest destructor: a core function <c>(func (param i32))</c> of the implementing instance.</summary>
internal sealed class GuestResourceDestructor : ResourceDestructor
{
    private readonly Function _core;
    private readonly InstanceFlags _implementation;

    public GuestResourceDestructor(Function core, InstanceFlags implementation, long offset)
    {
        CoreSignature.Check(core, [ValueKind.Int32], [], "resource destructor", offset);
        _core = core;
        _implementation = implementation;
    }

    public override void Run(uint rep, InstanceFlags? caller)
    {
        // CanonicalABI.md "canon resource.drop" runs rt.dtor in rt.impl. As wasmtime does, the implementation's
        // own drops call it directly, and a drop from elsewhere (another instance or the host) only requires that
        // the implementation is not running a call (may_enter); the suites' rule against a component calling into
        // itself, its parent or child (InstanceFlags.Enter) is about calls through lifted exports, not destructors.
        if (caller != _implementation && !_implementation.MayEnter)
            throw new TrapException(TrapCode.CannotEnterComponent,
                "resource destructor: cannot enter component instance: a call into it is still in progress");
        _core.Invoke((ValueBox)unchecked((int)rep));
    }
}

/// <summary>A host destructor registered with <see cref="ComponentLinkerInstance.DefineResource"/>.</summary>
internal sealed class HostResourceDestructor(ResourceDestructorCallback callback) : ResourceDestructor
{
    public override void Run(uint rep, InstanceFlags? caller) => callback(rep);
}
