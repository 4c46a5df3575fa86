using System.Text;
using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.Typed;

/// <summary>The typed fast path (TypedComponentFunction) against echo.wat: every value shape round-trips, the
/// calling protocol (realloc, post-return, spilling) matches the dynamic path, invalid guest values trap, and
/// C# types that do not map the export's type are rejected once, at binding.</summary>
public sealed class TypedFunctionTests
{
    private readonly ComponentTestHost _h = new();

    private TypedComponentFunction<TP, TR> F<TP, TR>(string name) =>
        _h.Instance.GetTypedFunction<TP, TR>(name) ?? throw new InvalidOperationException($"no export `{name}`");

    [Fact]
    public void Scalars_round_trip()
    {
        Assert.True(F<bool, bool>("echo-bool").Call(true));
        Assert.False(F<bool, bool>("echo-bool").Call(false));
        Assert.Equal((sbyte)-5, F<sbyte, sbyte>("echo-s8").Call(-5));
        Assert.Equal((byte)250, F<byte, byte>("echo-u8").Call(250));
        Assert.Equal((short)-30000, F<short, short>("echo-s16").Call(-30000));
        Assert.Equal((ushort)65000, F<ushort, ushort>("echo-u16").Call(65000));
        Assert.Equal(-7, F<int, int>("echo-s32").Call(-7));
        Assert.Equal(uint.MaxValue, F<uint, uint>("echo-u32").Call(uint.MaxValue));
        Assert.Equal(long.MinValue, F<long, long>("echo-s64").Call(long.MinValue));
        Assert.Equal(ulong.MaxValue, F<ulong, ulong>("echo-u64").Call(ulong.MaxValue));
        Assert.Equal(1.5f, F<float, float>("echo-f32").Call(1.5f));
        Assert.Equal(-2.25, F<double, double>("echo-f64").Call(-2.25));
        Assert.Equal(new Rune(0x1F600), F<Rune, Rune>("echo-char").Call(new Rune(0x1F600)));
    }

    [Fact]
    public void Enums_and_flags_map_to_csharp_enums()
    {
        Assert.Equal(Color.Blue, F<Color, Color>("echo-enum").Call(Color.Blue));
        Assert.Equal(Perms.Read | Perms.Exec, F<Perms, Perms>("echo-flags").Call(Perms.Read | Perms.Exec));
        Assert.Throws<ArgumentException>(() => F<Color, Color>("echo-enum").Call((Color)3));
        Assert.Throws<ArgumentException>(() => F<Perms, Perms>("echo-flags").Call((Perms)8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("héllo wörld")]
    [InlineData("日本語 and 😀")]
    public void Strings_round_trip_in_every_encoding(string s)
    {
        Assert.Equal(s, F<string, string>("echo-string").Call(s));
        Assert.Equal(s, F<string, string>("echo-string-utf16").Call(s));
        Assert.Equal(s, F<string, string>("echo-string-latin1").Call(s));
    }

    [Fact]
    public void Long_strings_cross_in_one_piece()
    {
        var ascii = new string('a', 20_000);
        Assert.Equal(ascii, F<string, string>("echo-string").Call(ascii));
        var mixed = string.Concat(Enumerable.Repeat("ab€😀", 2000));
        Assert.Equal(mixed, F<string, string>("echo-string").Call(mixed));
    }

    [Fact]
    public void Unpaired_surrogates_are_rejected_before_the_call()
    {
        Assert.Throws<ArgumentException>(() => F<string, string>("echo-string").Call("a\ud800b"));
        Assert.Throws<ArgumentException>(() => F<string, string>("echo-string-utf16").Call("\udc00"));
    }

    [Fact]
    public void Lists_round_trip()
    {
        uint[] values = [1, 2, 3, uint.MaxValue];
        Assert.Equal(values, F<uint[], uint[]>("echo-list").Call(values));
        Assert.Empty(F<uint[], uint[]>("echo-list").Call([]));
        Assert.Equal(values, F<ReadOnlyMemory<uint>, uint[]>("echo-list").Call(values.AsMemory()));
        Assert.Equal(["a", "bé", ""], F<string[], string[]>("echo-list-string").Call(["a", "bé", ""]));
    }

    [Fact]
    public void Records_and_variants_use_the_generated_type_contract()
    {
        var rec = new Rec(7, 0xdeadbeef, "xyz");
        Assert.Equal(rec, F<Rec, Rec>("echo-record").Call(rec));
        Assert.Equal([rec, rec with { C = "" }], F<Rec[], Rec[]>("echo-list-rec").Call([rec, rec with { C = "" }]));
        Assert.Equal(new Var.A(9), F<Var, Var>("echo-variant").Call(new Var.A(9)));
        Assert.Equal(new Var.B(-0.5), F<Var, Var>("echo-variant").Call(new Var.B(-0.5)));
        Assert.Equal(new Var.C(), F<Var, Var>("echo-variant").Call(new Var.C()));
    }

    [Fact]
    public void Tuples_options_and_results()
    {
        Assert.Equal((-3L, 2.5f), F<(long, float), (long, float)>("echo-tuple").Call((-3L, 2.5f)));
        Assert.Equal(Option<string>.Some("s"), F<Option<string>, Option<string>>("echo-option-string").Call(Option<string>.Some("s")));
        Assert.Equal(Option<string>.None, F<Option<string>, Option<string>>("echo-option-string").Call(Option<string>.None));
        Assert.Equal("n", F<string?, string?>("echo-option-string").Call("n"));
        Assert.Null(F<string?, string?>("echo-option-string").Call(null));
        Assert.Equal((byte)4, F<byte?, byte?>("echo-option-u8").Call(4));
        Assert.Null(F<byte?, byte?>("echo-option-u8").Call(null));
        var ok = Result<uint, string>.Ok(5);
        var err = Result<uint, string>.Err("bad");
        Assert.Equal(ok, F<Result<uint, string>, Result<uint, string>>("echo-result").Call(ok));
        Assert.Equal(err, F<Result<uint, string>, Result<uint, string>>("echo-result").Call(err));
    }

    [Fact]
    public void Seventeen_parameters_spill_through_realloc_as_one_tuple()
    {
        var sum17 = F<(uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint), uint>("sum17");
        uint before = F<ValueTuple, uint>("realloc-count").Call(default);
        Assert.Equal(153u, sum17.Call((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)));
        Assert.Equal(before + 1, F<ValueTuple, uint>("realloc-count").Call(default));
        Assert.Throws<ComponentTypeMismatchException>(() => F<(uint, uint), uint>("sum17"));
    }

    [Fact]
    public void Post_return_and_realloc_are_called_as_on_the_dynamic_path()
    {
        var posts = F<ValueTuple, uint>("post-count");
        var reallocs = F<ValueTuple, uint>("realloc-count");
        uint p0 = posts.Call(default), r0 = reallocs.Call(default);
        F<string, string>("echo-string").Call("x");
        F<string[], string[]>("echo-list-string").Call(["a", "b"]);
        Assert.Equal(p0 + 1, posts.Call(default));
        Assert.Equal(r0 + 1 + 3, reallocs.Call(default));
    }

    [Fact]
    public void Host_imports_are_reached_through_typed_exports()
    {
        Assert.Equal("héllo!", F<string, string>("call-host-echo").Call("héllo"));
        Assert.Equal(12u, F<(uint, uint), uint>("call-host-add").Call((5, 7)));
    }

    [Theory]
    [InlineData("bad-enum", "invalid enum discriminant 3")]
    [InlineData("bad-option", "invalid option discriminant 2")]
    [InlineData("bad-utf8", "is not valid UTF-8")]
    [InlineData("oob-string", "out-of-bounds")]
    [InlineData("misaligned-list", "list pointer 0x1 is not 4-byte aligned")]
    [InlineData("misaligned-ret", "return pointer 0x42 is not 4-byte aligned")]
    [InlineData("bad-char", "is not a valid char")]
    [InlineData("big-char", "is not a valid char")]
    public void Invalid_guest_values_trap(string export, string message)
    {
        TrapException e = export switch
        {
            "bad-enum" => Assert.Throws<TrapException>(() => F<ValueTuple, Color>(export).Call(default)),
            "bad-option" => Assert.Throws<TrapException>(() => F<ValueTuple, byte?>(export).Call(default)),
            "misaligned-list" => Assert.Throws<TrapException>(() => F<ValueTuple, uint[]>(export).Call(default)),
            "bad-char" or "big-char" => Assert.Throws<TrapException>(() => F<ValueTuple, Rune>(export).Call(default)),
            _ => Assert.Throws<TrapException>(() => F<ValueTuple, string>(export).Call(default)),
        };
        Assert.Contains(message, e.Message);
        Assert.Contains($"`{export}`", e.Message);
    }

    [Fact]
    public void Nan_payloads_are_canonicalized()
    {
        Assert.Equal(0x7fc00000u, BitConverter.SingleToUInt32Bits(F<ValueTuple, float>("nan32").Call(default)));
        Assert.Equal(0x7ff8000000000000ul, BitConverter.DoubleToUInt64Bits(F<ValueTuple, double>("nan64").Call(default)));
    }

    [Fact]
    public void Mismatched_csharp_types_are_rejected_at_binding()
    {
        Assert.Throws<ComponentTypeMismatchException>(() => F<int, uint>("echo-u32"));
        Assert.Throws<ComponentTypeMismatchException>(() => F<uint, uint[]>("echo-u32"));
        Assert.Throws<ComponentTypeMismatchException>(() => F<byte[], uint[]>("echo-list"));
        Assert.Throws<ComponentTypeMismatchException>(() => F<ValueTuple, uint>("echo-u32"));
        Assert.Throws<ComponentTypeMismatchException>(() => F<uint, ValueTuple>("post-count"));
        Assert.Throws<ComponentTypeMismatchException>(() => F<(uint, uint, uint), uint>("call-host-add"));
        Assert.Null(_h.Instance.GetTypedFunction<uint, uint>("no-such-export"));
    }

    [Fact]
    public void Typed_functions_are_found_by_export_index()
    {
        var (type, index) = _h.Component.GetExport(null, "echo-u32")!.Value;
        Assert.Equal(ComponentItemKind.Func, type.Kind);
        Assert.Equal(41u, _h.Instance.GetTypedFunction<uint, uint>(index)!.Call(41));
        Assert.Equal(41u, _h.Instance.GetFunction(index)!.Call(ComponentValue.U32(41))!.AsU32());
    }
}
