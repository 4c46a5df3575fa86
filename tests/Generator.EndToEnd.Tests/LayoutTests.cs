using WitSharp.Components;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>Bindings for layout/world.wit, whose component is layout/layout.wat.</summary>
[ComponentImport("layout/world.wit")]
public partial class Layout;

/// <summary>
/// The generated <see cref="IComponentType{TSelf}"/> code checked against the runtime's independent dynamic
/// (<see cref="ComponentValue"/>) lifting and lowering on the same guest memory: values stored by the generated
/// <c>Store</c> are read back by the dynamic path and the other way round, a flat variant whose payloads share
/// joined slots (CanonicalABI.md "flatten_variant") is stored by the guest in the canonical memory layout, handed
/// to a typed host import flat, and a 300-case variant uses a 2-byte discriminant.
/// </summary>
public sealed class LayoutTests : IDisposable
{
    private static readonly (ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong, ulong) Pad =
        (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);

    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Host _host = new();
    private readonly Layout _layout;

    public LayoutTests()
    {
        _store = new Store(_engine);
        using var linker = new ComponentLinker(_engine);
        Layout.AddToLinker(linker, _host);
        var component = Component.FromText(_engine, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "layout", "layout.wat")));
        _layout = Layout.Instantiate(_store, component, linker);
    }

    public void Dispose()
    {
        _layout.Dispose();
        _store.Dispose();
        _engine.Dispose();
    }

    private sealed class Host : Layout.IImports
    {
        public List<Layout.Mixed> Taken { get; } = [];

        public void Take(Layout.Mixed x) => Taken.Add(x);
    }

    public static TheoryData<Layout.Mixed> MixedCases() =>
    [
        new Layout.Mixed.A(-1.5f),
        new Layout.Mixed.A(float.Epsilon),
        new Layout.Mixed.B(long.MinValue + 3),
        new Layout.Mixed.C((0xfe, -2.25)),
        new Layout.Mixed.D(),
    ];

    private static ComponentValue Dynamic(Layout.Mixed m) => m switch
    {
        Layout.Mixed.A a => ComponentValue.Variant("a", ComponentValue.F32(a.Value)),
        Layout.Mixed.B b => ComponentValue.Variant("b", ComponentValue.S64(b.Value)),
        Layout.Mixed.C c => ComponentValue.Variant("c", ComponentValue.Tuple(ComponentValue.U8(c.Value.Item1), ComponentValue.F64(c.Value.Item2))),
        _ => ComponentValue.Variant("d"),
    };

    private static ComponentValue Dynamic(Layout.Padded p) => ComponentValue.Record(
        ("a", ComponentValue.U8(p.A)), ("b", ComponentValue.U64(p.B)), ("c", ComponentValue.U16(p.C)),
        ("d", p.D is { } d ? ComponentValue.Some(ComponentValue.F32(d)) : ComponentValue.None()), ("e", Dynamic(p.E)));

    private ComponentFunction Function(string name) => _layout.Instance.GetFunction(name)!;

    [Theory]
    [MemberData(nameof(MixedCases))]
    public void RecordsWithPaddingAndNestedVariantsMatchTheDynamicPath(Layout.Mixed e)
    {
        var value = new Layout.Padded(0xab, 0x0123_4567_89ab_cdef, 0xbeef, 0.5f, e);
        _layout.PutPadded(value, Pad);
        Assert.Equal(Dynamic(value).ToString(), Function("get-padded").Call()!.ToString());
        Assert.Equal(value, _layout.GetPadded());

        var other = value with { D = null, A = 1 };
        Function("put-padded").Call(Dynamic(other), ComponentValue.Tuple([.. Enumerable.Range(1, 16).Select(i => ComponentValue.U64((ulong)i))]));
        Assert.Equal(other, _layout.GetPadded());
    }

    [Theory]
    [MemberData(nameof(MixedCases))]
    public void JoinedFlatSlotsFollowTheCanonicalLayout(Layout.Mixed value)
    {
        // The generated LowerFlat writes (i32, i64, f64); the guest stores the slots raw, which is the canonical
        // memory layout of `mixed`, and the dynamic path reads it.
        _layout.FlatPut(value);
        Assert.Equal(Dynamic(value).ToString(), Function("get-mixed").Call()!.ToString());
        Assert.Equal(value, _layout.GetMixed());
        // The guest passes the same slots to the typed host import: the generated LiftFlat.
        _layout.CallTake();
        Assert.Equal(value, Assert.Single(_host.Taken));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(150)]
    [InlineData(257)]
    [InlineData(299)]
    public void WideVariantsUseTwoByteDiscriminants(int index)
    {
        var type = typeof(Layout.Wide).GetNestedType("C" + index)!;
        var payload = type.GetConstructors()[0].GetParameters() switch
        {
            [] => null,
            [var p] when p.ParameterType == typeof(ushort) => (object)(ushort)0xfedc,
            _ => (object)(sbyte)-5,
        };
        var value = (Layout.Wide)Activator.CreateInstance(type, payload is null ? [] : [payload])!;
        _layout.PutWide(value, Pad);
        var dynamic = Function("get-wide").Call()!;
        Assert.Equal("c" + index, dynamic.AsVariant());
        Assert.Equal(value, _layout.GetWide());

        Function("put-wide").Call(dynamic, ComponentValue.Tuple([.. Enumerable.Range(1, 16).Select(i => ComponentValue.U64((ulong)i))]));
        Assert.Equal(value, _layout.GetWide());
    }

    [Fact]
    public void OneSlotRecordsLiftFlat() => Assert.Equal(new Layout.One(42), _layout.Bump(new Layout.One(41)));
}
