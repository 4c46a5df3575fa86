using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>The WebAssembly 2.0 spec test suite (the root .wast files of shared/corpus/core-testsuite;
/// its proposals/ folder holds later proposals and is out of scope), one test per file.</summary>
public sealed class CoreSpecTests(SpecResultsFixture results, ITestOutputHelper output) : IClassFixture<SpecResultsFixture>
{
    private static readonly string s_suite = RepoPaths.CorpusDir("core-testsuite");
    private static readonly Lazy<SpecSkips> s_skips = new(() => SpecSkips.Load(SpecSkips.DefaultPath));

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(s_suite, "*.wast").OrderBy(p => p, StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Script(string file)
    {
        var text = File.ReadAllText(Path.Combine(s_suite, file));
        var result = SpecScriptRunner.Run(file, text, s_skips.Value);
        results.Add(result);
        var failures = result.Commands.Where(c => c.Status == SpecStatus.Failed).ToList();
        output.WriteLine($"{file}: {result.Count(SpecStatus.Passed)} passed, {failures.Count} failed, {result.Count(SpecStatus.Skipped)} skipped");
        foreach (var f in failures) output.WriteLine($"{file}:{f.Line}: {f.Directive}: {f.Message}");
        if (failures.Count > 0)
        {
            var shown = string.Join(Environment.NewLine, failures.Take(200).Select(f => $"{file}:{f.Line}: {f.Directive}: {f.Message}"));
            Assert.Fail($"{failures.Count} of {result.Commands.Count} commands failed:{Environment.NewLine}{shown}");
        }
    }
}
