namespace WitSharp.Runtime.Tests.Compat;

// wasmtime-dotnet style programs: Caller delegate types, store limits, the epoch deadline callback and WASI.
internal static partial class CompatPrograms
{
    private static readonly IReadOnlyDictionary<string, string> Resources = new Dictionary<string, string>
    {
        ["CallerDelegateTypes"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "m", @"
                        (module
                          (import """" ""log"" (func $log (param i32)))
                          (import """" ""add"" (func $add (param i32 i32) (result i32)))
                          (import """" ""pair"" (func $pair (param i32) (result i32 i64)))
                          (import """" ""tick"" (func $tick))
                          (memory (export ""memory"") 1)
                          (func (export ""run"") (result i64) (local $a i32) (local $b i64)
                            (call $tick)
                            (call $log (call $add (i32.const 40) (i32.const 2)))
                            (call $pair (i32.const 5))
                            (local.set $b)
                            (local.set $a)
                            (i64.add (i64.extend_i32_u (local.get $a)) (local.get $b))))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine, "data");
                    CallerAction<int> logger = (caller, x) => log.AppendLine($"log {x} data {caller.GetData()}");
                    CallerFunc<int, int, int> adder = (caller, a, b) => a + b + (caller.GetMemory("memory") is null ? 100 : 0);
                    CallerAction ticker = caller => log.AppendLine($"tick fuel-less, memory {caller.GetMemory("memory")!.GetSize()}");
                    linker.DefineFunction("", "log", logger);
                    linker.Define("", "add", Function.FromCallback(store, adder));
                    linker.DefineFunction("", "pair", (Caller caller, int x) => (x * 2, (long)x * 3));
                    linker.DefineFunction("", "tick", ticker);
                    var instance = linker.Instantiate(store, module);
                    try { log.AppendLine($"run {instance.GetFunction<long>("run")!()}"); }
                    catch (Exception e) { log.AppendLine($"run failed: {e.GetType().Name}"); }
                    return log.ToString();
                }
            }
            """"",

        ["StoreLimits"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "m", @"
                        (module
                          (memory (export ""mem"") 1)
                          (table (export ""t"") 1 funcref)
                          (func (export ""grow"") (param i32) (result i32) (memory.grow (local.get 0)))
                          (func (export ""tgrow"") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))");
                    using var bigMemory = Module.FromText(engine, "b", "(module (memory 3))");
                    using var bigTable = Module.FromText(engine, "b", "(module (table 30 funcref))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    store.SetLimits(memorySize: 2 * 65536, tableElements: 20, instances: 3, tables: 2, memories: 2);
                    var instance = linker.Instantiate(store, module);
                    var grow = instance.GetFunction<int, int>("grow")!;
                    var tgrow = instance.GetFunction<int, int>("tgrow")!;
                    log.AppendLine($"memory.grow {grow(1)} then {grow(1)}; table.grow {tgrow(19)} then {tgrow(1)}");
                    void Probe(string label, Action action)
                    {
                        try { action(); log.AppendLine($"{label}: ok"); }
                        catch (WasmtimeException e) { log.AppendLine($"{label}: {e.GetType().Name}: {e.Message}"); }
                    }
                    Probe("Memory.Grow", () => instance.GetMemory("mem")!.Grow(1));
                    Probe("big memory", () => linker.Instantiate(store, bigMemory));
                    Probe("big table", () => linker.Instantiate(store, bigTable));
                    Probe("host memory", () => new Memory(store, 3));
                    Probe("second instance", () => linker.Instantiate(store, module));
                    Probe("third instance", () => linker.Instantiate(store, module));
                    return log.ToString();
                }
            }
            """"",

        ["EpochDeadlineCallback"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine(new Config().WithEpochInterruption(true));
                    using var module = Module.FromText(engine, "m", @"
                        (module
                          (global $g (mut i32) (i32.const 0))
                          (func (export ""spin"") (param i32) (result i32)
                            (loop $l
                              (global.set $g (i32.add (global.get $g) (i32.const 1)))
                              (br_if $l (i32.lt_u (global.get $g) (local.get 0))))
                            (global.get $g)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var spin = linker.Instantiate(store, module).GetFunction<int, int>("spin")!;
                    int calls = 0;
                    store.SetEpochDeadline(0);
                    store.SetEpochDeadlineCallback(s => { calls++; return calls < 3 ? 0UL : 1000UL; });
                    log.AppendLine($"extended: {spin(1000)} after {calls} callbacks");
                    store.SetEpochDeadline(0);
                    store.SetEpochDeadlineCallback(s => throw new InvalidOperationException("stop here"));
                    try { spin(2000); log.AppendLine("no interruption"); }
                    catch (Exception e)
                    {
                        log.AppendLine($"{e.GetType().Name}, inner {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
                        log.AppendLine($"  '{e.Message.Split('\n')[0]}' frames {(e as WasmtimeException)?.Frames?.Count}");
                    }
                    return log.ToString();
                }
            }
            """"",

        ["WasiCommand"] = """""
            using System;
            using System.IO;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "m", @"
                        (module
                          (import ""wasi_snapshot_preview1"" ""fd_write"" (func $fd_write (param i32 i32 i32 i32) (result i32)))
                          (import ""wasi_snapshot_preview1"" ""args_sizes_get"" (func $args_sizes_get (param i32 i32) (result i32)))
                          (import ""wasi_snapshot_preview1"" ""proc_exit"" (func $proc_exit (param i32)))
                          (memory (export ""memory"") 1)
                          (data (i32.const 16) ""hello wasi\n"")
                          (func $main (export ""_start"")
                            (i32.store (i32.const 0) (i32.const 16))
                            (i32.store (i32.const 4) (i32.const 11))
                            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                            (drop (call $args_sizes_get (i32.const 32) (i32.const 36)))
                            (call $proc_exit (i32.load (i32.const 32)))))");
                    using var linker = new Linker(engine);
                    linker.DefineWasi();
                    var stdout = Path.GetTempFileName();
                    using (var store = new Store(engine))
                    {
                        store.SetWasiConfiguration(new WasiConfiguration().WithArgs("a", "b", "c").WithStandardOutput(stdout));
                        var instance = linker.Instantiate(store, module);
                        try { instance.GetAction("_start")!(); log.AppendLine("returned"); }
                        catch (WasmtimeException e)
                        {
                            // (WitSharp throws a WasmtimeException subclass, WasiExitException; both are caught here.)
                            log.AppendLine($"trap {e is TrapException}, exit code {e.ExitCode}: {e.Message.Split('\n')[0]}");
                            log.AppendLine($"frames {e.Frames?.Count} first {e.Frames?[0].FunctionName}");
                        }
                    }
                    log.Append("stdout: ").Append(File.ReadAllText(stdout));
                    File.Delete(stdout);
                    return log.ToString();
                }
            }
            """"",
    };
}
