using System.Diagnostics;
using System.Globalization;
using WTC = Wasmtime.Components;
#if WITSHARP_ENGINE
using WSC = WitSharp.Components;
#endif

namespace Benchmarks;

/// <summary>
/// `-- --artifacts`: precompiled artifacts of the componentize-js component (issue 6; tests/fixtures/components/jstext/
/// jstext.wasm, 12.5 MB). The parent compiles and serializes on each side (sizes, serialize time): WitSharp's IL
/// artifact, WitSharp's artifact with ReadyToRun native code (crossgen2 of the SDK's runtime, downloaded by this
/// project's restore; Config.WithReadyToRunCompiler) and Wasmtime's. It writes them to temporary files, then runs
/// fresh processes (`--artifacts-once ours|wasmtime FILE [CACHE]`) that deserialize the file, instantiate and make
/// the first call of `witsharp:jstext/text@0.1.0#title-case` (checked against expected.json), interleaved with fresh
/// processes that compile the .wasm instead (`--componentize-js-once`), so "load an artifact" and "compile" are
/// measured under the same machine load. The ReadyToRun artifact is measured twice: "cold", with an empty code cache
/// (the first load on a machine inflates the image and writes its cache file), and "warm" (every later load maps it).
/// Run from a ReadyToRun-published copy (`dotnet publish -p:PublishReadyToRun=true`) to measure an app whose own
/// code, WitSharp's included, is precompiled too.
/// </summary>
internal static class ArtifactBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Interface = JstextFirstCall.Interface;
    private const string Function = JstextFirstCall.Function;
    private const int Samples = 3;

    public static int Run()
    {
        var wasm = File.ReadAllBytes(JstextFirstCall.Wasm);
        var (argument, expected) = JstextFirstCall.Case();
        Console.WriteLine();
        Console.WriteLine($"### Precompiled artifacts: {Path.GetFileName(JstextFirstCall.Wasm)} ({wasm.Length / 1e6:0.0} MB; {Interface}#{Function}(\"{argument}\") = \"{expected}\")");
        Console.WriteLine();
        var files = new Dictionary<string, string>();
        var rows = new List<string>();
        var sides = new List<string>();
#if WITSHARP_ENGINE
        sides.Add("ours");
        if (File.Exists(Crossgen2)) sides.Add("ours-r2r");
        else Console.WriteLine($"(no ReadyToRun side: crossgen2 not found at {Crossgen2})");
#endif
        sides.Add("wasmtime");
        // WITSHARP_BENCH_ARTIFACTS=DIR keeps the artifacts there and reuses them in a later run of the same build
        // (making the ReadyToRun one takes minutes), e.g. to measure from a ReadyToRun-published copy as well.
        var keep = System.Environment.GetEnvironmentVariable("WITSHARP_BENCH_ARTIFACTS");
        foreach (var side in sides)
        {
            var kept = keep is null ? null : Path.Combine(keep, $"jstext-{side}.cwasm");
            if (kept is not null && File.Exists(kept))
            {
                files[side] = kept;
                long size = new FileInfo(kept).Length;
                rows.Add(string.Create(Inv, $"| {Name(side)} | {size / 1e6:0.00} MB | {(double)size / wasm.Length:0.00}x | (kept) | (kept) |"));
                continue;
            }

            var clock = Stopwatch.StartNew();
            byte[] artifact;
            double compile, serialize;
            if (side == "wasmtime")
            {
                var engine = new Wasmtime.Engine();
                var component = WTC.Component.FromBytes(engine, wasm);
                compile = clock.Elapsed.TotalMilliseconds;
                artifact = component.Serialize();
                serialize = clock.Elapsed.TotalMilliseconds - compile;
            }
            else
            {
#if WITSHARP_ENGINE
                var config = new WitSharp.Config();
                if (side == "ours-r2r") config.WithReadyToRunCompiler(Crossgen2);
                var engine = new WitSharp.Engine(config);
                var component = WSC.Component.FromBytes(engine, wasm);
                compile = clock.Elapsed.TotalMilliseconds;
                artifact = component.Serialize();
                serialize = clock.Elapsed.TotalMilliseconds - compile;
#else
                throw new InvalidOperationException();
#endif
            }

            var path = kept ?? Path.Combine(Path.GetTempPath(), $"jstext-{side}-{Environment.ProcessId}.cwasm");
            if (kept is not null) Directory.CreateDirectory(keep!);
            File.WriteAllBytes(path, artifact);
            files[side] = path;
            rows.Add(string.Create(Inv, $"| {Name(side)} | {artifact.Length / 1e6:0.00} MB | {(double)artifact.Length / wasm.Length:0.00}x | {compile:0} | {serialize:0} |"));
        }

        Console.WriteLine("In the parent process, one run each (wall clock ms): `compile` is `Component.FromBytes`, `serialize` is `Component.Serialize()` after it (WitSharp compiles every function into a saved assembly there, and for the ReadyToRun artifact runs crossgen2 over it; wasmtime copies its compiled image).");
        Console.WriteLine();
        Console.WriteLine("| side | artifact size | size / .wasm | compile ms | serialize ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var r in rows) Console.WriteLine(r);
        Console.WriteLine();

        // Fresh processes, alternating sides and modes so a change in load hits all alike.
        var self = typeof(ArtifactBenchmarks).Assembly.Location;
        var results = new Dictionary<(string Side, string Mode), List<double[]>>();
        var failures = 0;
        // The warm code cache: filled by one untimed load of the ReadyToRun artifact.
        var warm = Directory.CreateTempSubdirectory("witsharp-bench-cache-").FullName;
        var caches = new List<string> { warm };
        if (files.TryGetValue("ours-r2r", out var r2r)) Child(self, ["--artifacts-once", "ours", r2r, warm], out _);
        for (var i = 0; i < Samples; i++)
        {
            foreach (var side in sides)
            {
                foreach (var mode in Modes(side))
                {
                    string engineSide = side == "wasmtime" ? "wasmtime" : "ours";
                    string[] args;
                    if (mode == "compile") args = ["--componentize-js-once", engineSide];
                    else if (side != "ours-r2r") args = ["--artifacts-once", engineSide, files[side]];
                    else if (mode == "artifact") args = ["--artifacts-once", engineSide, files[side], warm];
                    else
                    {
                        var cold = Directory.CreateTempSubdirectory("witsharp-bench-cache-").FullName;
                        caches.Add(cold);
                        args = ["--artifacts-once", engineSide, files[side], cold];
                    }
                    var sample = Child(self, args, out var error);
                    if (sample is null)
                    {
                        failures++;
                        Console.WriteLine($"{side} {mode} sample {i + 1} FAILED: {error}");
                        continue;
                    }

                    if (!results.TryGetValue((side, mode), out var list)) results[(side, mode)] = list = [];
                    list.Add(sample);
                }
            }
        }

        if (keep is null) foreach (var path in files.Values) File.Delete(path);
        foreach (var dir in caches) Directory.Delete(dir, recursive: true);
        Console.WriteLine($"Per side and mode, {Samples} fresh processes; ms best / median. `load` is `Component.DeserializeFile` for an artifact and `Component.FromBytes` of the .wasm (file read included) for compile; `load → first result` is load + instantiate + first call, measured inside the child; `process wall` includes runtime start-up.");
        Console.WriteLine();
        Console.WriteLine("| side | mode | process wall | load | instantiate | first call | load → first result | process CPU at first result |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var side in sides)
        {
            foreach (var mode in Modes(side))
            {
                if (!results.TryGetValue((side, mode), out var list) || list.Count == 0) continue;
                var cells = Enumerable.Range(0, list[0].Length).Select(c =>
                {
                    var column = list.Select(r => r[c]).Order().ToArray();
                    return string.Create(Inv, $"{column[0]:0.0} / {column[column.Length / 2]:0.0}");
                });
                Console.WriteLine($"| {Name(side)} | {mode} | {string.Join(" | ", cells)} |");
            }
        }

        foreach (var side in sides)
        {
            // The ReadyToRun artifact is compared with compiling on WitSharp (the IL side's compile row).
            var compileSide = side == "ours-r2r" ? "ours" : side;
            foreach (var mode in Modes(side).Where(m => m != "compile"))
            {
                if (results.TryGetValue((side, mode), out var a) && results.TryGetValue((compileSide, "compile"), out var c) && a.Count > 0 && c.Count > 0)
                {
                    double load = Median(a, 4), compile = Median(c, 4);
                    Console.WriteLine(string.Create(Inv, $"\n{Name(side)}, {mode}: load → first result {load:0.0} ms from the artifact vs {compile:0.0} ms compiling (medians): {compile / load:0.0}x faster."));
                }
            }
        }

        return failures;
    }

    /// <summary>Child: deserializes <paramref name="path"/>, instantiates and calls once (same columns as `--componentize-js-once`).</summary>
    public static int Once(string side, string path, string? codeCache) => JstextFirstCall.Once(side, path, codeCache);

    private static string Name(string side) => side switch
    {
        "ours" => "WitSharp (IL artifact)",
        "ours-r2r" => "WitSharp (ReadyToRun artifact)",
        _ => "Wasmtime 50.0.1",
    };

    // The ReadyToRun side's compile row would repeat the IL side's (same compiler); it has a cold-cache row instead.
    private static string[] Modes(string side) => side == "ours-r2r" ? ["artifact", "artifact-cold"] : ["artifact", "compile"];

    private static string Crossgen2 { get; } = typeof(ArtifactBenchmarks).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Crossgen2")?.Value ?? "";

    private static double Median(List<double[]> rows, int column)
    {
        var values = rows.Select(r => r[column]).Order().ToArray();
        return values[values.Length / 2];
    }

    /// <summary>Runs one child; returns [process wall, load, instantiate, first call, total, cpu] or null.</summary>
    private static double[]? Child(string self, string[] args, out string error)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(self);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = stderrTask.Result;
        p.WaitForExit();
        var wall = clock.Elapsed.TotalMilliseconds;
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (p.ExitCode != 0 || line is null)
        {
            error = $"exit {p.ExitCode}: {(stderr + stdout).Trim().Split('\n').FirstOrDefault()}";
            return null;
        }

        error = "";
        return [wall, .. line["RESULT ".Length..].Split(' ').Select(x => double.Parse(x, Inv))];
    }
}
