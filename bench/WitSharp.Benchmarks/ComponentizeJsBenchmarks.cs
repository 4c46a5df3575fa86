using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WTC = Wasmtime.Components;
#if WITSHARP_ENGINE
using WSC = WitSharp.Components;
#endif

namespace Benchmarks;

/// <summary>
/// `-- --componentize-js`: compile plus time to first call of the componentize-js component (issue 4 item 8's
/// last case) — tests/fixtures/components/jstext/jstext.wasm, 12.5 MB, StarlingMonkey built by
/// `jco componentize --disable all`. Every sample is a fresh process (`--componentize-js-once ours|wasmtime`),
/// so nothing is cached between samples: load/compile → instantiate → first call of the string export
/// `witsharp:jstext/text@0.1.0#title-case`, checked against the fixture's expected.json.
/// </summary>
internal static class ComponentizeJsBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Interface = "witsharp:jstext/text@0.1.0";
    private const string Function = "title-case";
    private const int Samples = 3;

    /// <summary>Parent: spawns <see cref="Samples"/> fresh processes per side and prints a markdown table.</summary>
    public static int Run()
    {
        var (argument, expected) = Case();
        var self = typeof(ComponentizeJsBenchmarks).Assembly.Location;
        Console.WriteLine();
        Console.WriteLine($"### componentize-js: time to first call ({Path.GetFileName(Wasm)}, {new FileInfo(Wasm).Length / 1e6:0.0} MB; {Interface}#{Function}(\"{argument}\") = \"{expected}\")");
        Console.WriteLine();
        Console.WriteLine("Per side, " + Samples + " fresh processes; ms best / median. `process wall` is the child's whole wall clock (runtime start-up included); the next four are wall clock measured inside it; `process CPU` is the child's CPU time over all its threads when the first result is back.");
        Console.WriteLine();
        var failures = 0;
        var sides = new List<string>();
#if WITSHARP_ENGINE
        sides.Add("ours");
#endif
        sides.Add("wasmtime");
        // Samples alternate between the sides so a change in the machine's load hits both alike.
        var rows = sides.ToDictionary(s => s, _ => new List<double[]>());
        for (var i = 0; i < Samples; i++)
        {
            foreach (var side in sides)
            {
                var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.ArgumentList.Add(self);
                psi.ArgumentList.Add("--componentize-js-once");
                psi.ArgumentList.Add(side);
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
                    failures++;
                    Console.WriteLine($"{side} sample {i + 1} FAILED (exit {p.ExitCode}): {(stderr + stdout).Trim().Split('\n').FirstOrDefault()}");
                    continue;
                }

                var f = line["RESULT ".Length..].Split(' ').Select(x => double.Parse(x, Inv)).ToArray();
                rows[side].Add([wall, .. f]);
            }
        }

        Console.WriteLine("| side | process wall | load + compile | instantiate | first call | compile → first call result | process CPU at first result |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var side in sides)
        {
            if (rows[side].Count == 0) continue;
            var cells = Enumerable.Range(0, rows[side][0].Length).Select(c =>
            {
                var column = rows[side].Select(r => r[c]).Order().ToArray();
                return string.Create(Inv, $"{column[0]:0} / {column[column.Length / 2]:0}");
            });
            Console.WriteLine($"| {(side == "ours" ? "WitSharp" : "Wasmtime 50.0.1")} | {string.Join(" | ", cells)} |");
        }

        return failures;
    }

    /// <summary>Child: one sample of one side; prints `RESULT compile instantiate firstCall total cpu` in ms.</summary>
    public static int Once(string side)
    {
        var (argument, expected) = Case();
        var total = Stopwatch.StartNew();
        double compile, instantiate, call;
        string result;
        if (side == "wasmtime")
        {
            var engine = new Wasmtime.Engine();
            // Wasmtime.Components has no FromFile; FromBytes over the file's bytes is the same work (read + compile).
            var component = WTC.Component.FromBytes(engine, File.ReadAllBytes(Wasm));
            compile = total.Elapsed.TotalMilliseconds;
            var instance = new WTC.ComponentLinker(engine).Instantiate(new Wasmtime.Store(engine), component);
            var function = instance.GetFunction(Interface, Function) ?? throw new InvalidOperationException("no export " + Function);
            instantiate = total.Elapsed.TotalMilliseconds - compile;
            result = function.Call(WTC.ComponentValue.String(argument))!.AsString();
            call = total.Elapsed.TotalMilliseconds - compile - instantiate;
        }
        else if (side == "ours")
        {
#if WITSHARP_ENGINE
            var engine = new WitSharp.Engine();
            var component = WSC.Component.FromFile(engine, Wasm);
            compile = total.Elapsed.TotalMilliseconds;
            var instance = new WSC.ComponentLinker(engine).Instantiate(new WitSharp.Store(engine), component);
            var function = instance.GetFunction(Interface, Function) ?? throw new InvalidOperationException("no export " + Function);
            instantiate = total.Elapsed.TotalMilliseconds - compile;
            result = function.Call(WSC.ComponentValue.String(argument))!.AsString();
            call = total.Elapsed.TotalMilliseconds - compile - instantiate;
#else
            throw new InvalidOperationException("build with -p:WitSharpEngine=true for the WitSharp side");
#endif
        }
        else
        {
            throw new ArgumentException("--componentize-js-once takes ours or wasmtime, not " + side);
        }

        var elapsed = total.Elapsed.TotalMilliseconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        if (result != expected) throw new InvalidOperationException($"{Function}(\"{argument}\") returned \"{result}\", expected \"{expected}\"");
        Console.WriteLine(string.Create(Inv, $"RESULT {compile:0.0} {instantiate:0.0} {call:0.0} {elapsed:0.0} {cpu:0.0}"));
        return 0;
    }

    /// <summary>The first title-case call recorded in calls.json and its outcome in expected.json (same order).</summary>
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
                if (argument.Length == 0) continue; // a non-empty string, so the call does real work
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
