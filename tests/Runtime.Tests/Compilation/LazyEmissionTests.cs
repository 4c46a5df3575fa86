using System.Text;
using WitSharp.Core.Compilation;

namespace WitSharp.Runtime.Tests.Compilation;

/// <summary>Lazy emission (LazyModule): a module's functions are emitted chunk by chunk when compiled code first
/// needs them — through a direct call, a table, an export or the start function — and the code behaves as if
/// everything had been emitted up front, also when several threads need uncreated chunks at once.</summary>
public sealed class LazyEmissionTests
{
    private const int Functions = 8 * LazyModule.ChunkSize;

    /// <summary>An engine that emits every module lazily, whatever its size.</summary>
    private static Engine LazyEngine(bool debugInfo = false)
    {
        var engine = new Engine(new Config().WithDebugInfo(debugInfo));
        engine.CodeGen.LazyThreshold = 0;
        return engine;
    }

    /// <summary><c>$f{k}</c> returns k·10 + (the value of <c>$f{k+1}</c> if k is a multiple of 7, else 0), so a
    /// call's result shows which bodies ran; exports <c>f{k}</c> for some k, a table with a few functions, and
    /// <c>call_indirect</c> through it.</summary>
    private static string ChainModule(params int[] exported)
    {
        var wat = new StringBuilder("(module (type $r (func (result i32))) (type $p (func (param i32) (result i32)))\n");
        wat.Append($"(table {Functions} funcref) (elem (i32.const 0) $f{Functions - 5} $f{Functions - 3} $p0)\n");
        for (int k = 0; k < Functions; k++)
        {
            wat.Append($"(func $f{k} (type $r) i32.const {k * 10}");
            if (k % 7 == 0 && k + 1 < Functions) wat.Append($" call $f{k + 1} i32.add");
            wat.Append(")\n");
        }
        wat.Append("(func $p0 (type $p) local.get 0)\n");
        wat.Append("(func (export \"indirect\") (param i32) (result i32) local.get 0 call_indirect (type $r))\n");
        wat.Append("(func (export \"indirect-p\") (param i32 i32) (result i32) local.get 1 local.get 0 call_indirect (type $p))\n");
        foreach (int k in exported) wat.Append($"(export \"f{k}\" (func $f{k}))\n");
        wat.Append(')');
        return wat.ToString();
    }

    private static LazyModule LazyOf(Module module) =>
        module.Compiled.Lazy ?? throw new InvalidOperationException("the module was emitted eagerly");

    [Fact]
    public void Functions_are_emitted_only_when_code_that_calls_them_is_compiled()
    {
        var engine = LazyEngine();
        var module = Module.FromText(engine, "chain", ChainModule(14, 100));
        var lazy = LazyOf(module);
        Assert.Equal(0, lazy.CreatedChunks);
        var instance = new Linker(engine).Instantiate(new Store(engine), module);
        Assert.Equal(0, lazy.CreatedChunks);

        // f14 (chunk 0) calls f15; nothing else is needed.
        Assert.Equal(140 + 150, instance.GetFunction("f14")!.Invoke());
        Assert.True(lazy.IsCompiled(14));
        Assert.False(lazy.IsCompiled(100));
        Assert.False(lazy.IsCompiled(Functions - 1));
        int afterFirst = lazy.CreatedChunks;
        Assert.Equal(1, afterFirst);

        // 100 is not a multiple of 7, so f100 calls nothing: its chunk alone.
        Assert.Equal(1000, instance.GetFunction("f100")!.Invoke());
        Assert.True(lazy.IsCompiled(100));
        Assert.Equal(afterFirst + 1, lazy.CreatedChunks);
        Assert.True(lazy.CreatedChunks < lazy.ChunkCount);
    }

    [Fact]
    public void A_direct_call_across_chunks_creates_the_callees_chunk()
    {
        // f63 (the last of chunk 3) calls f64 (the first of chunk 4).
        Assert.Equal(0, 64 % LazyModule.ChunkSize);
        var engine = LazyEngine();
        var module = Module.FromText(engine, "chain", ChainModule(63));
        var lazy = LazyOf(module);
        var instance = new Linker(engine).Instantiate(new Store(engine), module);
        Assert.Equal(630 + 640, instance.GetFunction("f63")!.Invoke());
        Assert.True(lazy.IsCompiled(63));
        Assert.True(lazy.IsCompiled(64));
        Assert.Equal(2, lazy.CreatedChunks);
    }

    [Fact]
    public void A_table_call_creates_the_chunk_of_its_target_and_keeps_signature_checks()
    {
        var engine = LazyEngine();
        var module = Module.FromText(engine, "chain", ChainModule());
        var lazy = LazyOf(module);
        var instance = new Linker(engine).Instantiate(new Store(engine), module);
        int target = Functions - 5;
        Assert.False(lazy.IsCompiled(target));
        Assert.Equal(target * 10, instance.GetFunction("indirect")!.Invoke(0));
        Assert.True(lazy.IsCompiled(target));
        Assert.False(lazy.IsCompiled(0));

        // Slot 1 holds f(n−3), of type $r: calling it as $p traps with the usual signature check; slot 2 holds
        // $p0, of type $p; slot 3 is null.
        var asP = instance.GetFunction("indirect-p")!;
        Assert.Equal(TrapCode.BadSignature, Assert.Throws<TrapException>(() => asP.Invoke(1, 0)).Type);
        Assert.Equal(42, asP.Invoke(2, 42));
        Assert.Equal(TrapCode.IndirectCallToNull, Assert.Throws<TrapException>(() => instance.GetFunction("indirect")!.Invoke(3)).Type);
    }

    [Fact]
    public void Traps_in_lazily_emitted_functions_have_backtraces()
    {
        // Debug info keeps every wasm frame (no inlining), so the whole chain shows.
        var engine = LazyEngine(debugInfo: true);
        var wat = new StringBuilder("(module\n");
        for (int k = 0; k < Functions; k++) wat.Append($"(func $g{k} (result i32) i32.const {k})\n");
        wat.Append("(func $deep (result i32) unreachable)\n");
        wat.Append("(func $mid (result i32) call $deep)\n");
        wat.Append("(func (export \"top\") (result i32) call $mid))");
        var module = Module.FromText(engine, "traps", wat.ToString());
        Assert.NotNull(module.Compiled.Lazy);
        var instance = new Linker(engine).Instantiate(new Store(engine), module);
        var e = Assert.Throws<TrapException>(() => instance.GetFunction("top")!.Invoke());
        Assert.Equal(TrapCode.Unreachable, e.Type);
        Assert.Equal("deep,mid,", string.Join(",", e.Frames!.Select(f => f.FunctionName)));
    }

    [Fact]
    public void The_start_function_and_instances_sharing_a_module_work_lazily()
    {
        var engine = LazyEngine();
        var wat = new StringBuilder("(module (global $g (mut i32) (i32.const 0))\n");
        for (int k = 0; k < Functions; k++) wat.Append($"(func $h{k} (result i32) i32.const {k})\n");
        wat.Append($"(func $start (global.set $g (i32.add (call $h{Functions - 1}) (i32.const 1))))\n");
        wat.Append("(start $start)\n");
        wat.Append("(func (export \"g\") (result i32) global.get $g))");
        var module = Module.FromText(engine, "start", wat.ToString());
        var linker = new Linker(engine);
        var a = linker.Instantiate(new Store(engine), module);
        var b = linker.Instantiate(new Store(engine), module);
        Assert.Equal(Functions, a.GetFunction("g")!.Invoke());
        Assert.Equal(Functions, b.GetFunction("g")!.Invoke());
    }

    [Fact]
    public void Threads_needing_uncreated_chunks_at_once_all_get_correct_results()
    {
        // Every thread calls every export, each in a different rotation, released together: the same chunk is
        // needed by several threads at the same moment.
        int[] exports = [.. Enumerable.Range(0, Functions).Where(k => k % 5 == 0)];
        for (int round = 0; round < 3; round++)
        {
            var engine = LazyEngine();
            var module = Module.FromText(engine, "chain", ChainModule(exports));
            const int threads = 6;
            var start = new Barrier(threads);
            var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                try
                {
                    var instance = new Linker(engine).Instantiate(new Store(engine), module);
                    start.SignalAndWait();
                    for (int i = 0; i < exports.Length; i++)
                    {
                        int k = exports[(i * (t + 1) + t * 3) % exports.Length];
                        int expected = k * 10 + (k % 7 == 0 && k + 1 < Functions ? (k + 1) * 10 : 0);
                        var got = instance.GetFunction("f" + k)!.Invoke();
                        if (!Equals(got, expected)) failures.Enqueue($"thread {t}: f{k} returned {got}, expected {expected}");
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue($"thread {t}: {e}");
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            Assert.Empty(failures);
        }
    }

    [Fact]
    public void Small_modules_stay_eager_by_default()
    {
        var module = Module.FromText(WasmFixture.Engine, "small", "(module (func (export \"f\") (result i32) i32.const 1))");
        Assert.Null(module.Compiled.Lazy);
        Assert.True(CodeGenerator.DefaultLazyThreshold > 1);
    }
}
