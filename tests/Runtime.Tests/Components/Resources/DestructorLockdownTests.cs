using WitSharp.Components;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Resources;

/// <summary>
/// CanonicalABI.md "canon resource.drop": a guest destructor is called like any cross-component call into the
/// implementing instance (<c>Store.lift(dtor, ..., rt.impl)</c>), so it respects lockdown (Explainer.md "Component
/// Invariants" 1) and <c>may_enter</c>: dropping a resource whose implementation has trapped traps without running
/// the destructor, and a destructor that traps locks its instance down.
/// </summary>
public sealed class DestructorLockdownTests
{
    // The destructor reports each rep to the host import `observe`, and traps for rep 13.
    private const string Component = """
        (component
          (import "observe" (func $observe (param "rep" u32)))
          (core func $obs (canon lower (func $observe)))
          (core module $Dtor
            (import "" "observe" (func $observe (param i32)))
            (func (export "dtor") (param i32)
              (call $observe (local.get 0))
              (if (i32.eq (local.get 0) (i32.const 13)) (then unreachable))))
          (core instance $d (instantiate $Dtor (with "" (instance (export "observe" (func $obs))))))
          (type $R (resource (rep i32) (dtor (core func $d "dtor"))))
          (export $r "r" (type $R))
          (core func $new (canon resource.new $R))
          (core func $drop (canon resource.drop $R))
          (core module $M
            (import "" "new" (func $new (param i32) (result i32)))
            (import "" "drop" (func $drop (param i32)))
            (func (export "make") (param i32) (result i32) (call $new (local.get 0)))
            (func (export "make-and-drop") (param i32) (call $drop (call $new (local.get 0))))
            (func (export "trap") unreachable)
            (func (export "nop")))
          (core instance $m (instantiate $M (with "" (instance (export "new" (func $new)) (export "drop" (func $drop))))))
          (func (export "make") (param "rep" u32) (result (own $r)) (canon lift (core func $m "make")))
          (func (export "make-and-drop") (param "rep" u32) (canon lift (core func $m "make-and-drop")))
          (func (export "trap") (canon lift (core func $m "trap")))
          (func (export "nop") (canon lift (core func $m "nop"))))
        """;

    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly List<uint> _observed = [];
    private readonly ComponentInstance _instance;

    public DestructorLockdownTests()
    {
        _store = new Store(_engine);
        var linker = new ComponentLinker(_engine);
        linker.Root().DefineFunction("observe", (args, _) => _observed.Add(args[0].AsU32()));
        _instance = linker.Instantiate(_store, ResourceTestComponents.Compile(_engine, Component));
    }

    private V? Call(string name, params V[] args) => _instance.GetFunction(name)!.Call(args);

    [Fact]
    public void Destructors_run_from_the_host_and_from_the_implementation()
    {
        Call("make", V.U32(5))!.AsResource().ResourceDrop(_store);
        Call("make-and-drop", V.U32(6));
        Assert.Equal([5u, 6u], _observed);
        Call("nop");
    }

    [Fact]
    public void Dropping_a_resource_of_a_locked_down_instance_traps_without_running_the_destructor()
    {
        var r = Call("make", V.U32(7))!.AsResource();
        var first = Assert.Throws<TrapException>(() => Call("trap"));
        var e = Assert.Throws<TrapException>(() => r.ResourceDrop(_store));
        Assert.Equal(TrapCode.CannotEnterComponent, e.Type);
        Assert.Contains("resource destructor", e.Message, StringComparison.Ordinal);
        Assert.Contains(first.Message, e.Message, StringComparison.Ordinal);
        Assert.Empty(_observed);
    }

    [Fact]
    public void A_trapping_destructor_locks_its_instance_down()
    {
        var r = Call("make", V.U32(13))!.AsResource();
        var e = Assert.Throws<TrapException>(() => r.ResourceDrop(_store));
        Assert.Equal(TrapCode.Unreachable, e.Type);
        Assert.Equal([13u], _observed);
        Assert.Equal(TrapCode.CannotEnterComponent, Assert.Throws<TrapException>(() => Call("nop")).Type);
        // Other instances in the store are unaffected.
        var linker = new ComponentLinker(_engine);
        linker.Root().DefineFunction("observe", (args, _) => _observed.Add(args[0].AsU32()));
        var fresh = linker.Instantiate(_store, ResourceTestComponents.Compile(_engine, Component));
        fresh.GetFunction("make-and-drop")!.Call(V.U32(3));
        Assert.Equal([13u, 3u], _observed);
    }

    [Fact]
    public void A_destructor_cannot_reenter_its_running_instance()
    {
        // The destructor of rep 1 calls `observe`, which drops rep 2 from the host while the implementation is
        // still running the first destructor: may_enter is false, so the second destructor traps.
        ResourceAny? second = null;
        var linker = new ComponentLinker(_engine);
        linker.Root().DefineFunction("observe", (args, _) =>
        {
            _observed.Add(args[0].AsU32());
            if (args[0].AsU32() == 1) second!.ResourceDrop(_store);
        });
        var instance = linker.Instantiate(_store, ResourceTestComponents.Compile(_engine, Component));
        var first = instance.GetFunction("make")!.Call(V.U32(1))!.AsResource();
        second = instance.GetFunction("make")!.Call(V.U32(2))!.AsResource();
        var e = Assert.Throws<TrapException>(() => first.ResourceDrop(_store));
        Assert.Equal(TrapCode.CannotEnterComponent, e.Type);
        Assert.Equal([1u], _observed);
    }
}
