using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace WitSharp.Generator.Tests;

/// <summary>An additional file handed to the generator (a .wit text, or a .wasm path).</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
}

/// <summary>Global analyzer options carrying <c>build_property.MSBuildProjectDirectory</c>, as the package's props
/// make the build do.</summary>
internal sealed class ProjectOptionsProvider(string? projectDirectory, IReadOnlyDictionary<string, string>? componentOf = null) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions s_empty = new Options(null, null);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options("build_property.MSBuildProjectDirectory", projectDirectory);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    /// <summary>A base64 sidecar carries <c>WitSharpComponent</c> metadata naming its .wasm, as build/WitSharp.targets sets it.</summary>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        componentOf is not null && componentOf.TryGetValue(textFile.Path, out var wasm)
            ? new Options("build_metadata.AdditionalFiles.WitSharpComponent", wasm)
            : s_empty;

    private sealed class Options(string? name, string? content) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (key == name && content is not null)
            {
                value = content;
                return true;
            }
            value = null!;
            return false;
        }
    }
}

/// <summary>The result of one generator run plus the compile of its output.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<(string HintName, string Text)> Sources)
{
    /// <summary>Compiler diagnostics of warning severity or above for the compilation including generated code.</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>All generated files in one text, for snapshots; generator diagnostics first as comments.</summary>
    public string Combined()
    {
        var sb = new StringBuilder();
        foreach (var d in GeneratorDiagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.GetMessage(), StringComparer.Ordinal))
        {
            sb.Append("// diagnostic ").Append(d.Id).Append(' ').Append(d.Severity).Append(": ").Append(d.GetMessage().Replace('\n', ' ')).Append('\n');
        }
        foreach (var (hint, text) in Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            sb.Append("//---- ").Append(hint).Append(" ----\n").Append(text);
        }
        return sb.ToString();
    }
}

/// <summary>Runs the generator in-process the way the compiler does: C# sources plus additional files, compiled
/// against the .NET 10 reference assemblies and the WitSharp runtime (for the attribute and Result).</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> s_references =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ComponentImportAttribute).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Bindings",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, string? projectDirectory, IReadOnlyDictionary<string, string>? componentOf = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new ComponentBindingsGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            new ProjectOptionsProvider(projectDirectory, componentOf),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(string source, IEnumerable<AdditionalText> files, string? projectDirectory, IReadOnlyDictionary<string, string>? componentOf = null)
    {
        var compilation = CreateCompilation(source);
        var driver = CreateDriver(files, projectDirectory, componentOf).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return Result(driver, output, diagnostics);
    }

    public static GeneratorRun Result(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> diagnostics)
    {
        var result = driver.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray();
        return new GeneratorRun(driver, output, diagnostics, sources);
    }

    /// <summary>Every .wit file under a folder, or the one file, as additional files.</summary>
    public static List<AdditionalText> WitFiles(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.wit", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : [path];
        return files.Select(f => (AdditionalText)new InMemoryAdditionalText(f, File.ReadAllText(f))).ToList();
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));
}
