using System.Reflection.PortableExecutable;
using WitSharp.Components;
using WitSharp.Core.Instances;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Components.Api;

/// <summary>The seed's remaining Component members with their .NET meanings: prepared memory images
/// (<see cref="Component.InitializeMemoryImages"/>, wasmtime <c>initialize_copy_on_write_image</c>) and where the
/// compiled code lives (<see cref="Component.ImageRange"/>, <see cref="Component.CodeAssemblies"/>; wasmtime
/// <c>image_range</c>). <c>ResourcesRequired</c> is covered by ComponentApiTests.</summary>
public sealed class ComponentImagesTests
{
    private static readonly string CTypesPath = Path.Combine(RepoPaths.Root, "tests", "fixtures", "components", "ctypes", "ctypes.wasm");

    private static byte[] InitialMemory(Engine engine, Module module, bool useImage)
    {
        MemoryImage.DisabledOnThisThread = !useImage;
        try
        {
            using var store = new Store(engine);
            var linker = new Linker(engine);
            linker.DefineUnknownImportsAsTraps(module);
            var instance = linker.Instantiate(store, module);
            var memory = instance.GetMemory(module.Exports.OfType<MemoryExport>().First().Name)!;
            return memory.GetSpan(0, checked((int)memory.GetLength())).ToArray();
        }
        finally
        {
            MemoryImage.DisabledOnThisThread = false;
        }
    }

    [Fact]
    public void An_image_gives_the_same_initial_memory_as_applying_segments_one_by_one()
    {
        using var engine = new Engine();
        var component = Component.FromFile(engine, CTypesPath);
        var withData = component.CoreModules
            .Where(m => m.Compiled.Info.Memories.Count == 1 && m.Compiled.Info.Data.Count > 0 && m.Exports.OfType<MemoryExport>().Any())
            .ToList();
        Assert.NotEmpty(withData);
        foreach (var module in withData)
        {
            Assert.NotNull(MemoryImage.For(module.Compiled.Info));
            var segmentWise = InitialMemory(engine, module, useImage: false);
            var imaged = InitialMemory(engine, module, useImage: true);
            Assert.True(segmentWise.AsSpan().SequenceEqual(imaged), "memory contents differ for " + module.Name);
            Assert.Contains(segmentWise, b => b != 0);
        }
    }

    [Fact]
    public void Overlapping_segments_apply_in_order_and_passive_segments_stay_available()
    {
        using var engine = new Engine();
        var module = Module.FromText(engine, "m", """
            (module
              (memory (export "memory") 1)
              (data (i32.const 8) "aaaa")
              (data (i32.const 10) "bb")
              (data $p "pp")
              (data (i32.const 100) "")
              (func (export "init") (memory.init $p (i32.const 200) (i32.const 0) (i32.const 2)))
              (func (export "init-active") (memory.init 0 (i32.const 300) (i32.const 0) (i32.const 1))))
            """);
        Assert.NotNull(MemoryImage.For(module.Compiled.Info));
        using var store = new Store(engine);
        var instance = new Linker(engine).Instantiate(store, module);
        var memory = instance.GetMemory("memory")!;
        Assert.Equal("aabb", System.Text.Encoding.ASCII.GetString(memory.GetSpan(8, 4)));
        instance.GetAction("init")!();
        Assert.Equal("pp", System.Text.Encoding.ASCII.GetString(memory.GetSpan(200, 2)));
        // Active segments are dropped after instantiation (spec 4.5.4), with an image as without one.
        Assert.Throws<TrapException>(() => instance.GetAction("init-active")!());
    }

    [Theory]
    [InlineData("(global $g (import \"env\" \"g\") i32) (data (global.get $g) \"x\")", "an offset read from an imported global")]
    [InlineData("(data (i32.const 131071) \"xy\")", "a segment that traps")]
    public void Modules_whose_segments_cannot_be_merged_exactly_have_no_image(string body, string why)
    {
        using var engine = new Engine();
        var module = Module.FromText(engine, "m", "(module " + body + " (memory 2))");
        Assert.True(MemoryImage.For(module.Compiled.Info) is null, why);
    }

    [Fact]
    public void Nearby_segments_share_a_run_and_distant_ones_do_not()
    {
        using var engine = new Engine();
        var module = Module.FromText(engine, "m", """
            (module (memory (export "memory") 2)
              (data (i32.const 100000) "far") (data (i32.const 0) "ab") (data (i32.const 1000) "cd") (data (i32.const 1) "X"))
            """);
        var image = MemoryImage.For(module.Compiled.Info)!;
        Assert.Equal([0u, 100000u], image.Runs.Select(r => r.Offset));
        Assert.Equal(1002 + 3, image.ByteCount);
        using var store = new Store(engine);
        var memory = new Linker(engine).Instantiate(store, module).GetMemory("memory")!;
        Assert.Equal("aX", System.Text.Encoding.ASCII.GetString(memory.GetSpan(0, 2)));
        Assert.Equal("cd", System.Text.Encoding.ASCII.GetString(memory.GetSpan(1000, 2)));
        Assert.Equal("far", System.Text.Encoding.ASCII.GetString(memory.GetSpan(100000, 3)));
    }

    [Fact]
    public void An_imported_memory_has_no_image_and_a_trapping_segment_leaves_earlier_ones_written()
    {
        using var engine = new Engine();
        var module = Module.FromText(engine, "m", """
            (module (import "env" "memory" (memory 1)) (data (i32.const 0) "ok") (data (i32.const 65535) "xy"))
            """);
        Assert.Null(MemoryImage.For(module.Compiled.Info));
        using var store = new Store(engine);
        var memory = new Memory(store, 1);
        var linker = new Linker(engine);
        linker.Define("env", "memory", memory);
        Assert.ThrowsAny<WasmException>(() => linker.Instantiate(store, module));
        Assert.Equal("ok", System.Text.Encoding.ASCII.GetString(memory.GetSpan(0, 2)));
    }

    [Fact]
    public void InitializeMemoryImages_prepares_every_image_before_the_first_instantiation()
    {
        using var engine = new Engine();
        var component = Component.FromFile(engine, CTypesPath);
        Assert.Equal(0, component.PreparedMemoryImageCount);
        component.InitializeMemoryImages();
        int prepared = component.PreparedMemoryImageCount;
        Assert.True(prepared >= 1, "ctypes' main module defines a memory with data segments");
        component.InitializeMemoryImages();
        Assert.Equal(prepared, component.PreparedMemoryImageCount);

        using var store = new Store(engine);
        var instance = new ComponentLinker(engine).Instantiate(store, component);
        Assert.Equal("olleh", instance.GetTypedFunction<string, string>("reverse")!.Call("hello"));
    }

    [Fact]
    public void Code_compiled_in_this_process_lives_in_a_dynamic_assembly_with_no_image()
    {
        using var engine = new Engine();
        var component = Component.FromFile(engine, CTypesPath);
        var assembly = Assert.Single(component.CodeAssemblies);
        Assert.True(assembly.IsDynamic);
        Assert.Null(component.ImageRange);
    }

    [Fact]
    public void The_image_range_of_a_loaded_assembly_is_its_metadata_block()
    {
        var assembly = typeof(Component).Assembly;
        var range = Component.ImageRangeOf(assembly);
        Assert.NotNull(range);
        var (start, end) = range.Value;
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        Assert.Equal(pe.PEHeaders.MetadataSize, (int)(end - start));
        unsafe
        {
            // ECMA-335 II.24.2.1: the metadata root starts with the signature 0x424A5342 ("BSJB").
            Assert.Equal(0x424A5342u, *(uint*)start);
        }
        Assert.Null(Component.ImageRangeOf(System.Reflection.Emit.AssemblyBuilder.DefineDynamicAssembly(
            new System.Reflection.AssemblyName("images-test"), System.Reflection.Emit.AssemblyBuilderAccess.Run)));
    }
}
