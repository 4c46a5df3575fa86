using WitSharp.Components;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components;

/// <summary>Every value type round-trips through a guest that echoes its flat parameters (echo.wat).</summary>
public sealed class EchoTests
{
    private readonly ComponentTestHost _h = new();

    [Fact]
    public void Integers_and_bool_round_trip()
    {
        Assert.True(_h.Call("echo-bool", V.Bool(true)).AsBool());
        Assert.False(_h.Call("echo-bool", V.Bool(false)).AsBool());
        Assert.Equal(sbyte.MinValue, _h.Call("echo-s8", V.S8(sbyte.MinValue)).AsS8());
        Assert.Equal(byte.MaxValue, _h.Call("echo-u8", V.U8(byte.MaxValue)).AsU8());
        Assert.Equal(short.MinValue, _h.Call("echo-s16", V.S16(short.MinValue)).AsS16());
        Assert.Equal(ushort.MaxValue, _h.Call("echo-u16", V.U16(ushort.MaxValue)).AsU16());
        Assert.Equal(-123456789, _h.Call("echo-s32", V.S32(-123456789)).AsS32());
        Assert.Equal(uint.MaxValue, _h.Call("echo-u32", V.U32(uint.MaxValue)).AsU32());
        Assert.Equal(long.MinValue, _h.Call("echo-s64", V.S64(long.MinValue)).AsS64());
        Assert.Equal(ulong.MaxValue, _h.Call("echo-u64", V.U64(ulong.MaxValue)).AsU64());
    }

    [Fact]
    public void Floats_round_trip_and_nans_are_canonicalized()
    {
        Assert.Equal(1.5f, _h.Call("echo-f32", V.F32(1.5f)).AsF32());
        Assert.Equal(-0.0, _h.Call("echo-f64", V.F64(-0.0)).AsF64());
        Assert.True(double.IsNegative(_h.Call("echo-f64", V.F64(-0.0)).AsF64()));
        Assert.Equal(double.PositiveInfinity, _h.Call("echo-f64", V.F64(double.PositiveInfinity)).AsF64());
        Assert.Equal(0x7fc00000u, BitConverter.SingleToUInt32Bits(_h.Call("nan32").AsF32()));
        Assert.Equal(0x7ff8000000000000ul, BitConverter.DoubleToUInt64Bits(_h.Call("nan64").AsF64()));
    }

    [Fact]
    public void Chars_round_trip_and_invalid_chars_trap()
    {
        Assert.Equal(0x1F30Du, _h.Call("echo-char", V.Char(0x1F30Du)).AsChar());
        Assert.Equal('x', (char)_h.Call("echo-char", V.Char('x')).AsChar());
        var e = Assert.Throws<TrapException>(() => _h.Call("bad-char"));
        Assert.Contains("0xd800 is not a valid char", e.Message);
        Assert.Throws<TrapException>(() => _h.Call("big-char"));
        Assert.Throws<ArgumentOutOfRangeException>(() => V.Char(0xD800u));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("héllo wörld 🌍 — ünïcode")]
    public void Strings_round_trip_in_every_encoding(string s)
    {
        Assert.Equal(s, _h.Call("echo-string", V.String(s)).AsString());
        Assert.Equal(s, _h.Call("echo-string-utf16", V.String(s)).AsString());
        Assert.Equal(s, _h.Call("echo-string-latin1", V.String(s)).AsString());
    }

    [Fact]
    public void Host_strings_with_unpaired_surrogates_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _h.Call("echo-string", V.String("a\uD800b")));
    }

    [Fact]
    public void Lists_round_trip()
    {
        var xs = _h.Call("echo-list", V.List(V.U32(1), V.U32(2), V.U32(0xFFFFFFFF))).AsList();
        Assert.Equal([1u, 2u, 0xFFFFFFFFu], xs.Select(x => x.AsU32()));
        Assert.Empty(_h.Call("echo-list", V.List()).AsList());
        var ss = _h.Call("echo-list-string", V.List(V.String("a"), V.String(""), V.String("ccc"))).AsList();
        Assert.Equal(["a", "", "ccc"], ss.Select(x => x.AsString()));
    }

    private static V Rec(byte a, uint b, string c) => V.Record(("a", V.U8(a)), ("b", V.U32(b)), ("c", V.String(c)));

    [Fact]
    public void Records_and_lists_of_records_round_trip()
    {
        var r = _h.Call("echo-record", Rec(7, 0xDEADBEEF, "rec"));
        Assert.Equal(7, r.Field("a").AsU8());
        Assert.Equal(0xDEADBEEF, r.Field("b").AsU32());
        Assert.Equal("rec", r.Field("c").AsString());
        Assert.Equal(["a", "b", "c"], r.AsRecord().Select(f => f.Key));

        var list = _h.Call("echo-list-rec", V.List(Rec(1, 2, "x"), Rec(3, 4, "yy"))).AsList();
        Assert.Equal(2, list.Count);
        Assert.Equal("{a: 3, b: 4, c: \"yy\"}", list[1].ToString());
    }

    [Fact]
    public void Tuples_round_trip()
    {
        var t = _h.Call("echo-tuple", V.Tuple(V.S64(-5), V.F32(2.25f))).AsTuple();
        Assert.Equal(-5, t[0].AsS64());
        Assert.Equal(2.25f, t[1].AsF32());
    }

    [Fact]
    public void Variants_round_trip_through_joined_flat_slots()
    {
        var a = _h.Call("echo-variant", V.Variant("a", V.U8(200)));
        Assert.Equal("a", a.AsVariant());
        Assert.Equal(200, a.Payload!.AsU8());
        var b = _h.Call("echo-variant", V.Variant("b", V.F64(-3.75)));
        Assert.Equal("b", b.AsVariant());
        Assert.Equal(-3.75, b.Payload!.AsF64());
        var c = _h.Call("echo-variant", V.Variant("c"));
        Assert.Equal("c", c.AsVariant());
        Assert.Null(c.Payload);
    }

    [Fact]
    public void Enums_and_flags_round_trip()
    {
        Assert.Equal("green", _h.Call("echo-enum", V.Enum("green")).AsEnum());
        Assert.Equal(["read", "exec"], _h.Call("echo-flags", V.Flags("exec", "read")).AsFlags());
        Assert.Empty(_h.Call("echo-flags", V.Flags()).AsFlags());
        Assert.Equal(["f0", "f9", "f19"], _h.Call("echo-wide-flags", V.Flags("f19", "f0", "f9")).AsFlags());
    }

    [Fact]
    public void Options_and_results_round_trip()
    {
        var some = _h.Call("echo-option-string", V.Some(V.String("inside")));
        Assert.True(some.IsSome);
        Assert.Equal("inside", some.Payload!.AsString());
        Assert.False(_h.Call("echo-option-string", V.None()).IsSome);

        var ok = _h.Call("echo-result", V.Ok(V.U32(42)));
        Assert.True(ok.IsOk);
        Assert.Equal(42u, ok.Payload!.AsU32());
        var err = _h.Call("echo-result", V.Err(V.String("bad")));
        Assert.False(err.IsOk);
        Assert.Equal("bad", err.Payload!.AsString());

        Assert.Equal(9, _h.Call("echo-option-u8", V.Some(V.U8(9))).Payload!.AsU8());
        Assert.False(_h.Call("echo-option-u8", V.None()).IsSome);
    }

    [Fact]
    public void Host_values_of_the_wrong_shape_are_rejected_before_the_call()
    {
        Assert.Throws<ArgumentException>(() => _h.Call("echo-u32", V.S32(1)));
        Assert.Throws<ArgumentException>(() => _h.Call("echo-enum", V.Enum("purple")));
        Assert.Throws<ArgumentException>(() => _h.Call("echo-flags", V.Flags("delete")));
        Assert.Throws<ArgumentException>(() => _h.Call("echo-variant", V.Variant("c", V.U8(1))));
        Assert.Throws<ArgumentException>(() => _h.Call("echo-variant", V.Variant("a")));
        Assert.Throws<ArgumentException>(() => _h.Call("echo-record", V.Record(("b", V.U32(1)), ("a", V.U8(1)), ("c", V.String("")))));
        Assert.Throws<ArgumentException>(() => _h.Call("echo-tuple", V.Tuple(V.S64(1))));
        Assert.Throws<ArgumentException>(() => _h.Func("echo-u32").Call());
    }
}
