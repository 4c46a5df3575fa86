using System.Reflection;
using WitSharp.Components;
using KitchenTypes = WitSharp.Generator.EndToEnd.Tests.E2e.Kitchen.Types;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>What the generated classes bind to: every export (functions, exported-interface functions, resource
/// constructors and methods) is a <see cref="TypedComponentFunction{TParams, TResult}"/>; generated records and
/// variants implement <see cref="IComponentType{TSelf}"/> with the component's own types; the export indices of a
/// <c>.wasm</c> input are checked when a component is loaded.</summary>
public sealed class TypedPathTests
{
    private static readonly Type[] BindingClasses = [typeof(Kitchen), typeof(KitchenFromWasm), typeof(RaisingKitchen), typeof(CTypes)];

    private static IEnumerable<FieldInfo> ExportFields(Type t) =>
        new[] { t }.Concat(t.GetNestedTypes(BindingFlags.NonPublic))
            .SelectMany(n => n.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => f.Name.StartsWith("__export", StringComparison.Ordinal) || f.Name.StartsWith("__method", StringComparison.Ordinal));

    [Fact]
    public void EveryExportIsATypedFunction()
    {
        foreach (var t in BindingClasses)
        {
            var fields = ExportFields(t).ToList();
            Assert.NotEmpty(fields);
            Assert.All(fields, f => Assert.Equal(typeof(TypedComponentFunction<,>), f.FieldType.GetGenericTypeDefinition()));
            // No dynamic conversions were generated at all.
            Assert.Null(t.GetNestedType("__Values", BindingFlags.NonPublic));
        }
        // Resource methods are bound too (counter.add, name, snapshot; the constructor and static merge are interface functions).
        Assert.True(ExportFields(typeof(CTypes)).Count(f => f.Name.StartsWith("__method", StringComparison.Ordinal)) >= 3);
    }

    [Fact]
    public void RecordsAndVariantsDescribeTheComponentsTypes()
    {
        using var engine = new Engine();
        var kitchen = Component.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "components", "kitchen.wasm"));
        var addPoints = kitchen.ComponentType.GetExport("add-points")!.Function!;
        var area = kitchen.ComponentType.GetExport("area")!.Function!;
        Assert.True(typeof(IComponentType<KitchenTypes.Point>).IsAssignableFrom(typeof(KitchenTypes.Point)));
        // The runtime accepts the generated types for the export's own types (structural equality, checked once).
        Assert.Equal(8, ComponentMarshaler.Create<KitchenTypes.Point>(addPoints.Parameters[0].Type).Size);
        Assert.Equal(3, ComponentMarshaler.Create<KitchenTypes.Shape>(area.Parameters[0].Type).FlatCount);
        Assert.Throws<ComponentTypeMismatchException>(() => ComponentMarshaler.Create<KitchenTypes.Point>(area.Parameters[0].Type));

        var c = CTypes.Load(engine);
        var birthday = c.ComponentType.GetExport("birthday")!.Function!;
        Assert.NotNull(ComponentMarshaler.Create<CTypes.Person>(birthday.Result!));
        var next = c.ComponentType.GetExport("next")!.Function!;
        Assert.NotNull(ComponentMarshaler.Create<CTypes.Event>(next.Result!));
    }

    [Fact]
    public void VariantsRoundTripThroughTheGeneratedMarshalers()
    {
        using var engine = new Engine();
        using var store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        var c = CTypes.Instantiate(store, CTypes.Load(engine), linker);
        // A round trip through guest memory of every case, then the guest's answers for each.
        Assert.IsType<CTypes.Event.Deleted>(c.Next(new CTypes.Event.Renamed(("ab", "cde"))));
        Assert.Equal(new CTypes.Event.Deleted(5), c.Next(new CTypes.Event.Renamed(("ab", "cde"))));
    }

    [Fact]
    public void BuildTimeExportPositionsMatchTheBinary()
    {
        using var engine = new Engine();
        var kitchen = Component.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "components", "kitchen.wasm"));
        var names = kitchen.ComponentType.Exports.Select(e => e.Key).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            Assert.NotNull(kitchen.GetExportIndex(i, names[i]));
            Assert.Null(kitchen.GetExportIndex(i, names[i] + "x"));
        }
        Assert.Null(kitchen.GetExportIndex(names.Count, names[0]));
        Assert.Null(kitchen.GetExportIndex(-1, names[0]));
        // The bindings generated from kitchen.wasm accept it (every position matched) ...
        using var linker = new ComponentLinker(engine);
        KitchenFromWasm.AddToLinker(linker, new NullHost());
        Assert.NotNull(new KitchenFromWasm.Pre(kitchen, linker));
        // ... and reject another component when it is loaded, with the export named.
        var other = CTypes.Load(engine);
        var e = Assert.Throws<ComponentBindingException>(() => new KitchenFromWasm.Pre(other, linker));
        Assert.Contains("export", e.Message, StringComparison.Ordinal);
    }

    private sealed class NullHost : KitchenFromWasm.IImports
    {
        public void Log(string msg) { }

        public WitSharp.Generator.EndToEnd.Tests.FromWasm.E2e.Kitchen.Types.Point Offset() => default;

        public WitSharp.Generator.EndToEnd.Tests.FromWasm.E2e.Kitchen.Host.ITally CreateTally(int start) => throw new NotSupportedException();
    }
}
