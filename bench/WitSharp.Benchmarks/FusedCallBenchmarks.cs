using System.Diagnostics;
using System.Globalization;
using WTC = Wasmtime.Components;
#if WITSHARP_ENGINE
using WSC = WitSharp.Components;
#endif

namespace Benchmarks;

/// <summary>
/// `-- --fused`: component-to-component calls through fused adapters (issue 4 item 2) on
/// bench/components/fused.wat. The caller component's core code calls the callee's exports in a loop (each
/// `run-*` export takes an iteration count), so the figure is the adapter itself — caller's flat values or memory
/// to the callee's, the callee's core function, the result back, post-return — not a host call. Sides: WitSharp's
/// direct adapter (Adapters/: copy plan, no ComponentValue), WitSharp's dynamic adapter (lift into ComponentValue,
/// lower from it; forced with LoweredFunction.DynamicOnly at instantiation, the "before"), and Wasmtime 50.0.1
/// (compiled fused adapters). ns per call on thread CPU time, best and median of repeated batches.
/// </summary>
internal static class FusedCallBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // (case, export, iterations per batch, result per iteration)
    private static readonly (string Name, string Export, uint Iterations, uint PerCall)[] Cases =
    [
        ("nop (no params, no result)", "run-nop", 1000, 1),
        ("add(u32, u32) -> u32", "run-add", 1000, 3),
        ("string 16 B ASCII, utf8 → utf8", "run-string-short", 200, 16),
        ("string 1 KiB ASCII, utf8 → utf8", "run-string", 200, 1024),
        ("string 1 KiB (\"é\" x 512), utf8 → utf16", "run-string16", 200, 512),
        ("list<u8> 64 KiB", "run-bytes", 10, 65536),
        ("record {string, u32, f64} echo", "run-record", 200, 48),
    ];

    public static int Quick(double seconds)
    {
        var text = File.ReadAllText(FusedWat);
        Console.WriteLine();
        Console.WriteLine($"### Component → component calls (fused adapters), ns per call, {CpuClock.Description}, best / median");
        Console.WriteLine();
        var sides = new List<(string Name, Func<string, uint, uint> Make)>();
#if WITSHARP_ENGINE
        sides.Add(("WitSharp direct", WitSharpSide(text, dynamic: false)));
        sides.Add(("WitSharp dynamic (ComponentValue)", WitSharpSide(text, dynamic: true)));
#endif
        sides.Add(("Wasmtime", WasmtimeSide(text)));
        // WITSHARP_FUSED_SIDES=direct (a substring of the column names, case-insensitive) keeps only matching sides.
        if (Environment.GetEnvironmentVariable("WITSHARP_FUSED_SIDES") is { Length: > 0 } keep)
            sides.RemoveAll(s => !s.Name.Contains(keep, StringComparison.OrdinalIgnoreCase));
        Console.WriteLine("| case | " + string.Join(" | ", sides.Select(s => s.Name)) + " |");
        Console.WriteLine("| --- |" + string.Concat(sides.Select(_ => " ---: |")));
        int failures = 0;
        // WITSHARP_FUSED_CASES=run-nop,run-add (exports, comma-separated) runs only those rows, e.g. under perf.
        var only = Environment.GetEnvironmentVariable("WITSHARP_FUSED_CASES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var (name, export, iterations, perCall) in Cases)
        {
            if (only is { Length: > 0 } && !only.Contains(export)) continue;
            var cells = new List<string>();
            foreach (var side in sides)
            {
                try
                {
                    uint expected = unchecked(iterations * perCall);
                    Action body = () =>
                    {
                        uint got = side.Make(export, iterations);
                        if (got != expected) throw new InvalidOperationException($"{export}: got {got}, expected {expected}");
                    };
                    JitWarmUp.Run(body, 0.3, 0.3, 10); // at least 0.3 s, then until no method was JIT-compiled for 0.3 s
                    var times = ComponentBenchmarks.Repeat(body, seconds);
                    double best = times.Min() * 1e9 / iterations, median = times.Order().ElementAt(times.Count / 2) * 1e9 / iterations;
                    cells.Add($"{Ns(best)} / {Ns(median)}");
                }
                catch (Exception e)
                {
                    failures++;
                    cells.Add("FAILED: " + e.Message.Split('\n')[0].Replace("|", "/", StringComparison.Ordinal));
                }
            }
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
        return failures;
    }

#if WITSHARP_ENGINE
    private static Func<string, uint, uint> WitSharpSide(string text, bool dynamic)
    {
        var engine = new WitSharp.Engine();
        var component = WSC.Component.FromText(engine, text);
        var store = new WitSharp.Store(engine);
        WSC.ComponentInstance instance;
        WSC.LoweredFunction.DynamicOnly = dynamic;
        try
        {
            instance = new WSC.ComponentLinker(engine).Instantiate(store, component);
        }
        finally
        {
            WSC.LoweredFunction.DynamicOnly = false;
        }
        var functions = Cases.ToDictionary(c => c.Export, c => instance.GetFunction(c.Export) ?? throw new InvalidOperationException("no export " + c.Export));
        return (export, n) => functions[export].Call(WSC.ComponentValue.U32(n))!.AsU32();
    }
#endif

    private static Func<string, uint, uint> WasmtimeSide(string text)
    {
        var engine = new Wasmtime.Engine();
        var component = WTC.Component.FromText(engine, text);
        var instance = new WTC.ComponentLinker(engine).Instantiate(new Wasmtime.Store(engine), component);
        var functions = Cases.ToDictionary(c => c.Export, c => instance.GetFunction(c.Export) ?? throw new InvalidOperationException("no export " + c.Export));
        return (export, n) => functions[export].Call([WTC.ComponentValue.U32(n)])!.AsU32();
    }

    private static string Ns(double ns) => ns.ToString(ns < 100 ? "0.0" : "0", Inv);

    private static string FusedWat
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "bench", "components", "fused.wat");
                    if (File.Exists(candidate)) return candidate;
                }
            }
            throw new FileNotFoundException("bench/components/fused.wat not found above " + AppContext.BaseDirectory);
        }
    }
}
