using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using WitSharp.Wit;

namespace Benchmarks;

/// <summary>Parse + resolve of the WASI 0.2 WIT packages (../shared/corpus/wit/wasi-p2: the main package
/// and its six deps, ~100 KB of WIT). Target: under 20 ms warm. Sources are read once in setup, so the
/// in-memory case measures parsing and resolution only; the PushPath case adds directory listing and
/// file reads.</summary>
[MemoryDiagnoser]
public class WitBenchmarks
{
    private WitSource[] _main = [];
    private IReadOnlyList<WitSource>[] _deps = [];

    private Resolve? _resolved;
    private int _mainPackage;

    [GlobalSetup]
    public void Setup()
    {
        (_main, _deps) = LoadSources(WasiP2Directory());
        _resolved = new Resolve();
        _mainPackage = _resolved.PushSources(_main, _deps);
    }

    /// <summary>Parse + resolve from memory (PushSources).</summary>
    [Benchmark]
    public int ParseResolveWasiP2() => ResolveFromMemory(_main, _deps);

    /// <summary>Parse + resolve from the directory (PushPath: lists files and reads them too).</summary>
    [Benchmark]
    public int ParseResolveWasiP2FromDisk() => new Resolve().PushPath(WasiP2Directory());

    /// <summary>WitPrinter: the resolved wasi-p2 packages back to WIT text (one document, nested packages).</summary>
    [Benchmark]
    public int PrintWasiP2() => new WitPrinter(_resolved!).PrintAll(_mainPackage).Length;

    private static int ResolveFromMemory(WitSource[] main, IReadOnlyList<WitSource>[] deps)
    {
        var resolve = new Resolve();
        resolve.PushSources(main, deps);
        return resolve.Types.Count;
    }

    /// <summary>The main package's files and one list of files per dependency (each deps/ entry: a file or a folder).</summary>
    internal static (WitSource[] Main, IReadOnlyList<WitSource>[] Deps) LoadSources(string dir)
    {
        static WitSource Read(string p) => new(p, File.ReadAllText(p));
        var main = Directory.GetFiles(dir, "*.wit").Order(StringComparer.Ordinal).Select(Read).ToArray();
        var deps = new List<IReadOnlyList<WitSource>>();
        var depsDir = Path.Combine(dir, "deps");
        if (Directory.Exists(depsDir))
        {
            foreach (var entry in Directory.GetFileSystemEntries(depsDir).Order(StringComparer.Ordinal))
            {
                if (Directory.Exists(entry))
                {
                    deps.Add(Directory.GetFiles(entry, "*.wit").Order(StringComparer.Ordinal).Select(Read).ToArray());
                }
                else if (entry.EndsWith(".wit", StringComparison.Ordinal))
                {
                    deps.Add([Read(entry)]);
                }
            }
        }

        return (main, deps.ToArray());
    }

    /// <summary>../shared/corpus/wit/wasi-p2 beside the repository root (found by walking up to WitSharp.sln).</summary>
    internal static string WasiP2Directory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WitSharp.sln")))
                {
                    var wasi = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "wit", "wasi-p2"));
                    if (Directory.Exists(wasi))
                    {
                        return wasi;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException("../shared/corpus/wit/wasi-p2 not found beside the repository root");
    }

    /// <summary>`-- --quick` / `-- --wit`: a markdown table of cold (first) and warm parse + resolve times.</summary>
    internal static int Quick(double seconds)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("### WIT");
        Console.WriteLine();
        try
        {
            var dir = WasiP2Directory();
            var (main, deps) = LoadSources(dir);
            var bytes = main.Concat(deps.SelectMany(d => d)).Sum(s => (long)s.Text.Length);
            var first = Stopwatch.StartNew();
            var types = ResolveFromMemory(main, deps);
            var firstMs = first.Elapsed.TotalMilliseconds;

            var times = new List<double>();
            var wall = new List<double>();
            var budget = Stopwatch.StartNew();
            while (times.Count < 20 || (times.Count < 2000 && budget.Elapsed.TotalSeconds < seconds))
            {
                var w = Stopwatch.GetTimestamp();
                var start = CpuClock.Now();
                ResolveFromMemory(main, deps);
                times.Add((CpuClock.Now() - start) * 1000);
                wall.Add(Stopwatch.GetElapsedTime(w).TotalMilliseconds);
            }

            var disk = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var start = CpuClock.Now();
                new Resolve().PushPath(dir);
                disk.Add((CpuClock.Now() - start) * 1000);
            }

            var resolved = new Resolve();
            var mainId = resolved.PushSources(main, deps);
            var printed = 0;
            var print = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var start = CpuClock.Now();
                printed = new WitPrinter(resolved).PrintAll(mainId).Length;
                print.Add((CpuClock.Now() - start) * 1000);
            }

            times.Sort();
            wall.Sort();
            disk.Sort();
            print.Sort();
            Console.WriteLine(string.Create(inv, $"Parse + resolve of wasi-p2 ({main.Length + deps.Sum(d => d.Count)} files, {bytes / 1024.0:0.0} K chars, {types} types). Warm: {CpuClock.Description}, best / median of {times.Count} runs; first: wall time in a fresh process (includes JIT)."));
            Console.WriteLine();
            Console.WriteLine("| case | first ms | warm ms (best / median) | target |");
            Console.WriteLine("| --- | ---: | ---: | --- |");
            Console.WriteLine(string.Create(inv, $"| PushSources (in memory) | {firstMs:0.0} | {times[0]:0.00} / {times[times.Count / 2]:0.00} | < 20 ms warm |"));
            Console.WriteLine(string.Create(inv, $"| PushSources, wall time | — | {wall[0]:0.00} / {wall[wall.Count / 2]:0.00} | |"));
            Console.WriteLine(string.Create(inv, $"| PushPath (with file reads) | — | {disk[0]:0.00} / {disk[disk.Count / 2]:0.00} | |"));
            Console.WriteLine(string.Create(inv, $"| WitPrinter.PrintAll ({printed / 1024.0:0.0} K chars out) | — | {print[0]:0.00} / {print[print.Count / 2]:0.00} | |"));
            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine("WIT parse + resolve FAILED: " + e.GetType().Name + ": " + e.Message.Split('\n')[0]);
            return 1;
        }
    }
}
