using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WitSharp.Runtime.Tests.Compat;

/// <summary>Compiles a wasmtime-dotnet style program with Roslyn against one engine assembly (Wasmtime.Dotnet
/// or WitSharp) and runs its <c>Program.Run()</c> entry point, which returns a transcript string. The same
/// source is compiled twice: as written (<c>using Wasmtime;</c>) and after the namespace swap
/// (<c>using WitSharp;</c>), which is exactly the migration the core engine issue promises.</summary>
internal static class CompatHarness
{
    /// <summary>The one-line migration: the namespace import changes, nothing else.</summary>
    public static string SwapNamespace(string source) =>
        source.Replace("using Wasmtime;", "using WitSharp;", StringComparison.Ordinal);

    /// <summary>The result of compiling one program: its errors, or the loaded assembly.</summary>
    public sealed record Compiled(IReadOnlyList<string> Errors, Assembly? Assembly);

    public static Compiled Compile(string name, string source, Assembly engine)
    {
        var references = Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(engine.Location))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            $"Compat_{name}_{engine.GetName().Name}_{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: true));
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        var errors = emit.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} {d.GetMessage()} @ {SourceLine(source, d)}")
            .ToList();
        return emit.Success ? new Compiled(errors, Assembly.Load(pe.ToArray())) : new Compiled(errors, null);
    }

    /// <summary>Calls <c>Program.Run()</c>; an escaping exception becomes part of the transcript (its type
    /// name without namespace) so that both engines are compared on what a caller would observe.</summary>
    public static string Run(Assembly program)
    {
        var run = program.GetType("Program")?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("program has no public static Program.Run()");
        try
        {
            return (string)run.Invoke(null, null)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return $"ESCAPED {e.InnerException.GetType().Name}: {e.InnerException.Message}";
        }
    }

    private static string SourceLine(string source, Diagnostic d)
    {
        var line = d.Location.GetLineSpan().StartLinePosition.Line;
        var lines = source.Split('\n');
        return line < lines.Length ? lines[line].Trim() : "?";
    }
}
