using WitSharp.Wit.Abi;

namespace WitSharp.Wit.Tests.Abi;

/// <summary>CanonicalABI.md "Flattening": <c>flatten_type</c>, <c>join</c> and <c>flatten_functype</c>,
/// with hand-worked expectations.</summary>
public sealed class FlattenTests
{
    private const FlatType I32 = FlatType.I32;
    private const FlatType I64 = FlatType.I64;
    private const FlatType F32 = FlatType.F32;
    private const FlatType F64 = FlatType.F64;

    private readonly ModelBuilder _b = new();

    private IReadOnlyList<FlatType> Flat(WitType t) => CanonicalAbi.Flatten(_b.Resolve, t);

    [Theory]
    [InlineData(I32, I32, I32)]
    [InlineData(I32, F32, I32)]
    [InlineData(F32, I32, I32)]
    [InlineData(I64, F32, I64)]
    [InlineData(F32, F64, I64)]
    [InlineData(I32, F64, I64)]
    [InlineData(F64, F64, F64)]
    [InlineData(I32, I64, I64)]
    public void Join(FlatType a, FlatType b, FlatType joined) => Assert.Equal(joined, CanonicalAbi.Join(a, b));

    [Fact]
    public void Primitives_and_strings()
    {
        Assert.Equal([I32], Flat(WitType.Bool));
        Assert.Equal([I32], Flat(WitType.Char));
        Assert.Equal([I64], Flat(WitType.S64));
        Assert.Equal([F32], Flat(WitType.F32));
        Assert.Equal([F64], Flat(WitType.F64));
        Assert.Equal([I32, I32], Flat(WitType.String));
        Assert.Equal([I64, I64], CanonicalAbi.Flatten(_b.Resolve, WitType.String, new AbiOptions { Memory64 = true }));
    }

    [Fact]
    public void Record_concatenates_fields()
    {
        var r = _b.Record(("a", WitType.U8), ("b", WitType.F64), ("c", WitType.String));
        Assert.Equal([I32, F64, I32, I32], Flat(r));
    }

    [Fact]
    public void Variant_joins_payload_slots()
    {
        Assert.Equal([I32, I32], Flat(_b.Variant(WitType.S32, WitType.F32)));
        Assert.Equal([I32, I64], Flat(_b.Variant(WitType.S64, WitType.F32)));
        Assert.Equal([I32, I64], Flat(_b.Variant(WitType.F32, WitType.F64)));
        Assert.Equal([I32, F64], Flat(_b.Variant(WitType.F64, null)));
        // Slot 0: f32 / i32(ptr) -> i32; slot 1 only from the string -> i32.
        Assert.Equal([I32, I32, I32], Flat(_b.Variant(WitType.F32, WitType.String)));
        // Slot 0: u8 / f64 / i32 (record) -> i64; slot 1: f32 from the record alone.
        var rec = _b.Record(("a", WitType.U32), ("b", WitType.F32));
        Assert.Equal([I32, I64, F32], Flat(_b.Variant(WitType.U8, WitType.F64, rec)));
    }

    [Fact]
    public void Enum_option_result()
    {
        Assert.Equal([I32], Flat(_b.Enum(3)));
        Assert.Equal([I32, I32, I32], Flat(_b.Option(WitType.String)));
        Assert.Equal([I32], Flat(_b.Result(null, null)));
        Assert.Equal([I32, I32, I32], Flat(_b.Result(WitType.U32, WitType.String)));
        Assert.Equal([I32, I64], Flat(_b.Result(WitType.U64, WitType.F32)));
        Assert.Equal([I32, F32], Flat(_b.Result(WitType.F32, null)));
    }

    [Fact]
    public void Lists_tuples_handles()
    {
        var res = _b.Resource();
        Assert.Equal([I32, I32], Flat(_b.List(WitType.U64)));
        Assert.Equal([I32, I32], Flat(_b.Map(WitType.String, WitType.U8)));
        Assert.Equal([I32, F32, I64], Flat(_b.Tuple(WitType.U8, WitType.F32, WitType.U64)));
        Assert.Equal([F32, F32, F32], Flat(_b.FixedList(WitType.F32, 3)));
        Assert.Equal([I32], Flat(_b.Own(res)));
        Assert.Equal([I32], Flat(_b.Borrow(res)));
        Assert.Equal([I32], Flat(_b.Stream(WitType.U8)));
        Assert.Equal([I32], Flat(WitType.ErrorContext));
    }

    [Fact]
    public void Sixteen_params_stay_flat_seventeen_spill()
    {
        var sixteen = Enumerable.Repeat(WitType.U32, 16).ToArray();
        var sig = CanonicalAbi.FlattenSignature(_b.Resolve, ModelBuilder.Func(null, sixteen), AbiContext.Lift);
        Assert.Equal(16, sig.Params.Count);
        Assert.False(sig.ParamsInMemory);
        Assert.Empty(sig.Results);

        var seventeen = Enumerable.Repeat(WitType.U32, 17).ToArray();
        foreach (var context in new[] { AbiContext.Lift, AbiContext.Lower })
        {
            var spilled = CanonicalAbi.FlattenSignature(_b.Resolve, ModelBuilder.Func(null, seventeen), context);
            Assert.Equal([I32], spilled.Params);
            Assert.True(spilled.ParamsInMemory);
        }

        // Where the spilled parameters live: a tuple of them, 17 x u32 = 68 bytes.
        Assert.Equal(68, CanonicalAbi.LayoutOf(_b.Resolve, seventeen).Size);
    }

    [Fact]
    public void Eight_strings_fill_sixteen_slots_a_ninth_spills()
    {
        var eight = CanonicalAbi.FlattenSignature(_b.Resolve, ModelBuilder.Func(null, Enumerable.Repeat(WitType.String, 8).ToArray()), AbiContext.Lower);
        Assert.Equal(16, eight.Params.Count);
        var nine = CanonicalAbi.FlattenSignature(_b.Resolve, ModelBuilder.Func(null, Enumerable.Repeat(WitType.String, 9).ToArray()), AbiContext.Lower);
        Assert.True(nine.ParamsInMemory);
    }

    [Fact]
    public void Single_flat_result_is_returned()
    {
        var sig = CanonicalAbi.FlattenSignature(_b.Resolve, ModelBuilder.Func(WitType.U64, WitType.F32), AbiContext.Lower);
        Assert.Equal([F32], sig.Params);
        Assert.Equal([I64], sig.Results);
        Assert.False(sig.ResultsInMemory);
        Assert.Equal("(f32) -> (i64)", sig.ToString());
    }

    [Fact]
    public void Multi_value_result_lift_returns_a_pointer_lower_takes_one()
    {
        var f = ModelBuilder.Func(WitType.String, WitType.U32);
        var lift = CanonicalAbi.FlattenSignature(_b.Resolve, f, AbiContext.Lift);
        Assert.Equal([I32], lift.Params);
        Assert.Equal([I32], lift.Results);
        Assert.True(lift.ResultsInMemory);

        var lower = CanonicalAbi.FlattenSignature(_b.Resolve, f, AbiContext.Lower);
        Assert.Equal([I32, I32], lower.Params);
        Assert.Empty(lower.Results);
        Assert.True(lower.ResultsInMemory);
    }

    [Fact]
    public void Both_spilled_on_lower()
    {
        var f = ModelBuilder.Func(_b.Result(WitType.U32, WitType.String), Enumerable.Repeat(WitType.U64, 20).ToArray());
        var lower = CanonicalAbi.FlattenSignature(_b.Resolve, f, AbiContext.Lower);
        Assert.Equal([I32, I32], lower.Params);
        Assert.True(lower.ParamsInMemory);
        Assert.True(lower.ResultsInMemory);
        var lift64 = CanonicalAbi.FlattenSignature(_b.Resolve, f, AbiContext.Lift, new AbiOptions { Memory64 = true });
        Assert.Equal([I64], lift64.Params);
        Assert.Equal([I64], lift64.Results);
    }

    [Fact]
    public void Huge_fixed_list_parameter_spills_without_materializing()
    {
        var f = ModelBuilder.Func(null, _b.FixedList(WitType.U8, 100_000_000));
        var sig = CanonicalAbi.FlattenSignature(_b.Resolve, f, AbiContext.Lift);
        Assert.True(sig.ParamsInMemory);
        Assert.Equal([I32], sig.Params);
    }

    [Fact]
    public void Async_lower_spills_above_four_params_and_returns_status()
    {
        var async = new AbiOptions { Async = true };
        var four = CanonicalAbi.FlattenSignature(_b.Resolve, ModelBuilder.Func(null, WitType.U32, WitType.U32, WitType.U32, WitType.U32), AbiContext.Lower, async);
        Assert.Equal(4, four.Params.Count);
        Assert.Equal([I32], four.Results);

        var five = CanonicalAbi.FlattenSignature(_b.Resolve, ModelBuilder.Func(WitType.U8, WitType.U32, WitType.U32, WitType.U32, WitType.U32, WitType.U32), AbiContext.Lower, async);
        Assert.Equal([I32, I32], five.Params); // params pointer + result pointer
        Assert.True(five.ParamsInMemory);
        Assert.True(five.ResultsInMemory);
        Assert.Equal([I32], five.Results);
    }

    [Fact]
    public void Async_lift_results_go_through_task_return()
    {
        var f = ModelBuilder.Func(WitType.String, WitType.U32);
        var stackful = CanonicalAbi.FlattenSignature(_b.Resolve, f, AbiContext.Lift, new AbiOptions { Async = true });
        Assert.Equal([I32], stackful.Params);
        Assert.Empty(stackful.Results);
        Assert.False(stackful.ResultsInMemory);
        var callback = CanonicalAbi.FlattenSignature(_b.Resolve, f, AbiContext.Lift, new AbiOptions { Async = true, Callback = true });
        Assert.Equal([I32], callback.Results);
    }
}
