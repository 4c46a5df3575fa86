using WitSharp.Components;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Resources;

/// <summary>Handles nested in other types (ResourceTestComponents.Compound): loaded from and stored to linear
/// memory rather than passed flat.</summary>
public sealed class CompoundHandleTests
{
    private readonly Store _store;
    private readonly ComponentInstance _instance;

    public CompoundHandleTests()
    {
        var engine = new Engine();
        _store = new Store(engine);
        _instance = new ComponentLinker(engine).Instantiate(_store, ResourceTestComponents.Compile(engine, ResourceTestComponents.Compound));
    }

    private V? Call(string name, params V[] args) => _instance.GetFunction(name)!.Call(args);

    [Fact]
    public void An_own_inside_an_option_is_loaded_through_the_return_pointer()
    {
        var some = Call("maybe", V.U32(40))!;
        Assert.True(some.IsSome);
        var r = some.Payload!.AsResource();
        Assert.True(r.Owned);
        Assert.Equal(40u, r.Rep);
        Assert.Same(_instance.GetResource("r"), r.Type);
        Assert.False(Call("maybe", V.U32(0))!.IsSome);
    }

    [Fact]
    public void Borrows_in_a_list_are_stored_into_memory_as_representations_for_the_implementation()
    {
        var a = Call("maybe", V.U32(1))!.Payload!.AsResource();
        var b = Call("maybe", V.U32(20))!.Payload!.AsResource();
        var c = Call("maybe", V.U32(300))!.Payload!.AsResource();
        Assert.Equal(321u, Call("sum-reps", V.List(V.Borrow(a), V.Borrow(b), V.Borrow(c)))!.AsU32());
        Assert.Equal(0u, Call("sum-reps", V.List())!.AsU32());
        Assert.True(a.IsValid && b.IsValid && c.IsValid);
        a.ResourceDrop(_store);
        Assert.Throws<ArgumentException>(() => Call("sum-reps", V.List(V.Borrow(a))));
    }

    [Fact]
    public void A_handle_moved_to_the_host_frees_its_index_in_the_guest_table()
    {
        // Handle index 1 moves to the host with the first result, so the second `maybe` allocates index 1 again
        // and the host sees each handle's own rep.
        var first = Call("maybe", V.U32(5))!.Payload!.AsResource();
        var second = Call("maybe", V.U32(6))!.Payload!.AsResource();
        Assert.Equal(5u, first.Rep);
        Assert.Equal(6u, second.Rep);
    }
}
