using WitSharp.Components;
using WitSharp.Components.Text;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// Explainer.md "Component Invariants" 1: once a trap (or, as in wasmtime, any error) has unwound through a call
/// into a component instance, the instance is locked down and every later call into it traps, on the dynamic and
/// the typed path alike. Other instances in the same store are unaffected.
/// </summary>
public sealed class LockdownTests
{
    [Fact]
    public void After_a_trap_the_dynamic_path_cannot_enter_the_instance()
    {
        var (_, i) = Instantiate(new Store(Engine));
        Assert.Equal(1u, i.Func("count").Call()!.AsU32());
        var first = Assert.Throws<TrapException>(() => i.Func("trap").Call());
        Assert.NotEqual(TrapCode.CannotEnterComponent, first.Type);
        AssertLockedDown(() => i.Func("count").Call(), first);
        // A second attempt still traps: lockdown is permanent.
        AssertLockedDown(() => i.Func("trap").Call(), first);
    }

    [Fact]
    public void After_a_trap_the_typed_path_cannot_enter_the_instance()
    {
        var (_, i) = Instantiate(new Store(Engine));
        var count = i.GetTypedFunction<ValueTuple, uint>("count")!;
        var trap = i.GetTypedFunction<ValueTuple, ValueTuple>("trap")!;
        Assert.Equal(1u, count.Call(default));
        var first = Assert.Throws<TrapException>(() => trap.Call(default));
        AssertLockedDown(() => count.Call(default), first);
        // The dynamic path sees the same lockdown.
        AssertLockedDown(() => i.Func("count").Call(), first);
    }

    [Fact]
    public void A_host_error_from_an_import_locks_the_instance_down_like_wasmtime()
    {
        var (_, i) = Instantiate(new Store(Engine));
        var first = Assert.Throws<InvalidOperationException>(() => i.Func("call-fail").Call());
        Assert.Equal("host failure", first.Message);
        var e = Assert.Throws<TrapException>(() => i.Func("count").Call());
        Assert.Equal(TrapCode.CannotEnterComponent, e.Type);
        Assert.Contains("host failure", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_host_argument_does_not_lock_the_instance_down()
    {
        var (_, i) = Instantiate(new Store(Engine));
        Assert.Throws<ArgumentException>(() => i.Func("count").Call(WitSharp.Components.ComponentValue.U32(1)));
        Assert.Equal(1u, i.Func("count").Call()!.AsU32());
    }

    [Fact]
    public void Another_instance_in_the_same_store_still_works()
    {
        var store = new Store(Engine);
        var (_, a) = Instantiate(store);
        var (_, b) = Instantiate(store);
        Assert.Throws<TrapException>(() => a.Func("trap").Call());
        Assert.Throws<TrapException>(() => a.Func("count").Call());
        Assert.Equal(1u, b.Func("count").Call()!.AsU32());
        Assert.Equal(2u, b.GetTypedFunction<ValueTuple, uint>("count")!.Call(default));
    }

    private static void AssertLockedDown(Action call, Exception first)
    {
        var e = Assert.Throws<TrapException>(call);
        Assert.Equal(TrapCode.CannotEnterComponent, e.Type);
        Assert.Contains("cannot enter component instance", e.Message, StringComparison.Ordinal);
        Assert.Contains("earlier trap", e.Message, StringComparison.Ordinal);
        Assert.Contains(first.Message, e.Message, StringComparison.Ordinal);
    }

    private static readonly Engine Engine = new();

    private static readonly Component Compiled = Component.FromBytes(Engine, ComponentWat.Parse("""
        (component
          (import "fail" (func $fail))
          (core func $fail-lowered (canon lower (func $fail)))
          (core module $m
            (import "" "fail" (func $fail))
            (global $n (mut i32) (i32.const 0))
            (func (export "count") (result i32)
              (global.set $n (i32.add (global.get $n) (i32.const 1)))
              (global.get $n))
            (func (export "trap") unreachable)
            (func (export "call-fail") (call $fail)))
          (core instance $i (instantiate $m (with "" (instance (export "fail" (func $fail-lowered))))))
          (func $count (result u32) (canon lift (core func $i "count")))
          (func $trap (canon lift (core func $i "trap")))
          (func $call-fail (canon lift (core func $i "call-fail")))
          (export "count" (func $count))
          (export "trap" (func $trap))
          (export "call-fail" (func $call-fail)))
        """));

    private static (ComponentLinker Linker, ComponentInstance Instance) Instantiate(Store store)
    {
        var linker = new ComponentLinker(Engine);
        linker.Root().DefineFunction("fail", (_, _) => throw new InvalidOperationException("host failure"));
        return (linker, linker.Instantiate(store, Compiled));
    }
}
