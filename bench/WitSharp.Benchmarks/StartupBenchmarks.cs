using BenchmarkDotNet.Attributes;

namespace Benchmarks;

/// <summary>Instantiation of a small module and Module.FromBytes of kernels.wasm and the generated large.wasm.</summary>
public class StartupBenchmarks : IDisposable
{
    private List<EngineSide> _sides = [];
    private Action _instantiate = () => { };
    private Action<byte[]> _compile = _ => { };
    private byte[] _kernels = [];
    private byte[]? _large;

    public static IEnumerable<string> SideNames => Sides.WitSharpEnabled ? ["Wasmtime", "WitSharp"] : ["Wasmtime"];

    [ParamsSource(nameof(SideNames))]
    public string Side { get; set; } = "Wasmtime";

    [GlobalSetup]
    public void Setup()
    {
        _sides = Sides.CreateAll(Console.Out);
        var side = _sides.FirstOrDefault(s => s.Name == Side) ?? throw new NotSupportedException(Side + " not available");
        _instantiate = side.InstantiateSmall!;
        _compile = side.Compile!;
        _kernels = File.ReadAllBytes(BenchFiles.KernelsWasm);
        _large = File.Exists(BenchFiles.LargeWasm) ? File.ReadAllBytes(BenchFiles.LargeWasm) : null;
    }

    /// <summary>New store + instantiate calls.wasm (one import, one page, one data segment).</summary>
    [Benchmark]
    public void InstantiateSmall() => _instantiate();

    [Benchmark]
    public void CompileKernels() => _compile(_kernels);

    /// <summary>~2.7 MiB generated module (bench/kernels/gen_large.py); skipped if build.sh has not run.</summary>
    [Benchmark]
    public void CompileLarge() => _compile(_large ?? throw new NotSupportedException("large.wasm not built"));

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
