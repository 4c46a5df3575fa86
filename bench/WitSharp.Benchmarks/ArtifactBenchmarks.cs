using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WTC = Wasmtime.Components;
#if WITSHARP_ENGINE
using WSC = WitSharp.Components;
#endif

namespace Benchmarks;

/// <summary>
/// `-- --artifacts`: precompiled artifacts of the componentize-js component (issue 6; tests/fixtures/components/jstext/
/// jstext.wasm, 12.5 MB). The parent compiles and serializes on both sides (sizes, serialize time), writes the
/// artifacts to temporary files, then runs fresh processes (`--artifacts-once ours|wasmtime FILE`) that deserialize
/// the file, instantiate and make the first call of `witsharp:jstext/text@0.1.0#title-case` (checked against
/// expected.json), interleaved with fresh processes that compile the .wasm instead (`--componentize-js-once`), so
/// "load an artifact" and "compile" are measured under the same machine load.
/// </summary>
internal static class ArtifactBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Interface = "witsharp:jstext/text@0.1.0";
    private const string Function = "title-case";
    private const int Samples = 3;

    public static int Run()
    {
        var wasm = File.ReadAllBytes(Wasm);
        var (argument, expected) = Case();
        Console.WriteLine();
        Console.WriteLine($"### Precompiled artifacts: {Path.GetFileName(Wasm)} ({wasm.Length / 1e6:0.0} MB; {Interface}#{Function}(\"{argument}\") = \"{expected}\")");
        Console.WriteLine();
        var files = new Dictionary<string, string>();
        var rows = new List<string>();
        var sides = new List<string>();
#if WITSHARP_ENGINE
        sides.Add("ours");
#endif
        sides.Add("wasmtime");
        foreach (var side in sides)
        {
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
                var engine = new WitSharp.Engine();
                var component = WSC.Component.FromBytes(engine, wasm);
                compile = clock.Elapsed.TotalMilliseconds;
                artifact = component.Serialize();
                serialize = clock.Elapsed.TotalMilliseconds - compile;
#else
                throw new InvalidOperationException();
#endif
            }

            var path = Path.Combine(Path.GetTempPath(), $"jstext-{side}-{Environment.ProcessId}.cwasm");
            File.WriteAllBytes(path, artifact);
            files[side] = path;
            rows.Add(string.Create(Inv, $"| {Name(side)} | {artifact.Length / 1e6:0.00} MB | {(double)artifact.Length / wasm.Length:0.00}x | {compile:0} | {serialize:0} |"));
        }

        Console.WriteLine("In the parent process, one run each (wall clock ms): `compile` is `Component.FromBytes`, `serialize` is `Component.Serialize()` after it (WitSharp compiles every function into a saved assembly there; wasmtime copies its compiled image).");
        Console.WriteLine();
        Console.WriteLine("| side | artifact size | size / .wasm | compile ms | serialize ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var r in rows) Console.WriteLine(r);
        Console.WriteLine();

        // Fresh processes, alternating sides and modes so a change in load hits all alike.
        var self = typeof(ArtifactBenchmarks).Assembly.Location;
        var results = new Dictionary<(string Side, string Mode), List<double[]>>();
        var failures = 0;
        for (var i = 0; i < Samples; i++)
        {
            foreach (var side in sides)
            {
                foreach (var mode in new[] { "artifact", "compile" })
                {
                    string[] args = mode == "artifact" ? ["--artifacts-once", side, files[side]] : ["--componentize-js-once", side];
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

        foreach (var path in files.Values) File.Delete(path);
        Console.WriteLine($"Per side and mode, {Samples} fresh processes; ms best / median. `load` is `Component.DeserializeFile` for an artifact and `Component.FromBytes` of the .wasm (file read included) for compile; `load → first result` is load + instantiate + first call, measured inside the child; `process wall` includes runtime start-up.");
        Console.WriteLine();
        Console.WriteLine("| side | mode | process wall | load | instantiate | first call | load → first result | process CPU at first result |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var side in sides)
        {
            foreach (var mode in new[] { "artifact", "compile" })
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
            if (results.TryGetValue((side, "artifact"), out var a) && results.TryGetValue((side, "compile"), out var c) && a.Count > 0 && c.Count > 0)
            {
                double load = Median(a, 4), compile = Median(c, 4);
                Console.WriteLine(string.Create(Inv, $"\n{Name(side)}: load → first result {load:0.0} ms from the artifact vs {compile:0.0} ms compiling (medians): {compile / load:0.0}x faster."));
            }
        }

        return failures;
    }

    /// <summary>Child: deserializes <paramref name="path"/>, instantiates and calls once; prints
    /// `RESULT load instantiate firstCall total cpu` in ms (the same columns as `--componentize-js-once`).</summary>
    public static int Once(string side, string path)
    {
        var (argument, expected) = Case();
        var total = Stopwatch.StartNew();
        double load, instantiate, call;
        string result;
        if (side == "wasmtime")
        {
            var engine = new Wasmtime.Engine();
            var component = WTC.Component.DeserializeFile(engine, path);
            load = total.Elapsed.TotalMilliseconds;
            var instance = new WTC.ComponentLinker(engine).Instantiate(new Wasmtime.Store(engine), component);
            var function = instance.GetFunction(Interface, Function) ?? throw new InvalidOperationException("no export " + Function);
            instantiate = total.Elapsed.TotalMilliseconds - load;
            result = function.Call(WTC.ComponentValue.String(argument))!.AsString();
            call = total.Elapsed.TotalMilliseconds - load - instantiate;
        }
        else if (side == "ours")
        {
#if WITSHARP_ENGINE
            var engine = new WitSharp.Engine();
            var component = WSC.Component.DeserializeFile(engine, path);
            load = total.Elapsed.TotalMilliseconds;
            var instance = new WSC.ComponentLinker(engine).Instantiate(new WitSharp.Store(engine), component);
            var function = instance.GetFunction(Interface, Function) ?? throw new InvalidOperationException("no export " + Function);
            instantiate = total.Elapsed.TotalMilliseconds - load;
            result = function.Call(WSC.ComponentValue.String(argument))!.AsString();
            call = total.Elapsed.TotalMilliseconds - load - instantiate;
#else
            throw new InvalidOperationException("build with -p:WitSharpEngine=true for the WitSharp side");
#endif
        }
        else
        {
            throw new ArgumentException("--artifacts-once takes ours or wasmtime, not " + side);
        }

        var elapsed = total.Elapsed.TotalMilliseconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        if (result != expected) throw new InvalidOperationException($"{Function}(\"{argument}\") returned \"{result}\", expected \"{expected}\"");
        Console.WriteLine(string.Create(Inv, $"RESULT {load:0.0} {instantiate:0.0} {call:0.0} {elapsed:0.0} {cpu:0.0}"));
        return 0;
    }

    private static string Name(string side) => side == "ours" ? "WitSharp" : "Wasmtime 50.0.1";

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

    /// <summary>The first non-empty title-case call recorded in calls.json and its outcome in expected.json
    /// (the case `--componentize-js` uses).</summary>
    private static (string Argument, string Expected) Case()
    {
        var dir = Path.GetDirectoryName(Wasm)!;
        using var calls = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "calls.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var name = Interface + "#" + Function;
        var scenarios = calls.RootElement.GetProperty("scenarios").EnumerateArray().ToArray();
        var outcomes = expected.RootElement.GetProperty("scenarios").EnumerateArray().ToArray();
        for (var s = 0; s < scenarios.Length; s++)
        {
            var steps = scenarios[s].GetProperty("calls").EnumerateArray().ToArray();
            var results = outcomes[s].GetProperty("outcomes").EnumerateArray().ToArray();
            for (var i = 0; i < steps.Length; i++)
            {
                if (steps[i].GetProperty("call").GetString() != name) continue;
                var argument = steps[i].GetProperty("args")[0].GetString()!;
                if (argument.Length == 0) continue;
                return (argument, results[i].GetProperty("result").GetString()!);
            }
        }

        throw new InvalidOperationException("no " + name + " call in calls.json");
    }

    private static string Wasm
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, System.Environment.CurrentDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "components", "jstext", "jstext.wasm");
                    if (File.Exists(candidate)) return candidate;
                }
            }

            throw new FileNotFoundException("tests/fixtures/components/jstext/jstext.wasm not found above " + AppContext.BaseDirectory);
        }
    }
}
