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
