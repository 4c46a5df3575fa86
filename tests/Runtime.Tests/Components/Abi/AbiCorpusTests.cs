using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>The canonical-ABI scripts of the component corpora, one test per file, through
/// <see cref="AbiWastRunner"/>.</summary>
public sealed class AbiCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => new()
    {
        "component-model-tests/values/alignment.wast",
        "component-model-tests/values/concat.wast",
        "component-model-tests/values/numerics.wast",
        "component-model-tests/values/realloc.wast",
        "component-model-tests/values/strings.wast",
        "component-model-tests/values/transcode.wast",
        "wasmtime-component-tests/strings.wast",
        "wasmtime-component-tests/string-transcode-invalid.wast",
        "wasmtime-component-tests/enum_discriminant.wast",
        // big-strings.wast passes here too but grows memories to 2 GiB ("hogs_memory"); it is left to the shared
        // runner. values/post-return.wast and values/variants.wast need async built-ins (task.return, ...).
        "wasmtime-component-tests/enums.wast",
        "wasmtime-component-tests/map-types.wast",
        "wasmtime-component-tests/trap.wast",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Script_passes(string file)
    {
        var r = AbiWastRunner.Run(Path.Combine(RepoPaths.Corpus, file));
        output.WriteLine($"{file}: {r.Passed} passed, {r.Failed} failed");
        foreach (var f in r.Failures) output.WriteLine(f);
        Assert.True(r.Failed == 0, $"{r.Failed} failed: " + string.Join(" | ", r.Failures.Take(5)));
    }

    /// <summary>Runs the script named by ABI_WAST (a developer aid; passes when unset).</summary>
    [Fact]
    public void Script_from_environment()
    {
        if (Environment.GetEnvironmentVariable("ABI_WAST") is not { Length: > 0 } path) return;
        if (Environment.GetEnvironmentVariable("ABI_SUITE") is { Length: > 0 })
        {
            // The shared conformance runner on one file (relative to the corpus root).
            var fr = WitSharp.Runtime.Tests.ComponentSuite.ComponentScriptRunner.Run(path, File.ReadAllText(Path.Combine(RepoPaths.Corpus, path)),
                WitSharp.Runtime.Tests.ComponentSuite.ComponentSuiteSkips.Load(WitSharp.Runtime.Tests.ComponentSuite.ComponentSuiteSkips.DefaultPath));
            foreach (var c in fr.Commands) output.WriteLine($"{c.Line} {c.Status} {c.Directive} {c.Message}");
            return;
        }
        var r = AbiWastRunner.Run(path);
        output.WriteLine($"{path}: {r.Passed} passed, {r.Failed} failed");
        foreach (var f in r.Failures) output.WriteLine(f);
    }
}
