namespace WitSharp;

/// <summary>Which code generator compiles modules (wasmtime-dotnet <c>CompilerStrategy</c>). Accepted by
/// <see cref="Config.WithCompilerStrategy"/> for source compatibility; WitSharp always emits IL for the .NET
/// JIT, so the choice has no effect.</summary>
public enum CompilerStrategy
{
    /// <summary>Let the engine choose.</summary>
    Auto,
    /// <summary>Wasmtime's Cranelift code generator.</summary>
    Cranelift,
}

/// <summary>How hard the code generator optimizes (wasmtime-dotnet <c>OptimizationLevel</c>). Accepted by
/// <see cref="Config.WithOptimizationLevel"/>; has no effect here (the .NET JIT's tiering decides).</summary>
public enum OptimizationLevel
{
    /// <summary>No optimizations.</summary>
    None,
    /// <summary>Optimize for speed.</summary>
    Speed,
    /// <summary>Optimize for speed and size.</summary>
    SpeedAndSize,
}

/// <summary>Which native profiler the generated code reports to (wasmtime-dotnet <c>ProfilingStrategy</c>).
/// Accepted by <see cref="Config.WithProfilingStrategy"/>; has no effect here: compiled wasm functions are
/// ordinary .NET dynamic methods, visible to .NET profilers (dotnet-trace, EventPipe) without any setting.</summary>
public enum ProfilingStrategy
{
    /// <summary>No profiler support.</summary>
    None,
    /// <summary>Linux jitdump files.</summary>
    JitDump,
    /// <summary>Intel VTune.</summary>
    VTune,
    /// <summary>Linux perf map files.</summary>
    PerfMap,
}
