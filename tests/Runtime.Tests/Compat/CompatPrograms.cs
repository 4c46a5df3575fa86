namespace WitSharp.Runtime.Tests.Compat;

/// <summary>Representative programs written against wasmtime-dotnet 50.0.1's core API, in the style of its
/// README, examples/ and tests/ (our own code). Each is a complete C# file with <c>using Wasmtime;</c> and a
/// <c>Program.Run()</c> that returns a transcript of everything observable, so the same program run on
/// Wasmtime (the oracle) and on WitSharp (after the namespace swap) can be compared line by line.</summary>
internal static class CompatPrograms
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["HelloHostFunction"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "hello", @"
                        (module
                          (func $hello (import """" ""hello""))
                          (func $log (import """" ""log"") (param i32))
                          (func (export ""run"") (call $hello) (call $log (i32.const 42))))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    linker.DefineFunction("", "hello", () => { log.AppendLine("hello from host"); });
                    linker.DefineFunction("", "log", (int v) => { log.AppendLine($"log {v}"); });
                    var instance = linker.Instantiate(store, module);
                    var run = instance.GetAction("run");
                    if (run is null) return "run missing";
                    run();
                    run();
                    log.AppendLine($"missing action is null: {instance.GetAction("nope") is null}");
                    return log.ToString();
                }
            }
            """"",

        ["TypedAndUntypedCalls"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "calls", @"
                        (module
                          (func (export ""add"") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                          (func (export ""mul64"") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
                          (func (export ""half"") (param f32) (result f32) (f32.div (local.get 0) (f32.const 2)))
                          (func (export ""sqrt"") (param f64) (result f64) (f64.sqrt (local.get 0)))
                          (func (export ""answer"") (result i32) (i32.const 42))
                          (func (export ""swap"") (param i32 i64) (result i64 i32) (local.get 1) (local.get 0)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var instance = linker.Instantiate(store, module);

                    var add = instance.GetFunction<int, int, int>("add")!;
                    log.AppendLine($"add {add(40, 2)} {add(int.MaxValue, 1)}");
                    var mul = instance.GetFunction<long, long, long>("mul64")!;
                    log.AppendLine($"mul64 {mul(1L << 40, 3)}");
                    var half = instance.GetFunction<float, float>("half")!;
                    log.AppendLine($"half {half(5f)}");
                    var sqrt = instance.GetFunction<double, double>("sqrt")!;
                    log.AppendLine($"sqrt {sqrt(2.0):R}");
                    var answer = instance.GetFunction<int>("answer")!;
                    log.AppendLine($"answer {answer()}");
                    log.AppendLine($"wrong signature is null: {instance.GetFunction<long, long>("add") is null}");
                    var swap = instance.GetFunction<int, long, (long, int)>("swap")!;
                    var (a, b) = swap(7, 9L);
                    log.AppendLine($"swap {a} {b}");

                    var untyped = instance.GetFunction("add")!;
                    log.AppendLine($"untyped params {string.Join(",", untyped.Parameters)} results {string.Join(",", untyped.Results)}");
                    var boxed = untyped.Invoke(20, 22);
                    log.AppendLine($"untyped add {boxed} ({boxed?.GetType().Name})");
                    var many = instance.GetFunction("swap")!.Invoke(1, 2L);
                    if (many is object[] values) log.AppendLine($"untyped swap {values[0]} {values[1]}");
                    log.AppendLine($"missing function is null: {instance.GetFunction("nope") is null}");
                    return log.ToString();
                }
            }
            """"",

        ["MemoryAccess"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "mem", @"
                        (module
                          (memory (export ""memory"") 1 4)
                          (data (i32.const 16) ""Hello, Wasm!\00"")
                          (func (export ""load"") (param i32) (result i32) (i32.load (local.get 0)))
                          (func (export ""store"") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
                          (func (export ""size"") (result i32) (memory.size)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var instance = linker.Instantiate(store, module);
                    var memory = instance.GetMemory("memory")!;

                    log.AppendLine($"min {memory.Minimum} max {memory.Maximum} size {memory.GetSize()} length {memory.GetLength()} is64 {memory.Is64Bit}");
                    log.AppendLine($"string '{memory.ReadString(16, 12)}'");
                    log.AppendLine($"nul-terminated '{memory.ReadNullTerminatedString(16)}'");
                    memory.WriteInt32(100, 0x12345678);
                    log.AppendLine($"guest load {instance.GetFunction<int, int>("load")!(100):X}");
                    instance.GetAction<int, int>("store")!(200, -7);
                    log.AppendLine($"host read {memory.ReadInt32(200)} byte {memory.ReadByte(200)}");
                    memory.WriteInt64(300, long.MinValue + 5);
                    log.AppendLine($"int64 {memory.ReadInt64(300)} int16 {memory.ReadInt16(300)}");
                    memory.WriteDouble(400, Math.PI);
                    memory.WriteSingle(408, 1.5f);
                    log.AppendLine($"double {memory.ReadDouble(400):R} single {memory.ReadSingle(408)}");
                    var written = memory.WriteString(500, "héllo");
                    log.AppendLine($"wrote {written} bytes, read '{memory.ReadString(500, written)}'");
                    var span = memory.GetSpan(16, 5);
                    span[0] = (byte)'J';
                    log.AppendLine($"span '{Encoding.UTF8.GetString(span)}' len {span.Length}");
                    var ints = memory.GetSpan<int>(100, 1);
                    log.AppendLine($"typed span {ints[0]:X}");
                    memory.Write(600, 0xCAFEBABEu);
                    log.AppendLine($"generic read {memory.Read<uint>(600):X}");
                    log.AppendLine($"grow returns {memory.Grow(2)}, size {memory.GetSize()} guest size {instance.GetFunction<int>("size")!()}");
                    try { memory.Grow(5); log.AppendLine("grow beyond max succeeded"); }
                    catch (Exception) { log.AppendLine("grow beyond max threw"); }
                    try { memory.ReadInt32(memory.GetLength() - 2); log.AppendLine("oob read succeeded"); }
                    catch (ArgumentException) { log.AppendLine("oob read threw ArgumentException"); }
                    return log.ToString();
                }
            }
            """"",

        ["Globals"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "globals", @"
                        (module
                          (global $host (import """" ""host"") (mut i64))
                          (global $counter (export ""counter"") (mut i32) (i32.const 10))
                          (global (export ""pi"") f64 (f64.const 3.25))
                          (func (export ""bump"") (result i32)
                            (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
                            (global.set $host (i64.add (global.get $host) (i64.const 100)))
                            (global.get $counter)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var host = new Global(store, ValueKind.Int64, 5L, Mutability.Mutable);
                    linker.Define("", "host", host);
                    var instance = linker.Instantiate(store, module);

                    var counter = instance.GetGlobal("counter")!;
                    log.AppendLine($"counter kind {counter.Kind} {counter.Mutability} value {counter.GetValue()}");
                    var bump = instance.GetFunction<int>("bump")!;
                    log.AppendLine($"bump {bump()} host {host.GetValue()}");
                    counter.SetValue(100);
                    log.AppendLine($"after set bump {bump()} value {counter.GetValue()}");
                    var pi = instance.GetGlobal("pi")!;
                    log.AppendLine($"pi {pi.Kind} {pi.Mutability} {pi.GetValue()}");
                    try { pi.SetValue(1.0); log.AppendLine("set immutable succeeded"); }
                    catch (Exception e) { log.AppendLine($"set immutable threw {e.GetType().Name}"); }
                    log.AppendLine($"missing global is null: {instance.GetGlobal("nope") is null}");
                    return log.ToString();
                }
            }
            """"",

        ["Tables"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "tables", @"
                        (module
                          (type $t (func (result i32)))
                          (table (export ""table"") 2 10 funcref)
                          (func $one (result i32) (i32.const 1))
                          (func $two (result i32) (i32.const 2))
                          (elem (i32.const 0) $one $two)
                          (func (export ""call"") (param i32) (result i32) (call_indirect (type $t) (local.get 0))))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var instance = linker.Instantiate(store, module);
                    var table = instance.GetTable("table")!;
                    var call = instance.GetFunction<int, int>("call")!;

                    log.AppendLine($"kind {table.Kind} min {table.Minimum} max {table.Maximum} size {table.GetSize()}");
                    log.AppendLine($"call {call(0)} {call(1)}");
                    var first = (Function)table.GetElement(0)!;
                    log.AppendLine($"element 0 invoke {first.Invoke()}");
                    var host = Function.FromCallback(store, () => 99);
                    log.AppendLine($"grow returns {table.Grow(3, host)} size {table.GetSize()}");
                    log.AppendLine($"call grown {call(4)}");
                    table.SetElement(0, host);
                    log.AppendLine($"call replaced {call(0)}");
                    table.SetElement(1, null);
                    try { call(1); log.AppendLine("null call succeeded"); }
                    catch (TrapException e) { log.AppendLine($"null call trap {e.Type}"); }
                    try { call(9); log.AppendLine("oob call succeeded"); }
                    catch (TrapException e) { log.AppendLine($"oob call trap {e.Type}"); }
                    var ext = new Table(store, TableKind.ExternRef, null, 1);
                    ext.SetElement(0, "payload");
                    log.AppendLine($"externref {ext.GetElement(0)} kind {ext.Kind}");
                    return log.ToString();
                }
            }
            """"",

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

        ["StoreDataAndUntypedCaller"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public sealed class Counter { public int Calls; }

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "caller", @"
                        (module
                          (import """" ""untyped"" (func $untyped (param i32 i64) (result i64)))
                          (memory (export ""memory"") 1)
                          (data (i32.const 8) ""from guest"")
                          (func (export ""run"") (result i64)
                            (call $untyped (i32.const 40) (i64.const 1000))))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine, new Counter());
                    log.AppendLine($"data type {store.GetData()?.GetType().Name}");
                    linker.DefineFunction("", "untyped",
                        (Caller caller, ReadOnlySpan<ValueBox> args, Span<ValueBox> results) =>
                        {
                            ((Counter)caller.GetData()!).Calls++;
                            log.AppendLine($"caller sees '{caller.GetMemory("memory")!.ReadString(8, 10)}'");
                            results[0] = args[0].AsInt32() + args[1].AsInt64();
                        },
                        new[] { ValueKind.Int32, ValueKind.Int64 }, new[] { ValueKind.Int64 });
                    var instance = linker.Instantiate(store, module);
                    log.AppendLine($"run {instance.GetFunction<long>("run")!()}");
                    log.AppendLine($"calls {((Counter)store.GetData()!).Calls}");
                    store.SetData("replaced");
                    log.AppendLine($"data {store.GetData()}");
                    return log.ToString();
                }
            }
            """"",

        ["TypedCallerCallbacks"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "caller", @"
                        (module
                          (import """" ""print"" (func $print (param i32 i32)))
                          (import """" ""double"" (func $double (param i32) (result i32)))
                          (memory (export ""memory"") 1)
                          (data (i32.const 8) ""from guest"")
                          (func (export ""run"") (result i32)
                            (call $print (i32.const 8) (i32.const 10))
                            (call $double (i32.const 21))))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine, 0);
                    linker.DefineFunction("", "print", (Caller caller, int address, int length) =>
                    {
                        caller.SetData((int)caller.GetData()! + 1);
                        log.AppendLine($"print '{caller.GetMemory("memory")!.ReadString(address, length)}'");
                    });
                    linker.Define("", "double", Function.FromCallback(store, (Caller caller, int x) =>
                    {
                        caller.SetData((int)caller.GetData()! + 1);
                        return x * 2;
                    }));
                    var instance = linker.Instantiate(store, module);
                    log.AppendLine($"run {instance.GetFunction<int>("run")!()} calls {store.GetData()}");
                    return log.ToString();
                }
            }
            """"",

        ["GlobalAccessor"] = """""
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "g", @"(module (global (export ""g"") (mut i32) (i32.const 3)))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var global = linker.Instantiate(store, module).GetGlobal("g")!;
                    var typed = global.Wrap<int>();
                    if (typed is not null) { typed.SetValue(7); log.AppendLine($"accessor {typed.GetValue()} {typed.Mutability} raw {global.GetValue()}"); }
                    log.AppendLine($"wrong accessor is null: {global.Wrap<long>() is null}");
                    return log.ToString();
                }
            }
            """"",

        ["TrapCodeNames"] = """""
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var module = Module.FromText(engine, "t", @"(module (func (export ""u"") unreachable))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    try { linker.Instantiate(store, module).GetAction("u")!(); }
                    catch (TrapException e) when (e.Type == TrapCode.Unreachable) { log.AppendLine("unreachable trap"); }
                    return log.ToString();
                }
            }
            """"",

        ["MultiMemory"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    try
                    {
                        using var module = Module.FromText(engine, "mm", @"
                            (module
                              (import ""env"" ""m"" (memory 1))
                              (memory (export ""mem"") 2)
                              (func (export ""sizes"") (result i32) (i32.add (memory.size 0) (memory.size 1))))");
                        using var linker = new Linker(engine);
                        using var store = new Store(engine);
                        linker.Define("env", "m", new Memory(store, 1));
                        log.AppendLine($"sizes {linker.Instantiate(store, module).GetFunction<int>("sizes")!()}");
                    }
                    catch (Exception) { log.AppendLine("rejected"); }
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

        ["ExceptionHierarchy"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    try { Module.FromText(engine, "bad", "(module (func (result i32)))"); }
                    catch (WasmtimeException) { log.AppendLine("invalid module: WasmtimeException"); }
                    using var module = Module.FromText(engine, "t", @"(module (import """" ""f"" (func)) (func (export ""u"") unreachable))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    try { linker.Instantiate(store, module); }
                    catch (WasmtimeException) { log.AppendLine("missing import: WasmtimeException"); }
                    linker.DefineFunction("", "f", () => { });
                    try { linker.Instantiate(store, module).GetAction("u")!(); }
                    catch (TrapException e) { log.AppendLine($"trap {e.Type}, is WasmtimeException {e is WasmtimeException}"); }
                    return log.ToString();
                }
            }
            """"",

        ["ModuleFromBytesAndMetadata"] = """""
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
                    // (module (func (export "seven") (result i32) i32.const 7)) in the binary format.
                    byte[] bytes =
                    {
                        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
                        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
                        0x03, 0x02, 0x01, 0x00,
                        0x07, 0x09, 0x01, 0x05, 0x73, 0x65, 0x76, 0x65, 0x6e, 0x00, 0x00,
                        0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0b,
                    };
                    using var binary = Module.FromBytes(engine, "seven", bytes);
                    log.AppendLine($"name {binary.Name} exports {string.Join(",", binary.Exports.Select(e => $"{e.Name}:{e.GetType().Name}"))}");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    log.AppendLine($"seven {linker.Instantiate(store, binary).GetFunction<int>("seven")!()}");

                    using var text = Module.FromText(engine, "meta", @"
                        (module
                          (import ""env"" ""f"" (func (param i32 f64) (result i64)))
                          (import ""env"" ""m"" (memory 1 2))
                          (import ""env"" ""g"" (global (mut f32)))
                          (import ""env"" ""t"" (table 3 funcref))
                          (func (export ""g"") (param i64) (result f32) (f32.const 0))
                          (global (export ""glob"") i32 (i32.const 1)))");
                    foreach (var import in text.Imports)
                    {
                        var detail = import switch
                        {
                            FunctionImport f => $"({string.Join(",", f.Parameters)}) -> ({string.Join(",", f.Results)})",
                            MemoryImport m => $"{m.Minimum}..{m.Maximum} 64:{m.Is64Bit}",
                            GlobalImport g => $"{g.Kind} {g.Mutability}",
                            TableImport t => $"{t.Kind} {t.Minimum}",
                            _ => "?",
                        };
                        log.AppendLine($"import {import.ModuleName}.{import.Name} {import.GetType().Name} {detail}");
                    }
                    foreach (var export in text.Exports)
                        log.AppendLine($"export {export.Name} {export.GetType().Name}");
                    try { Module.FromText(engine, "bad", "(module (func (result i32)))"); log.AppendLine("invalid accepted"); }
                    catch (Exception) { log.AppendLine("invalid rejected"); }
                    try { Module.FromBytes(engine, "junk", new byte[] { 1, 2, 3 }); log.AppendLine("junk accepted"); }
                    catch (Exception) { log.AppendLine("junk rejected"); }
                    return log.ToString();
                }
            }
            """"",
    };
}
