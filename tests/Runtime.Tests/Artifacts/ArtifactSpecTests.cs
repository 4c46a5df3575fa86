using WitSharp.Runtime.Tests.Spec;
using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary>Spec scripts with every module precompiled by another engine (<c>Engine.PrecompileModule</c>) and
/// loaded from the artifact (<c>Module.Deserialize</c>): the loaded code must behave exactly as the compiled
/// one — every assertion of the script, traps, links and cross-module <c>call_indirect</c> included. The
/// default run covers the scripts that exercise what an artifact must carry (tables, elements, imports,
/// exports, start functions, globals, data, names, traps); <c>WITSHARP_ARTIFACT_SPEC=all</c> runs every
/// script of the suite this way (slow: every module becomes a loaded assembly).</summary>
public sealed class ArtifactSpecTests(ITestOutputHelper output)
{
    private static readonly string s_suite = RepoPaths.CorpusDir("core-testsuite");
    private static readonly Lazy<SpecSkips> s_skips = new(() => SpecSkips.Load(SpecSkips.DefaultPath));

    private static readonly string[] s_slice =
    [
        "call_indirect.wast", "func_ptrs.wast", "linking.wast", "imports.wast", "exports.wast", "elem.wast",
        "table_init.wast", "global.wast", "start.wast", "data.wast", "memory_grow.wast", "traps.wast",
        "fac.wast", "br_table.wast", "ref_func.wast", "select.wast", "simd_lane.wast", "names.wast",
    ];

    public static TheoryData<string> Files()
    {
        bool all = string.Equals(Environment.GetEnvironmentVariable("WITSHARP_ARTIFACT_SPEC"), "all", StringComparison.OrdinalIgnoreCase);
        var files = all
            ? Directory.GetFiles(s_suite, "*.wast").Select(p => Path.GetFileName(p)).OrderBy(p => p, StringComparer.Ordinal)
            : s_slice.AsEnumerable();
        var data = new TheoryData<string>();
        foreach (var f in files) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Script_through_artifacts(string file)
    {
        var text = File.ReadAllText(Path.Combine(s_suite, file));
        var result = SpecScriptRunner.Run(file, text, s_skips.Value, new WitSharpSpecBackend(throughArtifacts: true));
        var failures = result.Commands.Where(c => c.Status == SpecStatus.Failed).ToList();
        output.WriteLine($"{file}: {result.Count(SpecStatus.Passed)} passed, {failures.Count} failed, {result.Count(SpecStatus.Skipped)} skipped");
        Assert.True(result.Count(SpecStatus.Passed) > 0, "the script ran no assertion");
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} of {result.Commands.Count} commands failed:{Environment.NewLine}" +
                string.Join(Environment.NewLine, failures.Take(50).Select(f => $"{file}:{f.Line}: {f.Directive}: {f.Message}")));
    }
}
