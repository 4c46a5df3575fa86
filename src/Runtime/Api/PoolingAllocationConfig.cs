namespace WitSharp;

/// <summary>Settings of wasmtime's pooling instance allocator (wasmtime-dotnet <c>PoolingAllocationConfig</c>),
/// accepted by <see cref="Config.WithPoolingAllocationStrategy"/> so configuring code compiles. They have no
/// effect: WitSharp has no pooling allocator. Memories, tables and instances are managed objects allocated on
/// demand and reclaimed by the .NET garbage collector, so there are no pre-reserved slots to size, keep
/// resident or decommit, and none of these counts or sizes is enforced as a limit.</summary>
public sealed class PoolingAllocationConfig : IDisposable
{
    /// <summary>Pool setting "max unused warm slots". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxUnusedWarmSlots(uint value) => this;

    /// <summary>Pool setting "decommit batch size". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithDecommitBatchSize(nuint value) => this;

    /// <summary>Pool setting "async stack keep resident bytes". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithAsyncStackKeepResidentBytes(nuint value) => this;

    /// <summary>Pool setting "linear memory keep resident bytes". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithLinearMemoryKeepResidentBytes(nuint value) => this;

    /// <summary>Pool setting "table keep resident bytes". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithTableKeepResidentBytes(nuint value) => this;

    /// <summary>Pool setting "total component instances". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithTotalComponentInstances(uint value) => this;

    /// <summary>Pool setting "max component instance size". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxComponentInstanceSize(nuint value) => this;

    /// <summary>Pool setting "max core instance size". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxCoreInstanceSize(nuint value) => this;

    /// <summary>Pool setting "max core instances per component". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxCoreInstancesPerComponent(uint value) => this;

    /// <summary>Pool setting "max memories per component". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxMemoriesPerComponent(uint value) => this;

    /// <summary>Pool setting "max tables per component". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxTablesPerComponent(uint value) => this;

    /// <summary>Pool setting "max memories". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxMemories(uint value) => this;

    /// <summary>Pool setting "max stacks". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxStacks(uint value) => this;

    /// <summary>Pool setting "max tables". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxTables(uint value) => this;

    /// <summary>Pool setting "max core instances". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxCoreInstances(uint value) => this;

    /// <summary>Pool setting "max tables per module". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxTablesPerModule(uint value) => this;

    /// <summary>Pool setting "max table elements". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxTableElements(nuint value) => this;

    /// <summary>Pool setting "max memories per module". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxMemoriesPerModule(uint value) => this;

    /// <summary>Pool setting "max memory size". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxMemorySize(nuint value) => this;

    /// <summary>Pool setting "max gc heaps". No effect (see the class summary).</summary>
    public PoolingAllocationConfig WithMaxGcHeaps(uint value) => this;

    /// <summary>Nothing to release: the settings hold no native resources.</summary>
    public void Dispose() { }
}
