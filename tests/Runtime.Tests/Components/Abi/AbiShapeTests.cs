using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>The layouts the runtime takes from WitSharp.Wit.Abi.AbiShape (CanonicalABI.md "Alignment", "Element Size",
/// "Flattening"), checked against figures worked out by hand from the spec's definitions.</summary>
public sealed class AbiShapeTests
{
    [Fact]
    public void Record_fields_are_aligned_and_the_record_padded()
    {
        // record { a: u8, b: u32, c: u16 }: offsets 0, 4, 8; size 12; alignment 4.
        var r = new RecordCanonType(ComponentValueKind.Record, ["a", "b", "c"],
            [PrimitiveCanonType.U8, PrimitiveCanonType.U32, PrimitiveCanonType.U16]);
        Assert.Equal([0, 4, 8], r.Offsets);
        Assert.Equal((12, 4), (r.Size, r.Alignment));
        Assert.Equal([ValueKind.Int32, ValueKind.Int32, ValueKind.Int32], r.Flat);
    }

    [Fact]
    public void Variant_payloads_share_one_offset_and_joined_slots()
    {
        // variant { a(u8), b(u64), c(f32) }: discriminant u8, payload at 8, size 16; flat [i32, i64] (join).
        var v = new VariantCanonType(ComponentValueKind.Variant, ["a", "b", "c"],
            [PrimitiveCanonType.U8, PrimitiveCanonType.U64, PrimitiveCanonType.F32]);
        Assert.Equal((1, 8, 16, 8), (v.DiscriminantSize, v.PayloadOffset, v.Size, v.Alignment));
        Assert.Equal([ValueKind.Int32, ValueKind.Int64], v.Flat);
        // option<f32> joins nothing: [i32, f32]; result<u32, f32> joins i32 and f32 to i32.
        var o = new VariantCanonType(ComponentValueKind.Option, ["none", "some"], [null, PrimitiveCanonType.F32]);
        Assert.Equal([ValueKind.Int32, ValueKind.Float32], o.Flat);
        var res = new VariantCanonType(ComponentValueKind.Result, ["ok", "error"], [PrimitiveCanonType.U32, PrimitiveCanonType.F32]);
        Assert.Equal([ValueKind.Int32, ValueKind.Int32], res.Flat);
    }

    [Fact]
    public void Discriminant_flags_and_fixed_lists()
    {
        var big = new VariantCanonType(ComponentValueKind.Enum, [.. Enumerable.Range(0, 257).Select(i => "c" + i)],
            [.. Enumerable.Range(0, 257).Select(_ => (CanonType?)null)]);
        Assert.Equal((2, 2, 2), (big.DiscriminantSize, big.Size, big.Alignment));
        Assert.Equal(1, new FlagsCanonType([.. Enumerable.Range(0, 8).Select(i => "f" + i)]).Size);
        Assert.Equal(2, new FlagsCanonType([.. Enumerable.Range(0, 9).Select(i => "f" + i)]).Size);
        Assert.Equal(4, new FlagsCanonType([.. Enumerable.Range(0, 17).Select(i => "f" + i)]).Size);
        Assert.Throws<ComponentException>(() => new FlagsCanonType([.. Enumerable.Range(0, 33).Select(i => "f" + i)]));
        var fixedList = new ListCanonType(PrimitiveCanonType.U16, 3);
        Assert.Equal((6, 2), (fixedList.Size, fixedList.Alignment));
        Assert.Equal(3, fixedList.Flat.Count);
        Assert.Equal((8, 4), (new ListCanonType(PrimitiveCanonType.U64).Size, new ListCanonType(PrimitiveCanonType.U64).Alignment));
    }

    [Fact]
    public void Seventeen_flat_parameters_spill_and_two_flat_results_return_through_memory()
    {
        var f = new CanonFuncType([.. Enumerable.Range(0, 17).Select(i => "p" + i)],
            [.. Enumerable.Range(0, 17).Select(_ => (CanonType)PrimitiveCanonType.U32)], PrimitiveCanonType.String);
        Assert.True(f.ParamsInMemory);
        Assert.True(f.ResultsInMemory);
        Assert.Equal(68, f.ParamTuple.Size);
        var g = new CanonFuncType([.. Enumerable.Range(0, 16).Select(i => "p" + i)],
            [.. Enumerable.Range(0, 16).Select(_ => (CanonType)PrimitiveCanonType.U32)], PrimitiveCanonType.U64);
        Assert.False(g.ParamsInMemory);
        Assert.False(g.ResultsInMemory);
    }
}
