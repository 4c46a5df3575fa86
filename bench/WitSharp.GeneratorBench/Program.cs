using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WitSharp;

// Measures what the target names: generating bindings for all of WASI 0.2 (the `bindings` world of
// ../shared/corpus/wit/wasi-p2, which includes wasi:cli/imports) in a test compilation, cold. "Cold" is the
// first GeneratorDriver run in a fresh process: the generator and Roslyn's incremental pipeline are JIT-compiled
// during it. Inputs are read and the compilation is created before the clock starts (the compiler has them
// already when a generator runs). Without arguments the program starts itself `--runs` times (default 7) as
// child processes and prints the median; `--once` is one child. Times are the measuring thread's CPU time
// (Linux CLOCK_THREAD_CPUTIME_ID): on a shared machine wall time mostly measures waiting for a core. Tier-0
// JIT runs on the calling thread, so it is counted.
//
// The generator is measured in the form it ships and is loaded in: `--generator r2r` (default) loads the
// ReadyToRun analyzer files src/Generator builds for this RID (bin/<configuration>/netstandard2.0/r2r/<rid>/,
// what the package's build/WitSharp.targets hands the compiler on this RID), `--generator il` the IL files
// (what every other host loads); either into an AssemblyLoadContext of its own, as the compiler loads analyzers.
// The compiler is the SDK's own (CompilerHost): its ReadyToRun Microsoft.CodeAnalysis assemblies.
CompilerHost.Install();
var form = args.SkipWhile(a => a != "--generator").Skip(1).FirstOrDefault("r2r");
if (form is not ("r2r" or "il")) throw new ArgumentException("--generator r2r|il");
var once = args.Contains("--once");
if (once)
{
    Console.WriteLine(Bench.Measure(form));
    return 0;
}

var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(7);
var cold = new List<double>();
var warm = new List<double>();
var all = new List<double>();
var self = Environment.ProcessPath!;
var dll = typeof(Program).Assembly.Location;
for (var i = 0; i < runs; i++)
{
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(dll);
    start.ArgumentList.Add("--once");
    start.ArgumentList.Add("--generator");
    start.ArgumentList.Add(form);
    using var child = Process.Start(start)!;
    var line = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    var parts = line.Split(' ');
    cold.Add(double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
    warm.Add(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    all.Add(double.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"run {i + 1}: generator cold {parts[0]} ms (process cold {parts[4]} ms), warm {parts[1]} ms, {parts[2]} files, {parts[3]} chars generated");
}
Console.WriteLine($"generator: {form} ({AnalyzerFiles.Directory(form)}); compiler: {CompilerHost.Directory}");
Console.WriteLine($"| WASI 0.2 `bindings` world, fresh GeneratorDriver run | median of {runs} processes |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| generator cold (first run in the process, compiler warm) | {Median(cold):0.0} ms |");
Console.WriteLine($"| everything cold (Roslyn's own JIT included) | {Median(all):0.0} ms |");
Console.WriteLine($"| generator cold, best | {cold.Min():0.0} ms |");
Console.WriteLine($"| warm (best of 10 later runs) | {warm.Min():0.0} ms |");
return 0;

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

static class Bench
{
    public static string Measure(string form)
    {
        var dir = FindWasi();
        var files = Directory.GetFiles(dir, "*.wit", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (AdditionalText)new Text(f, File.ReadAllText(f))).ToImmutableArray();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var source = "namespace App;\n[WitSharp.ComponentImport(\".\", World = \"bindings\")]\npublic partial class WasiBindings;\n";
        var references = Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ComponentImportAttribute).Assembly.Location)).ToImmutableArray();
        var compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText(source, parse)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new Options(dir);
        var generator = AnalyzerFiles.LoadGenerator(form);

        // Roslyn warm, generator cold: as in the compiler server, whose own code is JIT-compiled long before a
        // project's generator first runs. A stand-in generator with the same kinds of pipeline steps warms the
        // compiler's side (binding, attribute lookup, additional files, options), on a different compilation.
        var t0 = ThreadCpu.Milliseconds();
        WarmRoslyn(parse, references);
        var roslyn = ThreadCpu.Milliseconds() - t0;

        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        Markers.ColdRunStarts();
        t0 = ThreadCpu.Milliseconds();
        var chars = Run(generator, compilation, files, parse, options);
        var cold = ThreadCpu.Milliseconds() - t0;
        Markers.ColdRunEnds();
        Console.Error.WriteLine($"generator first run: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods JIT-compiled in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:0.0} ms");

        var warm = double.MaxValue;
        for (var i = 0; i < 10; i++)
        {
            t0 = ThreadCpu.Milliseconds();
            Run(generator, compilation, files, parse, options);
            warm = Math.Min(warm, ThreadCpu.Milliseconds() - t0);
        }
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cold:0.0} {warm:0.0} {files.Length} {chars} {roslyn + cold:0.0}");
    }

    private static void WarmRoslyn(CSharpParseOptions parse, ImmutableArray<MetadataReference> references)
    {
        var source = "namespace Warm;\n[System.Obsolete(\"x\", DiagnosticId = \"W1\")]\npublic partial class C { public int M() => 1; }\n";
        var compilation = CSharpCompilation.Create("Warm", [CSharpSyntaxTree.ParseText(source, parse)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        // The same harness as the measured run (driver, run result, diagnostics, output sizes), so its own first-use
        // JIT is not counted against the generator.
        Run(new StandIn().AsSourceGenerator(), compilation, [new Text("/warm/a.wit", "package a:b;")], parse, new Options("/warm"));
    }

    private static int Run(ISourceGenerator generator, Compilation compilation, ImmutableArray<AdditionalText> files, CSharpParseOptions parse, AnalyzerConfigOptionsProvider options)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([generator], files, parse, options);
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult();
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return result.Results.SelectMany(r => r.GeneratedSources).Sum(s => s.SourceText.Length);
    }

    private static string FindWasi()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "corpus", "wit", "wasi-p2"));
        return Directory.Exists(candidate) ? candidate : throw new DirectoryNotFoundException("../shared/corpus/wit/wasi-p2 beside the repository root");
    }

    /// <summary>The repository root: the nearest folder above the program holding WitSharp.sln.</summary>
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "WitSharp.sln"))) return d.FullName;
        }
        throw new DirectoryNotFoundException("no WitSharp.sln above " + AppContext.BaseDirectory);
    }
}

sealed class Text(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
}

sealed class Options(string projectDirectory) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions s_empty = new Values(null, null);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Values("build_property.MSBuildProjectDirectory", projectDirectory);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_empty;

    private sealed class Values(string? key, string? value) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string name, out string result)
        {
            result = value!;
            return name == key && value is not null;
        }
    }
}

/// <summary>Exercises the compiler's side of the steps the real generator uses, with trivial work of its own.</summary>
sealed class StandIn : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var classes = context.SyntaxProvider.ForAttributeWithMetadataName("System.ObsoleteAttribute",
            static (n, _) => n is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, static (c, _) => c.TargetSymbol.Name + c.Attributes[0].NamedArguments.Length);
        var files = context.AdditionalTextsProvider.Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (x, ct) => x.Left.Path + (x.Right.GetOptions(x.Left).TryGetValue("k", out var v) ? v : "") + x.Left.GetText(ct)).Collect();
        var dir = context.AnalyzerConfigOptionsProvider.Select(static (o, _) => o.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var d) ? d : "");
        context.RegisterSourceOutput(classes.Combine(files.Combine(dir)), static (spc, x) =>
            spc.AddSource(x.Left + ".g.cs", SourceText.From("// " + x.Right.Left.Length + x.Right.Right, Encoding.UTF8)));
    }
}

static partial class ThreadCpu
{
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The calling thread's CPU time in milliseconds, or wall time where the clock is unavailable.</summary>
    public static double Milliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var t) == 0) return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
        return Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;
    }
}

/// <summary>Methods JIT-compiled only here, so a JIT log (DOTNET_JitStdOutFile + DOTNET_JitDisasmSummary=1)
/// shows which methods the cold run compiled: those between the two markers.</summary>
static class Markers
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void ColdRunStarts()
    {
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void ColdRunEnds()
    {
    }
}
