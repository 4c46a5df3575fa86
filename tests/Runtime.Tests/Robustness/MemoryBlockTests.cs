using WitSharp.Core.Instances;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>
/// Which block a linear memory lives in
/// (docs/RATIONALE.md "Linear memory: heap block or mapping, net GC pressure, copy-on-write images"): a one-page
/// memory that the active data segments write into at instantiation is a heap block (its first write costs no page
/// fault), any other memory from one page up to 16 MiB is an exactly-sized mapping, and past 16 MiB a reservation.
/// Whatever the block, contents, growth (inside and past each threshold) and disposal behave the same.
/// </summary>
public sealed unsafe class MemoryBlockTests
{
    private static Instance Instantiate(Store store, string wat, Linker? linker = null) =>
        (linker ?? new Linker(store.Engine)).Instantiate(store, Module.FromText(store.Engine, "m", wat));

    private const string GrowFunctions = """
        (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
        (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
        (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
        """;

    [Fact]
    public void A_one_page_memory_written_by_data_segments_is_a_heap_block()
    {
        using var store = new Store(new Engine());
        var instance = Instantiate(store, """(module (memory (export "memory") 1) (data (i32.const 16) "witsharp"))""");
        var memory = instance.GetMemory("memory")!;
        Assert.False(memory.Instance.IsMapped);
        Assert.Equal("witsharp", memory.ReadString(16, 8));
        Assert.Equal(0, memory.ReadByte(15));
        Assert.Equal(0, memory.ReadByte(24));
        Assert.Equal(0, memory.ReadInt64(65536 - 8));
    }

    [Fact]
    public void Memories_that_instantiation_does_not_write_or_larger_ones_are_mappings()
    {
        using var store = new Store(new Engine());
        var plain = Instantiate(store, """(module (memory (export "memory") 1))""").GetMemory("memory")!;
        var emptySegment = Instantiate(store, """(module (memory (export "memory") 1) (data (i32.const 16) ""))""").GetMemory("memory")!;
        var passive = Instantiate(store, """(module (memory (export "memory") 1) (data "passive"))""").GetMemory("memory")!;
        var twoPages = Instantiate(store, """(module (memory (export "memory") 2) (data (i32.const 70000) "x"))""").GetMemory("memory")!;
        Assert.Equal(VirtualMemory.IsSupported, plain.Instance.IsMapped);
        Assert.Equal(VirtualMemory.IsSupported, emptySegment.Instance.IsMapped);
        Assert.Equal(VirtualMemory.IsSupported, passive.Instance.IsMapped);
        Assert.Equal(VirtualMemory.IsSupported, twoPages.Instance.IsMapped);
        Assert.Equal((byte)'x', twoPages.ReadByte(70000));
        Assert.Equal(0, plain.ReadInt64(0));
    }

    [Fact]
    public void Segments_applied_one_by_one_also_get_a_heap_block()
    {
        // The offset is an imported global, so the module has no prepared image (MemoryImage.For is null) and the
        // segments are applied one by one; the memory is still told that they write.
        using var store = new Store(new Engine());
        var linker = new Linker(store.Engine);
        linker.Define("env", "base", new Global(store, ValueKind.Int32, 100, Mutability.Immutable));
        var instance = Instantiate(store, """
            (module (global $base (import "env" "base") i32) (memory (export "memory") 1)
              (data (global.get $base) "abc"))
            """, linker);
        var memory = instance.GetMemory("memory")!;
        Assert.False(memory.Instance.IsMapped);
        Assert.Equal("abc", memory.ReadString(100, 3));
    }

    [Fact]
    public void A_heap_block_grows_into_a_mapping_then_a_reservation_keeping_contents()
    {
        using var store = new Store(new Engine());
        var instance = Instantiate(store, $$"""
            (module (memory (export "memory") 1 1024) (data (i32.const 65530) "edge!!")
              {{GrowFunctions}})
            """);
        var memory = instance.GetMemory("memory")!;
        var grow = instance.GetFunction<int, int>("grow")!;
        var load = instance.GetFunction<int, int>("load")!;
        var storeByte = instance.GetAction<int, int>("store")!;
        Assert.False(memory.Instance.IsMapped);

        Assert.Equal(1, grow(3));
        Assert.Equal(VirtualMemory.IsSupported, memory.Instance.IsMapped);
        Assert.Equal("edge!!", memory.ReadString(65530, 6));
        Assert.Equal(0, load(65536));
        Assert.Equal(0, memory.ReadInt64(4 * 65536 - 8));
        storeByte(4 * 65536 - 1, 7);

        // Past 16 MiB: one move into a reservation of the declared maximum (64 MiB), then no more moves.
        Assert.Equal(4, grow(300));
        Assert.Equal(VirtualMemory.IsSupported, memory.Instance.IsReserved);
        Assert.False(memory.Instance.IsMapped);
        Assert.Equal("edge!!", memory.ReadString(65530, 6));
        Assert.Equal(7, load(4 * 65536 - 1));
        Assert.Equal(0, load(304 * 65536 - 1));
        var pointer = memory.GetPointer();
        Assert.Equal(304, grow(720));
        Assert.Equal(-1, grow(1));
        Assert.Equal(pointer, memory.GetPointer());
        storeByte(1024 * 65536 - 1, 9);
        Assert.Equal(9, load(1024 * 65536 - 1));
        Assert.Equal((byte)'e', memory.ReadByte(65530));
    }

    [Fact]
    public void A_memory_of_zero_pages_grows_into_a_mapping()
    {
        using var store = new Store(new Engine());
        var instance = Instantiate(store, $$"""(module (memory (export "memory") 0) {{GrowFunctions}})""");
        var memory = instance.GetMemory("memory")!;
        Assert.False(memory.Instance.IsMapped);
        Assert.Equal(0, instance.GetFunction<int, int>("grow")!(2));
        Assert.Equal(VirtualMemory.IsSupported, memory.Instance.IsMapped);
        Assert.Equal(0, memory.ReadInt64(2 * 65536 - 8));
    }

    [Fact]
    public void A_memory_starting_at_16_MiB_is_reserved_and_data_lands_in_it()
    {
        using var store = new Store(new Engine());
        var memory = Instantiate(store, """(module (memory (export "memory") 256) (data (i32.const 16777200) "top"))""")
            .GetMemory("memory")!;
        Assert.Equal(VirtualMemory.IsSupported, memory.Instance.IsReserved);
        Assert.Equal("top", memory.ReadString(16777200, 3));
        Assert.Equal(256, memory.Grow(1));
        Assert.Equal(0, memory.ReadByte(257L * 65536 - 1));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(256)]
    public void A_large_image_run_is_copied_exactly_into_a_mapping_or_reservation(int pages)
    {
        // A 100 KiB segment starting mid-page: the run is faulted in ahead of the copy (VirtualMemory.Prefault),
        // which must neither lose bytes nor disturb the zero bytes around it.
        const int Offset = 70_000, Length = 100_000;
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < Length; i++) text.Append($"\\{(i * 7 + 3) & 0xff:x2}");
        using var store = new Store(new Engine());
        var memory = Instantiate(store, $$"""(module (memory (export "memory") {{pages}}) (data (i32.const {{Offset}}) "{{text}}"))""")
            .GetMemory("memory")!;
        Assert.Equal(VirtualMemory.IsSupported, memory.Instance.IsPageBacked);
        Assert.Equal(0, memory.ReadByte(Offset - 1));
        Assert.Equal(0, memory.ReadByte(Offset + Length));
        Assert.Equal(0, memory.ReadByte(0));
        Assert.Equal(0, memory.ReadByte(pages * 65536L - 1));
        var bytes = memory.GetSpan(Offset, Length);
        for (int i = 0; i < Length; i++)
            if (bytes[i] != (byte)((i * 7 + 3) & 0xff)) Assert.Fail($"byte {i} is {bytes[i]}");
    }

    [Fact]
    public void Disposing_the_store_frees_every_kind_of_block()
    {
        var store = new Store(new Engine());
        var heap = Instantiate(store, """(module (memory (export "memory") 1) (data (i32.const 0) "a"))""").GetMemory("memory")!;
        var mapped = Instantiate(store, """(module (memory (export "memory") 1))""").GetMemory("memory")!;
        var reserved = Instantiate(store, """(module (memory (export "memory") 256))""").GetMemory("memory")!;
        store.Dispose();
        foreach (var memory in new[] { heap, mapped, reserved })
        {
            Assert.True(memory.Instance.Base == null);
            Assert.Equal(0UL, memory.Instance.Length);
            Assert.False(memory.Instance.IsMapped);
            Assert.False(memory.Instance.IsReserved);
        }
    }

    [Fact]
    public void An_out_of_bounds_segment_still_traps_when_the_memory_is_a_heap_block()
    {
        // The second segment is out of bounds, so there is no image: the segments are applied one by one into the
        // heap block, the first is written, then the second traps (spec 4.5.4: bounds are checked per segment).
        using var store = new Store(new Engine());
        var module = Module.FromText(store.Engine, "m", """
            (module (memory (export "memory") 1) (data (i32.const 0) "ok") (data (i32.const 65535) "xx"))
            """);
        Assert.Null(MemoryImage.For(module.Compiled.Info));
        Assert.Throws<TrapException>(() => new Linker(store.Engine).Instantiate(store, module));
    }
}
