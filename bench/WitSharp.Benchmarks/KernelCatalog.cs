namespace Benchmarks;

/// <summary>One exported kernel of kernels.wasm / libkernels.so: <c>uint32_t name(int32_t n)</c>.</summary>
/// <param name="Name">The export name (same symbol natively).</param>
/// <param name="N">The work-size argument used by the benchmarks (tuned for ~10–40 ms natively).</param>
/// <param name="What">What the kernel exercises, for the report.</param>
internal sealed record Kernel(string Name, int N, string What);

/// <summary>The kernel suite (sources in bench/kernels/*.c).</summary>
internal static class KernelCatalog
{
    public static readonly IReadOnlyList<Kernel> All =
    [
        new("fib", 35, "recursion, direct calls"),
        new("sieve", 20, "byte loads/stores"),
        new("i32loop", 20, "i32 loads/stores, dependent gather"),
        new("matmul", 256, "f64 multiply-add"),
        new("hash", 60, "FNV-1a + xxhash-like rounds"),
        new("interp", 20_000_000, "switch → br_table"),
        new("indirect", 20_000_000, "function pointers → call_indirect"),
        new("memops", 500, "memset/memcpy/memmove → memory.fill/copy"),
        new("heapsort", 400_000, "heapsort, data-dependent branches"),
    ];

    public static Kernel Get(string name) => All.First(k => k.Name == name);
}
