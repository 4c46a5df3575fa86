using System.Diagnostics;
using WitSharp.Core;
using WitSharp.Core.Instances;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>
/// Linear memories past <see cref="MemoryInstance.ReserveThreshold"/> live in a reservation of their maximum
/// (docs/RATIONALE.md "Linear memory reservations"): growing to 4 GiB is quick and costs no host memory for
/// untouched pages, contents survive the one move into the reservation, new pages read as zero, and the base
/// no longer moves.
/// </summary>
public sealed unsafe class MemoryReservationTests
{
    [Fact]
    public void Growing_to_4_GiB_is_quick_and_keeps_contents()
    {
        if (!VirtualMemory.IsSupported) return;
        var store = new Store(new Engine());
        var memory = new Memory(store, 1, 65536);
        memory.WriteInt32(100, 0x12345678);
        var clock = Stopwatch.StartNew();
        Assert.Equal(1, memory.Grow(299));
        Assert.True(memory.Instance.IsReserved);
        var pointer = memory.GetPointer();
        Assert.Equal(0x12345678, memory.ReadInt32(100));
        for (int i = 0; i < 10; i++) Assert.NotEqual(-1, memory.Grow(6000));
        Assert.Equal(60300, memory.Grow(65536 - memory.GetSize()));
        Assert.Throws<WasmtimeException>(() => memory.Grow(1));
        clock.Stop();
        Assert.Equal(pointer, memory.GetPointer());
        Assert.Equal(65536L * 65536, memory.GetLength());
        Assert.Equal(0x12345678, memory.ReadInt32(100));
        Assert.Equal(0, memory.ReadInt64(memory.GetLength() - 8));
        memory.WriteInt64(memory.GetLength() - 8, -1);
        Assert.Equal(-1, memory.ReadInt64(memory.GetLength() - 8));
        Assert.True(clock.ElapsedMilliseconds < 2000, $"growing to 4 GiB took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Small_memories_are_not_reserved_and_a_declared_maximum_bounds_the_reservation()
    {
        var store = new Store(new Engine());
        var small = new Memory(store, 1, 65536);
        Assert.Equal(1, small.Grow(10));
        Assert.False(small.Instance.IsReserved);
        var bounded = new Memory(store, 1, 512);
        Assert.Equal(1, bounded.Grow(400));
        Assert.Equal(VirtualMemory.IsSupported, bounded.Instance.IsReserved);
        Assert.Throws<WasmtimeException>(() => bounded.Grow(112));
        Assert.Equal(401, bounded.Grow(111));
        Assert.Equal(0, bounded.ReadByte(512L * 65536 - 1));
    }

    [Fact]
    public void Many_reserved_memories_do_not_exhaust_the_address_space()
    {
        // 4,000 x 4 GiB = 16 TiB of address space if nothing were released; each is disposed here, and dropped
        // instances are released by their finalizers (GC pressure tells the collector about them).
        for (int i = 0; i < 4000; i++)
        {
            var instance = new MemoryInstance(new MemoryType(new Limits(1, null)));
            Assert.Equal(1, instance.Grow(300));
            instance.Base[instance.Length - 1] = 1;
            instance.Dispose();
        }
    }
}
