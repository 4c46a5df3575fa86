#if WITSHARP_ENGINE
using WS = WitSharp;

namespace Benchmarks;

/// <summary>
/// Our engine, through its public API (the same names as wasmtime-dotnet: Engine, Store,
/// Module.FromBytes, Linker, Instance.GetFunction). Compiled only with -p:WitSharpEngine=true.
/// </summary>
internal sealed class WitSharpSide : EngineSide
{
    private readonly WS.Engine _engine = new();
    private readonly WS.Store _kernelStore;
    private readonly WS.Instance _kernels;
    private readonly WS.Store _callStore;
    private readonly WS.Instance _calls;
    private readonly WS.Module _callsModule;
    private readonly WS.Linker _callsLinker;

    public WitSharpSide()
    {
        var kernelModule = WS.Module.FromBytes(_engine, "kernels", File.ReadAllBytes(BenchFiles.KernelsWasm));
        _kernelStore = new WS.Store(_engine);
        var linker = new WS.Linker(_engine);
        _kernels = linker.Instantiate(_kernelStore, kernelModule);
        _kernels.GetAction("_initialize")?.Invoke();

        _callsModule = WS.Module.FromBytes(_engine, "calls", File.ReadAllBytes(BenchFiles.CallsWasm));
        _callsLinker = new WS.Linker(_engine);
        _callsLinker.DefineFunction("host", "inc", (int x) => x + 1);
        _callStore = new WS.Store(_engine);
        _calls = _callsLinker.Instantiate(_callStore, _callsModule);
    }

    public override string Name => "WitSharp";

    public override Func<int, int>? Kernel(string name) => _kernels.GetFunction<int, int>(name);

    public override Action? Nop => _calls.GetAction("nop");

    public override Func<int, int, int>? Add => _calls.GetFunction<int, int, int>("add");

    public override Func<int, int>? CallHost => _calls.GetFunction<int, int>("call_host");

    public override Action? InstantiateSmall => () =>
    {
        var store = new WS.Store(_engine);
        _callsLinker.Instantiate(store, _callsModule);
    };

    public override Action<byte[]>? Compile => bytes => WS.Module.FromBytes(_engine, "compiled", bytes);
}
#endif
