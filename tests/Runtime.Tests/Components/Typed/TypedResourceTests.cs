using WitSharp.Components;
using WitSharp.Runtime.Tests.Components.Resources;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Components.Typed;

/// <summary>
/// <c>own</c>/<c>borrow</c> handles on the typed path (<see cref="ResourceAny"/>, <see cref="Resource{T}"/>):
/// typed exports of the WAT resource components (ResourceTestComponents) and of the real C component ctypes
/// (its guest-defined <c>counter</c>), and typed host functions implementing a host resource.
/// </summary>
public sealed class TypedResourceTests
{
    private sealed class Counter(uint value)
    {
        public uint Value { get; set; } = value;
    }

    private const string Counters = "witsharp:ctypes/counters@0.1.0";

    private static readonly Lazy<(Engine Engine, Component Component)> s_ctypes = new(() =>
    {
        var engine = new Engine();
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", "components", "ctypes", "ctypes.wasm");
        return (engine, Component.FromFile(engine, path));
    });

    private static TypedComponentFunction<TP, TR> F<TP, TR>(ComponentInstance instance, string name) =>
        instance.GetTypedFunction<TP, TR>(name) ?? throw new InvalidOperationException($"no export `{name}`");

    private static (Store Store, ComponentInstance Instance) Guest()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var instance = new ComponentLinker(engine).Instantiate(store, ResourceTestComponents.Compile(engine, ResourceTestComponents.Guest));
        return (store, instance);
    }

    [Fact]
    public void Guest_resource_constructor_borrow_own_and_host_drop()
    {
        var (store, instance) = Guest();
        var make = F<uint, ResourceAny>(instance, "make");
        var getRep = F<ResourceAny, uint>(instance, "get-rep");
        var take = F<ResourceAny, uint>(instance, "take");
        var drops = F<ValueTuple, uint>(instance, "drops");

        var r = make.Call(42);
        Assert.True(r.Owned);
        Assert.Equal(42u, r.Rep);
        // borrow<r> to the implementing instance: it receives the representation, the handle stays the host's.
        Assert.Equal(42u, getRep.Call(r));
        Assert.Equal(42u, getRep.Call(r));
        Assert.True(r.IsValid);
        // own<r> passed back in: moved into the guest, which drops it (destructor runs).
        Assert.Equal(42u, take.Call(r));
        Assert.Equal(1u, drops.Call(default));
        Assert.False(r.IsValid);
        // Passing the moved handle again fails, and the failed call locks the instance down (as any error does).
        Assert.Contains("moved", Assert.Throws<WasmException>(() => take.Call(r)).Message);
        Assert.Equal(TrapCode.CannotEnterComponent, Assert.Throws<TrapException>(() => getRep.Call(r)).Type);

        // A handle the host drops runs the guest destructor with its rep (a fresh instance in the same store).
        var fresh = new ComponentLinker(store.Engine).Instantiate(store, ResourceTestComponents.Compile(store.Engine, ResourceTestComponents.Guest));
        var s = F<uint, ResourceAny>(fresh, "make").Call(9);
        s.ResourceDrop(store);
        Assert.Equal(1u, F<ValueTuple, uint>(fresh, "drops").Call(default));
        Assert.Equal(9, F<ValueTuple, int>(fresh, "last-drop").Call(default));
    }

    [Fact]
    public void A_handle_of_another_resource_type_is_rejected()
    {
        var (_, instance) = Guest();
        var r2 = F<ValueTuple, ResourceAny>(instance, "r1-as-r2");
        // r1-as-r2 returns an r handle as own<r2>: lifting it traps (wrong type in the table).
        Assert.Throws<TrapException>(() => r2.Call(default));
        var (_, second) = Guest(); // the trap locked `instance` down
        var r = F<uint, ResourceAny>(second, "make").Call(1);
        var (_, other) = Guest();
        Assert.Throws<ArgumentException>(() => F<ResourceAny, uint>(other, "take").Call(r));
    }

    [Fact]
    public void Handles_map_only_ResourceAny_and_Resource_of_T()
    {
        var (_, instance) = Guest();
        Assert.Throws<ComponentTypeMismatchException>(() => F<uint, uint>(instance, "make"));
        Assert.Throws<ComponentTypeMismatchException>(() => F<uint, uint>(instance, "get-rep"));
        Assert.Throws<ComponentTypeMismatchException>(() => F<ResourceAny, ResourceAny>(instance, "drop-handle"));
    }

    [Fact]
    public void Handles_inside_options_and_lists()
    {
        var engine = new Engine();
        var instance = new ComponentLinker(engine).Instantiate(new Store(engine), ResourceTestComponents.Compile(engine, ResourceTestComponents.Compound));
        var maybe = F<uint, ResourceAny?>(instance, "maybe");
        Assert.Null(maybe.Call(0));
        var a = maybe.Call(3)!;
        var b = maybe.Call(4)!;
        Assert.Equal(7u, F<ResourceAny[], uint>(instance, "sum-reps").Call([a, b]));
        Assert.True(a.IsValid && b.IsValid);
    }

    private sealed class HostFixture
    {
        public readonly Engine Engine = new();
        public readonly Store Store;
        public readonly ResourceTable Table = new();
        public readonly List<uint> Destroyed = [];
        public readonly ComponentInstance Instance;
        public Resource<Counter>? Kept;

        public HostFixture()
        {
            Store = new Store(Engine);
            var linker = new ComponentLinker(Engine);
            var root = linker.Root();
            root.DefineResource("counter", ResourceType.Host<Counter>(), rep =>
            {
                Destroyed.Add(rep);
                Table.Delete<Counter>(rep);
            });
            root.DefineFunction<uint, Resource<Counter>>("[constructor]counter", start => Table.Push(new Counter(start)));
            root.DefineFunction<Resource<Counter>, uint>("[method]counter.get", self =>
            {
                Assert.False(self.Owned);
                Kept = self;
                return Table.Get(self).Value;
            });
            root.DefineAction<Resource<Counter>>("[method]counter.inc", self => Table.Get(self).Value++);
            root.DefineAction<(Resource<Counter>, Resource<Counter>)>("[method]counter.take-own", _ => { });
            Instance = linker.Instantiate(Store, ResourceTestComponents.Compile(Engine, ResourceTestComponents.HostUser));
        }
    }

    [Fact]
    public void Typed_host_functions_implement_a_host_resource()
    {
        var h = new HostFixture();
        // run: [constructor] → own, inc/get with borrows, guest drop → host destructor.
        Assert.Equal(7u, F<uint, uint>(h.Instance, "run").Call(5));
        Assert.Equal([0u], h.Destroyed);
        Assert.Equal(0, h.Table.Count);
        // The borrow handed to the typed host function expired when it returned.
        Assert.NotNull(h.Kept);
        Assert.False(h.Kept!.ToResourceAny().IsValid);

        // An own<counter> returned to the host, lent back as a borrow, then moved in and dropped by the guest.
        var c = F<uint, Resource<Counter>>(h.Instance, "hold").Call(10);
        Assert.True(c.Owned);
        Assert.Equal(10u, h.Table.Get(c).Value);
        Assert.Equal(10u, F<Resource<Counter>, uint>(h.Instance, "use-borrow").Call(c));
        Assert.True(c.ToResourceAny().IsValid);
        F<Resource<Counter>, ValueTuple>(h.Instance, "give").Call(c);
        Assert.Equal([0u, 0u], h.Destroyed);
        Assert.False(c.ToResourceAny().IsValid);
    }

    [Fact]
    public void A_borrow_that_outlives_the_call_traps_and_the_lend_still_ends()
    {
        var h = new HostFixture();
        var c = F<uint, ResourceAny>(h.Instance, "hold").Call(1);
        var e = Assert.Throws<TrapException>(() => F<ResourceAny, ValueTuple>(h.Instance, "leak-borrow").Call(c));
        Assert.Contains("borrow handles still remain", e.Message);
        // The lend was returned despite the trap: the host can drop its handle (host destructor runs).
        c.ResourceDrop(h.Store);
        Assert.Equal([c.Rep], h.Destroyed);
    }

    [Fact]
    public void A_guest_may_not_move_a_handle_it_lends_in_the_same_call()
    {
        var h = new HostFixture();
        Assert.Throws<TrapException>(() => F<ValueTuple, ValueTuple>(h.Instance, "lend-and-move").Call(default));
    }

    private static (Store Store, ComponentInstance Instance) CTypes()
    {
        var (engine, component) = s_ctypes.Value;
        var linker = new ComponentLinker(engine);
        linker.DefineUnknownImportsAsTraps(component);
        var store = new Store(engine);
        return (store, linker.Instantiate(store, component));
    }

    private static TypedComponentFunction<TP, TR> C<TP, TR>(ComponentInstance instance, string name) =>
        instance.GetTypedFunction<TP, TR>(Counters, name) ?? throw new InvalidOperationException($"no export `{name}`");

    [Fact]
    public void CTypes_counter_constructor_methods_static_and_lists()
    {
        var (store, instance) = CTypes();
        var live = C<ValueTuple, uint>(instance, "live");
        var add = C<(ResourceAny, long), long>(instance, "[method]counter.add");
        var name = C<ResourceAny, string>(instance, "[method]counter.name");
        uint before = live.Call(default);

        var a = C<(string, long), ResourceAny>(instance, "[constructor]counter").Call(("a", 40));
        Assert.True(a.Owned);
        Assert.Equal(before + 1, live.Call(default));
        Assert.Equal(42, add.Call((a, 2)));
        Assert.Equal(-8, add.Call((a, -50)));
        Assert.Equal("a", name.Call(a));
        Assert.Equal(("a", -8L), C<ResourceAny, (string, long)>(instance, "[method]counter.snapshot").Call(a));

        var made = C<string[], ResourceAny[]>(instance, "make").Call(["x", "y", "z"]);
        Assert.Equal(["x", "y", "z"], made.Select(name.Call));
        Assert.Equal(0 + 1 + 2, C<ResourceAny[], long>(instance, "total").Call(made));

        var merged = C<(ResourceAny, ResourceAny), ResourceAny>(instance, "[static]counter.merge").Call((a, made[2]));
        Assert.Equal(("a+z", -6L), C<ResourceAny, (string, long)>(instance, "[method]counter.snapshot").Call(merged));
        Assert.True(a.IsValid && made[2].IsValid);
        Assert.Equal(before + 5, live.Call(default));

        // Host drops run the guest destructor.
        foreach (var r in made.Append(a).Append(merged)) r.ResourceDrop(store);
        Assert.Equal(before, live.Call(default));
        Assert.Throws<ArgumentException>(() => add.Call((a, 1)));
    }
}
