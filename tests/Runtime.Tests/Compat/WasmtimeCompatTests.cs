using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Compat;

/// <summary>The core engine issue's promise "a program written against wasmtime-dotnet's core API compiles
/// after changing the namespace, and behaves the same", checked differentially: each program in
/// <see cref="CompatPrograms"/> is compiled against Wasmtime.Dotnet (the oracle) and, after
/// <c>using Wasmtime;</c> → <c>using WitSharp;</c>, against WitSharp; then both are run and their
/// transcripts compared.</summary>
public sealed class WasmtimeCompatTests(ITestOutputHelper output)
{
    private static readonly System.Reflection.Assembly WasmtimeAssembly = typeof(Wasmtime.Engine).Assembly;
    private static readonly System.Reflection.Assembly WitSharpAssembly = typeof(WitSharp.Engine).Assembly;

    public static TheoryData<string> Programs => new(CompatPrograms.All.Keys);

    /// <summary>Programs that compile on both engines (the others are pinned by the compile test).</summary>
    public static TheoryData<string> RunnablePrograms =>
        new(CompatPrograms.All.Keys.Where(k => !CompatGaps.DoesNotCompile.ContainsKey(k)));

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_compiles_against_wasmtime_dotnet(string name)
    {
        // Guards the programs themselves: each is valid wasmtime-dotnet 50.0.1 code.
        var compiled = CompatHarness.Compile(name, CompatPrograms.All[name], WasmtimeAssembly);
        Assert.True(compiled.Errors.Count == 0, string.Join("\n", compiled.Errors));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_compiles_against_WitSharp_after_namespace_swap(string name)
    {
        var compiled = CompatHarness.Compile(name, CompatHarness.SwapNamespace(CompatPrograms.All[name]), WitSharpAssembly);
        foreach (var error in compiled.Errors) output.WriteLine(error);
        if (CompatGaps.DoesNotCompile.TryGetValue(name, out var missing))
        {
            // Known gap: it must still fail, and only because of the recorded missing member.
            Assert.NotEmpty(compiled.Errors);
            Assert.All(compiled.Errors, e => Assert.Contains($"'{missing}'", e));
            return;
        }
        Assert.True(compiled.Errors.Count == 0, string.Join("\n", compiled.Errors));
    }

    [Theory]
    [MemberData(nameof(RunnablePrograms))]
    public void Program_behaves_the_same_on_both_engines(string name)
    {
        var source = CompatPrograms.All[name];
        var oracle = CompatHarness.Compile(name, source, WasmtimeAssembly);
        Assert.True(oracle.Assembly is not null, string.Join("\n", oracle.Errors));
        var ours = CompatHarness.Compile(name, CompatHarness.SwapNamespace(source), WitSharpAssembly);
        Assert.True(ours.Assembly is not null, "does not compile against WitSharp:\n" + string.Join("\n", ours.Errors));

        var expected = CompatHarness.Run(oracle.Assembly!);
        var actual = CompatHarness.Run(ours.Assembly!);
        output.WriteLine("--- wasmtime ---\n" + expected + "\n--- witsharp ---\n" + actual);
        if (CompatGaps.BehavesDifferently.TryGetValue(name, out var why))
        {
            Assert.True(expected != actual, $"recorded gap '{why}' is closed: remove it from CompatGaps");
            return;
        }
        Assert.Equal(expected, actual);
    }
}
