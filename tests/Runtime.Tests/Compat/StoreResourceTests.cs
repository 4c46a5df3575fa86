namespace WitSharp.Runtime.Tests.Compat;

/// <summary>Store.SetLimits, the epoch deadline callback, and wasmtime-style errors beyond what the
/// differential compat programs show.</summary>
public sealed class StoreResourceTests
{
    private const string Growable = """
        (module
          (memory (export "mem") 1)
          (table (export "t") 1 funcref)
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "size") (result i32) (memory.size)))
        """;

    [Fact]
    public void Limits_apply_to_future_growth_only()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, Module.FromText(engine, "m", Growable));
        var grow = instance.GetFunction<int, int>("grow")!;
        Assert.Equal(1, grow(2));                       // 3 pages, no limit yet
        store.SetLimits(memorySize: 2 * 65536);
        Assert.Equal(3, instance.GetFunction<int>("size")!());
        Assert.Equal(-1, grow(1));                      // already past the new limit: cannot grow
        Assert.Equal(3, grow(0));                       // growing by zero is not growing
        store.SetLimits(memorySize: null);
        Assert.Equal(3, grow(1));
    }

    [Fact]
    public void Host_created_tables_and_memories_respect_the_limits()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        store.SetLimits(memorySize: 65536, tableElements: 5);
        var e = Assert.Throws<WasmtimeException>(() => new Table(store, TableKind.FuncRef, null, 6));
        Assert.Equal("table minimum size of 6 elements exceeds table limits", e.Message);
        var table = new Table(store, TableKind.FuncRef, null, 5);
        Assert.Throws<WasmtimeException>(() => table.Grow(1, null));
        var memory = new Memory(store, 1);
        Assert.Equal("failed to grow memory by `1`", Assert.Throws<WasmtimeException>(() => memory.Grow(1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.SetLimits(memorySize: -1));
    }

    [Fact]
    public void Instance_counts_survive_new_limits()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var linker = new Linker(engine);
        var module = Module.FromText(engine, "m", Growable);
        linker.Instantiate(store, module);             // counted although no limit is set yet, as in wasmtime
        store.SetLimits(instances: 2);
        store.SetLimits(instances: 2, memories: 5);    // replacing the limits keeps the counts
        linker.Instantiate(store, module);
        var e = Assert.Throws<WasmtimeException>(() => linker.Instantiate(store, module));
        Assert.Equal("resource limit exceeded: instance count too high at 3", e.Message);
    }

    [Fact]
    public void Epoch_callback_extends_the_deadline_and_without_one_the_guest_traps()
    {
        var engine = new Engine(new Config().WithEpochInterruption(true));
        using var store = new Store(engine);
        var spin = new Linker(engine).Instantiate(store, Module.FromText(engine, "m", """
            (module (func (export "count") (param i32) (result i32) (local i32)
              (loop $l (local.set 1 (i32.add (local.get 1) (i32.const 1))) (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
              (local.get 1)))
            """)).GetFunction<int, int>("count")!;
        store.SetEpochDeadline(0);
        Assert.Equal(TrapCode.Interrupt, Assert.Throws<TrapException>(() => spin(10)).Type);
        int calls = 0;
        store.SetEpochDeadlineCallback(s =>
        {
            Assert.Same(store, s);
            calls++;
            engine.IncrementEpoch();
            return 0; // deadline = the new epoch: reached again at the next check
        });
        Assert.Equal(50, spin(50));
        Assert.True(calls >= 50, $"callback ran {calls} times");
        Assert.Throws<ArgumentNullException>(() => store.SetEpochDeadlineCallback(null!));
    }

    [Fact]
    public void Untyped_host_exceptions_are_wrapped_and_wasm_errors_pass_unchanged()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var linker = new Linker(engine);
        Exception toThrow = new FormatException("bad format");
        linker.DefineFunction("", "f", (Caller c, ReadOnlySpan<ValueBox> a, Span<ValueBox> r) => throw toThrow, [], []);
        var run = linker.Instantiate(store, Module.FromText(engine, "m", """
            (module $mod (import "" "f" (func $f)) (func $run (export "run") (call $f)))
            """)).GetAction("run")!;
        var e = Assert.Throws<WasmtimeException>(run);
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Equal("error while executing at wasm backtrace:\n    0: mod!run\n\nCaused by:\n    bad format\n", e.Message);
        toThrow = new TrapException("from the host");
        Assert.Same(toThrow, Assert.Throws<TrapException>(run));
    }

    [Fact]
    public void Backtraces_keep_the_innermost_20_frames_named_from_the_name_section()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, Module.FromText(engine, "m", """
            (module
              (func $down (export "down") (param i32)
                (if (i32.eqz (local.get 0)) (then unreachable))
                (call $down (i32.sub (local.get 0) (i32.const 1))))
              (func (export "anon") unreachable))
            """));
        var e = Assert.Throws<TrapException>(() => instance.GetAction<int>("down")!(100));
        Assert.Equal(20, e.Frames!.Count);
        Assert.All(e.Frames, f => Assert.Equal("down", f.FunctionName));
        Assert.Null(e.Frames[0].ModuleName);
        Assert.Equal("unreachable", e.Reason);
        Assert.EndsWith("\n\nCaused by:\n    wasm trap: wasm `unreachable` instruction executed\n", e.Message);
        var anon = Assert.Throws<TrapException>(() => instance.GetAction("anon")!());
        Assert.Null(anon.Frames![0].FunctionName);
        Assert.Contains("<unknown>!<wasm function 1>", anon.Message);
    }
}
