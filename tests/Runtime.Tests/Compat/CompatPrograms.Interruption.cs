namespace WitSharp.Runtime.Tests.Compat;

// wasmtime-dotnet style programs: traps, trap messages, host exceptions, fuel and epoch interruption.
internal static partial class CompatPrograms
{
    private static readonly IReadOnlyDictionary<string, string> Interruption = new Dictionary<string, string>
    {
        ["Traps"] = """""
            using System;
            using System.Linq;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "traps", @"
                        (module
                          (memory 1)
                          (func $inner (export ""unreachable"") unreachable)
                          (func $outer (export ""nested"") (call $inner))
                          (func (export ""div"") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
                          (func (export ""oob"") (result i32) (i32.load (i32.const 70000)))
                          (func (export ""trunc"") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
                          (func $rec (export ""recurse"") (call $rec)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var instance = linker.Instantiate(store, module);

                    void Probe(string label, Action action)
                    {
                        try { action(); log.AppendLine($"{label}: no trap"); }
                        catch (TrapException e)
                        {
                            log.AppendLine($"{label}: {e.Type}");
                            log.AppendLine($"  frames {e.Frames?.Count} first {e.Frames?.FirstOrDefault()?.FunctionName}");
                        }
                    }
                    Probe("unreachable", () => instance.GetAction("unreachable")!());
                    Probe("nested", () => instance.GetAction("nested")!());
                    Probe("div0", () => instance.GetFunction<int, int, int>("div")!(1, 0));
                    Probe("overflow", () => instance.GetFunction<int, int, int>("div")!(int.MinValue, -1));
                    Probe("oob", () => instance.GetFunction<int>("oob")!());
                    Probe("trunc", () => instance.GetFunction<double, int>("trunc")!(double.NaN));
                    Probe("recurse", () => instance.GetAction("recurse")!());
                    Probe("untyped", () => instance.GetFunction("div")!.Invoke(5, 0));
                    log.AppendLine($"still usable: {instance.GetFunction<int, int, int>("div")!(9, 3)}");
                    return log.ToString();
                }
            }
            """"",

        ["TrapMessagesAndHostExceptions"] = """""
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
                          (import """" ""boom"" (func $boom))
                          (func (export ""div"") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                          (func (export ""u"") unreachable)
                          (func (export ""callBoom"") (call $boom)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    linker.DefineFunction("", "boom", () => { throw new InvalidOperationException("host says no"); });
                    var instance = linker.Instantiate(store, module);
                    try { instance.GetFunction<int, int>("div")!(0); }
                    catch (TrapException e) { log.AppendLine($"div: '{e.Message.Split('\n')[0]}'"); }
                    try { instance.GetAction("u")!(); }
                    catch (TrapException e) { log.AppendLine($"u: '{e.Message.Split('\n')[0]}'"); }
                    try { instance.GetAction("callBoom")!(); log.AppendLine("no exception"); }
                    catch (Exception e)
                    {
                        log.AppendLine($"host exception surfaces as {e.GetType().Name}: '{e.Message.Split('\n')[0]}'");
                        log.AppendLine($"  inner {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
                    }
                    return log.ToString();
                }
            }
            """"",

        ["Fuel"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine(new Config().WithFuelConsumption(true));
                    using var module = Module.FromText(engine, "fuel", @"
                        (module
                          (func (export ""spin"") (loop $l (br $l)))
                          (func (export ""count"") (param i32) (result i32) (local i32)
                            (block $done (loop $l
                              (br_if $done (i32.ge_u (local.get 1) (local.get 0)))
                              (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                              (br $l)))
                            (local.get 1)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    log.AppendLine($"initial fuel {store.Fuel}");
                    store.Fuel = 10_000;
                    var instance = linker.Instantiate(store, module);
                    var count = instance.GetFunction<int, int>("count")!;
                    log.AppendLine($"count {count(10)}, fuel left below start: {store.Fuel < 10_000}, some left: {store.Fuel > 0}");
                    try { instance.GetAction("spin")!(); log.AppendLine("spin returned"); }
                    catch (TrapException e) { log.AppendLine($"spin trapped {e.Type}"); }
                    log.AppendLine($"fuel after exhaustion {store.Fuel}");
                    store.Fuel = 1_000_000;
                    log.AppendLine($"refuelled count {count(1000)}");
                    return log.ToString();
                }
            }
            """"",

        ["FuelExactAccounting"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine(new Config().WithFuelConsumption(true));
                    using var module = Module.FromText(engine, "fuel", @"
                        (module
                          (func (export ""count"") (param i32) (result i32) (local i32)
                            (block $done (loop $l
                              (br_if $done (i32.ge_u (local.get 1) (local.get 0)))
                              (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                              (br $l)))
                            (local.get 1)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    store.Fuel = 100_000;
                    var instance = linker.Instantiate(store, module);
                    var count = instance.GetFunction<int, int>("count")!;
                    foreach (var n in new[] { 0, 1, 10, 100 })
                    {
                        var before = store.Fuel;
                        count(n);
                        log.AppendLine($"count({n}) consumed {before - store.Fuel}");
                    }
                    return log.ToString();
                }
            }
            """"",

        ["EpochInterruption"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine(new Config().WithEpochInterruption(true));
                    using var module = Module.FromText(engine, "epoch", @"
                        (module
                          (func $tick (import """" ""tick""))
                          (func (export ""spin"") (loop $l (call $tick) (br $l)))
                          (func (export ""quick"") (result i32) (i32.const 5)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var ticks = 0;
                    linker.DefineFunction("", "tick", () => { if (++ticks == 50) engine.IncrementEpoch(); });
                    store.SetEpochDeadline(1);
                    var instance = linker.Instantiate(store, module);
                    log.AppendLine($"quick {instance.GetFunction<int>("quick")!()}");
                    try { instance.GetAction("spin")!(); log.AppendLine("spin returned"); }
                    catch (TrapException e) { log.AppendLine($"spin trapped {e.Type} after at least 50 ticks: {ticks >= 50}"); }
                    store.SetEpochDeadline(10);
                    log.AppendLine($"after new deadline quick {instance.GetFunction<int>("quick")!()}");
                    return log.ToString();
                }
            }
            """"",

    };
}
