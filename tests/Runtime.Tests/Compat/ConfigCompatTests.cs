namespace WitSharp.Runtime.Tests.Compat;

/// <summary>The wasmtime-dotnet Config options are accepted, chain, and leave the engine working.</summary>
public sealed class ConfigCompatTests
{
    [Fact]
    public void Every_option_chains_and_the_engine_still_runs_simd_code()
    {
        using var pooling = new PoolingAllocationConfig().WithMaxMemories(4).WithMaxMemorySize(1 << 20);
        using var config = new Config()
            .WithSIMD(true).WithReferenceTypes(true).WithBulkMemory(true).WithMultiValue(true)
            .WithRelaxedSIMD(false, false).WithMultiMemory(false).WithTailCalls(false).WithFunctionReferences(false)
            .WithGc(false).WithWasmThreads(false).WithMemory64(false).WithWideArithmetic(false).WithExceptions(false)
            .WithStackSwitching(false).WithBranchHinting(true).WithComponentModel(true).WithParallelCompilation(true)
            .WithCompilerStrategy(CompilerStrategy.Cranelift).WithCraneliftDebugVerifier(true)
            .WithCraneliftNaNCanonicalization(true).WithOptimizationLevel(OptimizationLevel.SpeedAndSize)
            .WithProfilingStrategy(ProfilingStrategy.PerfMap).WithMemoryMayMove(true).WithStaticMemoryMaximumSize(1 << 30)
            .WithMemoryReservationForGrowth(1 << 20).WithMemoryInitCopyOnWrite(true).WithMemoryGuardSize(1 << 16)
            .WithCacheConfig(null).WithMacosMachPorts(false).WithUnwindInfo(true).WithSignalsBasedTraps(false)
            .WithPoolingAllocationStrategy(pooling).WithFuelConsumption(true);
        using var engine = new Engine(config);
        Assert.False(engine.IsPulleyInterpreter);
        var module = Module.FromText(engine, "s", """
            (module (func (export "lane") (result i32)
              (i32x4.extract_lane 2 (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 40)))))
            """);
        var store = new Store(engine) { Fuel = 1000 };
        Assert.Equal(33, new Linker(engine).Instantiate(store, module).GetFunction<int>("lane")!());
        Assert.True(store.Fuel < 1000); // the option that does take effect still does
    }

    [Fact]
    public void A_module_needing_an_unimplemented_proposal_is_still_rejected_when_it_is_enabled()
    {
        using var engine = new Engine(new Config().WithMultiMemory(true));
        Assert.ThrowsAny<WasmException>(() => Module.FromText(engine, "m", "(module (memory 1) (memory 1))"));
    }
}
