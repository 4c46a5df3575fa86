using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Benchmarks;

/// <summary>
/// `-- --quick`: every case for a fixed short time, then markdown tables on stdout. Less rigorous
/// than BenchmarkDotNet (no outlier analysis, one process) but a full run takes about a minute,
/// which suits the 2-core machine. Reports the best time (least disturbed by other load) and the
/// median, plus the first call separately (it includes compilation in lazily compiling engines).
/// </summary>
internal static class QuickRunner
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var seconds = ReadOption(args, "--time", 1.0);
        var only = ReadOption(args, "--kernel", null);
        var sides = Sides.CreateAll(Console.Error);
        var failures = 0;
        try
        {
            Console.WriteLine(Environment());
            failures += Kernels(sides, seconds, only);
            if (only is null)
            {
                Calls(sides, seconds);
                Startup(sides, seconds);
                failures += WitBenchmarks.Quick(seconds);
            }
        }
        finally
        {
            foreach (var side in sides)
            {
                side.Dispose();
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static int Kernels(List<EngineSide> sides, double seconds, string? only)
    {
        var header = new StringBuilder("| kernel | n | checksum |");
        var rule = new StringBuilder("| --- | ---: | --- |");
        foreach (var side in sides)
        {
            header.Append(Inv, $" {side.Name} ms (best / median) | {side.Name} 1st call ms |");
            rule.Append(" ---: | ---: |");
        }

        var ratioNames = RatioColumns(sides);
        foreach (var (label, _, _) in ratioNames)
        {
            header.Append(Inv, $" {label} |");
            rule.Append(" ---: |");
        }

        Console.WriteLine();
        Console.WriteLine("### Kernels");
        Console.WriteLine();
        Console.WriteLine($"Times: {CpuClock.Description}, best and median of interleaved rounds; 1st call: wall time, includes lazy compilation.");
        Console.WriteLine();
        Console.WriteLine(header);
        Console.WriteLine(rule);
        var failures = 0;
        var logRatios = new double[ratioNames.Count];
        var ratioCounts = new int[ratioNames.Count];
        foreach (var kernel in KernelCatalog.All.Where(k => only is null || k.Name == only))
        {
            // Warm up each side once (the first call, timed separately), then interleave rounds so
            // every side sees the same background load.
            var best = new Dictionary<string, double>();
            var checksums = new List<string>();
            var calls = new List<(EngineSide Side, Func<int, int> F, List<double> Times, double First)>();
            var failed = new Dictionary<EngineSide, string>();
            foreach (var side in sides)
            {
                try
                {
                    var f = side.Kernel(kernel.Name) ?? throw new InvalidOperationException("export missing");
                    var result = 0;
                    var first = TimeWall(() => result = f(kernel.N));
                    checksums.Add($"{side.Name}={(uint)result:x8}");
                    calls.Add((side, f, [], first));
                }
                catch (Exception e)
                {
                    failures++;
                    failed[side] = Short(e);
                }
            }

            var budget = Stopwatch.StartNew();
            for (var round = 0; round < 50 && (round < 3 || budget.Elapsed.TotalSeconds < seconds * calls.Count); round++)
            {
                foreach (var (side, f, times, _) in calls)
                {
                    if (failed.ContainsKey(side))
                    {
                        continue;
                    }

                    try
                    {
                        times.Add(Time(() => f(kernel.N)));
                    }
                    catch (Exception e)
                    {
                        failures++;
                        failed[side] = Short(e);
                    }
                }
            }

            var cells = new StringBuilder();
            foreach (var side in sides)
            {
                var entry = calls.FirstOrDefault(c => c.Side == side);
                if (failed.TryGetValue(side, out var why))
                {
                    cells.Append(Inv, $" FAILED: {why} | — |");
                }
                else
                {
                    best[side.Name] = entry.Times.Min();
                    cells.Append(Inv, $" {Ms(entry.Times.Min())} / {Ms(Median(entry.Times))} | {Ms(entry.First)} |");
                }
            }

            var distinct = checksums.Select(c => c[(c.IndexOf('=') + 1)..]).Distinct().Count();
            var checksum = distinct <= 1 ? checksums.FirstOrDefault()?[(checksums[0].IndexOf('=') + 1)..] ?? "—"
                : "MISMATCH " + string.Join(", ", checksums);
            failures += distinct > 1 ? 1 : 0;
            for (var i = 0; i < ratioNames.Count; i++)
            {
                var (_, num, den) = ratioNames[i];
                if (best.TryGetValue(num, out var a) && best.TryGetValue(den, out var b))
                {
                    logRatios[i] += Math.Log(a / b);
                    ratioCounts[i]++;
                    cells.Append(Inv, $" {a / b:0.00}x |");
                }
                else
                {
                    cells.Append(" — |");
                }
            }

            Console.WriteLine($"| {kernel.Name} | {kernel.N} | {checksum} |{cells}");
        }

        var geo = new StringBuilder("| **geomean** | | |");
        foreach (var _ in sides)
        {
            geo.Append(" | |");
        }

        for (var i = 0; i < ratioNames.Count; i++)
        {
            geo.Append(ratioCounts[i] == 0 ? " — |" : string.Create(Inv, $" **{Math.Exp(logRatios[i] / ratioCounts[i]):0.00}x** |"));
        }

        Console.WriteLine(geo);
        return failures;
    }

    private static List<(string Label, string Numerator, string Denominator)> RatioColumns(List<EngineSide> sides)
    {
        var names = sides.Select(s => s.Name).ToHashSet();
        var ratios = new List<(string, string, string)>();
        void Add(string num, string den)
        {
            if (names.Contains(num) && names.Contains(den))
            {
                ratios.Add(($"{num}/{den}", num, den));
            }
        }

        Add("Wasmtime", "native");
        Add("WitSharp", "native");
        Add("WitSharp", "Wasmtime");
        return ratios;
    }

    private static void Calls(List<EngineSide> sides, double seconds)
    {
        const int Batch = 100_000;
        Console.WriteLine();
        Console.WriteLine($"### Boundary calls (ns per call, {CpuClock.Description}, best of repeated batches of 100,000)");
        Console.WriteLine();
        Console.WriteLine("| side | host→guest nop | host→guest add(i32,i32) | guest→host inc(i32) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var side in sides.Where(s => s.Nop is not null || s.CallHost is not null))
        {
            string Measure(Func<Action?> make)
            {
                try
                {
                    var body = make();
                    if (body is null)
                    {
                        return "—";
                    }

                    var times = Repeat(body, seconds / 3, minRuns: 5, maxRuns: 200);
                    return (times.Min() * 1e9 / Batch).ToString("0.0", Inv);
                }
                catch (Exception e)
                {
                    return "FAILED: " + Short(e);
                }
            }

            var nop = Measure(() => side.Nop is { } f ? () => { for (var i = 0; i < Batch; i++) { f(); } } : null);
            var add = Measure(() => side.Add is { } f ? () => { var acc = 0; for (var i = 0; i < Batch; i++) { acc = f(acc, i); } } : null);
            var host = Measure(() => side.CallHost is { } f ? () =>
            {
                if (f(Batch) != Batch)
                {
                    throw new InvalidOperationException("call_host returned a wrong count");
                }
            } : null);
            Console.WriteLine($"| {side.Name} | {nop} | {add} | {host} |");
        }
    }

    private static void Startup(List<EngineSide> sides, double seconds)
    {
        Console.WriteLine();
        Console.WriteLine("### Instantiation and compilation");
        Console.WriteLine();
        var kernels = File.ReadAllBytes(BenchFiles.KernelsWasm);
        var large = File.Exists(BenchFiles.LargeWasm) ? File.ReadAllBytes(BenchFiles.LargeWasm) : null;
        Console.WriteLine(string.Create(Inv,
            $"| side | instantiate calls.wasm µs (best / median) | compile kernels.wasm ({kernels.Length / 1024.0:0.0} KiB) ms | MiB/s | compile large.wasm ({(large?.Length ?? 0) / 1048576.0:0.00} MiB) ms | MiB/s |"));
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var side in sides.Where(s => s.InstantiateSmall is not null || s.Compile is not null))
        {
            var inst = "—";
            if (side.InstantiateSmall is { } instantiate)
            {
                try
                {
                    const int Batch = 100;
                    var times = Repeat(() => { for (var i = 0; i < Batch; i++) { instantiate(); } }, seconds / 2, 5, 500);
                    inst = string.Create(Inv, $"{times.Min() * 1e6 / Batch:0.0} / {Median(times) * 1e6 / Batch:0.0}");
                }
                catch (Exception e)
                {
                    inst = "FAILED: " + Short(e);
                }
            }

            string CompileCell(byte[]? bytes, int runs)
            {
                if (bytes is null || side.Compile is not { } compile)
                {
                    return "— | —";
                }

                try
                {
                    var times = Repeat(() => compile(bytes), seconds, 1, runs, wall: true);
                    var best = times.Min();
                    return string.Create(Inv, $"{Ms(best)} | {bytes.Length / 1048576.0 / best:0.00}");
                }
                catch (Exception e)
                {
                    return "FAILED: " + Short(e) + " | —";
                }
            }

            Console.WriteLine($"| {side.Name} | {inst} | {CompileCell(kernels, 50)} | {CompileCell(large, 3)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Instantiate: {CpuClock.Description}, new store included. Compile: wall time of Module.FromBytes (Wasmtime compiles on all cores; for WitSharp: what FromBytes does eagerly; its IL is JIT-compiled per function on first call).");
    }

    private static List<double> Repeat(Action body, double seconds, int minRuns, int maxRuns, bool wall = false)
    {
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < minRuns || (times.Count < maxRuns && total.Elapsed.TotalSeconds < seconds))
        {
            times.Add(wall ? TimeWall(body) : Time(body));
        }

        return times;
    }

    /// <summary>One run on <see cref="CpuClock"/> (thread CPU time on Linux).</summary>
    private static double Time(Action body)
    {
        var start = CpuClock.Now();
        body();
        return CpuClock.Now() - start;
    }

    /// <summary>Wall time: for work that may use other threads (Wasmtime compiles in parallel).</summary>
    private static double TimeWall(Action body)
    {
        var start = Stopwatch.GetTimestamp();
        body();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Ms(double seconds) => (seconds * 1000).ToString(seconds < 0.01 ? "0.00" : "0.0", Inv);

    private static string Short(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}".Replace("|", "/", StringComparison.Ordinal);

    private static double ReadOption(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], Inv) : fallback;
    }

    private static string? ReadOption(string[] args, string name, string? fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string Environment() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
        $"{System.Environment.ProcessorCount} logical CPUs, WitSharp engine built in: {Sides.WitSharpEnabled}";
}
