namespace WitSharp.Runtime.Tests.Compat;

// wasmtime-dotnet style programs: host functions, typed/untyped calls, memory, globals, tables.
internal static partial class CompatPrograms
{
    private static readonly IReadOnlyDictionary<string, string> Basics = new Dictionary<string, string>
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

    };
}
