using System.Text;
using CsCheck;
using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.Adapters;

/// <summary>CsCheck generators of component value types and of values of a given type.</summary>
internal static class AdapterGenerators
{
    private static readonly CanonType[] s_scalars =
    [
        PrimitiveCanonType.Bool, PrimitiveCanonType.S8, PrimitiveCanonType.U8, PrimitiveCanonType.S16, PrimitiveCanonType.U16,
        PrimitiveCanonType.S32, PrimitiveCanonType.U32, PrimitiveCanonType.S64, PrimitiveCanonType.U64,
        PrimitiveCanonType.F32, PrimitiveCanonType.F64, PrimitiveCanonType.Char,
    ];

    public static readonly Gen<CanonType> Scalar = Gen.OneOf(s_scalars);

    private static readonly Gen<CanonType> s_leaf = Gen.Frequency(
        (6, Scalar),
        (3, Gen.Const<CanonType>(PrimitiveCanonType.String)),
        (1, Gen.Int[1, 32].Select(n => (CanonType)new FlagsCanonType([.. Enumerable.Range(0, n).Select(i => $"f{i}")]))),
        (1, Gen.Int[1, 300].Select(n => (CanonType)new VariantCanonType(ComponentValueKind.Enum, [.. Enumerable.Range(0, n).Select(i => $"e{i}")], new CanonType?[n]))));

    /// <summary>Value types up to <paramref name="depth"/> levels of nesting; lists may hold only leaves when
    /// <paramref name="flatLists"/> (bounds the work a mutated length can cause).</summary>
    public static Gen<CanonType> Type(int depth, bool flatLists = false)
    {
        if (depth == 0) return s_leaf;
        var inner = Type(depth - 1, flatLists);
        var element = flatLists ? Scalar : inner;
        return Gen.Frequency(
            (4, s_leaf),
            (2, element.Select(e => (CanonType)new ListCanonType(e))),
            (1, inner.Select(Gen.Int[1, 4], (e, n) => (CanonType)new ListCanonType(e, n))),
            (2, inner.Array[1, 4].Select(fs => (CanonType)new RecordCanonType(ComponentValueKind.Record, [.. fs.Select((_, i) => $"r{i}")], fs))),
            (1, inner.Array[1, 3].Select(fs => (CanonType)new RecordCanonType(ComponentValueKind.Tuple, null, fs))),
            (2, Gen.Frequency((1, Gen.Const((CanonType?)null)), (3, inner.Select(t => (CanonType?)t))).Array[1, 4]
                .Select(cs => (CanonType)new VariantCanonType(ComponentValueKind.Variant, [.. cs.Select((_, i) => $"v{i}")], cs))),
            (1, inner.Select(t => (CanonType)new VariantCanonType(ComponentValueKind.Option, ["none", "some"], [null, t]))),
            (1, Gen.Frequency((1, Gen.Const((CanonType?)null)), (3, inner.Select(t => (CanonType?)t))).Array[2]
                .Select(cs => (CanonType)new VariantCanonType(ComponentValueKind.Result, ["ok", "error"], cs))));
    }

    /// <summary>Strings mixing ASCII, latin1, other BMP and supplementary characters, so every transcoding branch
    /// (pure ASCII, latin1 only, inflation to UTF-16 part-way, surrogate pairs) is taken.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
            (4, Gen.Int[0x20, 0x7e]), (2, Gen.Int[0x80, 0xff]), (1, Gen.Int[0x100, 0xd7ff]), (1, Gen.Int[0x10000, 0x10ffff]))
        .Array[0, 40]
        .Select(Gen.Int[0, 3], (cps, mode) =>
        {
            // Mode 0: ASCII only; 1: latin1 only; 2: mixed; 3: as drawn.
            var sb = new StringBuilder();
            foreach (int cp in cps)
            {
                int c = mode switch { 0 => cp & 0x7f, 1 => cp & 0xff, _ => cp };
                sb.Append(char.ConvertFromUtf32(c));
            }
            return sb.ToString();
        });

    public static Gen<ComponentValue> Value(CanonType t)
    {
        switch (t)
        {
            case PrimitiveCanonType p:
                return p.Kind switch
                {
                    ComponentValueKind.Bool => Gen.Bool.Select(ComponentValue.Bool),
                    ComponentValueKind.S8 => Gen.SByte.Select(ComponentValue.S8),
                    ComponentValueKind.U8 => Gen.Byte.Select(ComponentValue.U8),
                    ComponentValueKind.S16 => Gen.Short.Select(ComponentValue.S16),
                    ComponentValueKind.U16 => Gen.UShort.Select(ComponentValue.U16),
                    ComponentValueKind.S32 => Gen.Int.Select(ComponentValue.S32),
                    ComponentValueKind.U32 => Gen.UInt.Select(ComponentValue.U32),
                    ComponentValueKind.S64 => Gen.Long.Select(ComponentValue.S64),
                    ComponentValueKind.U64 => Gen.ULong.Select(ComponentValue.U64),
                    ComponentValueKind.F32 => Gen.Float.Select(ComponentValue.F32),
                    ComponentValueKind.F64 => Gen.Double.Select(ComponentValue.F64),
                    ComponentValueKind.Char => Gen.Int[0, 0x10ffff - 0x800].Select(i => ComponentValue.Char((uint)(i < 0xd800 ? i : i + 0x800))),
                    _ => Text.Select(ComponentValue.String),
                };
            case ListCanonType { FixedLength: { } n } fl:
                return Value(fl.Element).Array[n].Select(items => ComponentValue.List(items));
            case ListCanonType l:
                return Value(l.Element).Array[0, l.Element is PrimitiveCanonType { Kind: not ComponentValueKind.String } ? 300 : 6]
                    .Select(items => ComponentValue.List(items));
            case RecordCanonType r:
                return Sequence(r.Fields).Select(values => LiftLowerContext.MakeRecord(r, values));
            case VariantCanonType v:
                return Gen.Int[0, v.Cases.Count - 1].SelectMany(i => v.Cases[i] is { } c
                    ? Value(c).Select(payload => LiftLowerContext.MakeVariant(v, i, payload))
                    : Gen.Const(LiftLowerContext.MakeVariant(v, i, null)));
            case FlagsCanonType f:
                return Gen.UInt.Select(bits => LiftLowerContext.MakeFlags(f, bits));
            default:
                throw new NotSupportedException(t.Kind.ToString());
        }
    }

    private static Gen<ComponentValue[]> Sequence(IReadOnlyList<CanonType> types)
    {
        Gen<ComponentValue[]> gen = Gen.Const(Array.Empty<ComponentValue>());
        foreach (var t in types)
        {
            var g = Value(t);
            gen = gen.SelectMany(prefix => g.Select(v => (ComponentValue[])[.. prefix, v]));
        }
        return gen;
    }

    /// <summary>A readable type for failure messages.</summary>
    public static string Show(CanonType t) => t switch
    {
        PrimitiveCanonType p => p.Kind.ToString().ToLowerInvariant(),
        ListCanonType { FixedLength: { } n } l => $"list<{Show(l.Element)}, {n}>",
        ListCanonType l => $"list<{Show(l.Element)}>",
        RecordCanonType r => $"{(r.Labels is null ? "tuple" : "record")}<{string.Join(", ", r.Fields.Select(Show))}>",
        VariantCanonType v => $"{v.Kind.ToString().ToLowerInvariant()}<{string.Join(", ", v.Cases.Select(c => c is null ? "_" : Show(c)))}>",
        FlagsCanonType f => $"flags<{f.Labels.Count}>",
        _ => t.Kind.ToString(),
    };
}
