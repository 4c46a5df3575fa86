using WitSharp.Wit.Binary;

namespace WitSharp.Components.Validation;

/// <summary>
/// The in-memory size of value types (CanonicalABI.md "Element size" and alignment, with 64-bit pointers, the
/// largest layout): every defined value type must stay below 2^28 bytes so that lists of them can be addressed.
/// </summary>
internal static class ValueSizes
{
    public const long Max = 1L << 28;

    public static CompValType Check(CompValType t)
    {
        if (Layout(t).Size >= Max) throw new ValidationError($"type exceeds maximum byte size of {Max}");
        return t;
    }

    private static long AlignTo(long x, long a) => Math.Min(long.MaxValue / 4, (x + a - 1) / a * a);

    public static (long Size, long Align) Layout(CompValType t)
    {
        if (t.Layout is { } cached) return cached;
        var r = Compute(t);
        r = (Math.Min(r.Size, long.MaxValue / 4), r.Align);
        t.Layout = r;
        return r;
    }

    private static (long Size, long Align) Compute(CompValType t)
    {
        switch (t.Kind)
        {
            case DefinedKind.Primitive:
                return t.Primitive switch
                {
                    PrimitiveValType.Bool or PrimitiveValType.S8 or PrimitiveValType.U8 => (1, 1),
                    PrimitiveValType.S16 or PrimitiveValType.U16 => (2, 2),
                    PrimitiveValType.S64 or PrimitiveValType.U64 or PrimitiveValType.F64 => (8, 8),
                    PrimitiveValType.String => (16, 8),
                    _ => (4, 4),
                };
            case DefinedKind.List or DefinedKind.Map: return (16, 8);
            case DefinedKind.FixedList:
            {
                var (s, a) = Layout(t.Elements[0]!);
                return (s > long.MaxValue / 4 / Math.Max(1, t.Length) ? long.MaxValue / 4 : s * t.Length, a);
            }
            case DefinedKind.Record or DefinedKind.Tuple:
            {
                long size = 0, align = 1;
                var parts = t.Kind == DefinedKind.Record ? t.Fields.Select(f => f.Type!) : t.Elements.Select(e => e!);
                foreach (var p in parts)
                {
                    var (s, a) = Layout(p);
                    size = AlignTo(size, a) + s;
                    align = Math.Max(align, a);
                    if (size > long.MaxValue / 8) break;
                }
                return (AlignTo(size, align), align);
            }
            case DefinedKind.Flags:
                return t.Fields.Count <= 8 ? (1, 1) : t.Fields.Count <= 16 ? (2, 2) : (4, 4);
            case DefinedKind.Enum:
                return Discriminant(t.Fields.Count);
            case DefinedKind.Variant or DefinedKind.Option or DefinedKind.Result:
            {
                var cases = t.Kind switch
                {
                    DefinedKind.Variant => t.Fields.Select(f => f.Type).ToList(),
                    DefinedKind.Option => [null, t.Elements[0]],
                    _ => t.Elements.ToList(),
                };
                var (ds, da) = Discriminant(cases.Count);
                long payload = 0, align = da;
                foreach (var c in cases)
                {
                    if (c is null) continue;
                    var (s, a) = Layout(c);
                    payload = Math.Max(payload, s);
                    align = Math.Max(align, a);
                }
                return (AlignTo(AlignTo(ds, align) + payload, align), align);
            }
            default:
                return (4, 4);
        }
    }

    private static (long, long) Discriminant(int cases) => cases <= 256 ? (1, 1) : cases <= 65536 ? (2, 2) : (4, 4);
}
