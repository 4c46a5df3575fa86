using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Generator.Tests;

/// <summary>The pipeline caches: an edit that does not touch the attribute or the WIT leaves the model and the
/// emitted text Cached/Unchanged; a WIT edit re-runs them. Also measures generating all of WASI 0.2.</summary>
public sealed class IncrementalityTests(ITestOutputHelper output)
{
    private const string ProjectDir = "/proj";

    private const string Source = "namespace App;\n/// <summary>Doc.</summary>\n[WitSharp.ComponentImport(\"calc.wit\")]\npublic partial class Calc { }\n";

    private const string Wit = "package my:calc;\n\ninterface math {\n  record pair { a: s32, b: s32 }\n  add: func(p: pair) -> s32;\n}\n\nworld calc {\n  import math;\n  export run: func() -> s32;\n}\n";

    private static readonly string[] s_cachedSteps =
    [
        ComponentBindingsGenerator.Steps.ComponentImport,
        ComponentBindingsGenerator.Steps.Inputs,
        ComponentBindingsGenerator.Steps.Model,
        ComponentBindingsGenerator.Steps.Emit,
    ];

    [Fact]
    public void UnrelatedEditKeepsEveryStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source, "namespace App;\ninternal static class Other { public static int X => 1; }\n");
        var driver = GeneratorHarness.CreateDriver([new InMemoryAdditionalText(ProjectDir + "/calc.wit", Wit)], ProjectDir);
        driver = driver.RunGenerators(compilation);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);

        // Edit the other file only.
        var other = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(other, other.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            "namespace App;\ninternal static class Other { public static int X => 2; }\n")));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in s_cachedSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " ran again: " + o.Reason));
        }
    }

    [Fact]
    public void WitEditRerunsTheModel()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var wit = new InMemoryAdditionalText(ProjectDir + "/calc.wit", Wit);
        var driver = GeneratorHarness.CreateDriver([wit], ProjectDir).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(wit, new InMemoryAdditionalText(wit.Path, Wit.Replace("add: func", "sub: func", StringComparison.Ordinal)));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        var model = Assert.Single(result.TrackedSteps[ComponentBindingsGenerator.Steps.Model].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, model.Reason);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("int Sub(", StringComparison.Ordinal));
    }

    [Fact]
    public void CommentOnlyWitEditKeepsTheEmittedTextCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var wit = new InMemoryAdditionalText(ProjectDir + "/calc.wit", Wit);
        var driver = GeneratorHarness.CreateDriver([wit], ProjectDir).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(wit, new InMemoryAdditionalText(wit.Path, Wit + "// a plain comment\n"));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        var model = Assert.Single(result.TrackedSteps[ComponentBindingsGenerator.Steps.Model].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Unchanged, model.Reason);
        var emit = Assert.Single(result.TrackedSteps[ComponentBindingsGenerator.Steps.Emit].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Cached, emit.Reason);
    }

    /// <summary>The generator's own work for all of WASI 0.2 (parse + resolve + model, then emit), timed on the
    /// first call in the process (cold: includes JIT of the WIT library and the generator) and warm.</summary>
    [Fact]
    public void MeasureWasiP2Phases()
    {
        var files = GeneratorHarness.WitFiles(CorpusTests.WasiDir);
        var inputs = files.Select(f => new Model.InputFile(f.Path, f.GetText()!.ToString(), false)).ToImmutableArray();
        var request = new Model.ComponentRequest(
            new Model.ClassModel("App", "WasiBindings", "class", Model.EquatableArray<Model.ContainingType>.Empty),
            ".", "bindings", null, 0, Model.EquatableArray<string>.Empty, null, null);
        var lines = new List<string>();
        // In a build the compiler has Microsoft.CodeAnalysis loaded and warm before generators run; do the same
        // here so the first-call figure is the generator's and WIT library's own cold cost.
        _ = Diagnostic.Create(new DiagnosticDescriptor("WARM001", "t", "m", "c", DiagnosticSeverity.Info, true), Location.None).GetMessage();
        for (var i = 0; i < 6; i++)
        {
            var sw = Stopwatch.StartNew();
            var resolved = Pipeline.InputMatcher.Match(request, CorpusTests.WasiDir, inputs);
            var matchMs = sw.Elapsed.TotalMilliseconds;
            var model = Pipeline.Loader.Load(resolved, CancellationToken.None);
            var modelMs = sw.Elapsed.TotalMilliseconds;
            var emitted = Emit.Emitter.Emit(model.Model!).ToList();
            var totalMs = sw.Elapsed.TotalMilliseconds;
            Assert.Empty(model.Diagnostics);
            Assert.True(emitted.Count > 20);
            if (i is 0 or 5) lines.Add($"wasi-p2 phases run {i + 1}: match {matchMs:F1} ms, match+parse+resolve+model {modelMs:F1} ms, total with emit {totalMs:F1} ms ({emitted.Sum(f => f.Text.Length) / 1024} KB of C#)");
        }
        foreach (var line in lines) output.WriteLine(line);
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "generator");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, "phases.txt"), lines);
    }

    /// <summary>Generation time for all of WASI 0.2 (parse, resolve, model, emit; the first run in a fresh
    /// driver, then warm). Recorded, not asserted: tests assert behaviour; the figure goes to artifacts/.</summary>
    [Fact]
    public void MeasureWasiP2Generation()
    {
        var files = GeneratorHarness.WitFiles(CorpusTests.WasiDir);
        var compilation = GeneratorHarness.CreateCompilation(
            "namespace App;\n[WitSharp.ComponentImport(\".\", World = \"bindings\")]\npublic partial class WasiBindings { }\n");
        var timings = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [new ComponentBindingsGenerator().AsSourceGenerator()], files, GeneratorHarness.ParseOptions, new ProjectOptionsProvider(CorpusTests.WasiDir));
            var sw = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            sw.Stop();
            var result = driver.GetRunResult();
            Assert.Empty(result.Diagnostics);
            Assert.True(result.GeneratedTrees.Length > 20);
            timings.Add(sw.Elapsed.TotalMilliseconds);
        }
        var line = $"wasi-p2 bindings generation: first {timings[0]:F1} ms, warm median {timings.Skip(1).Order().ElementAt(2):F1} ms";
        output.WriteLine(line);
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "generator");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "timing.txt"), line + "\n");
    }
}
