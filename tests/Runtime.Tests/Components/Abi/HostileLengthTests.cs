using WitSharp.Components;
using WitSharp.Components.Text;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// Issue 4, robustness: a guest that hands the host (or another component) a string or list whose length is
/// 0xFFFF_FFFF, or whose pointer is near the end of memory, gets a <see cref="TrapException"/>; the host allocates
/// nothing proportional to the claimed length (measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>),
/// and the store stays usable: a fresh instance in it works.
/// </summary>
public sealed class HostileLengthTests
{
    // The guest returns whatever (pointer, length) pair the test asks for, through its return area.
    private const string Component = """
        (component
          (core module $m
            (memory (export "mem") 1)
            (func (export "pair") (param i32 i32) (result i32)
              (i32.store (i32.const 128) (local.get 0))
              (i32.store (i32.const 132) (local.get 1))
              (i32.const 128))
            (func (export "list-of-strings") (param i32) (result i32)
              ;; 16 strings, each (0, length)
              (local $i i32)
              (loop $l
                (i32.store (i32.add (i32.const 256) (i32.shl (local.get $i) (i32.const 3))) (i32.const 0))
                (i32.store (i32.add (i32.const 260) (i32.shl (local.get $i) (i32.const 3))) (local.get 0))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $l (i32.lt_u (local.get $i) (i32.const 16))))
              (i32.store (i32.const 128) (i32.const 256))
              (i32.store (i32.const 132) (i32.const 16))
              (i32.const 128))
          )
          (core instance $i (instantiate $m))
          (alias core export $i "mem" (core memory $mem))
          (func (export "utf8") (param "p" u32) (param "n" u32) (result string)
            (canon lift (core func $i "pair") (memory $mem)))
          (func (export "utf16") (param "p" u32) (param "n" u32) (result string)
            (canon lift (core func $i "pair") (memory $mem) string-encoding=utf16))
          (func (export "latin1-utf16") (param "p" u32) (param "n" u32) (result string)
            (canon lift (core func $i "pair") (memory $mem) string-encoding=latin1+utf16))
          (func (export "bytes") (param "p" u32) (param "n" u32) (result (list u8))
            (canon lift (core func $i "pair") (memory $mem)))
          (func (export "u64s") (param "p" u32) (param "n" u32) (result (list u64))
            (canon lift (core func $i "pair") (memory $mem)))
          (func (export "strings") (param "p" u32) (param "n" u32) (result (list string))
            (canon lift (core func $i "pair") (memory $mem)))
          (func (export "list-of-strings") (param "n" u32) (result (list string))
            (canon lift (core func $i "list-of-strings") (memory $mem)))
        )
        """;

    private static readonly Lazy<(Engine Engine, WitSharp.Components.Component Component)> s_compiled = new(() =>
    {
        var engine = new Engine();
        return (engine, WitSharp.Components.Component.FromBytes(engine, ComponentWat.Parse(Component)));
    });

    private static ComponentInstance NewInstance(Store store) =>
        new ComponentLinker(s_compiled.Value.Engine).Instantiate(store, s_compiled.Value.Component);

    public static TheoryData<string, uint, uint> Cases() => new()
    {
        { "utf8", 0, 0xFFFF_FFFF },
        { "utf8", 0xFFFF, 2 },
        { "utf8", 0xFFFF_FFFF, 1 },
        { "utf8", 0x1000, 0x0FFF_FFFF },
        { "utf16", 0, 0xFFFF_FFFF },
        { "utf16", 0xFFFE, 2 },
        { "utf16", 0, 0x7FFF_FFFF },
        { "latin1-utf16", 0, 0xFFFF_FFFF },
        { "latin1-utf16", 0, 0x7FFF_FFFF },
        { "latin1-utf16", 0xFFFE, 0x8000_0002 },
        { "bytes", 0, 0xFFFF_FFFF },
        { "bytes", 0xFFFF, 2 },
        { "bytes", 0xFFFF_FFF0, 0x20 },
        { "u64s", 0, 0xFFFF_FFFF },
        { "u64s", 0xFFF8, 2 },
        { "u64s", 0, 0x1FFF_FFFF },
        { "strings", 0, 0xFFFF_FFFF },
        { "strings", 0xFFF8, 2 },
        { "strings", 0, 0x0100_0000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_dynamic_path_traps_without_allocating_for_the_claimed_length(string export, uint ptr, uint length)
    {
        var store = new Store(s_compiled.Value.Engine);
        var f = NewInstance(store).Func(export);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TrapException>(() => f.Call(V.U32(ptr), V.U32(length)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("out-of-bounds", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64 << 10, $"{export}({ptr:x}, {length:x}): allocated {allocated:N0} bytes");
        StoreStaysUsable(store);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_typed_path_traps_without_allocating_for_the_claimed_length(string export, uint ptr, uint length)
    {
        var store = new Store(s_compiled.Value.Engine);
        var instance = NewInstance(store);
        // Bound before measuring: binding builds the marshalers once.
        Action call = export switch
        {
            "bytes" => Bind<byte[]>(instance, export, ptr, length),
            "u64s" => Bind<ulong[]>(instance, export, ptr, length),
            "strings" => Bind<string[]>(instance, export, ptr, length),
            _ => Bind<string>(instance, export, ptr, length),
        };
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<TrapException>(call);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 << 10, $"{export}({ptr:x}, {length:x}): allocated {allocated:N0} bytes");
        StoreStaysUsable(store);
    }

    [Theory]
    [InlineData(0xFFFF_FFFFu)]
    [InlineData(0x0FFF_FFFFu)]
    [InlineData(0x0001_0001u)]
    public void Hostile_elements_of_a_list_of_strings_trap_at_the_first_one(uint length)
    {
        var store = new Store(s_compiled.Value.Engine);
        var f = NewInstance(store).Func("list-of-strings");
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<TrapException>(() => f.Call(V.U32(length)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 10);
        var typed = NewInstance(store).GetTypedFunction<uint, string[]>("list-of-strings")!;
        before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<TrapException>(() => typed.Call(length));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 10);
        StoreStaysUsable(store);
    }

    private static Action Bind<TR>(ComponentInstance instance, string export, uint ptr, uint length)
    {
        var f = instance.GetTypedFunction<(uint, uint), TR>(export)!;
        return () => f.Call((ptr, length));
    }

    // The guest passes whatever (pointer, length) pair the test asks for to a host import.
    private const string Importer = """
        (component
          (import "host-str" (func $hs (param "s" string)))
          (import "host-bytes" (func $hb (param "b" (list u8))))
          (core module $libc (memory (export "mem") 1))
          (core instance $libc (instantiate $libc))
          (core func $hs (canon lower (func $hs) (memory (core memory $libc "mem"))))
          (core func $hb (canon lower (func $hb) (memory (core memory $libc "mem"))))
          (core module $m
            (import "" "hs" (func $hs (param i32 i32)))
            (import "" "hb" (func $hb (param i32 i32)))
            (func (export "str") (param i32 i32) (call $hs (local.get 0) (local.get 1)))
            (func (export "bytes") (param i32 i32) (call $hb (local.get 0) (local.get 1))))
          (core instance $i (instantiate $m (with "" (instance (export "hs" (func $hs)) (export "hb" (func $hb))))))
          (func (export "str") (param "p" u32) (param "n" u32) (canon lift (core func $i "str")))
          (func (export "bytes") (param "p" u32) (param "n" u32) (canon lift (core func $i "bytes"))))
        """;

    [Theory]
    [InlineData(false, "str", 0u, 0xFFFF_FFFFu)]
    [InlineData(false, "str", 0xFFFFu, 2u)]
    [InlineData(false, "bytes", 0u, 0xFFFF_FFFFu)]
    [InlineData(false, "bytes", 0xFFFFu, 2u)]
    [InlineData(true, "str", 0u, 0xFFFF_FFFFu)]
    [InlineData(true, "str", 0xFFFFu, 2u)]
    [InlineData(true, "bytes", 0u, 0xFFFF_FFFFu)]
    [InlineData(true, "bytes", 0xFFFFu, 2u)]
    public void Hostile_arguments_to_host_imports_trap_before_the_host_runs(bool typed, string export, uint ptr, uint length)
    {
        var engine = s_compiled.Value.Engine;
        var component = WitSharp.Components.Component.FromBytes(engine, ComponentWat.Parse(Importer));
        int hostCalls = 0;
        var linker = new ComponentLinker(engine);
        if (typed)
        {
            linker.Root().DefineFunction<string, ValueTuple>("host-str", _ => { hostCalls++; return default; });
            linker.Root().DefineFunction<byte[], ValueTuple>("host-bytes", _ => { hostCalls++; return default; });
        }
        else
        {
            linker.Root().DefineFunction("host-str", (_, _) => hostCalls++);
            linker.Root().DefineFunction("host-bytes", (_, _) => hostCalls++);
        }
        var store = new Store(engine);
        var f = linker.Instantiate(store, component).Func(export);
        f.Call(V.U32(0), V.U32(1));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TrapException>(() => f.Call(V.U32(ptr), V.U32(length)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 << 10, $"allocated {allocated:N0} bytes");
        Assert.Equal(1, hostCalls);
        linker.Instantiate(store, component).Func(export).Call(V.U32(0), V.U32(3));
        Assert.Equal(2, hostCalls);
    }

    // The trap locked that instance down; the store itself still instantiates and runs.
    private static void StoreStaysUsable(Store store)
    {
        var fresh = NewInstance(store);
        Assert.Equal("", fresh.Func("utf8").Call(V.U32(0), V.U32(0))!.AsString());
        Assert.Equal([0, 0], fresh.GetTypedFunction<(uint, uint), byte[]>("bytes")!.Call((0, 2)));
        Assert.Equal(16, fresh.GetTypedFunction<uint, string[]>("list-of-strings")!.Call(3).Length);
    }
}
