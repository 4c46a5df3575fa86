using System.Text;

namespace WitSharp.Runtime.Tests.Compat;

/// <summary>Linker.Clone, Linker.DefineUnknownImportsAsDefaultValues and Module.FromTextStream
/// (wasmtime-dotnet shapes).</summary>
public sealed class LinkerModuleCompatTests
{
    private const string Wat = """
        (module (import "env" "f" (func $f (param i32) (result i32 i64 f64)))
                (func (export "run") (result i32 i64 f64) i32.const 9 call $f))
        """;

    [Fact]
    public void Unknown_imports_as_default_values_return_zeros()
    {
        var engine = new Engine();
        var module = Module.FromText(engine, "m", Wat);
        var store = new Store(engine);
        var linker = new Linker(engine);
        Assert.Throws<LinkException>(() => linker.Instantiate(store, module));
        linker.DefineUnknownImportsAsDefaultValues(store, module);
        var results = (object[])linker.Instantiate(store, module).GetFunction("run")!.Invoke()!;
        Assert.Equal([0, 0L, 0d], results);
    }

    [Fact]
    public void Clone_copies_definitions_and_then_diverges()
    {
        var engine = new Engine();
        var module = Module.FromText(engine, "m", Wat);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "f", (int x) => (x + 1, 2L, 3.5));
        var clone = linker.Clone();
        clone.DefineFunction("env", "g", () => { });
        var results = (object[])clone.Instantiate(new Store(engine), module).GetFunction("run")!.Invoke()!;
        Assert.Equal([10, 2L, 3.5], results);
        linker.DefineFunction("env", "g", () => { }); // not defined in the original: no duplicate error
    }

    [Fact]
    public void FromTextStream_reads_wat()
    {
        var engine = new Engine();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""(module (func (export "k") (result i32) i32.const 7))"""));
        var module = Module.FromTextStream(engine, "s", stream);
        Assert.Equal(7, new Linker(engine).Instantiate(new Store(engine), module).GetFunction<int>("k")!());
    }
}

/// <summary>Linker.GetDefaultFunction (wasmtime's get_default).</summary>
public sealed class LinkerDefaultFunctionTests
{
    [Fact]
    public void Default_function_is_the_start_export_or_a_no_op()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        var command = Module.FromText(engine, "cmd", """
            (module (global $ran (export "ran") (mut i32) (i32.const 0))
                    (func (export "_start") i32.const 1 global.set $ran))
            """);
        var instance = linker.Instantiate(store, command);
        linker.DefineInstance(store, "cmd", instance);
        linker.GetDefaultFunction(store, "cmd").Invoke();
        Assert.Equal(1, instance.GetGlobal("ran")!.GetValue());
        Assert.Null(linker.GetDefaultFunction(store, "nothing-here").Invoke());
    }
}
