using WitSharp.Runtime.Tests.Spec;
using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>One test per .wast file of a component corpus: the file fails if any of its non-skipped
/// directives fails. Files and folders listed in skips.txt (later proposals) pass with every directive skipped.</summary>
internal static class ComponentSuite
{
    public static TheoryData<string> Files(string corpus)
    {
        var dir = RepoPaths.CorpusDir(corpus);
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.wast", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/'))
                     .OrderBy(p => p, StringComparer.Ordinal))
            data.Add(path);
        return data;
    }

    public static void Run(ComponentSuiteResults results, ITestOutputHelper output, string relative, bool validateOnly = false)
    {
        var file = results.Corpus + "/" + relative;
        var text = File.ReadAllText(Path.Combine(RepoPaths.CorpusDir(results.Corpus), relative));
        var result = ComponentScriptRunner.Run(file, text, ComponentSuiteSkips.Default.Value, validateOnly);
        results.Add(result);
        var failures = result.Commands.Where(c => c.Status == SpecStatus.Failed).ToList();
        output.WriteLine($"{file}: {result.Count(SpecStatus.Passed)} passed, {failures.Count} failed, {result.Count(SpecStatus.Skipped)} skipped in {result.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var f in failures) output.WriteLine($"{file}:{f.Line}: {f.Directive}: {f.Message}");
        if (failures.Count > 0)
        {
            var shown = string.Join(Environment.NewLine, failures.Take(50).Select(f => $"{file}:{f.Line}: {f.Directive}: {f.Message}"));
            Assert.Fail($"{failures.Count} of {result.Commands.Count} directives failed:{Environment.NewLine}{shown}");
        }
    }
}

/// <summary>The component model's own conformance tests (shared/corpus/component-model-tests).</summary>
public sealed class ComponentModelTests(ComponentModelResults results, ITestOutputHelper output) : IClassFixture<ComponentModelResults>
{
    public static TheoryData<string> Files() => ComponentSuite.Files("component-model-tests");

    [Theory]
    [MemberData(nameof(Files))]
    public void Script(string file) => ComponentSuite.Run(results, output, file);
}

/// <summary>Wasmtime's component-model runtime tests (shared/corpus/wasmtime-component-tests).</summary>
public sealed class WasmtimeComponentTests(WasmtimeComponentResults results, ITestOutputHelper output) : IClassFixture<WasmtimeComponentResults>
{
    public static TheoryData<string> Files() => ComponentSuite.Files("wasmtime-component-tests");

    [Theory]
    [MemberData(nameof(Files))]
    public void Script(string file) => ComponentSuite.Run(results, output, file);
}

/// <summary>wasm-tools' component-model validation tests (shared/corpus/wasm-tools-component-tests). wasm-tools'
/// runner validates components without instantiating them, so this one does too (instantiating only for actions).</summary>
public sealed class WasmToolsComponentTests(WasmToolsComponentResults results, ITestOutputHelper output) : IClassFixture<WasmToolsComponentResults>
{
    public static TheoryData<string> Files() => ComponentSuite.Files("wasm-tools-component-tests");

    [Theory]
    [MemberData(nameof(Files))]
    public void Script(string file) => ComponentSuite.Run(results, output, file, validateOnly: true);
}
