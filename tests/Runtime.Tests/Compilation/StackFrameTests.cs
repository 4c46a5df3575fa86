namespace WitSharp.Runtime.Tests.Compilation;

/// <summary>Functions with huge native frames must trap with <see cref="TrapCode.StackOverflow"/> instead of
/// overflowing the thread (the entry check runs after the JIT prologue allocates the frame, so large frames
/// are checked by a wrapper first; see FrameGuard). Each scenario runs on its own thread with an explicit
/// stack of 4 MiB, well beyond the 512 KiB budget, so the test host's own stack size does not matter.</summary>
public class StackFrameTests
{
    private static string Recursive(int locals, string type) => $$"""
        (module
          (func $r (export "r") (param i32) (result i32) (local {{string.Join(" ", Enumerable.Repeat(type, locals))}})
            local.get 0 i32.eqz if (result i32) i32.const 0
            else local.get 0 i32.const 1 i32.sub call $r i32.const 1 i32.add end)
          (func $sum (export "sum") (param i32) (result i32)
            local.get 0 i32.eqz if (result i32) i32.const 0
            else local.get 0 local.get 0 i32.const 1 i32.sub call $sum i32.add end))
        """;

    private static void OnBigThread(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { action(); }
            catch (Exception e) { failure = e; }
        }, 4 * 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException("scenario failed: " + failure);
    }

    [Theory]
    [InlineData(40_000, "v128", false)] // 640 KB of locals: one frame exceeds the whole 512 KiB budget
    [InlineData(49_999, "i64", false)]  // the validator's 50,000-local limit, about 400 KB
    [InlineData(30_000, "i64", true)]
    [InlineData(2_000, "v128", true)]
    public void Unbounded_recursion_with_a_huge_frame_traps_and_the_store_still_works(int locals, string type, bool oneFrameFits) => OnBigThread(() =>
    {
        var store = new Store(WasmFixture.Engine);
        var i = WasmFixture.Instantiate(Recursive(locals, type), store);
        var e = Assert.Throws<TrapException>(() => i.Call("r", 1_000_000_000));
        Assert.Equal(TrapCode.StackOverflow, e.Type);
        Assert.Equal("call stack exhausted", e.Reason);
        Assert.Equal(5050, i.Call("sum", 100));
        // Twice: the limit is reset by the next host→guest entry.
        Assert.Equal(TrapCode.StackOverflow, Assert.Throws<TrapException>(() => i.Call("r", 1_000_000_000)).Type);
        if (oneFrameFits) Assert.Equal(0, i.Call("r", 0));
        Assert.Equal(5050, i.Call("sum", 100));
    });

    [Fact]
    public void Moderately_large_frames_still_recurse_correctly() => OnBigThread(() =>
    {
        var i = WasmFixture.Instantiate(Recursive(2_000, "i64"));
        for (int depth = 0; depth <= 12; depth++) Assert.Equal(depth, i.Call("r", depth));
    });

    [Fact]
    public void A_frame_larger_than_the_budget_traps_on_the_first_call() => OnBigThread(() =>
    {
        var engine = new Engine(new Config().WithMaximumStackSize(128 * 1024));
        var i = WasmFixture.Instantiate(Recursive(20_000, "i64"), engine: engine);
        Assert.Equal(TrapCode.StackOverflow, Assert.Throws<TrapException>(() => i.Call("r", 0)).Type);
        Assert.Equal(5050, i.Call("sum", 100));
    });

    [Fact]
    public void Traps_through_a_wrapped_function_name_it_once_in_the_backtrace() => OnBigThread(() =>
    {
        var locals = string.Join(" ", Enumerable.Repeat("i64", 10_000));
        var i = WasmFixture.Instantiate($"(module (func $big (export \"big\") (local {locals}) unreachable))");
        var e = Assert.Throws<TrapException>(() => i.Call("big"));
        Assert.Equal(TrapCode.Unreachable, e.Type);
        Assert.Equal("big", string.Join(",", e.Frames!.Select(f => f.FunctionName)));
    });

    [Fact]
    public void Guest_stack_use_stays_within_the_budget_even_with_huge_frames() => OnBigThread(() =>
    {
        // A host function called from every level records the lowest stack address reached. Without the
        // pre-frame check a 240 KB frame is allocated below the limit before its entry check traps.
        const int budget = 512 * 1024;
        nuint lowest = nuint.MaxValue;
        var linker = new Linker(WasmFixture.Engine);
        linker.DefineFunction("env", "probe", () => { lowest = Math.Min(lowest, Here()); });
        var locals = string.Join(" ", Enumerable.Repeat("i64", 30_000));
        var i = WasmFixture.Instantiate($$"""
            (module (import "env" "probe" (func $probe))
              (func $r (export "r") (param i32) (result i32) (local {{locals}})
                call $probe
                local.get 0 i32.eqz if (result i32) i32.const 0
                else local.get 0 i32.const 1 i32.sub call $r i32.const 1 i32.add end))
            """, linker: linker);
        nuint entry = Here();
        Assert.Equal(TrapCode.StackOverflow, Assert.Throws<TrapException>(() => i.Call("r", 1_000_000)).Type);
        Assert.NotEqual(nuint.MaxValue, lowest);
        Assert.InRange((long)(entry - lowest), 0, budget + 64 * 1024);
    });

    private static unsafe nuint Here()
    {
        byte marker = 0;
        return (nuint)(&marker);
    }
}
