using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using WitSharp.Generator.Diagnostics;
using WitSharp.Generator.Emit;
using WitSharp.Generator.Model;
using WitSharp.Generator.Pipeline;

namespace WitSharp.Generator;

/// <summary>Generates typed C# bindings for the WIT world named by each <c>[ComponentImport]</c> class
/// (DESIGN.md "Generator"). Steps, each with a tracking name the incrementality tests check:
/// <c>ComponentImport</c> (attribute → request), <c>InputFiles</c> (.wit/.wasm additional files),
/// <c>Inputs</c> (request + its files), <c>Model</c> (resolved WIT → equatable model), <c>Emit</c>
/// (model → source text), then one output that adds the sources (shared interface namespaces once).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ComponentBindingsGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps.</summary>
    public static class Steps
    {
        public const string ComponentImport = "ComponentImport";
        public const string InputFiles = "InputFiles";
        public const string ProjectDirectory = "ProjectDirectory";
        public const string Inputs = "Inputs";
        public const string Model = "Model";
        public const string Emit = "Emit";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var requests = context.SyntaxProvider.ForAttributeWithMetadataName(
                RequestReader.AttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                RequestReader.Read)
            .WithTrackingName(Steps.ComponentImport);

        // A WasmComponent reaches the compiler as a base64 copy whose WitSharpComponent metadata names the .wasm
        // (build/WitSharp.targets); a raw .wasm is never read as text (the compiler rejects binary text).
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (x, ct) =>
            {
                var (text, options) = x;
                var fileOptions = options.GetOptions(text);
                if (fileOptions.TryGetValue(ComponentMetadata, out var component) && !string.IsNullOrWhiteSpace(component))
                {
                    var resource = fileOptions.TryGetValue(ResourceMetadata, out var r) && !string.IsNullOrWhiteSpace(r) ? r : null;
                    return new InputFile(component, text.GetText(ct)?.ToString() ?? string.Empty, true) { ResourceName = resource };
                }
                if (IsWasm(text.Path)) return new InputFile(text.Path, string.Empty, true);
                return IsWit(text.Path) ? new InputFile(text.Path, text.GetText(ct)?.ToString() ?? string.Empty, false) : null;
            })
            .Where(static f => f is not null)
            .Select(static (f, _) => f!)
            .Collect()
            .WithTrackingName(Steps.InputFiles);

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (o, _) =>
                o.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var dir) && !string.IsNullOrWhiteSpace(dir) ? dir
                : o.GlobalOptions.TryGetValue("build_property.ProjectDir", out dir) && !string.IsNullOrWhiteSpace(dir) ? dir
                : null)
            .WithTrackingName(Steps.ProjectDirectory);

        var inputs = requests.Combine(files.Combine(projectDirectory))
            .Select(static (x, _) => InputMatcher.Match(x.Left, x.Right.Right, x.Right.Left))
            .WithTrackingName(Steps.Inputs);

        var models = inputs.Select(static (x, ct) => Loader.Load(x, ct)).WithTrackingName(Steps.Model);

        var emitted = models.Select(static (m, _) => SafeEmit(m)).WithTrackingName(Steps.Emit);

        // Diagnostics come from their own output so sources stay cached when only messages change.
        context.RegisterSourceOutput(models, static (spc, m) =>
        {
            foreach (var d in m.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
        });
        context.RegisterSourceOutput(emitted, static (spc, e) =>
        {
            foreach (var d in e.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
        });

        // Every value flowing between steps is a reference type: the driver's generic tables are then shared
        // code the compiler has JIT-compiled already, where a struct (KeyValuePair, EquatableArray) would make
        // it compile new instantiations on the first, cold run (docs/benchmarks.md "Generator").
        // (`x.Collect().Combine(oneValue)` is the commonest shape among generators; two collected arrays combined is not.)
        var locations = requests.Select(static (r, _) => new ClassLocation(r.Class.FullName, r.Location)).Collect()
            .Select(static (all, _) => new ClassLocations(all.ToEquatableArray()));
        context.RegisterSourceOutput(emitted.Collect().Combine(locations), static (spc, x) => AddSources(spc, x.Left, x.Right));
    }

    // The generator must never take the compiler down: an emitter failure becomes WITSHARP009.
    private static EmitResult SafeEmit(ModelResult m)
    {
        if (m.Model is null) return new EmitResult(EquatableArray<GeneratedFile>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        try
        {
            return new EmitResult(Emitter.Emit(m.Model).ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception ex)
        {
            var d = DiagnosticInfo.Create(Descriptors.InternalError, null, m.Model.Class.FullName, ex.GetType().Name + ": " + ex.Message);
            return new EmitResult(EquatableArray<GeneratedFile>.Empty, new[] { d }.ToEquatableArray());
        }
    }

    // Two classes in one namespace that import the same interface produce the same file; add it once, and
    // report when the texts differ (e.g. different ErrorMode), since C# cannot hold both.
    private static void AddSources(SourceProductionContext spc, ImmutableArray<EmitResult> all, ClassLocations locations)
    {
        var added = new Dictionary<string, GeneratedFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in all)
        foreach (var file in result.Files)
        {
            if (added.TryGetValue(file.HintName, out var previous))
            {
                if (!string.Equals(previous.Text, file.Text, StringComparison.Ordinal))
                {
                    var location = FindLocation(locations, file.Owner);
                    spc.ReportDiagnostic(DiagnosticInfo.Create(Descriptors.ConflictingBindings, location, file.HintName.Replace(".g.cs", string.Empty), file.Namespace).ToDiagnostic());
                }
                continue;
            }
            added[file.HintName] = file;
            try
            {
                spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
            catch (ArgumentException ex)
            {
                var location = FindLocation(locations, file.Owner);
                spc.ReportDiagnostic(DiagnosticInfo.Create(Descriptors.InternalError, location, file.Owner, ex.Message).ToDiagnostic());
            }
        }
    }

    private static LocationInfo? FindLocation(ClassLocations locations, string owner)
    {
        foreach (var l in locations.All)
        {
            if (l.FullName == owner) return l.Location;
        }
        return null;
    }

    private const string ComponentMetadata = "build_metadata.AdditionalFiles.WitSharpComponent";

    private const string ResourceMetadata = "build_metadata.AdditionalFiles.WitSharpResource";

    private static bool IsWit(string path) => path.EndsWith(".wit", StringComparison.OrdinalIgnoreCase);

    private static bool IsWasm(string path) => path.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase);
}
