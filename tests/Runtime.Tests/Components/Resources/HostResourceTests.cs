using WitSharp.Components;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Resources;

/// <summary>A host-defined resource (<c>counter</c>, state in a <see cref="ResourceTable"/>) imported by
/// ResourceTestComponents.HostUser: constructor and methods as host functions, the destructor given to
/// <see cref="ComponentLinkerInstance.DefineResource"/>, borrow scoping and link-time checks.</summary>
public sealed class HostResourceTests
{
    private sealed class Counter(uint value)
    {
        public uint Value { get; set; } = value;
    }

    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly ResourceTable _table = new();
    private readonly List<uint> _destroyed = [];
    private readonly ComponentInstance _instance;

    public HostResourceTests()
    {
        _store = new Store(_engine);
        var linker = new ComponentLinker(_engine);
        Define(linker.Root());
        _instance = linker.Instantiate(_store, ResourceTestComponents.Compile(_engine, ResourceTestComponents.HostUser));
    }

    private void Define(ComponentLinkerInstance root)
    {
        root.DefineResource("counter", ResourceType.Host<Counter>(), rep =>
        {
            _destroyed.Add(rep);
            _table.Delete<Counter>(rep);
        });
        root.DefineFunction("[constructor]counter", (args, results) => results[0] = V.Own(_table.Push(new Counter(args[0].AsU32()))));
        root.DefineFunction("[method]counter.get", (args, results) =>
        {
            var self = args[0].AsResource<Counter>();
            Assert.False(self.Owned);
            results[0] = V.U32(_table.Get(self).Value);
        });
        root.DefineFunction("[method]counter.inc", (args, _) => _table.Get(args[0].AsResource<Counter>()).Value++);
        root.DefineFunction("[method]counter.take-own", (_, _) => { });
    }

    private V? Call(string name, params V[] args) => _instance.GetFunction(name)!.Call(args);

    [Fact]
    public void Guest_creates_uses_and_drops_a_host_resource_which_runs_the_host_destructor()
    {
        Assert.Equal(7u, Call("run", V.U32(5))!.AsU32());
        Assert.Equal([0u], _destroyed);
        Assert.Equal(0, _table.Count);
        Assert.Equal(2u, Call("run", V.U32(0))!.AsU32()); // the table entry was reused
        Assert.Equal([0u, 0u], _destroyed);
    }

    [Fact]
    public void An_own_returned_to_the_host_can_be_lent_back_and_then_dropped_by_the_host()
    {
        var held = Call("hold", V.U32(3))!.AsResource();
        Assert.Same(ResourceType.Host<Counter>(), held.Type);
        Assert.True(held.Owned);
        Assert.Equal(3u, _table.Get(held.ToResource<Counter>()).Value);
        Assert.Equal(3u, Call("use-borrow", V.Borrow(held))!.AsU32());
        Assert.Equal(3u, Call("use-borrow", V.Borrow(held))!.AsU32());
        Assert.Empty(_destroyed);
        held.ResourceDrop(_store);
        Assert.Equal([held.Rep], _destroyed);
        Assert.Equal(0, _table.Count);
    }

    [Fact]
    public void A_host_resource_moved_into_the_guest_is_destroyed_by_the_guest_drop()
    {
        var counter = _table.Push(new Counter(1));
        Call("give", V.Own(counter));
        Assert.Equal([counter.Rep], _destroyed);
        Assert.Contains("moved", Assert.Throws<WasmException>(() => Call("give", V.Own(counter))).Message);
    }

    [Fact]
    public void A_host_borrow_passes_without_ownership()
    {
        var counter = _table.Push(new Counter(10));
        Assert.Equal(10u, Call("use-borrow", V.Borrow(Resource<Counter>.NewBorrow(counter.Rep)))!.AsU32());
        Assert.Equal(10u, Call("use-borrow", V.Borrow(counter))!.AsU32());
        Assert.True(counter.ToResourceAny().IsValid);
        Assert.Empty(_destroyed);
    }

    [Fact]
    public void Returning_with_a_borrow_handle_still_in_the_table_traps()
    {
        var counter = _table.Push(new Counter(1));
        var e = Assert.Throws<TrapException>(() => Call("leak-borrow", V.Borrow(counter)));
        Assert.Contains("borrow handles still remain at the end of the call", e.Message);
        // The lend ended with the call; the trap locked the instance down (Explainer.md "Component Invariants" 1).
        Assert.True(counter.ToResourceAny().IsValid);
        Assert.Equal(TrapCode.CannotEnterComponent, Assert.Throws<TrapException>(() => Call("run", V.U32(5))).Type);
    }

    [Fact]
    public void Moving_an_own_that_is_lent_in_the_same_call_traps()
    {
        var e = Assert.Throws<TrapException>(() => Call("lend-and-move"));
        Assert.Equal("cannot remove owned resource while borrowed", e.Message);
    }

    [Fact]
    public void A_borrow_given_to_a_host_function_expires_when_it_returns()
    {
        ResourceAny? kept = null;
        var linker = new ComponentLinker(_engine);
        Define(linker.Root());
        linker.AllowShadowing = true;
        linker.Root().DefineFunction("[method]counter.get", (args, results) =>
        {
            kept = args[0].AsResource();
            Assert.True(kept.IsValid);
            results[0] = V.U32(0);
        });
        var instance = linker.Instantiate(_store, ResourceTestComponents.Compile(_engine, ResourceTestComponents.HostUser));
        instance.GetFunction("run")!.Call(V.U32(1));
        Assert.NotNull(kept);
        Assert.False(kept.IsValid);
        Assert.Contains("returned", Assert.Throws<WasmException>(() => kept.ResourceDrop(_store)).Message);
    }

    [Fact]
    public void Passing_a_borrow_as_an_own_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => V.Own(Resource<Counter>.NewBorrow(1)));
    }

    [Fact]
    public void A_resource_import_must_be_defined_as_a_resource()
    {
        var component = ResourceTestComponents.Compile(_engine, ResourceTestComponents.HostUser);
        var missing = new ComponentLinker(_engine);
        Assert.Contains("was not found", Assert.Throws<LinkException>(() => missing.Instantiate(_store, component)).Message);

        var asFunction = new ComponentLinker(_engine);
        asFunction.Root().DefineFunction("counter", (_, _) => { });
        Assert.Contains("expected resource found func", Assert.Throws<LinkException>(() => asFunction.Instantiate(_store, component)).Message);
    }

    [Fact]
    public void Equality_bounds_check_the_supplied_types()
    {
        const string wat = """
            (component
              (import "host" (instance
                (export "a" (type $a (sub resource)))
                (export "b" (type (sub resource)))
                (export "a-again" (type (eq $a))))))
            """;
        var component = ResourceTestComponents.Compile(_engine, wat);
        var linker = new ComponentLinker(_engine);
        var host = linker.Root().AddInstance("host");
        host.DefineResource("a", ResourceType.Host<Counter>(), null);
        host.DefineResource("b", ResourceType.Host<string>(), null);
        linker.Instantiate(_store, component); // a-again need not be defined
        host.DefineResource("a-again", ResourceType.Host<Counter>(), null);
        linker.Instantiate(_store, component);
        linker.AllowShadowing = true;
        host.DefineResource("a-again", ResourceType.Host<string>(), null);
        Assert.Contains("mismatched resource types", Assert.Throws<LinkException>(() => linker.Instantiate(_store, component)).Message);
    }

    private sealed class Tracked : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void A_table_backed_resource_definition_deletes_and_disposes_on_guest_drop()
    {
        const string wat = """
            (component
              (import "t" (type $t (sub resource)))
              (core func $drop (canon resource.drop $t))
              (core module $M
                (import "" "drop" (func $drop (param i32)))
                (func (export "give") (param i32) (call $drop (local.get 0))))
              (core instance $m (instantiate $M (with "" (instance (export "drop" (func $drop))))))
              (func (export "give") (param "x" (own $t)) (canon lift (core func $m "give"))))
            """;
        var table = new ResourceTable();
        var linker = new ComponentLinker(_engine);
        linker.Root().DefineResource<Tracked>("t", table);
        var instance = linker.Instantiate(_store, ResourceTestComponents.Compile(_engine, wat));
        var value = new Tracked();
        instance.GetFunction("give")!.Call(V.Own(table.Push(value)));
        Assert.True(value.Disposed);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Resource_table_reports_typed_errors()
    {
        var r = _table.Push(new Counter(1));
        Assert.Equal(ResourceTableError.WrongType, Assert.Throws<ResourceTableException>(() => _table.Get<string>(r.Rep)).Error);
        _table.Delete(r);
        Assert.Equal(ResourceTableError.NotPresent, Assert.Throws<ResourceTableException>(() => _table.Get(r)).Error);
        Assert.False(_table.TryGet<Counter>(r.Rep, out _));
    }
}
