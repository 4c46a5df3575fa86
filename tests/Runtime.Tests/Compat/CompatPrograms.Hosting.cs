namespace WitSharp.Runtime.Tests.Compat;

// wasmtime-dotnet style programs: store data, Caller, linking, module loading and metadata.
internal static partial class CompatPrograms
{
    private static readonly IReadOnlyDictionary<string, string> Hosting = new Dictionary<string, string>
    {
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

        ["LinkingInstances"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var lib = Module.FromText(engine, "lib", @"
                        (module
                          (memory (export ""memory"") 1)
                          (global (export ""base"") i32 (i32.const 100))
                          (func (export ""twice"") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))");
                    using var app = Module.FromText(engine, "app", @"
                        (module
                          (import ""lib"" ""twice"" (func $twice (param i32) (result i32)))
                          (import ""lib"" ""memory"" (memory 1))
                          (import ""lib"" ""base"" (global $base i32))
                          (func (export ""run"") (result i32)
                            (i32.store (i32.const 0) (call $twice (global.get $base)))
                            (i32.load (i32.const 0))))");
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    var libInstance = linker.Instantiate(store, lib);
                    linker.DefineInstance(store, "lib", libInstance);
                    var appInstance = linker.Instantiate(store, app);
                    log.AppendLine($"run {appInstance.GetFunction<int>("run")!()}");
                    log.AppendLine($"shared memory {libInstance.GetMemory("memory")!.ReadInt32(0)}");
                    try { linker.DefineFunction("lib", "twice", (int x) => x); log.AppendLine("redefinition accepted"); }
                    catch (Exception) { log.AppendLine("redefinition rejected"); }
                    linker.AllowShadowing = true;
                    linker.DefineFunction("lib", "twice", (int x) => x * 3);
                    log.AppendLine($"shadowed run {linker.Instantiate(store, app).GetFunction<int>("run")!()}");
                    using var needsMissing = Module.FromText(engine, "m", @"(module (import ""x"" ""y"" (func)) (func (export ""go"") (call 0)))");
                    linker.DefineUnknownImportsAsTraps(needsMissing);
                    var go = linker.Instantiate(store, needsMissing).GetAction("go")!;
                    try { go(); log.AppendLine("no failure"); }
                    catch (Exception) { log.AppendLine("unknown import fails when called"); }
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
