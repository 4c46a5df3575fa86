using BenchmarkDotNet.Attributes;

namespace Benchmarks;

/// <summary>Boundary costs per call (shapes of wasmtime's benches/call.rs): typed host→guest and guest→host.</summary>
public class CallBenchmarks : IDisposable
{
    private const int Calls = 1000;
    private List<EngineSide> _sides = [];

    public static IEnumerable<string> SideNames => Sides.WitSharpEnabled ? ["Wasmtime", "WitSharp"] : ["Wasmtime"];

    [ParamsSource(nameof(SideNames))]
    public string Side { get; set; } = "Wasmtime";

    private Action _nop = () => { };
    private Func<int, int, int> _add = (a, b) => a + b;
    private Func<int, int> _callHost = n => n;

    [GlobalSetup]
    public void Setup()
    {
        _sides = Sides.CreateAll(Console.Out);
        var side = _sides.FirstOrDefault(s => s.Name == Side) ?? throw new NotSupportedException(Side + " not available");
        _nop = side.Nop!;
        _add = side.Add!;
        _callHost = side.CallHost!;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public void HostToGuestNop()
    {
        var f = _nop;
        for (var i = 0; i < Calls; i++)
        {
            f();
        }
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int HostToGuestAdd()
    {
        var f = _add;
        var acc = 0;
        for (var i = 0; i < Calls; i++)
        {
            acc = f(acc, i);
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int GuestToHost() => _callHost(Calls);

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
