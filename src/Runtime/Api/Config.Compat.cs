namespace WitSharp;

// wasmtime-dotnet Config options, so programs configuring an engine compile unchanged. Each one says what it
// does here. Three groups:
// (1) WebAssembly 2.0 features WitSharp always implements (SIMD, reference types, bulk memory, multi-value):
//     enabling is the default; disabling is recorded but NOT yet enforced (the validator still accepts them).
// (2) Proposals WitSharp does not implement (GC, threads, memory64, ...): enabling is recorded, but the
//     validator still rejects their instructions with InvalidException, so a module that needs them fails to
//     compile exactly as it would with the switch off.
// (3) Cranelift/native-runtime knobs: accepted with no effect, because a managed engine has no such mechanism.
public sealed partial class Config
{
    internal HashSet<string> DisabledFeatures { get; } = [];
    internal HashSet<string> RequestedProposals { get; } = [];

    private Config Feature(string name, bool enable)
    {
        if (enable) DisabledFeatures.Remove(name); else DisabledFeatures.Add(name);
        return this;
    }

    private Config Proposal(string name, bool enable)
    {
        if (enable) RequestedProposals.Add(name); else RequestedProposals.Remove(name);
        return this;
    }

    /// <summary>Fixed-width SIMD (v128). Always implemented; disabling is recorded but the validator does not
    /// yet reject SIMD instructions.</summary>
    public Config WithSIMD(bool enable) => Feature("simd", enable);

    /// <summary>Reference types (funcref/externref values, multiple tables). Always implemented; disabling is
    /// recorded but not enforced by the validator.</summary>
    public Config WithReferenceTypes(bool enable) => Feature("reference-types", enable);

    /// <summary>Bulk memory operations (<c>memory.copy</c>, <c>memory.fill</c>, passive segments). Always
    /// implemented; disabling is recorded but not enforced by the validator.</summary>
    public Config WithBulkMemory(bool enable) => Feature("bulk-memory", enable);

    /// <summary>Multiple results and block parameters. Always implemented; disabling is recorded but not
    /// enforced by the validator.</summary>
    public Config WithMultiValue(bool enable) => Feature("multi-value", enable);

    /// <summary>Relaxed SIMD. Not implemented: the validator rejects relaxed-SIMD instructions whatever the
    /// setting. <paramref name="deterministic"/> (wasmtime's choice of deterministic lowering) is moot.</summary>
    public Config WithRelaxedSIMD(bool enable, bool deterministic) => Proposal("relaxed-simd", enable);

    /// <summary>Multiple memories. Not implemented: a module with more than one memory is rejected
    /// (<see cref="InvalidException"/>) whatever the setting.</summary>
    public Config WithMultiMemory(bool enable) => Proposal("multi-memory", enable);

    /// <summary>Tail calls (<c>return_call</c>). Not implemented: rejected by the validator whatever the setting.</summary>
    public Config WithTailCalls(bool enable) => Proposal("tail-call", enable);

    /// <summary>Typed function references. Not implemented: rejected by the validator whatever the setting.</summary>
    public Config WithFunctionReferences(bool enable) => Proposal("function-references", enable);

    /// <summary>Garbage-collected structs and arrays. Not implemented: rejected by the validator whatever the setting.</summary>
    public Config WithGc(bool enable) => Proposal("gc", enable);

    /// <summary>Threads (shared memories, atomics). Not implemented: rejected by the validator whatever the setting.</summary>
    public Config WithWasmThreads(bool enable) => Proposal("threads", enable);

    /// <summary>64-bit memories. Not implemented: rejected whatever the setting.</summary>
    public Config WithMemory64(bool enable) => Proposal("memory64", enable);

    /// <summary>Wide arithmetic (128-bit add/sub/mul). Not implemented: rejected by the validator whatever the setting.</summary>
    public Config WithWideArithmetic(bool enable) => Proposal("wide-arithmetic", enable);

    /// <summary>Exception handling (<c>try_table</c>, <c>throw</c>). Not implemented: rejected by the validator
    /// whatever the setting.</summary>
    public Config WithExceptions(bool enable) => Proposal("exceptions", enable);

    /// <summary>Stack switching (continuations). Not implemented: rejected by the validator whatever the setting.</summary>
    public Config WithStackSwitching(bool enable) => Proposal("stack-switching", enable);

    /// <summary>Branch hints. No effect: the <c>metadata.code.branch_hint</c> custom section is a hint only and
    /// is ignored, which is always valid.</summary>
    public Config WithBranchHinting(bool enable) => this;

    /// <summary>The component model. No effect on core modules: components have their own API
    /// (<c>WitSharp.Components</c>) and are always available.</summary>
    public Config WithComponentModel(bool enable) => this;

    /// <summary>Parallel compilation. No effect: functions are compiled to IL on demand and the .NET JIT
    /// schedules native compilation itself.</summary>
    public Config WithParallelCompilation(bool enable) => this;

    /// <summary>Code generator choice. No effect: WitSharp always emits IL for the .NET JIT.</summary>
    public Config WithCompilerStrategy(CompilerStrategy strategy) => this;

    /// <summary>Cranelift's IR verifier. No effect: there is no Cranelift; emitted IL is checked by the CLR.</summary>
    public Config WithCraneliftDebugVerifier(bool enable) => this;

    /// <summary>Cranelift NaN canonicalization. No effect: NaN results keep the bit patterns .NET produces,
    /// which the spec allows (nondeterministic NaN payloads, spec §4.3.3).</summary>
    public Config WithCraneliftNaNCanonicalization(bool enable) => this;

    /// <summary>Code generator optimization level. No effect: the .NET JIT's tiered compilation decides.</summary>
    public Config WithOptimizationLevel(OptimizationLevel level) => this;

    /// <summary>Native profiler integration. No effect: compiled functions are .NET dynamic methods, already
    /// visible to .NET profilers.</summary>
    public Config WithProfilingStrategy(ProfilingStrategy strategy) => this;

    /// <summary>Whether linear memory may move when it grows. No effect: memory is a managed buffer that is
    /// reallocated on growth; guest code never holds its address.</summary>
    public Config WithMemoryMayMove(bool enable) => this;

    /// <summary>Virtual-memory reservation for "static" memories. No effect: memory is not reserved up front.</summary>
    public Config WithStaticMemoryMaximumSize(ulong size) => this;

    /// <summary>Extra virtual-memory reservation for growth. No effect: memory is not reserved up front.</summary>
    public Config WithMemoryReservationForGrowth(ulong size) => this;

    /// <summary>Copy-on-write mapping of data segments. No effect: segments are copied into a managed buffer.</summary>
    public Config WithMemoryInitCopyOnWrite(bool enable) => this;

    /// <summary>Guard pages after linear memory. No effect: every access is bounds-checked explicitly, so no
    /// guard region exists.</summary>
    public Config WithMemoryGuardSize(ulong size) => this;

    /// <summary>Wasmtime's on-disk compilation cache. No effect: there is no code cache; use
    /// <see cref="Module.Serialize"/> to keep a compiled module.</summary>
    public Config WithCacheConfig(string? path) => this;

    /// <summary>macOS Mach-port trap handling. No effect: traps are explicit checks, never signals.</summary>
    public Config WithMacosMachPorts(bool enable) => this;

    /// <summary>Native unwind information. No effect: the .NET runtime owns unwinding of compiled code.</summary>
    public Config WithUnwindInfo(bool enable) => this;

    /// <summary>Signal-based traps. No effect: every trap is an explicit check in the compiled code.</summary>
    public Config WithSignalsBasedTraps(bool enable) => this;

    /// <summary>Wasmtime's pooling instance allocator. No effect: WitSharp has no pooling allocator (see
    /// <see cref="PoolingAllocationConfig"/>); memories, tables and instances are allocated on demand.</summary>
    public Config WithPoolingAllocationStrategy(PoolingAllocationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return this;
    }

    /// <summary>Releases the configuration. A <see cref="Config"/> holds no native resources, so there is
    /// nothing to free; present because wasmtime-dotnet's <c>Config</c> is disposable.</summary>
    public void Dispose() { }
}
