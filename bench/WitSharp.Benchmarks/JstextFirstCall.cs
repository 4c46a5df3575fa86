using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WTC = Wasmtime.Components;
#if WITSHARP_ENGINE
using WSC = WitSharp.Components;
#endif

namespace Benchmarks;

/// <summary>The componentize-js fixture (tests/fixtures/components/jstext/jstext.wasm) as both time-to-first-call
/// benchmarks use it: the export called, the recorded case, and one fresh-process sample that loads the component
/// (compiling the .wasm, or deserializing an artifact), instantiates it and makes the first call.</summary>
internal static class JstextFirstCall
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const string Interface = "witsharp:jstext/text@0.1.0";
    public const string Function = "title-case";

    /// <summary>Child: one sample of one side; prints `RESULT load instantiate firstCall total cpu` in ms, where
    /// "load" is compiling <see cref="Wasm"/> when <paramref name="artifact"/> is null, else deserializing it;
    /// <paramref name="codeCache"/> is WitSharp's code cache directory for artifacts with native code.</summary>
    public static int Once(string side, string? artifact, string? codeCache = null)
    {
        var (argument, expected) = Case();
        var total = Stopwatch.StartNew();
        double load, instantiate, call;
        string result;
        if (side == "wasmtime")
        {
            var engine = new Wasmtime.Engine();
            // Wasmtime.Components has no FromFile; FromBytes over the file's bytes is the same work (read + compile).
            var component = artifact is null
                ? WTC.Component.FromBytes(engine, File.ReadAllBytes(Wasm))
                : WTC.Component.DeserializeFile(engine, artifact);
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
            var engine = new WitSharp.Engine(codeCache is null ? new WitSharp.Config() : new WitSharp.Config().WithCodeCacheDirectory(codeCache));
            var component = artifact is null ? WSC.Component.FromFile(engine, Wasm) : WSC.Component.DeserializeFile(engine, artifact);
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
            throw new ArgumentException("a first-call sample takes ours or wasmtime, not " + side);
        }

        var elapsed = total.Elapsed.TotalMilliseconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        if (result != expected) throw new InvalidOperationException($"{Function}(\"{argument}\") returned \"{result}\", expected \"{expected}\"");
        Console.WriteLine(string.Create(Inv, $"RESULT {load:0.0} {instantiate:0.0} {call:0.0} {elapsed:0.0} {cpu:0.0}"));
        return 0;
    }

    /// <summary>The first title-case call recorded in calls.json and its outcome in expected.json (same order).</summary>
    public static (string Argument, string Expected) Case()
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

    public static string Wasm
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
