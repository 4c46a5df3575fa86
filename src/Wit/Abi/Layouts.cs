using System.Collections.Generic;

namespace WitSharp.Wit.Abi;

/// <summary>The memory layout of a record, a tuple or a spilled parameter list (CanonicalABI.md
/// "Element Size" <c>elem_size_record</c>, "Loading" <c>load_record</c>): each field at the next offset
/// aligned to the field's alignment, the whole padded to the largest alignment.</summary>
public sealed class RecordLayout
{
    internal RecordLayout(int size, int alignment, IReadOnlyList<int> fieldOffsets)
    {
        Size = size;
        Alignment = alignment;
        FieldOffsets = fieldOffsets;
    }

    /// <summary>Byte size including trailing padding.</summary>
    public int Size { get; }

    /// <summary>Alignment in bytes (1 for an empty record).</summary>
    public int Alignment { get; }

    /// <summary>The byte offset of each field, in declaration order.</summary>
    public IReadOnlyList<int> FieldOffsets { get; }
}

/// <summary>The memory and flat layout of a variant-like type: variant, enum, option or result
/// (CanonicalABI.md "Despecialization", <c>elem_size_variant</c>, <c>flatten_variant</c>).</summary>
public sealed class VariantLayout
{
    internal VariantLayout(
        int size, int alignment, int discriminantSize, int payloadOffset, IReadOnlyList<WitType?> caseTypes,
        IReadOnlyList<FlatType> flat)
    {
        Size = size;
        Alignment = alignment;
        DiscriminantSize = discriminantSize;
        PayloadOffset = payloadOffset;
        CaseTypes = caseTypes;
        Flat = flat;
    }

    /// <summary>Byte size including trailing padding.</summary>
    public int Size { get; }

    /// <summary>Alignment in bytes: the larger of the discriminant's and the largest payload's.</summary>
    public int Alignment { get; }

    /// <summary>1, 2 or 4: the smallest unsigned integer holding every case index (<c>discriminant_type</c>).</summary>
    public int DiscriminantSize { get; }

    /// <summary>Where every case's payload starts: the discriminant size aligned up to the largest payload
    /// alignment.</summary>
    public int PayloadOffset { get; }

    /// <summary>The payload type of each case after despecialization (option: <c>none</c>, <c>some</c>;
    /// result: <c>ok</c>, <c>error</c>; enum: all null).</summary>
    public IReadOnlyList<WitType?> CaseTypes { get; }

    /// <summary>The flattened form: the discriminant's <c>i32</c> then the payload slots joined across cases.</summary>
    public IReadOnlyList<FlatType> Flat { get; }
}
