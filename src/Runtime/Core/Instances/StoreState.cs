namespace WitSharp.Core.Instances;

/// <summary>The engine-wide epoch counter read by compiled code at function entry and loop headers
/// when epoch interruption is on (wasmtime's <c>Engine::increment_epoch</c>).</summary>
internal sealed class EpochCounter
{
    /// <summary>Current epoch; only ever increases. Read with a plain load by compiled code: a stale
    /// read delays the interrupt by one check, which the design tolerates.</summary>
    public long Value;
}

/// <summary>Per-store mutable state that compiled code reads directly (fields, not properties, so the
/// emitted IL is one <c>ldfld</c>). One store is used by one thread at a time.</summary>
internal sealed class StoreState
{
    /// <summary>Lowest native stack address guest code may reach; maintained by host→guest entries (see <see cref="StackGuard"/>).</summary>
    public nuint StackLimit;

    /// <summary>Managed thread id of the entry that set <see cref="StackLimit"/>.</summary>
    public int StackLimitThread;

    /// <summary>Remaining fuel; compiled code subtracts instruction counts and traps when it drops below zero.</summary>
    public long Fuel;

    /// <summary>Absolute epoch at which guest code traps with <see cref="TrapCode.Interrupt"/>.</summary>
    public long EpochDeadline;

    /// <summary>The engine's epoch counter (shared by every store of the engine).</summary>
    public EpochCounter Epoch = null!;

    /// <summary>The public <c>Store</c> owning this state (to wrap funcrefs handed to the host).</summary>
    public object? Owner;

    /// <summary>The instance most recently entered from the host (what a host function's <c>Caller</c> sees).</summary>
    public InstanceContext? Current;

    /// <summary>Called when the epoch deadline is reached, returning the ticks to extend it by; null to trap
    /// (see <see cref="EpochDeadline"/>). Wraps the public <c>Store.EpochDeadlineCallback</c>.</summary>
    public Func<ulong>? EpochDeadlineCallback;

    /// <summary>Resource limits set by <c>Store.SetLimits</c>; until then no limit applies, but instances,
    /// memories and tables are still counted (as wasmtime counts them from the store's creation).</summary>
    public StoreLimits? Limits = StoreLimits.Unlimited();

    /// <summary>Stack budget in bytes for one outermost guest call.</summary>
    public nuint StackBudget = 512 * 1024;
}
