using Microsoft.CodeAnalysis;
using WitSharp.Tests;
using WitSharp.Wit;

namespace WitSharp.Generator.Tests;

/// <summary>Generates bindings for every world of the bindgen-codegen corpus (the WIT worlds wasmtime's own
/// bindings generator is tested against) and of WASI 0.2, snapshots the output, and compiles it with zero
/// warnings against the .NET 10 reference assemblies and the WitSharp runtime.</summary>
public sealed class CorpusTests
{
    public static string BindgenDir => Path.Combine(RepoPaths.Corpus, "wit", "bindgen-codegen");

    public static string WasiDir => Path.Combine(RepoPaths.Corpus, "wit", "wasi-p2");

    /// <summary>(entry relative to bindgen-codegen, world name) for every world of every entry's main package.</summary>
    public static TheoryData<string, string> BindgenWorlds()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in Directory.GetFileSystemEntries(BindgenDir).OrderBy(e => e, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (!Directory.Exists(entry) && !name.EndsWith(".wit", StringComparison.Ordinal)) continue;
            foreach (var world in WorldsOf(entry)) data.Add(name, world);
        }
        return data;
    }

    public static TheoryData<string> WasiWorlds()
    {
        var data = new TheoryData<string>();
        foreach (var world in WorldsOf(WasiDir)) data.Add(world);
        return data;
    }

    private static IEnumerable<string> WorldsOf(string path)
    {
        var resolve = new Resolve();
        var pkg = resolve.PushPath(path);
        return resolve.Packages[pkg].Worlds.Keys.ToList();
    }

    [Theory]
    [MemberData(nameof(BindgenWorlds))]
    public void BindgenCodegen(string entry, string world)
    {
        var files = GeneratorHarness.WitFiles(Path.Combine(BindgenDir, entry));
        var run = GenerateAndCompile(entry, world, files, BindgenDir);
        Snapshot.Verify(Path.Combine("BindgenCodegen", Path.GetFileNameWithoutExtension(entry) + "." + world), run.Combined());
    }

    [Theory]
    [MemberData(nameof(WasiWorlds))]
    public void WasiP2(string world)
    {
        var files = GeneratorHarness.WitFiles(WasiDir);
        var run = GenerateAndCompile(".", world, files, WasiDir);
        Snapshot.Verify(Path.Combine("WasiP2", world), run.Combined());
    }

    /// <summary>unstable-features.wit gates its only world behind a feature, so the theory above finds no
    /// world in it; here every feature it names is enabled.</summary>
    [Fact]
    public void BindgenCodegenUnstableFeatures()
    {
        var entry = Path.Combine(BindgenDir, "unstable-features.wit");
        var features = new[]
        {
            "experimental-interface", "experimental-interface-function", "experimental-interface-resource",
            "experimental-interface-resource-method", "experimental-world", "experimental-world-interface-import",
            "experimental-world-function-import", "experimental-world-resource", "experimental-world-resource-method",
        };
        var run = GenerateAndCompile("unstable-features.wit", "the-world", GeneratorHarness.WitFiles(entry), BindgenDir, features);
        Assert.Contains(run.Sources, s => s.Text.Contains("interface IBaz", StringComparison.Ordinal));
        Snapshot.Verify(Path.Combine("BindgenCodegen", "unstable-features.the-world"), run.Combined());
    }

    /// <summary>wasi:http 0.2 with its dependencies: resources with many methods, fallible constructors,
    /// variants of records, as a host implements them.</summary>
    [Fact]
    public void WasiHttp()
    {
        var dir = Path.Combine(RepoPaths.Corpus, "wit", "wasi-http");
        var run = GenerateAndCompile(".", "bindings", GeneratorHarness.WitFiles(dir), dir);
        Assert.Contains(run.Sources, s => s.Text.Contains("public interface IFields", StringComparison.Ordinal));
        Snapshot.Verify(Path.Combine("WasiHttp", "bindings"), run.Combined());
    }

    internal static GeneratorRun GenerateAndCompile(string path, string world, List<AdditionalText> files, string projectDirectory, string[]? features = null)
    {
        var featureArg = features is null ? "" : ", Features = new[] { " + string.Join(", ", features.Select(f => "\"" + f + "\"")) + " }";
        var source = $$"""
            namespace Corpus;

            /// <summary>Bindings under test.</summary>
            [WitSharp.ComponentImport("{{path}}", World = "{{world}}"{{featureArg}})]
            public partial class Bindings
            {
            }
            """;
        var run = GeneratorHarness.Run(source, files, projectDirectory);
        Assert.True(
            run.GeneratorDiagnostics.All(d => d.Severity < DiagnosticSeverity.Error),
            GeneratorHarness.Format(run.GeneratorDiagnostics));
        Assert.NotEmpty(run.Sources);
        var compile = run.CompileDiagnostics;
        Assert.True(compile.IsEmpty, GeneratorHarness.Format(compile) + "\n\n" + run.Combined());
        return run;
    }
}
