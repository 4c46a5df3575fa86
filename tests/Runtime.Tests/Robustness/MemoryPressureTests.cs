using WitSharp.Core.Instances;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>
/// The GC pressure of linear memories is reported net (<see cref="MemoryPressure"/>): memories created and disposed
/// right away report nothing (no pressure-induced gen2 collections), memories kept or dropped undisposed are reported
/// once they add up to <see cref="MemoryPressure.Quantum"/>, and disposing them withdraws it.
/// </summary>
public sealed class MemoryPressureTests
{
    private const long Page = 65536;

    private sealed class Recorder
    {
        public readonly List<long> Reports = [];
        public readonly List<long> Withdrawals = [];
        public readonly MemoryPressure Ledger;

        public Recorder() => Ledger = new MemoryPressure(Reports.Add, Withdrawals.Add);
    }

    [Fact]
    public void Memories_disposed_right_away_report_nothing()
    {
        var r = new Recorder();
        for (int i = 0; i < 10_000; i++)
        {
            r.Ledger.Add(Page);
            r.Ledger.Remove(Page);
        }
        Assert.Empty(r.Reports);
        Assert.Empty(r.Withdrawals);
        Assert.Equal(0, r.Ledger.Outstanding);
    }

    [Fact]
    public void Kept_memories_are_reported_in_quanta_and_withdrawn_when_disposed()
    {
        var r = new Recorder();
        for (int i = 0; i < 40; i++) r.Ledger.Add(Page);
        Assert.Equal([MemoryPressure.Quantum, MemoryPressure.Quantum], r.Reports);
        Assert.Equal(40 * Page, r.Ledger.Outstanding);
        Assert.True(r.Ledger.Outstanding - r.Ledger.Reported < MemoryPressure.Quantum);
        for (int i = 0; i < 40; i++) r.Ledger.Remove(Page);
        Assert.Equal(2 * MemoryPressure.Quantum, r.Withdrawals.Sum());
        Assert.Equal(0, r.Ledger.Reported);
        Assert.Equal(0, r.Ledger.Outstanding);
    }

    [Fact]
    public void A_large_memory_is_reported_at_once()
    {
        var r = new Recorder();
        r.Ledger.Add(64L << 20);
        Assert.Equal([64L << 20], r.Reports);
        r.Ledger.Remove(64L << 20);
        Assert.Equal([64L << 20], r.Withdrawals);
    }

    [Fact]
    public void Concurrent_creation_and_disposal_balances()
    {
        var r = new Recorder();
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                r.Ledger.Add(Page * (1 + i % 40));
                r.Ledger.Remove(Page * (1 + i % 40));
            }
        });
        Assert.Equal(0, r.Ledger.Outstanding);
        Assert.Equal(r.Reports.Sum() - r.Withdrawals.Sum(), r.Ledger.Reported);
        Assert.True(Math.Abs(r.Ledger.Reported) < MemoryPressure.Quantum);
    }
}
