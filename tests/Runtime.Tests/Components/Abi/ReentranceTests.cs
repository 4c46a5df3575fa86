using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// Component-to-component calls: instance flags (CanonicalABI.md <c>may_enter</c>, <c>may_leave</c>),
/// post-return ordering, and the pointer checks of spilled parameters and return pointers in a lowered call.
/// </summary>
public sealed class ReentranceTests
{
    [Fact]
    public void A_component_calling_its_own_lifted_export_traps()
    {
        var e = Assert.Throws<TrapException>(() => AbiWat.Instantiate("""
            (component
              (core module $m (func (export "")))
              (core instance $m (instantiate $m))
              (func $f (canon lift (core func $m "")))
              (core func $g (canon lower (func $f)))
              (core module $s (import "" "" (func $g)) (func $start (call $g)) (start $start))
              (core instance (instantiate $s (with "" (instance (export "" (func $g)))))))
            """));
        Assert.Equal(TrapCode.CannotEnterComponent, e.Type);
        Assert.Contains("cannot enter component instance", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import-from-post-return")]
    [InlineData("import-from-realloc")]
    public void Imports_cannot_be_called_from_post_return_or_realloc(string export)
    {
        var i = AbiWat.Instantiate(TwoComponents);
        var e = Assert.Throws<TrapException>(() => i.Func(export).Call(ComponentValue.String("x")));
        Assert.Equal(TrapCode.CannotLeaveComponent, e.Type);
        Assert.Contains("cannot leave component instance", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_return_runs_once_after_the_caller_has_copied_the_result()
    {
        var i = AbiWat.Instantiate(TwoComponents);
        // The callee's post-return overwrites the returned string; the caller must already hold its copy.
        Assert.Equal("hello", i.Func("greet").Call()!.AsString());
        Assert.Equal(1u, i.Func("post-count").Call()!.AsU32());
        Assert.Equal("hello", i.Func("greet").Call()!.AsString());
        Assert.Equal(2u, i.Func("post-count").Call()!.AsU32());
    }

    [Theory]
    [InlineData("spill-misaligned", "unaligned pointer: parameter pointer 0x2")]
    [InlineData("spill-oob", "parameter pointer/length out of bounds")]
    [InlineData("retptr-misaligned", "unaligned pointer: return pointer 0x2")]
    [InlineData("retptr-oob", "return pointer/length out of bounds")]
    public void Lowered_calls_check_parameter_and_return_pointers(string export, string message)
    {
        var i = AbiWat.Instantiate(TwoComponents);
        var e = Assert.Throws<TrapException>(() => i.Func(export).Call());
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seventeen_parameters_cross_through_memory()
    {
        var i = AbiWat.Instantiate(TwoComponents);
        Assert.Equal(136u, i.Func("spill-ok").Call()!.AsU32());
    }

    private static readonly string Params17 = string.Join(" ", Enumerable.Range(0, 17).Select(n => $"(param \"p{n}\" u32)"));

    private static readonly string TwoComponents = $$"""
        (component
          (component $Callee
            (core module $m
              (memory (export "mem") 1)
              {{AbiWat.Libc}}
              (global $posts (mut i32) (i32.const 0))
              (func (export "greet") (result i32)
                (i64.store (i32.const 64) (i64.const 0x6f6c6c6568))
                (i32.store (i32.const 16) (i32.const 64))
                (i32.store (i32.const 20) (i32.const 5))
                (i32.const 16))
              (func (export "greet-post") (param i32)
                (global.set $posts (i32.add (global.get $posts) (i32.const 1)))
                (i64.store (i32.const 64) (i64.const 0)))
              (func (export "post-count") (result i32) (global.get $posts))
              (func (export "take") (param i32 i32))
              (func (export "pair") (result i32) (i32.const 16))
              (func (export "sum17") (param i32) (result i32)
                (local $i i32) (local $s i32)
                (loop $l
                  (local.set $s (i32.add (local.get $s) (i32.load (i32.add (local.get 0) (i32.shl (local.get $i) (i32.const 2))))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (i32.const 17))))
                (local.get $s)))
            (core instance $i (instantiate $m))
            (func (export "greet") (result string)
              (canon lift (core func $i "greet") (memory (core memory $i "mem")) (post-return (core func $i "greet-post"))))
            (func (export "post-count") (result u32) (canon lift (core func $i "post-count")))
            (func (export "take") (param "s" string)
              (canon lift (core func $i "take") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
            (func (export "pair") (result (tuple u32 u32)) (canon lift (core func $i "pair") (memory (core memory $i "mem"))))
            (func (export "sum17") {{Params17}} (result u32)
              (canon lift (core func $i "sum17") (memory (core memory $i "mem")) (realloc (core func $i "realloc")))))
          (component $Caller
            (import "greet" (func $greet (result string)))
            (import "take" (func $take (param "s" string)))
            (import "pair" (func $pair (result (tuple u32 u32))))
            (import "sum17" (func $sum17 {{Params17}} (result u32)))
            (core module $libc
              (memory (export "mem") 1)
              (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024)))
            (core instance $libc (instantiate $libc))
            (core func $greet' (canon lower (func $greet) (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
            (core func $take' (canon lower (func $take) (memory (core memory $libc "mem"))))
            (core func $pair' (canon lower (func $pair) (memory (core memory $libc "mem"))))
            (core func $sum17' (canon lower (func $sum17) (memory (core memory $libc "mem"))))
            (core module $main
              (import "" "mem" (memory 1))
              (import "" "greet" (func $greet (param i32)))
              (import "" "take" (func $take (param i32 i32)))
              (import "" "pair" (func $pair (param i32)))
              (import "" "sum17" (func $sum17 (param i32) (result i32)))
              (func (export "greet") (result i32) (call $greet (i32.const 8)) (i32.const 8))
              (func (export "post") (call $take (i32.const 0) (i32.const 0)))
              (func (export "realloc") (param i32 i32 i32 i32) (result i32) (call $take (i32.const 0) (i32.const 0)) (i32.const 0))
              (func (export "noop") (param i32 i32))
              (func (export "spill-misaligned") (result i32) (call $sum17 (i32.const 2)))
              (func (export "spill-oob") (result i32) (call $sum17 (i32.const 65532)))
              (func (export "retptr-misaligned") (call $pair (i32.const 2)))
              (func (export "retptr-oob") (call $pair (i32.const 65532)))
              (func (export "spill-ok") (result i32)
                (local $i i32)
                (loop $l
                  (i32.store (i32.add (i32.const 256) (i32.shl (local.get $i) (i32.const 2))) (local.get $i))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (i32.const 18))))
                (call $sum17 (i32.const 256))))
            (core instance $main (instantiate $main (with "" (instance
              (export "mem" (memory $libc "mem"))
              (export "greet" (func $greet')) (export "take" (func $take'))
              (export "pair" (func $pair')) (export "sum17" (func $sum17'))))))
            (func (export "greet") (result string) (canon lift (core func $main "greet") (memory (core memory $libc "mem"))))
            (func (export "import-from-post-return") (param "s" string)
              (canon lift (core func $main "noop") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))
                (post-return (core func $main "post"))))
            (func (export "import-from-realloc") (param "s" string)
              (canon lift (core func $main "noop") (memory (core memory $libc "mem")) (realloc (core func $main "realloc"))))
            (func (export "spill-misaligned") (result u32) (canon lift (core func $main "spill-misaligned")))
            (func (export "spill-oob") (result u32) (canon lift (core func $main "spill-oob")))
            (func (export "retptr-misaligned") (canon lift (core func $main "retptr-misaligned")))
            (func (export "retptr-oob") (canon lift (core func $main "retptr-oob")))
            (func (export "spill-ok") (result u32) (canon lift (core func $main "spill-ok"))))
          (instance $callee (instantiate $Callee))
          (instance $caller (instantiate $Caller
            (with "greet" (func $callee "greet")) (with "take" (func $callee "take"))
            (with "pair" (func $callee "pair")) (with "sum17" (func $callee "sum17"))))
          (export "greet" (func $caller "greet"))
          (export "post-count" (func $callee "post-count"))
          (export "import-from-post-return" (func $caller "import-from-post-return"))
          (export "import-from-realloc" (func $caller "import-from-realloc"))
          (export "spill-misaligned" (func $caller "spill-misaligned"))
          (export "spill-oob" (func $caller "spill-oob"))
          (export "retptr-misaligned" (func $caller "retptr-misaligned"))
          (export "retptr-oob" (func $caller "retptr-oob"))
          (export "spill-ok" (func $caller "spill-ok")))
        """;
}
