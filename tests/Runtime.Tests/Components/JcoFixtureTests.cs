using WitSharp.Components;
using WitSharp.Tests;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components;

/// <summary>
/// The jco-built fixtures of tests/fixtures (see build.sh there). Their core bodies are stubs, so the
/// expected values are derived from the fixture sources (embed.wat, resources.wat, greeter.js).
/// </summary>
public sealed class JcoFixtureTests
{
    private static string Fixture(string path) => Path.Combine(RepoPaths.Root, "tests", "fixtures", path);

    [Fact]
    public void Embed_component_world_functions_and_exported_interface()
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, Fixture("embed/embed.component.wasm"));
        Assert.Equal(["test:abi/types@0.1.0", "test:abi/host@0.1.0"], component.ImportNames);
        var linker = new ComponentLinker(engine);
        var logged = new List<string>();
        var host = linker.Root().AddInstance("test:abi/host@0.1.0");
        host.DefineFunction("log", (args, _) => logged.Add(args[0].AsString()));
        linker.DefineUnknownImportsAsTraps(component);
        var instance = linker.Instantiate(new Store(engine), component);

        // embed.wat: add is i32.add; run returns the zeroed area at 16 (ok(0)); sum returns 0; describe
        // returns the zeroed area at 32 (the empty string).
        Assert.Equal(-1, instance.GetFunction("add")!.Call(V.S32(2), V.S32(-3))!.AsS32());
        var run = instance.GetFunction("run")!.Call(V.Some(V.Tuple(V.S32(1), V.S32(2))))!;
        Assert.True(run.IsOk);
        Assert.Equal(0u, run.Payload!.AsU32());
        var sum = instance.GetFunction("test:abi/calc@0.1.0", "sum")!;
        Assert.Equal(0ul, sum.Call(V.List(V.U32(1), V.U32(2)))!.AsU64());
        var describe = instance.GetFunction("test:abi/calc@0.1.0", "describe")!;
        Assert.Equal(["c", "f", "s"], describe.ParameterNames);
        Assert.Equal("", describe.Call(V.Enum("blue"), V.Flags("read", "exec"), V.Variant("circle", V.F64(1.5)))!.AsString());
        Assert.Null(instance.GetFunction("test:abi/calc@0.1.0", "nope"));
        Assert.Empty(logged);
    }

    [Fact]
    public void Resources_component_functions_work_and_an_unallocated_handle_traps()
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, Fixture("resources/resources.component.wasm"));
        var linker = new ComponentLinker(engine);
        linker.Root().DefineFunction("now", (_, results) => results[0] = V.U64(1));
        linker.Root().DefineFunction("current-mode", (_, results) => results[0] = V.Flags("write"));
        linker.Root().AddInstance("logger").DefineFunction("log", (_, _) => { });
        var instance = linker.Instantiate(new Store(engine), component);

        // resources.wat: ping returns 1; lookup/pairs/check return the zeroed area at 128.
        Assert.True(instance.GetFunction("ping")!.Call(V.Flags("read", "write"))!.AsBool());
        Assert.False(instance.GetFunction("test:res/store", "lookup")!.Call(V.String("key"))!.IsSome);
        Assert.Empty(instance.GetFunction("test:res/store", "pairs")!.Call()!.AsList());
        Assert.True(instance.GetFunction("test:res/store", "check")!.Call(V.Enum("high"))!.IsOk);

        // resources.wat's constructor returns handle 1 without calling resource.new: lifting it traps.
        var ctor = instance.GetFunction("test:res/store", "[constructor]blob")!;
        var e = Assert.Throws<TrapException>(() => ctor.Call(V.List(V.U8(1))));
        Assert.Contains("unknown handle index 1", e.Message);
    }
}

/// <summary>The StarlingMonkey component built by <c>jco componentize</c> from greeter.js: a real guest with a
/// JavaScript engine inside, so these run the JS source's logic.</summary>
[Trait("Category", "Slow")] // compiling the 12 MB StarlingMonkey core module takes tens of seconds
public sealed class GreeterFixtureTests
{
    private static readonly Lazy<(Store Store, ComponentInstance Instance)> s_greeter = new(() =>
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, Path.Combine(RepoPaths.Root, "tests", "fixtures", "js", "greeter.wasm"));
        var linker = new ComponentLinker(engine);
        linker.DefineUnknownImportsAsTraps(component);
        var store = new Store(engine);
        return (store, linker.Instantiate(store, component));
    });

    private static ComponentInstance Greeter => s_greeter.Value.Instance;

    private static V Person(string name, byte age) => V.Record(("name", V.String(name)), ("age", V.U8(age)));

    [Fact]
    public void Greet_formats_a_record()
    {
        Assert.Equal("Hello, Ada (36)!", Greeter.GetFunction("greet")!.Call(Person("Ada", 36))!.AsString());
        Assert.Equal("Hello, Zoë 🌍 (255)!", Greeter.GetFunction("greet")!.Call(Person("Zoë 🌍", 255))!.AsString());
    }

    [Fact]
    public void Sum_reduces_a_list()
    {
        Assert.Equal(-4, Greeter.GetFunction("sum")!.Call(V.List(V.S32(1), V.S32(-7), V.S32(2)))!.AsS32());
        Assert.Equal(0, Greeter.GetFunction("sum")!.Call(V.List())!.AsS32());
    }

    [Fact]
    public void Oldest_returns_an_option_of_a_record()
    {
        var oldest = Greeter.GetFunction("oldest")!;
        var some = oldest.Call(V.List(Person("a", 3), Person("b", 90), Person("c", 12)))!;
        Assert.True(some.IsSome);
        Assert.Equal("b", some.Payload!.Field("name").AsString());
        Assert.Equal(90, some.Payload!.Field("age").AsU8());
        Assert.False(oldest.Call(V.List())!.IsSome);
    }

    [Fact]
    public void Parse_age_returns_ok_or_the_thrown_error()
    {
        var parse = Greeter.GetFunction("parse-age")!;
        var ok = parse.Call(V.String("42"))!;
        Assert.True(ok.IsOk);
        Assert.Equal(42, ok.Payload!.AsU8());
        var err = parse.Call(V.String("old"))!;
        Assert.False(err.IsOk);
        Assert.Equal("not an age: old", err.Payload!.AsString());
    }

    [Fact]
    public void Exported_interface_functions()
    {
        Assert.Equal("ÉCOLE ABC", Greeter.GetFunction("test:greeter/text", "upper")!.Call(V.String("école abc"))!.AsString());
        var words = Greeter.GetFunction("test:greeter/text", "words")!.Call(V.String("  the quick\tbrown  "))!.AsList();
        Assert.Equal(["the", "quick", "brown"], words.Select(w => w.AsString()));
    }
}
