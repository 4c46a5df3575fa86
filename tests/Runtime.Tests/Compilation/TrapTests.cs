namespace WitSharp.Runtime.Tests.Compilation;

public class TrapTests
{
    [Fact]
    public void Trap_carries_code_and_named_backtrace()
    {
        // Debug info keeps every wasm frame (RyuJIT may otherwise inline $inner into $outer).
        var engine = new Engine(new Config().WithDebugInfo(true));
        var i = WasmFixture.Instantiate("""
            (module
              (func $inner (export "inner") (param i32) (result i32) local.get 0 i32.const 0 i32.div_s)
              (func $outer (export "outer") (param i32) (result i32) local.get 0 call $inner))
            """, engine: engine);
        var e = Assert.Throws<TrapException>(() => i.Call("outer", 1));
        Assert.Equal(TrapCode.IntegerDivisionByZero, e.Type);
        Assert.Equal("integer divide by zero", e.Reason);
        Assert.Equal("inner,outer", string.Join(",", e.Frames!.Select(f => f.FunctionName)));
    }

    [Fact]
    public void Unreachable_traps()
    {
        var i = WasmFixture.Instantiate("""(module (func (export "u") unreachable))""");
        Assert.Equal(TrapCode.Unreachable, Assert.Throws<TrapException>(() => i.Call("u")).Type);
    }

    [Fact]
    public void Deep_recursion_traps_with_stack_overflow_and_the_store_still_works()
    {
        var store = new Store(WasmFixture.Engine);
        var i = WasmFixture.Instantiate("""
            (module
              (func $r (export "r") (param i64) (result i64)
                local.get 0 i64.eqz if (result i64) i64.const 0
                else local.get 0 i64.const 1 i64.sub call $r i64.const 1 i64.add end)
              (func $loop (export "loop") call $loop))
            """, store);
        var e = Assert.Throws<TrapException>(() => i.Call("loop"));
        Assert.Equal(TrapCode.StackOverflow, e.Type);
        Assert.Equal("call stack exhausted", e.Reason);
        Assert.Equal(1000L, i.Call("r", 1000L));
        Assert.Equal(TrapCode.StackOverflow, Assert.Throws<TrapException>(() => i.Call("r", 100_000_000L)).Type);
        var typed = i.GetFunction<long, long>("r")!;
        Assert.Equal(500L, typed(500));
    }

    [Fact]
    public void Start_function_trap_fails_instantiation()
    {
        var e = Assert.Throws<TrapException>(() => WasmFixture.Instantiate("""
            (module (func $s unreachable) (start $s))
            """));
        Assert.Equal(TrapCode.Unreachable, e.Type);
    }
}
