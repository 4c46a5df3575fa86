using WitSharp.Runtime.Tests.Compilation;

namespace WitSharp.Runtime.Tests.Api;

public class PublicApiTests
{
    [Fact]
    public void Module_lists_imports_and_exports_with_types()
    {
        var module = Module.FromText(WasmFixture.Engine, "m", """
            (module
              (import "env" "f" (func (param i32 f64) (result i64)))
              (import "env" "mem" (memory 1 4))
              (import "env" "g" (global (mut f32)))
              (table (export "t") 2 funcref)
              (global (export "k") i64 (i64.const 1))
              (func (export "run") (param externref) (result funcref) ref.null func))
            """);
        var f = Assert.IsType<FunctionImport>(module.Imports[0]);
        Assert.Equal(("env", "f"), (f.ModuleName, f.Name));
        Assert.Equal([ValueKind.Int32, ValueKind.Float64], f.Parameters);
        Assert.Equal([ValueKind.Int64], f.Results);
        var m = Assert.IsType<MemoryImport>(module.Imports[1]);
        Assert.Equal((1L, (long?)4), (m.Minimum, m.Maximum));
        var g = Assert.IsType<GlobalImport>(module.Imports[2]);
        Assert.Equal((ValueKind.Float32, Mutability.Mutable), (g.Kind, g.Mutability));
        Assert.Equal(["t", "k", "run"], module.Exports.Select(e => e.Name));
        Assert.Equal(TableKind.FuncRef, Assert.IsType<TableExport>(module.Exports[0]).Kind);
        Assert.Equal([ValueKind.FuncRef], Assert.IsType<FunctionExport>(module.Exports[2]).Results);
    }

    [Fact]
    public void Serialized_modules_round_trip()
    {
        var module = Module.FromText(WasmFixture.Engine, "m", "(module (func (export \"f\") (result i32) i32.const 9))");
        var copy = Module.Deserialize(WasmFixture.Engine, "m2", module.Serialize());
        var i = new Linker(WasmFixture.Engine).Instantiate(new Store(WasmFixture.Engine), copy);
        Assert.Equal(9, i.GetFunction<int>("f")!());
        Assert.ThrowsAny<WasmtimeException>(() => Module.Deserialize(WasmFixture.Engine, "x", [0, 97, 115, 109, 1, 0, 0, 0]));
    }

    [Fact]
    public void Bad_input_raises_typed_exceptions()
    {
        Assert.Throws<MalformedException>(() => Module.FromBytes(WasmFixture.Engine, "m", [0, 1, 2, 3]));
        Assert.Throws<InvalidException>(() => Module.FromText(WasmFixture.Engine, "m", "(module (func (result i32)))"));
        Assert.NotNull(Module.Validate(WasmFixture.Engine, [0, 97, 115, 109, 2, 0, 0, 0]));
        Assert.Null(Module.Validate(WasmFixture.Engine, Module.ConvertText("(module)")));
    }

    [Fact]
    public void Typed_functions_convert_v128_funcref_and_externref()
    {
        var store = new Store(WasmFixture.Engine);
        var i = WasmFixture.Instantiate("""
            (module
              (func $id (export "id") (param i32) (result i32) local.get 0)
              (elem declare func $id)
              (func (export "vec") (param v128) (result v128) local.get 0)
              (func (export "ref") (result funcref) ref.func $id)
              (func (export "ext") (param externref) (result externref) local.get 0)
              (func (export "isnull") (param funcref) (result i32) local.get 0 ref.is_null))
            """, store);
        var v = new V128(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        Assert.Equal(v, i.GetFunction<V128, V128>("vec")!(v));
        var f = i.GetFunction<Function>("ref")!()!;
        Assert.Equal(7, f.Invoke(7));
        Assert.Equal("hello", i.GetFunction<string, string>("ext")!("hello"));
        Assert.Equal(0, i.GetFunction<Function, int>("isnull")!(f));
        Assert.Equal(1, i.GetFunction<Function?, int>("isnull")!(null));
        Assert.Null(i.GetFunction<long, long>("id"));
        Assert.Null(i.GetFunction<int, int>("missing"));
        Assert.Equal(v, i.GetFunction("vec")!.Invoke(v));
    }

    [Fact]
    public void Globals_tables_and_memories_created_by_the_host_are_imported()
    {
        var engine = WasmFixture.Engine;
        var store = new Store(engine);
        var linker = new Linker(engine);
        var global = new Global(store, ValueKind.Int64, 40L, Mutability.Mutable);
        var memory = new Memory(store, 1, 2);
        var table = new Table(store, TableKind.FuncRef, null, 2);
        var callback = Function.FromCallback(store, (int x) => x * 3);
        linker.Define("host", "g", global);
        linker.Define("host", "mem", memory);
        linker.Define("host", "tab", table);
        table.SetElement(1, callback);
        var i = WasmFixture.Instantiate("""
            (module
              (import "host" "g" (global $g (mut i64)))
              (import "host" "mem" (memory 1))
              (import "host" "tab" (table 2 funcref))
              (type $t (func (param i32) (result i32)))
              (func (export "bump") (result i64) global.get $g i64.const 2 i64.add global.set $g global.get $g)
              (func (export "peek") (result i32) i32.const 4 i32.load)
              (func (export "via") (param i32) (result i32) local.get 0 i32.const 1 call_indirect (type $t)))
            """, store, linker);
        Assert.Equal(42L, i.Call("bump"));
        Assert.Equal(42L, global.GetValue());
        global.SetValue(100L);
        Assert.Equal(102L, i.Call("bump"));
        memory.WriteInt32(4, 99);
        Assert.Equal(99, i.Call("peek"));
        Assert.Equal(1L, memory.Grow(1));
        Assert.Equal(2L * Memory.PageSize, memory.GetLength());
        Assert.Equal(15, i.Call("via", 5));
        Assert.Throws<InvalidOperationException>(() => new Global(store, ValueKind.Int32, 1, Mutability.Immutable).SetValue(2));
        Assert.Throws<WasmtimeException>(() => global.SetValue(1));
    }

    [Fact]
    public void Linker_rejects_duplicates_unless_shadowing_is_allowed()
    {
        var linker = new Linker(WasmFixture.Engine);
        linker.DefineFunction("a", "f", () => { });
        Assert.Throws<WasmtimeException>(() => linker.DefineFunction("a", "f", () => { }));
        linker.AllowShadowing = true;
        linker.DefineFunction("a", "f", () => { });
    }

    [Fact]
    public void Host_exceptions_propagate_and_the_store_stays_usable()
    {
        var store = new Store(WasmFixture.Engine);
        var linker = new Linker(WasmFixture.Engine);
        bool fail = true;
        linker.DefineFunction("env", "maybe", () => { if (fail) throw new InvalidOperationException("boom"); });
        var i = WasmFixture.Instantiate("""
            (module (import "env" "maybe" (func $m)) (func (export "run") (result i32) call $m i32.const 1))
            """, store, linker);
        // As in wasmtime-dotnet: a WasmtimeException carrying the host's exception as InnerException.
        var e = Assert.Throws<WasmtimeException>(() => i.Call("run"));
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(e.InnerException).Message);
        fail = false;
        Assert.Equal(1, i.Call("run"));
    }

    [Fact]
    public void Caller_exposes_the_calling_instance_memory()
    {
        var store = new Store(WasmFixture.Engine);
        var linker = new Linker(WasmFixture.Engine);
        int seen = 0;
        linker.DefineFunction("env", "peek", (Caller caller, ReadOnlySpan<ValueBox> args, Span<ValueBox> results) =>
            seen = caller.GetMemory("memory")!.ReadInt32(args[0].AsInt32()), [ValueKind.Int32], []);
        var i = WasmFixture.Instantiate("""
            (module (import "env" "peek" (func $p (param i32))) (memory (export "memory") 1)
              (func (export "run") i32.const 8 i32.const 77 i32.store i32.const 8 call $p))
            """, store, linker);
        i.GetAction("run")!();
        Assert.Equal(77, seen);
        var linker2 = new Linker(WasmFixture.Engine);
        linker2.DefineFunction("env", "peek", (Caller caller, int address) => { seen = caller.GetMemory("memory")!.ReadInt32(address) + 1; });
        var j = WasmFixture.Instantiate("""
            (module (import "env" "peek" (func $p (param i32))) (memory (export "memory") 1)
              (func (export "run") i32.const 8 i32.const 77 i32.store i32.const 8 call $p))
            """, store, linker2);
        j.GetAction("run")!();
        Assert.Equal(78, seen);
        seen = 0;
        i.Call("run");
        Assert.Equal(77, seen);
    }
}
