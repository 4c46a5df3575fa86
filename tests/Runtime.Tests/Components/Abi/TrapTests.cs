using WitSharp.Components;
using WitSharp.Components.Text;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// Every invalid value the canonical ABI traps on when lifting (CanonicalABI.md "Loading", "Flat Lifting",
/// "lift_flat_values"), and the values it accepts without trapping (bool, flags with unused bits set).
/// </summary>
public sealed class TrapTests
{
    private static readonly Lazy<(Engine Engine, WitSharp.Components.Component Component)> Compiled = new(() =>
    {
        var engine = new Engine();
        return (engine, WitSharp.Components.Component.FromBytes(engine, ComponentWat.Parse(Component)));
    });

    // A fresh instance for every access: a trap locks the instance down (Explainer.md "Component Invariants" 1).
    private static ComponentInstance I =>
        new ComponentLinker(Compiled.Value.Engine).Instantiate(new Store(Compiled.Value.Engine), Compiled.Value.Component);

    [Theory]
    [InlineData("bad-char", "invalid `char` bit pattern: 0xd800")]
    [InlineData("big-char", "invalid `char` bit pattern: 0x110000")]
    [InlineData("bad-char-mem", "invalid `char` bit pattern: 0xdfff")]
    [InlineData("bad-enum", "invalid variant discriminant")]
    [InlineData("bad-variant-mem", "invalid variant discriminant")]
    [InlineData("bad-option", "invalid option discriminant 2")]
    [InlineData("bad-result", "invalid result discriminant 7")]
    [InlineData("bad-utf8", "invalid utf-8")]
    [InlineData("short-utf8", "incomplete utf-8 byte sequence")]
    [InlineData("bad-utf16", "not valid UTF-16")]
    [InlineData("bad-latin1-utf16", "not valid UTF-16")]
    [InlineData("string-oob", "string content out-of-bounds")]
    [InlineData("string-misaligned", "string pointer not aligned to 2")]
    [InlineData("string-too-long", "MAX_STRING_BYTE_LENGTH")]
    [InlineData("list-oob", "list content out-of-bounds")]
    [InlineData("list-misaligned", "unaligned pointer: list pointer 0x2")]
    [InlineData("list-too-long", "MAX_LIST_BYTE_LENGTH")]
    [InlineData("retptr-misaligned", "unaligned pointer: return pointer")]
    [InlineData("retptr-oob", "return pointer/length out of bounds")]
    public void Invalid_lifted_values_trap(string export, string message)
    {
        var e = Assert.Throws<TrapException>(() => I.Func(export).Call());
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains($"`{export}`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bool_is_any_non_zero_and_unused_flag_bits_are_ignored()
    {
        // CanonicalABI.md convert_int_to_bool and unpack_flags_from_int: no trap for either.
        Assert.True(I.Func("bool-two").Call()!.AsBool());
        Assert.True(I.Func("bool-mem").Call()!.AsTuple()[0].AsBool());
        Assert.Equal(["a", "b"], I.Func("flags-extra").Call()!.AsFlags());
    }

    [Fact]
    public void Narrow_integers_keep_the_low_bits_and_nan_is_canonical()
    {
        Assert.Equal((byte)0x34, I.Func("u8-wide").Call()!.AsU8());
        Assert.Equal((sbyte)-1, I.Func("s8-wide").Call()!.AsS8());
        Assert.True(float.IsNaN(I.Func("nan").Call()!.AsF32()));
    }

    [Fact]
    public void Realloc_results_are_checked_when_the_host_lowers_arguments()
    {
        var e = Assert.Throws<TrapException>(() => I.Func("take-list-misaligned").Call(V.List(V.U32(1))));
        Assert.Contains("realloc return: result not aligned", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TrapException>(() => I.Func("take-string-oob").Call(V.String("abcdef")));
        Assert.Contains("realloc return: beyond end of memory", e.Message, StringComparison.Ordinal);
    }

    private const string Component = $$"""
        (component
          (core module $m
            (memory (export "mem") 1)
            {{AbiWat.Libc}}
            (data (i32.const 32) "\ff\fe")
            (data (i32.const 40) "\c3")
            (data (i32.const 48) "\00\d8")
            (data (i32.const 256) "\ff\df\00\00\00\00\00\00")
            (func $pair (param i32 i32) (result i32)
              (i32.store (i32.const 128) (local.get 0))
              (i32.store (i32.const 132) (local.get 1))
              (i32.const 128))
            (func (export "bad-char") (result i32) (i32.const 0xd800))
            (func (export "big-char") (result i32) (i32.const 0x110000))
            (func (export "bad-char-mem") (result i32) (i32.const 256))
            (func (export "bad-enum") (result i32) (i32.const 2))
            (func (export "bad-variant-mem") (result i32) (call $pair (i32.const 5) (i32.const 0)))
            (func (export "bad-option") (result i32) (call $pair (i32.const 2) (i32.const 0)))
            (func (export "bad-result") (result i32) (call $pair (i32.const 7) (i32.const 0)))
            (func (export "bad-utf8") (result i32) (call $pair (i32.const 32) (i32.const 2)))
            (func (export "short-utf8") (result i32) (call $pair (i32.const 40) (i32.const 1)))
            (func (export "bad-utf16") (result i32) (call $pair (i32.const 48) (i32.const 1)))
            (func (export "bad-latin1-utf16") (result i32) (call $pair (i32.const 48) (i32.const 0x80000001)))
            (func (export "string-oob") (result i32) (call $pair (i32.const 65535) (i32.const 2)))
            (func (export "string-misaligned") (result i32) (call $pair (i32.const 33) (i32.const 1)))
            (func (export "string-too-long") (result i32) (call $pair (i32.const 0) (i32.const 0x10000000)))
            (func (export "list-oob") (result i32) (call $pair (i32.const 65532) (i32.const 2)))
            (func (export "list-misaligned") (result i32) (call $pair (i32.const 2) (i32.const 1)))
            (func (export "list-too-long") (result i32) (call $pair (i32.const 0) (i32.const 0x2000000)))
            (func (export "retptr-misaligned") (result i32) (i32.const 2))
            (func (export "retptr-oob") (result i32) (i32.const 65532))
            (func (export "bool-two") (result i32) (i32.const 2))
            (func (export "bool-mem") (result i32) (call $pair (i32.const 0xff) (i32.const 0)))
            (func (export "flags-extra") (result i32) (i32.const 0xff))
            (func (export "u8-wide") (result i32) (i32.const 0x1234))
            (func (export "s8-wide") (result i32) (i32.const 0x17f_ff))
            (func (export "nan") (result f32) (f32.reinterpret_i32 (i32.const 0x7fc00001)))
            (func (export "take") (param i32 i32))
            (func (export "bad-realloc-2") (param i32 i32 i32 i32) (result i32) (i32.const 2))
            (func (export "bad-realloc-oob") (param i32 i32 i32 i32) (result i32) (i32.const 65534)))
          (core instance $i (instantiate $m))
          (alias core export $i "mem" (core memory $mem))
          (alias core export $i "realloc" (core func $realloc))
          (type $e' (enum "a" "b"))
          (export $e "e" (type $e'))
          (type $v' (variant (case "x" u8) (case "y") (case "z" u32)))
          (export $v "v" (type $v'))
          (type $f' (flags "a" "b"))
          (export $f "f" (type $f'))
          (func (export "bad-char") (result char) (canon lift (core func $i "bad-char")))
          (func (export "big-char") (result char) (canon lift (core func $i "big-char")))
          (func (export "bad-char-mem") (result (tuple char u32)) (canon lift (core func $i "bad-char-mem") (memory $mem)))
          (func (export "bad-enum") (result $e) (canon lift (core func $i "bad-enum")))
          (func (export "bad-variant-mem") (result (tuple $v u32)) (canon lift (core func $i "bad-variant-mem") (memory $mem)))
          (func (export "bad-option") (result (option u32)) (canon lift (core func $i "bad-option") (memory $mem)))
          (func (export "bad-result") (result (result u32 (error u8))) (canon lift (core func $i "bad-result") (memory $mem)))
          (func (export "bad-utf8") (result string) (canon lift (core func $i "bad-utf8") (memory $mem)))
          (func (export "short-utf8") (result string) (canon lift (core func $i "short-utf8") (memory $mem)))
          (func (export "bad-utf16") (result string) (canon lift (core func $i "bad-utf16") (memory $mem) string-encoding=utf16))
          (func (export "bad-latin1-utf16") (result string) (canon lift (core func $i "bad-latin1-utf16") (memory $mem) string-encoding=latin1+utf16))
          (func (export "string-oob") (result string) (canon lift (core func $i "string-oob") (memory $mem)))
          (func (export "string-misaligned") (result string) (canon lift (core func $i "string-misaligned") (memory $mem) string-encoding=utf16))
          (func (export "string-too-long") (result string) (canon lift (core func $i "string-too-long") (memory $mem)))
          (func (export "list-oob") (result (list u32)) (canon lift (core func $i "list-oob") (memory $mem)))
          (func (export "list-misaligned") (result (list u32)) (canon lift (core func $i "list-misaligned") (memory $mem)))
          (func (export "list-too-long") (result (list u64)) (canon lift (core func $i "list-too-long") (memory $mem)))
          (func (export "retptr-misaligned") (result (tuple u32 u32)) (canon lift (core func $i "retptr-misaligned") (memory $mem)))
          (func (export "retptr-oob") (result (tuple u32 u32)) (canon lift (core func $i "retptr-oob") (memory $mem)))
          (func (export "bool-two") (result bool) (canon lift (core func $i "bool-two")))
          (func (export "bool-mem") (result (tuple bool u32)) (canon lift (core func $i "bool-mem") (memory $mem)))
          (func (export "flags-extra") (result $f) (canon lift (core func $i "flags-extra")))
          (func (export "u8-wide") (result u8) (canon lift (core func $i "u8-wide")))
          (func (export "s8-wide") (result s8) (canon lift (core func $i "s8-wide")))
          (func (export "nan") (result f32) (canon lift (core func $i "nan")))
          (func (export "take-list-misaligned") (param "l" (list u32))
            (canon lift (core func $i "take") (memory $mem) (realloc (core func $i "bad-realloc-2"))))
          (func (export "take-string-oob") (param "s" string)
            (canon lift (core func $i "take") (memory $mem) (realloc (core func $i "bad-realloc-oob")))))
        """;
}
