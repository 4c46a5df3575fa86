using WitSharp.Components;
using WitSharp.Generator.EndToEnd.Tests.FromWasm.E2e.Kitchen.Types;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>Bindings generated from the component binary itself (the build decodes kitchen.wasm's world and
/// embeds the component): Load needs no path, Pre instantiates many times, and a component that does not
/// match the bindings is refused once, with a typed exception, before any call.</summary>
public sealed class BinaryInputTests
{
    private sealed class Host : KitchenFromWasm.IImports
    {
        public void Log(string msg)
        {
        }

        public Point Offset() => new(1, 1);

        public WitSharp.Generator.EndToEnd.Tests.FromWasm.E2e.Kitchen.Host.ITally CreateTally(int start) => throw new NotSupportedException("not used by these tests");
    }

    [Fact]
    public void LoadReadsTheEmbeddedComponent()
    {
        using var engine = new Engine();
        using var store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        KitchenFromWasm.AddToLinker(linker, new Host());
        using var kitchen = KitchenFromWasm.Instantiate(store, KitchenFromWasm.Load(engine), linker);
        Assert.Equal("Hello, wasm!", kitchen.Greet("wasm"));
        Assert.Equal(new Point(2, 3), kitchen.Shifted(new Point(1, 2)));
        Assert.Equal(Color.Red, kitchen.Next(Color.Blue));
    }

    [Fact]
    public void PreInstantiatesManyTimes()
    {
        using var engine = new Engine();
        using var linker = new ComponentLinker(engine);
        KitchenFromWasm.AddToLinker(linker, new Host());
        var pre = new KitchenFromWasm.Pre(KitchenFromWasm.Load(engine), linker);
        for (var i = 0; i < 3; i++)
        {
            using var store = new Store(engine);
            using var kitchen = pre.Instantiate(store);
            Assert.Equal(i * 7, kitchen.Math.Mul(i, 7));
        }
    }

    [Fact]
    public void AComponentWithoutTheExportsIsRefused()
    {
        using var engine = new Engine();
        // An empty component: the world's exports are all missing.
        var empty = Component.FromBytes(engine, [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
        using var linker = new ComponentLinker(engine);
        var e = Assert.Throws<ComponentBindingException>(() => new KitchenFromWasm.Pre(empty, linker));
        Assert.Equal("greet", e.Export);
        Assert.Contains("is missing", e.Message);
        Assert.Throws<ComponentBindingException>(() => KitchenFromWasm.CheckComponent(empty));
    }

    [Fact]
    public void ImportsMustBeDefined()
    {
        using var engine = new Engine();
        using var store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        // Nothing defined: the runtime refuses to instantiate (its message names the first unresolved item).
        Assert.ThrowsAny<WasmException>(() => KitchenFromWasm.Instantiate(store, KitchenFromWasm.Load(engine), linker));
    }
}
