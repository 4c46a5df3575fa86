using BenchmarkDotNet.Attributes;

namespace Benchmarks;

/// <summary>Per kernel: Wasmtime (baseline) vs WitSharp vs the native build, in one run.</summary>
public class KernelBenchmarks : IDisposable
{
    private List<EngineSide> _sides = [];
    private Func<int, int>? _native;
    private Func<int, int>? _wasmtime;
    private Func<int, int>? _witsharp;
    private int _n;

    public static IEnumerable<string> Kernels => KernelCatalog.All.Select(k => k.Name);

    [ParamsSource(nameof(Kernels))]
    public string Kernel { get; set; } = "fib";

    [GlobalSetup]
    public void Setup()
    {
        _sides = Sides.CreateAll(Console.Out);
        _n = KernelCatalog.Get(Kernel).N;
        _native = _sides.FirstOrDefault(s => s.Name == "native")?.Kernel(Kernel);
        _wasmtime = _sides.First(s => s.Name == "Wasmtime").Kernel(Kernel);
        _witsharp = _sides.FirstOrDefault(s => s.Name == "WitSharp")?.Kernel(Kernel);
    }

    [Benchmark(Baseline = true)]
    public int Wasmtime() => _wasmtime!(_n);

#if WITSHARP_ENGINE
    [Benchmark]
    public int WitSharp() => (_witsharp ?? throw new NotSupportedException("WitSharp engine not built in"))(_n);
#endif

    [Benchmark]
    public int Native() => (_native ?? throw new NotSupportedException("libkernels.so not built"))(_n);

    [GlobalCleanup]
    public void Dispose()
    {
        foreach (var side in _sides)
        {
            side.Dispose();
        }

        _sides = [];
        GC.SuppressFinalize(this);
    }
}
