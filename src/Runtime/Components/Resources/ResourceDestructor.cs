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
        // CanonicalABI.md "canon resource.drop": rt.dtor is lifted in rt.impl and lowered into the dropping
        // instance, so the call enters rt.impl like any cross-component call: it traps when the implementation (or
        // an instance containing it) is locked down after a trap or is running a call it may not be re-entered
        // from (may_enter_from). A component dropping its own resources enters nothing, so the destructor runs
        // directly, as in wasmtime. A trap in the destructor locks down what the call entered.
        int entered = _implementation.EnterFrom(caller, "resource destructor");
        try
        {
            _core.Invoke((ValueBox)unchecked((int)rep));
        }
        catch (Exception e)
        {
            _implementation.Poison(entered, e);
            throw;
        }
        finally
        {
            _implementation.Leave(entered);
        }
    }
}

/// <summary>A host destructor registered with <see cref="ComponentLinkerInstance.DefineResource"/>.</summary>
internal sealed class HostResourceDestructor(ResourceDestructorCallback callback) : ResourceDestructor
{
    public override void Run(uint rep, InstanceFlags? caller) => callback(rep);
}
