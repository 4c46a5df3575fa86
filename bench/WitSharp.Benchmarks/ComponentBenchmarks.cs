using System.Diagnostics;
using System.Globalization;
using System.Text;
using WTC = Wasmtime.Components;
#if WITSHARP_ENGINE
using WitSharp.Components;
using WSC = WitSharp.Components;
#endif

namespace Benchmarks;

/// <summary>
/// `-- --components`: component-model boundary costs (issue 4 item 8) on bench/components/bench.wat, side by side:
/// WitSharp typed (TypedComponentFunction), WitSharp dynamic (ComponentFunction.Call with ComponentValue) and
/// Wasmtime 50.0.1's Wasmtime.Components (dynamic ComponentValue, the only call path it has). Arguments are built
/// once per case on every side, so the figures are the call itself (lowering, the core call, lifting,
/// post-return), not the caller's construction of values. ns per call on thread CPU time, best and median of
/// repeated batches.
/// </summary>
internal static class ComponentBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Case(string Name, int Batch, Dictionary<string, Func<Action>> Sides);

    public static int Quick(double seconds, bool instantiateOnly = false)
    {
        var text = File.ReadAllText(BenchWat);
        if (instantiateOnly) return Instantiation(new WasmtimeComponents(text), text, seconds);
        var cases = new List<Case>();
        var sideNames = new List<string>();
        var failures = 0;
        var wasmtime = new WasmtimeComponents(text);
        sideNames.Add("WitSharp typed");
        sideNames.Add("WitSharp dynamic");
        sideNames.Add("Wasmtime dynamic");
#if WITSHARP_ENGINE
        var ours = new WitSharpComponents(text);
#endif
        foreach (var (name, batch) in CaseList)
        {
            var sides = new Dictionary<string, Func<Action>>();
#if WITSHARP_ENGINE
            sides["WitSharp typed"] = () => ours.Typed(name, batch);
            sides["WitSharp dynamic"] = () => ours.Dynamic(name, batch);
#endif
            // The Wasmtime.Components adapter below has no resource case (handles not wired up): WitSharp only.
            if (!name.StartsWith("resource", StringComparison.Ordinal))
                sides["Wasmtime dynamic"] = () => wasmtime.Dynamic(name, batch);
            cases.Add(new Case(name, batch, sides));
        }

        Console.WriteLine();
        Console.WriteLine($"### Components: boundary calls (ns per call, {CpuClock.Description}, best / median of repeated batches)");
        Console.WriteLine();
        Console.WriteLine(Environment());
        Console.WriteLine();
        Console.WriteLine("| case | " + string.Join(" | ", sideNames) + " | Wasmtime / WitSharp typed |");
        Console.WriteLine("| --- |" + string.Concat(sideNames.Select(_ => " ---: |")) + " ---: |");
        foreach (var c in cases)
        {
            var cells = new List<string>();
            var best = new Dictionary<string, double>();
            foreach (var side in sideNames)
            {
                if (!c.Sides.TryGetValue(side, out var make))
                {
                    cells.Add("—");
                    continue;
                }

                try
                {
                    var body = make();
                    // Warm-up (and the correctness check inside each body): long enough for tiered compilation to
                    // finish its background tier-1 work, which the loaded machine delays.
                    var warm = Stopwatch.StartNew();
                    do body(); while (warm.Elapsed.TotalSeconds < 0.3);
                    var times = Repeat(body, seconds / 3);
                    best[side] = times.Min() * 1e9 / c.Batch;
                    cells.Add(string.Create(Inv, $"{Ns(best[side])} / {Ns(Median(times) * 1e9 / c.Batch)}"));
                }
                catch (Exception e)
                {
                    failures++;
                    cells.Add("FAILED: " + Short(e));
                }
            }

            var ratio = best.TryGetValue("Wasmtime dynamic", out var w) && best.TryGetValue("WitSharp typed", out var t)
                ? string.Create(Inv, $"{w / t:0.0}x") : "—";
            Console.WriteLine($"| {c.Name} | {string.Join(" | ", cells)} | {ratio} |");
        }

        failures += Instantiation(wasmtime, text, seconds);
        return failures;
    }

    /// <summary>The cases: name and calls per timed batch.</summary>
    private static readonly (string Name, int Batch)[] CaseList =
    [
        ("nop", 10_000),
        ("(u32,u64)->f32", 10_000),
        ("string param 16 B ASCII", 10_000),
        ("string param 16 B non-ASCII", 10_000),
        ("string param 1 KiB ASCII", 2_000),
        ("string param 1 KiB non-ASCII", 2_000),
        ("string param 64 KiB ASCII", 50),
        ("string param 64 KiB non-ASCII", 50),
        ("string echo 1 KiB", 2_000),
        ("list<u8> 1 KiB", 2_000),
        ("list<u8> 64 KiB", 50),
        ("record echo {string, u32, f64}", 10_000),
        ("variant echo", 10_000),
        ("resource new + borrow call + drop", 10_000),
    ];

    /// <summary>Strings of about the given UTF-8 size; non-ASCII ones mix 2-, 3- and 4-byte sequences.</summary>
    internal static string MakeString(string name)
    {
        int bytes = name.Contains("64 KiB", StringComparison.Ordinal) ? 65536 : name.Contains("1 KiB", StringComparison.Ordinal) ? 1024 : 16;
        if (!name.Contains("non-ASCII", StringComparison.Ordinal)) return new string('a', bytes);
        var sb = new StringBuilder();
        const string unit = "aé€😀"; // 1 + 2 + 3 + 4 = 10 UTF-8 bytes
        while (Encoding.UTF8.GetByteCount(sb.ToString()) + 10 <= bytes) sb.Append(unit);
        return sb.ToString();
    }

    internal static byte[] MakeBytes(string name) =>
        [.. Enumerable.Range(0, name.Contains("64 KiB", StringComparison.Ordinal) ? 65536 : 1024).Select(i => (byte)i)];

    private static int Instantiation(WasmtimeComponents wasmtime, string text, double seconds)
    {
        Console.WriteLine();
        Console.WriteLine($"### Components: instantiation and compilation of bench.wat ({CpuClock.Description} for instantiation, wall for compile)");
        Console.WriteLine();
        Console.WriteLine("| side | instantiate µs (best / median, new store included) | compile (FromText) ms, best |");
        Console.WriteLine("| --- | ---: | ---: |");
        var failures = 0;
        var rows = new List<(string, Action, Action)>();
#if WITSHARP_ENGINE
        var engine = new WitSharp.Engine();
        var component = WSC.Component.FromText(engine, text);
        var linker = new WSC.ComponentLinker(engine);
        var pre = linker.InstantiatePre(component);
        rows.Add(("WitSharp", () => linker.Instantiate(new WitSharp.Store(engine), component), () => WSC.Component.FromText(new WitSharp.Engine(), text)));
        rows.Add(("WitSharp (InstantiatePre)", () => pre.Instantiate(new WitSharp.Store(engine)), () => { }));
#endif
        rows.Add(("Wasmtime", wasmtime.Instantiate, () => WTC.Component.FromText(new Wasmtime.Engine(), text).Dispose()));
        foreach (var (name, instantiate, compile) in rows)
        {
            try
            {
                const int Batch = 20;
                // At least 1 s, then until no method was compiled for 0.5 s (at most 15 s): see JitWarmUp.
                JitWarmUp.Run(instantiate, 1.0, 0.5, 15);
                var times = Repeat(() => { for (var i = 0; i < Batch; i++) instantiate(); }, seconds / 2);
                var compileTimes = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    compile();
                    compileTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                Console.WriteLine(string.Create(Inv,
                    $"| {name} | {times.Min() * 1e6 / Batch:0.0} / {Median(times) * 1e6 / Batch:0.0} | {(name.Contains("Pre", StringComparison.Ordinal) ? "—" : compileTimes.Min().ToString("0.00", Inv))} |"));
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"| {name} | FAILED: {Short(e)} | — |");
            }
        }

        return failures;
    }

    private static string BenchWat
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, System.Environment.CurrentDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "bench", "components", "bench.wat");
                    if (File.Exists(candidate)) return candidate;
                }
            }

            throw new FileNotFoundException("bench/components/bench.wat not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Thread-CPU times of <paramref name="body"/>: at least 5, at most 300 runs, for about <paramref name="seconds"/>.</summary>
    internal static List<double> Repeat(Action body, double seconds)
    {
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (times.Count < 300 && total.Elapsed.TotalSeconds < seconds))
        {
            var start = CpuClock.Now();
            body();
            times.Add(CpuClock.Now() - start);
        }

        return times;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ns(double ns) => ns.ToString(ns < 100 ? "0.0" : "0", Inv);

    private static string Short(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}".Replace("|", "/", StringComparison.Ordinal);

    private static string Environment() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
        $"{System.Environment.ProcessorCount} logical CPUs, load average {LoadAverage()}";

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    internal static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException("wrong result: " + what);
    }
}

/// <summary>Wasmtime.Components side: one instance, dynamic calls with prebuilt ComponentValue arguments.</summary>
internal sealed class WasmtimeComponents
{
    private readonly Wasmtime.Engine _engine = new();
    private readonly WTC.Component _component;
    private readonly WTC.ComponentLinker _linker;
    private readonly WTC.ComponentInstance _instance;

    public WasmtimeComponents(string text)
    {
        _component = WTC.Component.FromText(_engine, text);
        _linker = new WTC.ComponentLinker(_engine);
        _instance = _linker.Instantiate(new Wasmtime.Store(_engine), _component);
    }

    public void Instantiate() => _linker.Instantiate(new Wasmtime.Store(_engine), _component);

    private WTC.ComponentFunction F(string name) => _instance.GetFunction(name) ?? throw new InvalidOperationException("no export " + name);

    public Action Dynamic(string name, int batch)
    {
        if (name == "nop")
        {
            var f = F("nop");
            return () => { for (var i = 0; i < batch; i++) f.Call(); };
        }

        if (name.StartsWith("(u32", StringComparison.Ordinal))
        {
            var f = F("mix");
            var args = new[] { WTC.ComponentValue.U32(1), WTC.ComponentValue.U64(2) };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsF32() == 3f, name); };
        }

        if (name.StartsWith("string param", StringComparison.Ordinal))
        {
            var f = F("string-len");
            var s = ComponentBenchmarks.MakeString(name);
            var args = new[] { WTC.ComponentValue.String(s) };
            var len = (uint)Encoding.UTF8.GetByteCount(s);
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsU32() == len, name); };
        }

        if (name.StartsWith("string echo", StringComparison.Ordinal))
        {
            var f = F("string-echo");
            var s = ComponentBenchmarks.MakeString(name);
            var args = new[] { WTC.ComponentValue.String(s) };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsString().Length == s.Length, name); };
        }

        if (name.StartsWith("list<u8>", StringComparison.Ordinal))
        {
            var f = F("bytes-len");
            var bytes = ComponentBenchmarks.MakeBytes(name);
            var args = new[] { WTC.ComponentValue.List(bytes.Select(WTC.ComponentValue.U8).ToArray()) };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsU32() == bytes.Length, name); };
        }

        if (name.StartsWith("record", StringComparison.Ordinal))
        {
            var f = F("echo-person");
            var args = new[]
            {
                WTC.ComponentValue.Record(
                [
                    new("name", WTC.ComponentValue.String("Ada Lovelace")),
                    new("age", WTC.ComponentValue.U32(36)),
                    new("score", WTC.ComponentValue.F64(99.5)),
                ]),
            };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsRecord().Count == 3, name); };
        }

        var g = F("echo-shape");
        var shape = new[] { WTC.ComponentValue.Variant("rect", WTC.ComponentValue.Tuple([WTC.ComponentValue.F32(2), WTC.ComponentValue.F32(3)])) };
        return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(g.Call(shape)!.Kind == WTC.ComponentValueKind.Variant, name); };
    }
}

#if WITSHARP_ENGINE
/// <summary>WitSharp side: typed functions (TypedComponentFunction) and the dynamic ComponentValue path on one instance.</summary>
internal sealed class WitSharpComponents
{
    private readonly WitSharp.Engine _engine = new();
    private readonly WitSharp.Store _store;
    private readonly WSC.ComponentInstance _instance;

    public WitSharpComponents(string text)
    {
        var component = WSC.Component.FromText(_engine, text);
        _store = new WitSharp.Store(_engine);
        _instance = new WSC.ComponentLinker(_engine).Instantiate(_store, component);
    }

    private TypedComponentFunction<TP, TR> T<TP, TR>(string name) =>
        _instance.GetTypedFunction<TP, TR>(name) ?? throw new InvalidOperationException("no export " + name);

    private WSC.ComponentFunction F(string name) => _instance.GetFunction(name) ?? throw new InvalidOperationException("no export " + name);

    public Action Typed(string name, int batch)
    {
        if (name == "nop")
        {
            var f = T<ValueTuple, ValueTuple>("nop");
            return () => { for (var i = 0; i < batch; i++) f.Call(default); };
        }

        if (name.StartsWith("(u32", StringComparison.Ordinal))
        {
            var f = T<(uint, ulong), float>("mix");
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call((1, 2)) == 3f, name); };
        }

        if (name.StartsWith("string param", StringComparison.Ordinal))
        {
            var f = T<string, uint>("string-len");
            var s = ComponentBenchmarks.MakeString(name);
            var len = (uint)Encoding.UTF8.GetByteCount(s);
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(s) == len, name); };
        }

        if (name.StartsWith("string echo", StringComparison.Ordinal))
        {
            var f = T<string, string>("string-echo");
            var s = ComponentBenchmarks.MakeString(name);
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(s).Length == s.Length, name); };
        }

        if (name.StartsWith("list<u8>", StringComparison.Ordinal))
        {
            var f = T<byte[], uint>("bytes-len");
            var bytes = ComponentBenchmarks.MakeBytes(name);
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(bytes) == bytes.Length, name); };
        }

        if (name.StartsWith("record", StringComparison.Ordinal))
        {
            var f = T<Person, Person>("echo-person");
            var p = new Person("Ada Lovelace", 36, 99.5);
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(p).Age == 36, name); };
        }

        if (name.StartsWith("resource", StringComparison.Ordinal))
        {
            // One iteration: res-new (own<res> lifted), res-rep (borrow lowered, borrow scope), host drop (guest dtor).
            var make = T<uint, ResourceAny>("res-new");
            var rep = T<ResourceAny, uint>("res-rep");
            return () =>
            {
                for (var i = 0; i < batch; i++)
                {
                    var r = make.Call(7);
                    ComponentBenchmarks.Check(rep.Call(r) == 7, name);
                    r.ResourceDrop(_store);
                }
            };
        }

        var g = T<Shape, Shape>("echo-shape");
        var shape = new Shape.Rect(2, 3);
        return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(g.Call(shape) is Shape.Rect, name); };
    }

    public Action Dynamic(string name, int batch)
    {
        if (name == "nop")
        {
            var f = F("nop");
            return () => { for (var i = 0; i < batch; i++) f.Call(); };
        }

        if (name.StartsWith("(u32", StringComparison.Ordinal))
        {
            var f = F("mix");
            var args = new[] { WSC.ComponentValue.U32(1), WSC.ComponentValue.U64(2) };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsF32() == 3f, name); };
        }

        if (name.StartsWith("string param", StringComparison.Ordinal))
        {
            var f = F("string-len");
            var s = ComponentBenchmarks.MakeString(name);
            var args = new[] { WSC.ComponentValue.String(s) };
            var len = (uint)Encoding.UTF8.GetByteCount(s);
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsU32() == len, name); };
        }

        if (name.StartsWith("string echo", StringComparison.Ordinal))
        {
            var f = F("string-echo");
            var s = ComponentBenchmarks.MakeString(name);
            var args = new[] { WSC.ComponentValue.String(s) };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsString().Length == s.Length, name); };
        }

        if (name.StartsWith("list<u8>", StringComparison.Ordinal))
        {
            var f = F("bytes-len");
            var bytes = ComponentBenchmarks.MakeBytes(name);
            var args = new[] { WSC.ComponentValue.List(bytes.Select(WSC.ComponentValue.U8).ToArray()) };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsU32() == bytes.Length, name); };
        }

        if (name.StartsWith("record", StringComparison.Ordinal))
        {
            var f = F("echo-person");
            var args = new[]
            {
                WSC.ComponentValue.Record(("name", WSC.ComponentValue.String("Ada Lovelace")), ("age", WSC.ComponentValue.U32(36)), ("score", WSC.ComponentValue.F64(99.5))),
            };
            return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(f.Call(args)!.AsRecord().Count == 3, name); };
        }

        if (name.StartsWith("resource", StringComparison.Ordinal))
        {
            var make = F("res-new");
            var rep = F("res-rep");
            var args = new[] { WSC.ComponentValue.U32(7) };
            return () =>
            {
                for (var i = 0; i < batch; i++)
                {
                    var r = make.Call(args)!.AsResource();
                    ComponentBenchmarks.Check(rep.Call(WSC.ComponentValue.Borrow(r))!.AsU32() == 7, name);
                    r.ResourceDrop(_store);
                }
            };
        }

        var g = F("echo-shape");
        var shape = new[] { WSC.ComponentValue.Variant("rect", WSC.ComponentValue.Tuple(WSC.ComponentValue.F32(2), WSC.ComponentValue.F32(3))) };
        return () => { for (var i = 0; i < batch; i++) ComponentBenchmarks.Check(g.Call(shape)!.Kind == WSC.ComponentValueKind.Variant, name); };
    }
}
#endif
