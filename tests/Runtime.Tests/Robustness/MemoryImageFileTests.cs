using WitSharp.Core.Instances;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>
/// Copy-on-write memory images (<see cref="MemoryImageFile"/>,
/// docs/RATIONALE.md "Linear memory: heap block or mapping, net GC pressure, copy-on-write images"): a
/// module's large image runs are mapped from one in-memory file over every instance's memory. Each instance must
/// still see exactly the image, its writes must stay its own, and growth, reservation and disposal must behave as
/// with a copied image. On platforms without memfd the image is copied and the same assertions hold.
/// </summary>
public sealed class MemoryImageFileTests
{
    private const int Offset = 70_000, Length = 200_000;

    private static byte Expected(int i) => (byte)((i * 13 + 5) & 0xff);

    private static Module ModuleWithLargeSegment(Engine engine, int pages, int? maximum = null)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < Length; i++) text.Append($"\\{Expected(i):x2}");
        string limits = maximum is int max ? $"{pages} {max}" : $"{pages}";
        return Module.FromText(engine, "m", $$"""
            (module (memory (export "memory") {{limits}}) (data (i32.const {{Offset}}) "{{text}}")
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
              (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
              (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))
            """);
    }

    private static void AssertImage(Memory memory, params int[] changed)
    {
        var bytes = memory.GetSpan(Offset, Length);
        for (int i = 0; i < Length; i++)
            if (Array.IndexOf(changed, Offset + i) < 0 && bytes[i] != Expected(i)) Assert.Fail($"byte {Offset + i} is {bytes[i]}");
        Assert.Equal(0, memory.ReadByte(Offset - 1));
        Assert.Equal(0, memory.ReadByte(Offset + Length));
        Assert.Equal(0, memory.ReadByte(0));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(256)]
    public void Instances_share_the_image_but_not_their_writes(int pages)
    {
        var engine = new Engine();
        var module = ModuleWithLargeSegment(engine, pages);
        Assert.Equal(OperatingSystem.IsLinux(), MemoryImage.For(module.Compiled.Info)!.IsFileBacked);
        using var store = new Store(engine);
        var linker = new Linker(engine);
        var a = linker.Instantiate(store, module);
        var b = linker.Instantiate(store, module);
        var memoryA = a.GetMemory("memory")!;
        var memoryB = b.GetMemory("memory")!;
        AssertImage(memoryA);
        // Writes inside the image (first page, a middle page, the partial last page) and in the zero edge of a page.
        int[] written = [Offset, Offset + 100_000, Offset + Length - 1, Offset + Length];
        foreach (int address in written) a.GetAction<int, int>("store")!(address, 0xAA);
        foreach (int address in written) Assert.Equal(0xAA, a.GetFunction<int, int>("load")!(address));
        AssertImage(memoryB);
        var c = linker.Instantiate(store, module);
        AssertImage(c.GetMemory("memory")!);
        Assert.Equal(0xAA, memoryA.ReadByte(Offset + 100_000));
    }

    [Fact]
    public void A_mapped_image_survives_growth_into_a_new_mapping_and_a_reservation()
    {
        var engine = new Engine();
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, ModuleWithLargeSegment(engine, 8, 1024));
        var memory = instance.GetMemory("memory")!;
        var grow = instance.GetFunction<int, int>("grow")!;
        instance.GetAction<int, int>("store")!(Offset + 5, 1);
        Assert.Equal(8, grow(8));
        AssertImage(memory, Offset + 5);
        Assert.Equal(1, memory.ReadByte(Offset + 5));
        Assert.Equal(0, memory.ReadInt64(16 * 65536L - 8));
        Assert.Equal(16, grow(300));
        Assert.Equal(VirtualMemory.IsSupported, memory.Instance.IsReserved);
        AssertImage(memory, Offset + 5);
        Assert.Equal(0, memory.ReadByte(316 * 65536L - 1));
    }

    [Fact]
    public void A_reserved_memory_with_a_mapped_image_grows_in_place_and_is_released_on_dispose()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, ModuleWithLargeSegment(engine, 256, 2048));
        var memory = instance.GetMemory("memory")!;
        var pointer = memory.GetPointer();
        Assert.Equal(256, instance.GetFunction<int, int>("grow")!(1000));
        Assert.Equal(pointer, memory.GetPointer());
        AssertImage(memory);
        memory.WriteByte(1255 * 65536L, 3);
        Assert.Equal(3, memory.ReadByte(1255 * 65536L));
        store.Dispose();
        Assert.Equal(0UL, memory.Instance.Length);
    }
}
