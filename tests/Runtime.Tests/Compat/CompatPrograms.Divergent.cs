namespace WitSharp.Runtime.Tests.Compat;

// wasmtime-dotnet style programs that isolate one known difference each (see CompatGaps).
internal static partial class CompatPrograms
{
    private static readonly IReadOnlyDictionary<string, string> Divergent = new Dictionary<string, string>
    {
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

        ["UnknownImportTrapType"] = """""
            using System;
            using System.Text;
            using Wasmtime;

            public static class Program
            {
                public static string Run()
                {
                    var log = new StringBuilder();
                    using var engine = new Engine();
                    using var linker = new Linker(engine);
                    using var store = new Store(engine);
                    using var module = Module.FromText(engine, "m", @"(module (import ""x"" ""y"" (func)) (func (export ""go"") (call 0)))");
                    linker.DefineUnknownImportsAsTraps(module);
                    try { linker.Instantiate(store, module).GetAction("go")!(); log.AppendLine("no failure"); }
                    catch (TrapException e) { log.AppendLine($"TrapException {e.Type}"); }
                    catch (Exception e) { log.AppendLine($"not a TrapException: {e.GetType().Name}"); }
                    return log.ToString();
                }
            }
            """"",

    };
}
