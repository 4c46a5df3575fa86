using System;
using System.Collections.Generic;

namespace WitSharp.Wit.Abi;

/// <summary>
/// A value type reduced to what the canonical ABI's layout rules need: its byte size, alignment and flat core
/// types. It lets a consumer with its own type representation (the runtime's resolved component types) use the
/// same implementation of CanonicalABI.md "Alignment", "Element Size" and "Flattening" as the WIT model does,
/// by building records, variants, lists and flags from the shapes of their parts.
/// </summary>
public sealed class AbiShape
{
    private static readonly FlatType[] OneI32 = { FlatType.I32 };
    private static readonly FlatType[] PointerPair = { FlatType.I32, FlatType.I32 };

    private AbiShape(int size, int alignment, IReadOnlyList<FlatType> flat, IReadOnlyList<int>? offsets = null,
        int discriminantSize = 0, int payloadOffset = 0)
    {
        Size = size;
        Alignment = alignment;
        Flat = flat;
        FieldOffsets = offsets ?? Array.Empty<int>();
        DiscriminantSize = discriminantSize;
        PayloadOffset = payloadOffset;
    }

    /// <summary><c>elem_size</c>.</summary>
    public int Size { get; }

    /// <summary><c>alignment</c>.</summary>
    public int Alignment { get; }

    /// <summary><c>flatten_type</c> (32-bit memory).</summary>
    public IReadOnlyList<FlatType> Flat { get; }

    /// <summary>For a record: each field's offset (<c>load_record</c>); otherwise empty.</summary>
    public IReadOnlyList<int> FieldOffsets { get; }

    /// <summary>For a variant: 1, 2 or 4 (<c>discriminant_type</c>); otherwise 0.</summary>
    public int DiscriminantSize { get; }

    /// <summary>For a variant: where every payload starts; otherwise 0.</summary>
    public int PayloadOffset { get; }

    /// <summary>A scalar of <paramref name="size"/> bytes (also its alignment) flattening to one <paramref name="flat"/>.</summary>
    public static AbiShape Scalar(int size, FlatType flat) => new AbiShape(size, size, new[] { flat });

    /// <summary><c>string</c>, <c>list&lt;T&gt;</c> and <c>map&lt;K, V&gt;</c>: a (pointer, length) pair.</summary>
    public static AbiShape PointerAndLength { get; } = new AbiShape(8, 4, PointerPair);

    /// <summary>An <c>own</c>/<c>borrow</c> handle (an i32 table index).</summary>
    public static AbiShape Handle { get; } = new AbiShape(4, 4, OneI32);

    /// <summary><c>flags</c> with <paramref name="labelCount"/> labels (1 to 32): one packed integer.</summary>
    /// <exception cref="WitException">No labels or more than 32.</exception>
    public static AbiShape Flags(int labelCount)
    {
        if (labelCount <= 0 || labelCount > 32)
            throw new WitException("flags with " + labelCount + " labels; the canonical ABI allows 1 to 32");
        var n = labelCount <= 8 ? 1 : labelCount <= 16 ? 2 : 4;
        return new AbiShape(n, n, OneI32);
    }

    /// <summary><c>list&lt;T, N&gt;</c>: <paramref name="length"/> elements in place.</summary>
    /// <exception cref="WitException">Larger than 2 GiB.</exception>
    public static AbiShape FixedList(AbiShape element, int length)
    {
        if (element is null) throw new ArgumentNullException(nameof(element));
        var size = Checked((long)element.Size * length, "a fixed-length list");
        var flat = new FlatType[Checked((long)element.Flat.Count * length, "a fixed-length list")];
        for (var i = 0; i < length; i++)
        {
            for (var j = 0; j < element.Flat.Count; j++) flat[i * element.Flat.Count + j] = element.Flat[j];
        }
        return new AbiShape(size, element.Alignment, flat);
    }

    /// <summary>A record or tuple (<c>elem_size_record</c>, <c>alignment_record</c>, <c>flatten_record</c>).</summary>
    /// <exception cref="WitException">Larger than 2 GiB.</exception>
    public static AbiShape Record(IReadOnlyList<AbiShape> fields)
    {
        if (fields is null) throw new ArgumentNullException(nameof(fields));
        var offsets = new int[fields.Count];
        var flat = new List<FlatType>();
        long s = 0;
        var align = 1;
        for (var i = 0; i < fields.Count; i++)
        {
            s = AlignTo(s, fields[i].Alignment);
            offsets[i] = Checked(s, "a record");
            s += fields[i].Size;
            if (fields[i].Alignment > align) align = fields[i].Alignment;
            flat.AddRange(fields[i].Flat);
        }
        return new AbiShape(Checked(AlignTo(s, align), "a record"), align, flat, offsets);
    }

    /// <summary>A variant, enum, option or result after despecialization: one payload shape (or null) per case
    /// (<c>elem_size_variant</c>, <c>alignment_variant</c>, <c>flatten_variant</c>).</summary>
    /// <exception cref="WitException">No cases, or larger than 2 GiB.</exception>
    public static AbiShape Variant(IReadOnlyList<AbiShape?> cases)
    {
        if (cases is null) throw new ArgumentNullException(nameof(cases));
        if (cases.Count == 0) throw new WitException("a variant has no cases");
        var disc = CanonicalAbi.DiscriminantSize(cases.Count);
        var maxAlign = 1;
        long maxSize = 0;
        var flat = new List<FlatType> { FlatType.I32 };
        foreach (var c in cases)
        {
            if (c is null) continue;
            if (c.Alignment > maxAlign) maxAlign = c.Alignment;
            if (c.Size > maxSize) maxSize = c.Size;
            for (var i = 0; i < c.Flat.Count; i++)
            {
                if (i + 1 < flat.Count) flat[i + 1] = CanonicalAbi.Join(flat[i + 1], c.Flat[i]);
                else flat.Add(c.Flat[i]);
            }
        }
        var payload = (int)AlignTo(disc, maxAlign);
        var align = Math.Max(disc, maxAlign);
        return new AbiShape(Checked(AlignTo(payload + maxSize, align), "a variant"), align, flat, null, disc, payload);
    }

    private static long AlignTo(long ptr, int alignment) => (ptr + alignment - 1) / alignment * alignment;

    private static int Checked(long size, string what) =>
        size > int.MaxValue ? throw new WitException(what + " is larger than 2 GiB") : (int)size;
}
