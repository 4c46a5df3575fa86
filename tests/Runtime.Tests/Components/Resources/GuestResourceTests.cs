using WitSharp.Components;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Resources;

/// <summary>A resource defined by a component (ResourceTestComponents.Guest) used from the host through the
/// dynamic path: own handles out and back in, borrows lent to the implementation, guest destructors, fresh
/// types per instantiation, and the handle traps.</summary>
public sealed class GuestResourceTests
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Component _component;
    private readonly ComponentInstance _instance;

    public GuestResourceTests()
    {
        _store = new Store(_engine);
        _component = ResourceTestComponents.Compile(_engine, ResourceTestComponents.Guest);
        _instance = new ComponentLinker(_engine).Instantiate(_store, _component);
    }

    private V? Call(string name, params V[] args) => _instance.GetFunction(name)!.Call(args);

    private ResourceAny Make(uint rep) => Call("make", V.U32(rep))!.AsResource();

    // Makes a resource in a new instance in the same store and passes it back to that instance's `take`.
    private uint TakeInFreshInstance(uint rep)
    {
        var fresh = new ComponentLinker(_engine).Instantiate(_store, _component);
        var r = fresh.GetFunction("make")!.Call(V.U32(rep))!.AsResource();
        return fresh.GetFunction("take")!.Call(V.Own(r))!.AsU32();
    }

    private uint Drops => Call("drops")!.AsU32();

    [Fact]
    public void An_own_returned_to_the_host_is_a_resource_of_the_exported_type()
    {
        var r = Make(7);
        Assert.True(r.Owned);
        Assert.True(r.IsValid);
        Assert.False(r.Type.IsHostDefined);
        Assert.Same(_instance.GetResource("r"), r.Type);
        Assert.NotSame(_instance.GetResource("r2"), r.Type);
    }

    [Fact]
    public void A_borrow_lent_to_the_implementation_arrives_as_its_representation()
    {
        var r = Make(42);
        Assert.Equal(42u, Call("get-rep", V.Borrow(r))!.AsU32());
        Assert.Equal(42u, Call("get-rep", V.Borrow(r))!.AsU32());
        Assert.True(r.IsValid); // lending does not consume the handle
    }

    [Fact]
    public void An_own_passed_back_moves_into_the_guest_whose_drop_runs_the_destructor()
    {
        var r = Make(9);
        Assert.Equal(0u, Drops);
        Assert.Equal(9u, Call("take", V.Own(r))!.AsU32());
        Assert.Equal(1u, Drops);
        Assert.Equal(9, Call("last-drop")!.AsS32());
        Assert.False(r.IsValid);
        var e = Assert.Throws<WasmException>(() => Call("take", V.Own(r)));
        Assert.Contains("moved", e.Message);
    }

    [Fact]
    public void Host_drop_runs_the_guest_destructor_once()
    {
        var r = Make(11);
        r.ResourceDrop(_store);
        Assert.Equal(1u, Drops);
        Assert.Equal(11, Call("last-drop")!.AsS32());
        Assert.Contains("already dropped", Assert.Throws<WasmException>(() => r.ResourceDrop(_store)).Message);
        Assert.Throws<ArgumentException>(() => Call("get-rep", V.Borrow(r)));
        Assert.Equal(1u, Drops);
    }

    [Fact]
    public void Each_instantiation_defines_a_fresh_resource_type()
    {
        var other = new ComponentLinker(_engine).Instantiate(_store, _component);
        Assert.NotSame(_instance.GetResource("r"), other.GetResource("r"));
        var r = Make(3);
        var e = Assert.Throws<ArgumentException>(() => other.GetFunction("take")!.Call(V.Own(r)));
        Assert.Contains("expected a handle to", e.Message);
        Assert.True(r.IsValid); // the failed call did not consume it
        Assert.Equal(3u, Call("take", V.Own(r))!.AsU32());
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(5u)]
    [InlineData(uint.MaxValue)]
    public void Dropping_an_unknown_handle_traps_and_the_store_stays_usable(uint index)
    {
        var e = Assert.Throws<TrapException>(() => Call("drop-handle", V.U32(index)));
        Assert.Contains($"unknown handle index {index}", e.Message);
        // The trap locked the instance down (Explainer.md "Component Invariants" 1); another instance in the store works.
        Assert.Equal(TrapCode.CannotEnterComponent, Assert.Throws<TrapException>(() => Make(4)).Type);
        Assert.Equal(4u, TakeInFreshInstance(4));
    }

    [Fact]
    public void Returning_a_handle_of_another_resource_type_traps()
    {
        var e = Assert.Throws<TrapException>(() => Call("r1-as-r2"));
        Assert.Contains("handle index 1 used with the wrong type, expected guest-defined resource but found a different guest-defined resource", e.Message);
    }

    [Fact]
    public void Resource_new_during_post_return_cannot_leave_the_instance()
    {
        var e = Assert.Throws<TrapException>(() => Call("new-in-post-return"));
        Assert.Equal(TrapCode.CannotLeaveComponent, e.Type);
        Assert.Contains("cannot leave component instance", e.Message);
        Assert.Equal(TrapCode.CannotEnterComponent, Assert.Throws<TrapException>(() => Make(6)).Type); // locked down
        Assert.Equal(6u, TakeInFreshInstance(6));
    }

    [Fact]
    public void Dropping_a_guest_resource_while_its_instance_is_entered_traps()
    {
        ResourceAny? held = null;
        var linker = new ComponentLinker(_engine);
        linker.Root().DefineFunction("callback", (_, _) => held!.ResourceDrop(_store));
        var instance = linker.Instantiate(_store, ResourceTestComponents.Compile(_engine, ResourceTestComponents.Reentrant));
        held = instance.GetFunction("make")!.Call()!.AsResource();
        var e = Assert.Throws<TrapException>(() => instance.GetFunction("call-host")!.Call());
        Assert.Equal(TrapCode.CannotEnterComponent, e.Type);
        // The trap unwound through `call-host`, so the instance is locked down (Explainer.md "Component Invariants" 1).
        Assert.Equal(TrapCode.CannotEnterComponent, Assert.Throws<TrapException>(() => instance.GetFunction("make")!.Call()).Type);
    }

    [Fact]
    public void Component_values_describe_and_expose_handles()
    {
        var r = Make(8);
        Assert.Same(r, V.Own(r).AsResource());
        Assert.Equal(ComponentValueKind.Resource, V.Borrow(r).Kind);
        Assert.StartsWith("borrow<", V.Borrow(r).ToString(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => V.U32(1).AsResource());
        Assert.Throws<InvalidCastException>(() => r.ToResource<string>());
    }
}
