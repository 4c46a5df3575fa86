using WT = Wasmtime;

namespace Benchmarks;

/// <summary>The in-process peer: Wasmtime 50.0.1 (Cranelift, default config) through wasmtime-dotnet's typed calls.</summary>
internal sealed class WasmtimeSide : EngineSide
{
    private readonly WT.Engine _engine = new();
    private readonly WT.Store _kernelStore;
    private readonly WT.Instance _kernels;
    private readonly WT.Store _callStore;
    private readonly WT.Instance _calls;
    private readonly WT.Module _callsModule;
    private readonly WT.Linker _callsLinker;

    public WasmtimeSide()
    {
        using var kernelModule = WT.Module.FromBytes(_engine, "kernels", File.ReadAllBytes(BenchFiles.KernelsWasm));
        _kernelStore = new WT.Store(_engine);
        using var linker = new WT.Linker(_engine);
        _kernels = linker.Instantiate(_kernelStore, kernelModule);
        _kernels.GetAction("_initialize")?.Invoke();

        _callsModule = WT.Module.FromBytes(_engine, "calls", File.ReadAllBytes(BenchFiles.CallsWasm));
        _callsLinker = new WT.Linker(_engine);
        _callsLinker.DefineFunction("host", "inc", (int x) => x + 1);
        _callStore = new WT.Store(_engine);
        _calls = _callsLinker.Instantiate(_callStore, _callsModule);
    }

    public override string Name => "Wasmtime";

    public override Func<int, int>? Kernel(string name) => _kernels.GetFunction<int, int>(name);

    public override Action? Nop => _calls.GetAction("nop");

    public override Func<int, int, int>? Add => _calls.GetFunction<int, int, int>("add");

    public override Func<int, int>? CallHost => _calls.GetFunction<int, int>("call_host");

    public override Action? InstantiateSmall => () =>
    {
        using var store = new WT.Store(_engine);
        _callsLinker.Instantiate(store, _callsModule);
    };

    public override Action<byte[]>? Compile => bytes =>
    {
        using var module = WT.Module.FromBytes(_engine, "compiled", bytes);
    };

    public override void Dispose()
    {
        _callStore.Dispose();
        _kernelStore.Dispose();
        _callsLinker.Dispose();
        _callsModule.Dispose();
        _engine.Dispose();
        base.Dispose();
    }
}
