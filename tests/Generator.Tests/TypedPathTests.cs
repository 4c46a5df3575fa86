using WitSharp.Tests;

namespace WitSharp.Generator.Tests;

/// <summary>The generated code calls through the runtime's typed path only: for the end-to-end worlds (records,
/// variants, enums, flags, an imported resource, an exported resource, host imports) no <c>ComponentValue</c> and
/// no dynamic <c>DefineFunction((args, results) => …)</c> appears; records and variants implement
/// <c>IComponentType&lt;T&gt;</c>. Only signatures the typed path cannot carry fall back (asserted below too).</summary>
public sealed class TypedPathTests
{
    private static string Generate(string wit, string world)
    {
        var run = GeneratorHarness.Run(
            "namespace App;\n/// <summary>Doc.</summary>\n[WitSharp.ComponentImport(\"w.wit\", World = \"" + world + "\")]\npublic partial class B { }\n",
            [new InMemoryAdditionalText("/proj/w.wit", wit)], "/proj");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompileDiagnostics.IsEmpty, GeneratorHarness.Format(run.CompileDiagnostics));
        return run.Combined();
    }

    private static void AssertTyped(string text)
    {
        Assert.DoesNotContain("ComponentValue.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ComponentValue ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(args, results)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ComponentFunction ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("__Values", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KitchenWorldUsesOnlyTheTypedPath()
    {
        var wit = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Generator.EndToEnd.Tests", "components", "kitchen", "world.wit"));
        var text = Generate(wit, "kitchen");
        AssertTyped(text);
        Assert.Contains("record struct Point(int X, int Y) : global::WitSharp.Components.IComponentType<", text, StringComparison.Ordinal);
        Assert.Contains("abstract record Shape : global::WitSharp.Components.IComponentType<", text, StringComparison.Ordinal);
        // The imported resource: constructor result and method self go through Resource<ITally> and the handle table.
        Assert.Contains("DefineFunction<int, global::WitSharp.Components.Resource<", text, StringComparison.Ordinal);
        Assert.Contains("DefineAction<(global::WitSharp.Components.Resource<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CTypesWorldUsesOnlyTheTypedPath()
    {
        var dir = Path.Combine(RepoPaths.Root, "tests", "fixtures", "components", "ctypes", "wit");
        var wit = string.Join("\n", Directory.GetFiles(dir, "*.wit").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var text = Generate(wit, "ctypes");
        AssertTyped(text);
        Assert.Contains("abstract record Event : global::WitSharp.Components.IComponentType<", text, StringComparison.Ordinal);
        // Exported resources travel as ResourceAny (lists of them too).
        Assert.Contains("TypedComponentFunction<string[], global::WitSharp.Components.ResourceAny[]>", text, StringComparison.Ordinal);
        Assert.Contains("TypedComponentFunction<(global::WitSharp.Components.ResourceAny, long), long>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HandlesInsideRecordsTravelAsWireTwins()
    {
        // A record with handles is converted at the call boundary to its wire twin (handles as Resource<T> /
        // ResourceAny), whose CreateMarshaler hook binds to the call's own type: the world stays on the typed path.
        const string Wit = """
            package my:h;

            interface api {
              resource thing;
              record holder { t: own<thing>, n: u32 }
              take: func(h: holder);
              make: func() -> thing;
            }

            world w {
              import api;
            }
            """;
        var text = Generate(Wit, "w");
        AssertTyped(text);
        Assert.Contains("internal readonly record struct __HolderWire(global::WitSharp.Components.Resource<global::App.My.H.Api.IThing> T, uint N) : global::WitSharp.Components.IComponentType<__HolderWire>", text, StringComparison.Ordinal);
        Assert.Contains("instance.DefineAction<global::App.B.__HolderWire>(\"take\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("record struct Holder(global::App.My.H.Api.IThing T, uint N) : ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HandlesWorldUsesOnlyTheTypedPath()
    {
        // The end-to-end handles world (HandleTests): its `holder` record carries an own<thing> both ways.
        var wit = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Generator.EndToEnd.Tests", "handles", "world.wit"));
        var text = Generate(wit, "handles");
        AssertTyped(text);
        Assert.Contains("TypedComponentFunction<global::App.B.__HolderWire, global::App.B.__HolderWire>", text, StringComparison.Ordinal);
        Assert.Contains("DefineFunction<global::App.B.__HolderWire, uint>(\"keep\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HandlesInsideVariantsTravelAsWireTwins()
    {
        // The shape of WASI's `stream-error`: a variant with an own<resource> case and a case without payload.
        const string Wit = """
            package my:h;

            interface api {
              resource thing;
              variant holder { one(own<thing>), none }
              take: func(h: holder);
              make: func() -> thing;
            }

            world w {
              import api;
            }
            """;
        var text = Generate(Wit, "w");
        AssertTyped(text);
        Assert.Contains("internal abstract record __HolderWire : global::WitSharp.Components.IComponentType<__HolderWire>", text, StringComparison.Ordinal);
        Assert.Contains("public sealed record One(global::WitSharp.Components.Resource<global::App.My.H.Api.IThing> Value) : __HolderWire;", text, StringComparison.Ordinal);
        Assert.Contains("instance.DefineAction<global::App.B.__HolderWire>(\"take\"", text, StringComparison.Ordinal);
    }
}
