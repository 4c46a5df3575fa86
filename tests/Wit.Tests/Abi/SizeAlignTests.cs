using WitSharp.Wit.Abi;

namespace WitSharp.Wit.Tests.Abi;

/// <summary>Sizes, alignments and offsets by CanonicalABI.md "Alignment" and "Element Size"; every
/// expectation is worked out by hand from those rules (comments show the arithmetic).</summary>
public sealed class SizeAlignTests
{
    private readonly ModelBuilder _b = new();

    private int Size(WitType t) => CanonicalAbi.SizeOf(_b.Resolve, t);

    private int Align(WitType t) => CanonicalAbi.AlignOf(_b.Resolve, t);

    [Theory]
    [InlineData(WitTypeKind.Bool, 1, 1)]
    [InlineData(WitTypeKind.U8, 1, 1)]
    [InlineData(WitTypeKind.S8, 1, 1)]
    [InlineData(WitTypeKind.U16, 2, 2)]
    [InlineData(WitTypeKind.S16, 2, 2)]
    [InlineData(WitTypeKind.U32, 4, 4)]
    [InlineData(WitTypeKind.S32, 4, 4)]
    [InlineData(WitTypeKind.U64, 8, 8)]
    [InlineData(WitTypeKind.S64, 8, 8)]
    [InlineData(WitTypeKind.F32, 4, 4)]
    [InlineData(WitTypeKind.F64, 8, 8)]
    [InlineData(WitTypeKind.Char, 4, 4)]
    [InlineData(WitTypeKind.String, 8, 4)]
    [InlineData(WitTypeKind.ErrorContext, 4, 4)]
    public void Primitives(WitTypeKind kind, int size, int align)
    {
        Assert.Equal(size, Size(WitType.Primitive(kind)));
        Assert.Equal(align, Align(WitType.Primitive(kind)));
    }

    [Fact]
    public void String_and_list_double_with_memory64()
    {
        var opts = new AbiOptions { Memory64 = true };
        Assert.Equal(16, CanonicalAbi.SizeOf(_b.Resolve, WitType.String, opts));
        Assert.Equal(8, CanonicalAbi.AlignOf(_b.Resolve, WitType.String, opts));
        Assert.Equal(16, CanonicalAbi.SizeOf(_b.Resolve, _b.List(WitType.U8), opts));
    }

    [Fact]
    public void Record_fields_are_padded_to_their_alignment()
    {
        // u8 @0, pad to 4, u32 @4, u16 @8 -> 10, pad to 4 -> 12.
        var r = _b.Record(("a", WitType.U8), ("b", WitType.U32), ("c", WitType.U16));
        var layout = CanonicalAbi.RecordLayoutOf(_b.Resolve, r);
        Assert.Equal([0, 4, 8], layout.FieldOffsets);
        Assert.Equal(12, layout.Size);
        Assert.Equal(4, layout.Alignment);
        Assert.Equal(12, Size(r));
    }

    [Fact]
    public void Record_with_u64_aligns_to_8_and_pads_the_tail()
    {
        // u64 @0, u8 @8 -> 9, pad to 8 -> 16.
        var r = _b.Record(("a", WitType.U64), ("b", WitType.U8));
        Assert.Equal(16, Size(r));
        Assert.Equal(8, Align(r));
        Assert.Equal([0, 8], CanonicalAbi.RecordLayoutOf(_b.Resolve, r).FieldOffsets);
    }

    [Fact]
    public void Nested_record_takes_the_inner_alignment()
    {
        // inner {u8, u16} = size 4 align 2; outer {u8, inner, u8}: u8@0, inner@2 (..6), u8@6 -> 7 -> 8.
        var inner = _b.Record(("a", WitType.U8), ("b", WitType.U16));
        var outer = _b.Record(("x", WitType.U8), ("y", inner), ("z", WitType.U8));
        Assert.Equal(4, Size(inner));
        Assert.Equal([0, 2, 6], CanonicalAbi.RecordLayoutOf(_b.Resolve, outer).FieldOffsets);
        Assert.Equal(8, Size(outer));
        Assert.Equal(2, Align(outer));
    }

    [Fact]
    public void Tuple_is_a_record_of_its_elements()
    {
        // u8 @0, u16 @2, u8 @4 -> 5 -> 6.
        var t = _b.Tuple(WitType.U8, WitType.U16, WitType.U8);
        var layout = CanonicalAbi.RecordLayoutOf(_b.Resolve, t);
        Assert.Equal([0, 2, 4], layout.FieldOffsets);
        Assert.Equal(6, layout.Size);
        Assert.Equal(2, layout.Alignment);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(16, 2)]
    [InlineData(17, 4)]
    [InlineData(32, 4)]
    public void Flags_use_the_smallest_integer_holding_all_bits(int labels, int bytes)
    {
        var f = _b.Flags(labels);
        Assert.Equal(bytes, Size(f));
        Assert.Equal(bytes, Align(f));
        Assert.Equal([FlatType.I32], CanonicalAbi.Flatten(_b.Resolve, f));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(64)]
    public void Flags_outside_1_to_32_labels_are_rejected(int labels)
    {
        var f = _b.Flags(labels);
        var e = Assert.Throws<WitException>(() => Size(f));
        Assert.Contains(labels + " labels", e.Message);
        Assert.Throws<WitException>(() => CanonicalAbi.Flatten(_b.Resolve, f));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(256, 1)]
    [InlineData(257, 2)]
    [InlineData(65536, 2)]
    [InlineData(65537, 4)]
    public void Discriminant_sizes(int cases, int bytes) => Assert.Equal(bytes, CanonicalAbi.DiscriminantSize(cases));

    [Fact]
    public void Enum_size_follows_the_discriminant()
    {
        Assert.Equal(1, Size(_b.Enum(256)));
        Assert.Equal(2, Size(_b.Enum(257)));
        Assert.Equal(2, Align(_b.Enum(257)));
    }

    [Fact]
    public void Variant_payload_sits_after_the_discriminant_at_the_largest_payload_alignment()
    {
        // disc u8 @0; payloads u8 / u64 / none -> max align 8, max size 8; payload @8; 16 total, align 8.
        var v = _b.Variant(WitType.U8, WitType.U64, null);
        var layout = CanonicalAbi.VariantLayoutOf(_b.Resolve, v);
        Assert.Equal(1, layout.DiscriminantSize);
        Assert.Equal(8, layout.PayloadOffset);
        Assert.Equal(16, layout.Size);
        Assert.Equal(8, layout.Alignment);
        Assert.Equal([FlatType.I32, FlatType.I64], layout.Flat);
    }

    [Fact]
    public void Variant_with_only_small_payloads_stays_small()
    {
        // disc u8 @0; payload u16 @2; 4 total, align 2.
        var v = _b.Variant(WitType.U16, WitType.U8);
        var layout = CanonicalAbi.VariantLayoutOf(_b.Resolve, v);
        Assert.Equal(2, layout.PayloadOffset);
        Assert.Equal(4, layout.Size);
        Assert.Equal(2, layout.Alignment);
    }

    [Fact]
    public void Option_of_string()
    {
        // disc u8 @0; string (align 4, size 8) @4; 12 total.
        var o = _b.Option(WitType.String);
        var layout = CanonicalAbi.VariantLayoutOf(_b.Resolve, o);
        Assert.Equal(4, layout.PayloadOffset);
        Assert.Equal(12, layout.Size);
        Assert.Equal(4, layout.Alignment);
        Assert.Equal([null, WitType.String], layout.CaseTypes);
    }

    [Fact]
    public void Result_without_payloads_is_one_byte()
    {
        var r = _b.Result(null, null);
        Assert.Equal(1, Size(r));
        Assert.Equal(1, Align(r));
        Assert.Equal(1, CanonicalAbi.VariantLayoutOf(_b.Resolve, r).PayloadOffset);
    }

    [Fact]
    public void Result_u32_string()
    {
        // disc @0, payload (max of u32 and string: size 8 align 4) @4 -> 12.
        var r = _b.Result(WitType.U32, WitType.String);
        Assert.Equal(12, Size(r));
        Assert.Equal(4, Align(r));
    }

    [Fact]
    public void Lists_maps_handles_and_async_ends()
    {
        var res = _b.Resource();
        Assert.Equal(8, Size(_b.List(WitType.U64)));
        Assert.Equal(4, Align(_b.List(WitType.U64)));
        Assert.Equal(8, Size(_b.Map(WitType.String, WitType.U64)));
        Assert.Equal(4, Size(_b.Own(res)));
        Assert.Equal(4, Size(_b.Borrow(res)));
        Assert.Equal(4, Size(_b.Future(WitType.String)));
        Assert.Equal(4, Size(_b.Stream(null)));
    }

    [Fact]
    public void Fixed_length_list_is_n_elements_in_a_row()
    {
        var l = _b.FixedList(WitType.U16, 3);
        Assert.Equal(6, Size(l));
        Assert.Equal(2, Align(l));
        // record { u8, list<u32, 2> }: u8 @0, list @4 (8 bytes) -> 12.
        var r = _b.Record(("a", WitType.U8), ("b", _b.FixedList(WitType.U32, 2)));
        Assert.Equal([0, 4], CanonicalAbi.RecordLayoutOf(_b.Resolve, r).FieldOffsets);
        Assert.Equal(12, Size(r));
    }

    [Fact]
    public void Aliases_are_followed()
    {
        var r = _b.Record(("a", WitType.U8), ("b", WitType.U32));
        var a = _b.Alias(_b.Alias(r));
        Assert.Equal(8, Size(a));
        Assert.Equal([0, 4], CanonicalAbi.RecordLayoutOf(_b.Resolve, a).FieldOffsets);
    }

    [Fact]
    public void Resource_is_not_a_value_type()
    {
        var e = Assert.Throws<WitException>(() => Size(_b.Resource()));
        Assert.Contains("own<", e.Message);
    }

    [Fact]
    public void Variant_without_cases_is_rejected() =>
        Assert.Throws<WitException>(() => Size(_b.Variant()));

    [Fact]
    public void Oversized_fixed_list_is_rejected_not_overflowed()
    {
        var big = _b.FixedList(_b.FixedList(WitType.U64, 1u << 20), 1u << 20);
        var e = Assert.Throws<WitException>(() => Size(big));
        Assert.Contains("2 GiB", e.Message);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var t = WitType.U8;
        for (var i = 0; i < 2000; i++) t = _b.Option(t);
        Assert.Throws<WitException>(() => Size(t));
        Assert.Throws<WitException>(() => CanonicalAbi.Flatten(_b.Resolve, t));
    }
}
