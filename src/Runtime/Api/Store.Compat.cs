using WitSharp.Core.Instances;

namespace WitSharp;

public partial class Store
{
    /// <summary>Called when guest code running in a store reaches the store's epoch deadline
    /// (wasmtime-dotnet <c>Store.EpochDeadlineCallback</c>).</summary>
    /// <param name="store">The store whose epoch deadline was reached.</param>
    /// <returns>The new deadline, in ticks beyond the current epoch, after which execution resumes.</returns>
    /// <remarks>The callback runs on the thread executing the WebAssembly code. Throwing from it terminates
    /// the execution: the exception becomes the <see cref="Exception.InnerException"/> of a
    /// <see cref="WasmtimeException"/> (a <see cref="WasmException"/> propagates unchanged).</remarks>
    public delegate ulong EpochDeadlineCallback(Store store);

    /// <summary>Limits the resources this store may consume (wasmtime-dotnet <c>Store.SetLimits</c>). Limits
    /// apply to future creation and growth only: a memory or table already larger than a new limit keeps its
    /// size, but cannot grow. Growing past a limit fails (<c>memory.grow</c>/<c>table.grow</c> return -1,
    /// <see cref="Memory.Grow"/> throws); creating a memory or table larger than a limit, or more instances,
    /// memories or tables than allowed, fails instantiation with a <see cref="WasmtimeException"/>.</summary>
    /// <param name="memorySize">The largest size in bytes a linear memory may grow to; null for no limit.</param>
    /// <param name="tableElements">The largest number of elements a table may grow to; null for no limit.</param>
    /// <param name="instances">How many instances the store may create; null for the default (10,000).</param>
    /// <param name="tables">How many tables the store's instances may define; null for the default (10,000).</param>
    /// <param name="memories">How many memories the store's instances may define; null for the default (10,000).</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative.</exception>
    public void SetLimits(long? memorySize = null, uint? tableElements = null, long? instances = null, long? tables = null, long? memories = null)
    {
        if (memorySize < 0) throw new ArgumentOutOfRangeException(nameof(memorySize));
        if (instances < 0) throw new ArgumentOutOfRangeException(nameof(instances));
        if (tables < 0) throw new ArgumentOutOfRangeException(nameof(tables));
        if (memories < 0) throw new ArgumentOutOfRangeException(nameof(memories));
        State.Limits = new StoreLimits
        {
            MemorySize = memorySize,
            TableElements = tableElements,
            Instances = instances ?? StoreLimits.DefaultCount,
            Tables = tables ?? StoreLimits.DefaultCount,
            Memories = memories ?? StoreLimits.DefaultCount,
        }.WithCountsOf(State.Limits);
    }

    /// <summary>Sets the callback invoked when guest code running in this store reaches its epoch deadline,
    /// instead of trapping (wasmtime-dotnet <c>Store.SetEpochDeadlineCallback</c>). Replaces any previous
    /// callback. Requires <see cref="Config.WithEpochInterruption"/>.</summary>
    /// <param name="callback">The callback; it returns how many ticks past the current epoch the new deadline lies.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    public void SetEpochDeadlineCallback(EpochDeadlineCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        State.EpochDeadlineCallback = () => callback(this);
    }
}
