namespace WitSharp.Runtime.Tests.Compilation;

public class CallAndTableTests
{
    private const string IndirectModule = """
        (module
          (type $ii (func (param i32) (result i32)))
          (type $v (func))
          (table $t (export "table") 4 funcref)
          (elem (i32.const 0) $double $inc $nop)
          (func $double (type $ii) local.get 0 i32.const 2 i32.mul)
          (func $inc (type $ii) local.get 0 i32.const 1 i32.add)
          (func $nop (type $v))
          (func (export "call") (param i32 i32) (result i32)
            local.get 1 local.get 0 call_indirect (type $ii))
          (func (export "size") (result i32) table.size $t)
          (func (export "grow") (param i32) (result i32) ref.null func local.get 0 table.grow $t)
          (func (export "isnull") (param i32) (result i32) local.get 0 table.get $t ref.is_null)
          (func (export "copy") (table.set $t (i32.const 3) (ref.func $inc))))
        """;

    [Fact]
    public void Call_indirect_dispatches_through_the_table()
    {
        var i = WasmFixture.Instantiate(IndirectModule);
        Assert.Equal(14, i.Call("call", 0, 7));
        Assert.Equal(8, i.Call("call", 1, 7));
    }

    [Fact]
    public void Call_indirect_traps_on_null_signature_and_bounds()
    {
        var i = WasmFixture.Instantiate(IndirectModule);
        var e = Assert.Throws<TrapException>(() => i.Call("call", 3, 1));
        Assert.Equal(TrapCode.IndirectCallToNull, e.Type);
        e = Assert.Throws<TrapException>(() => i.Call("call", 2, 1));
        Assert.Equal(TrapCode.BadSignature, e.Type);
        Assert.Equal("indirect call type mismatch", e.Reason);
        e = Assert.Throws<TrapException>(() => i.Call("call", 4, 1));
        Assert.Equal(TrapCode.TableOutOfBounds, e.Type);
        Assert.Equal("undefined element", e.Reason);
        e = Assert.Throws<TrapException>(() => i.Call("call", -1, 1));
        Assert.Equal(TrapCode.TableOutOfBounds, e.Type);
    }

    [Fact]
    public void Table_instructions_and_host_view_agree()
    {
        var store = new Store(WasmFixture.Engine);
        var i = WasmFixture.Instantiate(IndirectModule, store);
        Assert.Equal(4, i.Call("size"));
        Assert.Equal(1, i.Call("isnull", 3));
        i.Call("copy");
        Assert.Equal(0, i.Call("isnull", 3));
        Assert.Equal(9, i.Call("call", 3, 8));
        Assert.Equal(4, i.Call("grow", 2));
        Assert.Equal(6, i.Call("size"));
        var table = i.GetTable("table")!;
        Assert.Equal(6u, table.GetSize());
        var f = Assert.IsType<Function>(table.GetElement(0));
        Assert.Equal(10, f.Invoke(5));
        Assert.Null(table.GetElement(5));
        Assert.Equal(TrapCode.TableOutOfBounds, Assert.Throws<TrapException>(() => i.Call("isnull", 6)).Type);
    }

    [Fact]
    public void Host_functions_typed_and_untyped_are_called_from_wasm()
    {
        var store = new Store(WasmFixture.Engine);
        var linker = new Linker(WasmFixture.Engine);
        int seen = 0;
        linker.DefineFunction("env", "log", (int x) => { seen = x; });
        linker.DefineFunction("env", "mul", (long a, long b) => a * b);
        linker.DefineFunction("env", "pair", (int a) => (a, a + 1));
        linker.DefineFunction("env", "dyn", (Caller c, ReadOnlySpan<ValueBox> args, Span<ValueBox> results) =>
            results[0] = args[0].AsDouble() * 2, [ValueKind.Float64], [ValueKind.Float64]);
        var i = WasmFixture.Instantiate("""
            (module
              (import "env" "log" (func $log (param i32)))
              (import "env" "mul" (func $mul (param i64 i64) (result i64)))
              (import "env" "pair" (func $pair (param i32) (result i32 i32)))
              (import "env" "dyn" (func $dyn (param f64) (result f64)))
              (func (export "run") (result i64)
                i32.const 42 call $log
                i64.const 6 i64.const 7 call $mul)
              (func (export "pair") (result i32) i32.const 10 call $pair i32.add)
              (func (export "dyn") (param f64) (result f64) local.get 0 call $dyn))
            """, store, linker);
        Assert.Equal(42L, i.Call("run"));
        Assert.Equal(42, seen);
        Assert.Equal(21, i.Call("pair"));
        Assert.Equal(5.0, i.Call("dyn", 2.5));
    }

    [Fact]
    public void Instances_link_to_each_other_and_share_memory_and_globals()
    {
        var engine = WasmFixture.Engine;
        var store = new Store(engine);
        var linker = new Linker(engine);
        var a = WasmFixture.Instantiate("""
            (module
              (memory (export "mem") 1)
              (global (export "g") (mut i32) (i32.const 5))
              (func (export "get") (result i32) global.get 0)
              (func (export "load") (param i32) (result i32) local.get 0 i32.load))
            """, store, linker);
        linker.DefineInstance(store, "a", a);
        var b = WasmFixture.Instantiate("""
            (module
              (import "a" "mem" (memory 1))
              (import "a" "g" (global $g (mut i32)))
              (import "a" "get" (func $get (result i32)))
              (func (export "bump") (result i32)
                global.get $g i32.const 1 i32.add global.set $g
                i32.const 8 i32.const 1234 i32.store
                call $get))
            """, store, linker);
        Assert.Equal(6, b.Call("bump"));
        Assert.Equal(1234, a.Call("load", 8));
        Assert.Equal(6, a.GetGlobal("g")!.GetValue());
    }

    [Fact]
    public void Unknown_and_mismatched_imports_fail_to_link()
    {
        var engine = WasmFixture.Engine;
        var store = new Store(engine);
        var linker = new Linker(engine);
        const string wat = """(module (import "env" "f" (func (param i32))))""";
        var e = Assert.Throws<LinkException>(() => WasmFixture.Instantiate(wat, store, linker));
        Assert.Contains("unknown import", e.Message);
        linker.DefineFunction("env", "f", (long _) => { });
        e = Assert.Throws<LinkException>(() => WasmFixture.Instantiate(wat, store, linker));
        Assert.Contains("incompatible import type", e.Message);
    }

    [Fact]
    public void Unknown_imports_can_be_defined_as_traps()
    {
        var engine = WasmFixture.Engine;
        var store = new Store(engine);
        var linker = new Linker(engine);
        var module = Module.FromText(engine, "m", """
            (module (import "env" "f" (func $f)) (func (export "run") call $f))
            """);
        linker.DefineUnknownImportsAsTraps(module);
        var i = linker.Instantiate(store, module);
        Assert.Throws<WasmtimeException>(() => i.Call("run"));
    }
}
