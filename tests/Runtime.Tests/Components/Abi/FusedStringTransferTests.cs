using WitSharp.Components;
using WitSharp.Components.Text;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// Strings passed from one component to another go memory to memory (CanonicalABI.md "store_string_into_range"),
/// on the fused adapter and on the dynamic fallback alike: a 4 MiB string moves without a host allocation of its
/// size, an invalid long string (validated after the realloc, docs/RATIONALE.md "String length limits") still
/// traps, and hostile (pointer, length) pairs trap before anything is allocated.
/// </summary>
public sealed class FusedStringTransferTests
{
    // $B passes (p, n) from its 100-page memory to $A, whose realloc grows its memory as needed; $A returns the
    // number of code units it received.
    private const string Component = """
        (component
          (component $A
            (core module $m
              (memory (export "m") 1)
              (global $next (mut i32) (i32.const 8))
              (func (export "len") (param i32 i32) (result i32) (local.get 1))
              (func (export "realloc") (param i32 i32 i32 i32) (result i32)
                (local $r i32) (local $need i32)
                (local.set $r (i32.and (i32.add (global.get $next) (i32.const 7)) (i32.const -8)))
                (global.set $next (i32.add (local.get $r) (local.get 3)))
                (local.set $need (i32.shr_u (i32.add (global.get $next) (i32.const 65535)) (i32.const 16)))
                (if (i32.gt_u (local.get $need) (memory.size))
                  (then (if (i32.eq (memory.grow (i32.sub (local.get $need) (memory.size))) (i32.const -1))
                    (then unreachable))))
                (local.get $r)))
            (core instance $i (instantiate $m))
            (func (export "utf8") (param "s" string) (result u32)
              (canon lift (core func $i "len") (memory (core memory $i "m")) (realloc (core func $i "realloc"))))
            (func (export "utf16") (param "s" string) (result u32)
              (canon lift (core func $i "len") (memory (core memory $i "m")) (realloc (core func $i "realloc")) string-encoding=utf16)))
          (instance $a (instantiate $A))
          (component $B
            (import "a" (instance $a
              (export "utf8" (func (param "s" string) (result u32)))
              (export "utf16" (func (param "s" string) (result u32)))))
            (core module $libc (memory (export "mem") 100))
            (core instance $libc (instantiate $libc))
            (core func $to8 (canon lower (func $a "utf8") (memory (core memory $libc "mem"))))
            (core func $to16 (canon lower (func $a "utf16") (memory (core memory $libc "mem"))))
            (core module $m
              (import "" "to8" (func $to8 (param i32 i32) (result i32)))
              (import "" "to16" (func $to16 (param i32 i32) (result i32)))
              (import "" "mem" (memory 1))
              (func (export "to8") (param i32 i32) (result i32) (call $to8 (local.get 0) (local.get 1)))
              (func (export "to16") (param i32 i32) (result i32) (call $to16 (local.get 0) (local.get 1)))
              (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 2) (local.get 1))))
            (core instance $i (instantiate $m (with "" (instance
              (export "to8" (func $to8)) (export "to16" (func $to16)) (export "mem" (memory $libc "mem"))))))
            (func (export "to8") (param "p" u32) (param "n" u32) (result u32) (canon lift (core func $i "to8")))
            (func (export "to16") (param "p" u32) (param "n" u32) (result u32) (canon lift (core func $i "to16")))
            (func (export "fill") (param "p" u32) (param "n" u32) (param "b" u8) (canon lift (core func $i "fill"))))
          (instance $b (instantiate $B (with "a" (instance $a))))
          (export "to8" (func $b "to8"))
          (export "to16" (func $b "to16"))
          (export "fill" (func $b "fill")))
        """;

    private const uint Big = 4 << 20;
    private const uint MemoryEnd = 100 * 65536;

    private static readonly Lazy<(Engine Engine, WitSharp.Components.Component Component)> s_compiled = new(() =>
    {
        var engine = new Engine();
        return (engine, WitSharp.Components.Component.FromBytes(engine, ComponentWat.Parse(Component)));
    });

    private static ComponentInstance NewInstance(Store store, bool dynamicOnly)
    {
        LoweredFunction.DynamicOnly = dynamicOnly;
        try
        {
            return new ComponentLinker(s_compiled.Value.Engine).Instantiate(store, s_compiled.Value.Component);
        }
        finally
        {
            LoweredFunction.DynamicOnly = false;
        }
    }

    private static uint Send(ComponentInstance i, string export, uint ptr, uint length) =>
        i.Func(export).Call(V.U32(ptr), V.U32(length))!.AsU32();

    [Theory]
    [InlineData(false, "to8")]
    [InlineData(false, "to16")]
    [InlineData(true, "to8")]
    [InlineData(true, "to16")]
    public void A_long_string_moves_memory_to_memory(bool dynamicOnly, string export)
    {
        var i = NewInstance(new Store(s_compiled.Value.Engine), dynamicOnly);
        i.Func("fill").Call(V.U32(0), V.U32(Big), V.U8((byte)'a'));
        Send(i, export, 0, 1); // warm up the call path before measuring
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(Big, Send(i, export, 0, Big));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 256 << 10, $"allocated {allocated:N0} bytes for a {Big:N0}-byte string");
    }

    [Theory]
    [InlineData(false, "to8")]
    [InlineData(false, "to16")]
    [InlineData(true, "to8")]
    [InlineData(true, "to16")]
    public void An_invalid_long_string_traps(bool dynamicOnly, string export)
    {
        var i = NewInstance(new Store(s_compiled.Value.Engine), dynamicOnly);
        i.Func("fill").Call(V.U32(0), V.U32(Big), V.U8((byte)'a'));
        i.Func("fill").Call(V.U32(Big - 1), V.U32(1), V.U8(0xff));
        var e = Assert.Throws<TrapException>(() => Send(i, export, 0, Big));
        Assert.Contains("utf-8", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(false, "to8", 0u, 0xFFFF_FFFFu)]
    [InlineData(false, "to8", MemoryEnd - 1, 2u)]
    [InlineData(false, "to8", 0xFFFF_FFFFu, 1u)]
    [InlineData(false, "to16", 0u, 0xFFFF_FFFFu)]
    [InlineData(false, "to16", MemoryEnd - 1, 2u)]
    [InlineData(true, "to8", 0u, 0xFFFF_FFFFu)]
    [InlineData(true, "to8", MemoryEnd - 1, 2u)]
    [InlineData(true, "to16", 0u, 0x7FFF_FFFFu)]
    [InlineData(true, "to16", MemoryEnd - 1, 2u)]
    public void Hostile_lengths_between_components_trap_without_allocating(bool dynamicOnly, string export, uint ptr, uint length)
    {
        var store = new Store(s_compiled.Value.Engine);
        var i = NewInstance(store, dynamicOnly);
        Send(i, export, 0, 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TrapException>(() => Send(i, export, ptr, length));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("out-of-bounds", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64 << 10, $"allocated {allocated:N0} bytes");
        Assert.Equal(3u, Send(NewInstance(store, dynamicOnly), export, 0, 3));
    }
}
