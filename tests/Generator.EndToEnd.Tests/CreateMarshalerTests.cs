using WitSharp.Components;
using WitSharp.Generator.EndToEnd.Tests.E2e.Handles.Host;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>
/// The runtime hook <see cref="IComponentType{TSelf}.CreateMarshaler"/>: when a C# type implements it, binding a
/// function hands it the function's own value type (with the run-time resource types of its handles), and the
/// marshaler it returns carries the values. Exercised on handles.wat's <c>pass: func(t: own&lt;thing&gt;) -&gt;
/// own&lt;thing&gt;</c> with a wrapper type whose static members cannot transfer handles (they throw), so the calls
/// below only succeed through the hook.
/// </summary>
public sealed class CreateMarshalerTests : IDisposable
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Handles _handles;
    private readonly ResourceTable _table;

    public CreateMarshalerTests()
    {
        _store = new Store(_engine);
        using var linker = new ComponentLinker(_engine);
        Handles.AddToLinker(linker, new Host());
        var component = Component.FromText(_engine, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "handles", "handles.wat")));
        _handles = Handles.Instantiate(_store, component, linker);
        var cx = typeof(Handles).GetField("__cx", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(_handles)!;
        _table = (ResourceTable)cx.GetType().GetProperty("Table")!.GetValue(cx)!;
    }

    public void Dispose()
    {
        _handles.Dispose();
        _store.Dispose();
        _engine.Dispose();
    }

    private sealed class Host : Handles.IImports
    {
        public IThing CreateThing(uint v) => new Thing(v);

        public uint Keep(Holder h) => h.T.Value() + h.N;
    }

    private sealed class Thing(uint value) : IThing
    {
        public bool Disposed { get; private set; }

        public uint Value() => value;

        public void Dispose() => Disposed = true;
    }

    /// <summary>Holds an owned host handle; only its <see cref="CreateMarshaler"/> can move it (the bound type names
    /// the resource type, <see cref="ComponentType"/> cannot).</summary>
    private readonly record struct Held(Resource<IThing> Thing) : IComponentType<Held>
    {
        public static int Created { get; set; }

        public static ComponentValueType ComponentType { get; } = ComponentValueType.Own(null);

        public static ComponentMarshaler<Held>? CreateMarshaler(ComponentValueType bound)
        {
            Created++;
            return new HeldMarshaler(bound);
        }

        public static void LowerFlat(CanonicalContext cx, in Held value, Span<ulong> flat) => throw new NotSupportedException("static path");

        public static void Store(CanonicalContext cx, in Held value, uint ptr) => throw new NotSupportedException("static path");

        public static Held LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => throw new NotSupportedException("static path");

        public static Held Load(CanonicalContext cx, uint ptr) => throw new NotSupportedException("static path");
    }

    /// <summary>The per-binding marshaler: the built-in handle marshaler for the bound type, wrapped.</summary>
    private sealed class HeldMarshaler(ComponentValueType bound) : ComponentMarshaler<Held>(bound)
    {
        private readonly ComponentMarshaler<Resource<IThing>> _handle = ComponentMarshaler.Create<Resource<IThing>>(bound);

        public override void LowerFlat(CanonicalContext cx, in Held value, Span<ulong> flat) => _handle.LowerFlat(cx, value.Thing, flat);

        public override void Store(CanonicalContext cx, in Held value, uint ptr) => _handle.Store(cx, value.Thing, ptr);

        public override Held LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => new(_handle.LiftFlat(cx, flat));

        public override Held Load(CanonicalContext cx, uint ptr) => new(_handle.Load(cx, ptr));
    }

    /// <summary>A hook that builds a marshaler for some other type than the one it was bound to.</summary>
    private readonly record struct Liar(uint Value) : IComponentType<Liar>
    {
        public static ComponentValueType ComponentType => ComponentValueType.Own(null);

        public static ComponentMarshaler<Liar>? CreateMarshaler(ComponentValueType bound) => new LiarMarshaler();

        public static void LowerFlat(CanonicalContext cx, in Liar value, Span<ulong> flat) => throw new NotSupportedException();

        public static void Store(CanonicalContext cx, in Liar value, uint ptr) => throw new NotSupportedException();

        public static Liar LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => throw new NotSupportedException();

        public static Liar Load(CanonicalContext cx, uint ptr) => throw new NotSupportedException();
    }

    private sealed class LiarMarshaler() : ComponentMarshaler<Liar>(ComponentValueType.U32)
    {
        public override void LowerFlat(CanonicalContext cx, in Liar value, Span<ulong> flat) => flat[0] = value.Value;

        public override void Store(CanonicalContext cx, in Liar value, uint ptr) => throw new NotSupportedException();

        public override Liar LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => new((uint)flat[0]);

        public override Liar Load(CanonicalContext cx, uint ptr) => throw new NotSupportedException();
    }

    [Fact]
    public void TheHookCarriesOwnedHandlesBothWays()
    {
        int before = Held.Created;
        var pass = _handles.Instance.GetTypedFunction<Held, Held>("pass")!;
        // Once for the parameter, once for the result, each with the export's own type.
        Assert.Equal(before + 2, Held.Created);

        var thing = new Thing(9);
        var sent = new Held(_table.Push<IThing>(thing));
        var back = pass.Call(sent);
        // The component handed the host's object back: it is the same table entry, still alive.
        Assert.Same(thing, _table.Delete(back.Thing));
        Assert.False(thing.Disposed);
        Assert.Equal(0, _table.Count);
    }

    [Fact]
    public void TheHooksMarshalerMustBeOfTheBoundType()
    {
        var e = Assert.Throws<ComponentTypeMismatchException>(() => _handles.Instance.GetTypedFunction<Liar, Liar>("pass"));
        Assert.Contains("CreateMarshaler", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypesWithoutTheHookAreStillCheckedAgainstTheirComponentType()
    {
        // The generated record of the kitchen world has no handles: its ComponentType is what is compared.
        var own = ComponentValueType.Own(null);
        Assert.Throws<ComponentTypeMismatchException>(() => ComponentMarshaler.Create<E2e.Kitchen.Types.Point>(own));
    }
}
