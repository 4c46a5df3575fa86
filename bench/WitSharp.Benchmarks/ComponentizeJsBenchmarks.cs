using System.Diagnostics;
using System.Globalization;
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
    private const string Interface = JstextFirstCall.Interface;
    private const string Function = JstextFirstCall.Function;
    private const int Samples = 3;

    /// <summary>Parent: spawns <see cref="Samples"/> fresh processes per side and prints a markdown table.</summary>
    public static int Run()
    {
        var (argument, expected) = JstextFirstCall.Case();
        var self = typeof(ComponentizeJsBenchmarks).Assembly.Location;
        Console.WriteLine();
        Console.WriteLine($"### componentize-js: time to first call ({Path.GetFileName(JstextFirstCall.Wasm)}, {new FileInfo(JstextFirstCall.Wasm).Length / 1e6:0.0} MB; {Interface}#{Function}(\"{argument}\") = \"{expected}\")");
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

    /// <summary>Child: one sample of one side (compiling the .wasm).</summary>
    public static int Once(string side) => JstextFirstCall.Once(side, artifact: null);
}
