using WitSharp.Core.Compilation;
using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>Compiles modules and holds settings shared by every store (wasmtime-dotnet <c>Engine</c>).
/// Compiled code lives as long as the process (non-collectible emitted assemblies: DESIGN.md "Emission").</summary>
public sealed partial class Engine : IDisposable
{
    /// <summary>Creates an engine with the default configuration.</summary>
    public Engine() : this(new Config()) { }

    /// <summary>Creates an engine with <paramref name="config"/>.</summary>
    public Engine(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        FuelConsumption = config.FuelConsumption;
        EpochInterruption = config.EpochInterruption;
        MaximumStackSize = config.MaximumStackSize;
        DebugInfo = config.DebugInfo;
    }

    internal bool DebugInfo { get; }

    internal Config Config { get; }
    internal bool FuelConsumption { get; }
    internal bool EpochInterruption { get; }
    internal int MaximumStackSize { get; }
    internal EpochCounter Epoch { get; } = new();
    // One generator per engine, created once even under concurrent first use: signature ids must be
    // engine-wide for call_indirect across modules.
    internal CodeGenerator CodeGen => LazyInitializer.EnsureInitialized(ref _codeGen, () => new CodeGenerator(this));

    /// <summary>Engine-wide signature ids for <c>call_indirect</c>, shared by compiled and loaded code.</summary>
    internal SignatureRegistry Signatures { get; } = new();
    private CodeGenerator? _codeGen;

    /// <summary>Whether modules run on wasmtime's Pulley interpreter: always false, because WitSharp compiles
    /// wasm to IL that the .NET JIT turns into native code.</summary>
    public bool IsPulleyInterpreter => false;

    /// <summary>Advances the epoch; guest code whose store deadline is now reached traps with
    /// <see cref="TrapCode.Interrupt"/> at its next function entry or loop iteration. Thread-safe.</summary>
    public void IncrementEpoch() => Interlocked.Increment(ref Epoch.Value);

    /// <summary>Nothing to release: compiled code stays loaded. Present for wasmtime-dotnet compatibility.</summary>
    public void Dispose() { }
}
