namespace WitSharp.Core.Instances;

/// <summary>
/// GC memory pressure for the unmanaged blocks of linear memories, reported as one process-wide amount that
/// follows the bytes of memories created and not disposed to within <see cref="Quantum"/>, rather than per memory.
/// <para>Why: the pressure exists so that the collector finalizes dropped (undisposed) instances promptly and frees
/// their memories. Reported per memory, every <c>GC.AddMemoryPressure</c> counted toward the runtime's budget
/// (4 MB of additions) even when the memory was disposed right after, so a host that instantiates and disposes
/// one-page modules forced a blocking gen2 collection every 64 instantiations, whatever the size of its managed
/// heap. Reported net, such a host adds no pressure at all, while a host that drops its instances still adds it
/// with every undisposed memory
/// (docs/RATIONALE.md "Linear memory: heap block or mapping, net GC pressure, copy-on-write images").</para>
/// <para>A memory freed by its finalizer does not withdraw its pressure (as before this class): withdrawing it
/// tells the runtime's heuristic that its collections are effective, which keeps the budget at 4 MB; measured on an
/// instantiate-and-drop loop of a one-page module, that made three times as many gen2 collections and a median
/// instantiation 1.5x as long. So <see cref="Outstanding"/> counts dropped memories as outstanding.</para>
/// </summary>
internal sealed class MemoryPressure(Action<long> report, Action<long> withdraw)
{
    /// <summary>The reported amount follows the outstanding amount to within this many bytes (16 one-page memories).</summary>
    public const long Quantum = 1L << 20;

    /// <summary>The process-wide ledger, reporting to the GC (<c>GC.AddMemoryPressure</c> /
    /// <c>GC.RemoveMemoryPressure</c>).</summary>
    public static readonly MemoryPressure Shared = new(GC.AddMemoryPressure, GC.RemoveMemoryPressure);

    // Bytes added by memories minus those of disposed memories (each memory's contribution capped by
    // MemoryInstance), and the amount currently reported. Memories are created and disposed on any thread.
    private long _outstanding;
    private long _reported;
    private readonly Lock _gate = new();

    /// <summary>Bytes of memories created and not disposed.</summary>
    public long Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Bytes currently reported.</summary>
    public long Reported => Volatile.Read(ref _reported);

    /// <summary>A memory was created or grew by <paramref name="bytes"/>.</summary>
    public void Add(long bytes)
    {
        if (bytes <= 0) return;
        long outstanding = Interlocked.Add(ref _outstanding, bytes);
        if (outstanding - Volatile.Read(ref _reported) >= Quantum) Settle();
    }

    /// <summary>A memory holding <paramref name="bytes"/> was disposed.</summary>
    public void Remove(long bytes)
    {
        if (bytes <= 0) return;
        long outstanding = Interlocked.Add(ref _outstanding, -bytes);
        if (Volatile.Read(ref _reported) - outstanding >= Quantum) Settle();
    }

    private void Settle()
    {
        lock (_gate)
        {
            long delta = Volatile.Read(ref _outstanding) - _reported;
            if (delta >= Quantum) report(delta);
            else if (delta <= -Quantum) withdraw(-delta);
            else return;
            Volatile.Write(ref _reported, _reported + delta);
        }
    }
}
