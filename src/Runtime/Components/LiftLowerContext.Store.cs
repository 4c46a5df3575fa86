using System.Buffers.Binary;
using System.Text;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>Storing values into linear memory (CanonicalABI.md "Storing") and checking host values against types.</summary>
internal sealed partial class LiftLowerContext
{
    public void Store(ComponentValue v, CanonType t, long ptr)
    {
        Expect(v, t);
        switch (t)
        {
            case PrimitiveCanonType p:
            {
                var b = Bytes(ptr, p.Size);
                switch (p.Kind)
                {
                    case ComponentValueKind.Bool or ComponentValueKind.S8 or ComponentValueKind.U8: b[0] = (byte)v.Integer; break;
                    case ComponentValueKind.S16 or ComponentValueKind.U16: BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v.Integer); break;
                    case ComponentValueKind.S32 or ComponentValueKind.U32 or ComponentValueKind.Char:
                        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v.Integer); break;
                    case ComponentValueKind.S64 or ComponentValueKind.U64: BinaryPrimitives.WriteInt64LittleEndian(b, v.Integer); break;
                    case ComponentValueKind.F32: BinaryPrimitives.WriteUInt32LittleEndian(b, F32Bits(v)); break;
                    case ComponentValueKind.F64: BinaryPrimitives.WriteUInt64LittleEndian(b, F64Bits(v)); break;
                    default:
                    {
                        var (sp, units) = StoreString(v);
                        b = Bytes(ptr, 8);
                        BinaryPrimitives.WriteUInt32LittleEndian(b, sp);
                        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], units);
                        break;
                    }
                }
                return;
            }
            case ListCanonType { FixedLength: { } fixedLength } fl:
            {
                CheckFixedLength(v, fixedLength);
                for (int i = 0; i < fixedLength; i++) Store(v.Items[i], fl.Element, ptr + (long)i * fl.Element.Size);
                return;
            }
            case ListCanonType l:
            {
                var (lp, n) = StoreList(v.Items, l.Element);
                var b = Bytes(ptr, 8);
                BinaryPrimitives.WriteUInt32LittleEndian(b, lp);
                BinaryPrimitives.WriteUInt32LittleEndian(b[4..], n);
                return;
            }
            case RecordCanonType r:
            {
                var values = RecordValues(v, r);
                for (int i = 0; i < values.Count; i++) Store(values[i], r.Fields[i], ptr + r.Offsets[i]);
                return;
            }
            case VariantCanonType vt:
            {
                var (index, payload) = VariantCase(v, vt);
                var b = Bytes(ptr, vt.Size);
                switch (vt.DiscriminantSize)
                {
                    case 1: b[0] = (byte)index; break;
                    case 2: BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)index); break;
                    default: BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)index); break;
                }
                if (vt.Cases[index] is { } ct) Store(payload!, ct, ptr + vt.PayloadOffset);
                return;
            }
            case FlagsCanonType f:
            {
                uint bits = FlagBits(v, f);
                var b = Bytes(ptr, f.Size);
                switch (f.Size)
                {
                    case 1: b[0] = (byte)bits; break;
                    case 2: BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)bits); break;
                    default: BinaryPrimitives.WriteUInt32LittleEndian(b, bits); break;
                }
                return;
            }
            case HandleCanonType h:
                BinaryPrimitives.WriteUInt32LittleEndian(Bytes(ptr, 4), LowerHandle(v, h));
                return;
            default:
                throw Unsupported(t);
        }
    }

    /// <summary>"store_list_into_range": one realloc for the whole list (also when it is empty), checked.</summary>
    public (uint Ptr, uint Length) StoreList(IReadOnlyList<ComponentValue> items, CanonType element)
    {
        long byteLength = (long)items.Count * element.Size;
        if (byteLength > MaxListByteLength) throw new ArgumentException($"{Where}: the list is longer than MAX_LIST_BYTE_LENGTH");
        long ptr = Allocate(element.Alignment, byteLength, "a list");
        for (int i = 0; i < items.Count; i++) Store(items[i], element, ptr + (long)i * element.Size);
        return ((uint)ptr, (uint)items.Count);
    }

    // ---- host value checks: a host value of the wrong shape is the host's error, not a guest trap ----

    internal void Expect(ComponentValue v, CanonType t)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Kind != t.Kind)
            throw new ArgumentException($"{Where}: expected a {t.Kind} value, got {v.Kind} `{v}`");
    }

    internal IReadOnlyList<ComponentValue> RecordValues(ComponentValue v, RecordCanonType r)
    {
        if (r.Labels is null)
        {
            if (v.Items.Count != r.Fields.Count)
                throw new ArgumentException($"{Where}: expected a tuple of {r.Fields.Count} values, got {v.Items.Count}");
            return v.Items;
        }
        if (v.Fields.Count != r.Fields.Count)
            throw new ArgumentException($"{Where}: expected a record with fields ({string.Join(", ", r.Labels)}), got {v}");
        var values = new ComponentValue[r.Fields.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (v.Fields[i].Key != r.Labels[i])
                throw new ArgumentException($"{Where}: record field {i} is `{v.Fields[i].Key}`, expected `{r.Labels[i]}`");
            values[i] = v.Fields[i].Value;
        }
        return values;
    }

    internal void CheckFixedLength(ComponentValue v, int length)
    {
        if (v.Items.Count != length)
            throw new ArgumentException($"{Where}: expected a list of exactly {length} elements, got {v.Items.Count}");
    }

    internal (int Index, ComponentValue? Payload) VariantCase(ComponentValue v, VariantCanonType t)
    {
        int index;
        ComponentValue? payload = v.Payload;
        switch (t.Kind)
        {
            case ComponentValueKind.Option:
                index = v.Flag ? 1 : 0;
                break;
            case ComponentValueKind.Result:
                index = v.Flag ? 0 : 1;
                break;
            default:
                index = IndexOf(t.Labels, v.Text!);
                if (index < 0)
                    throw new ArgumentException($"{Where}: `{v.Text}` is not a case of the {Describe(t)} ({string.Join(", ", t.Labels)})");
                break;
        }
        if ((t.Cases[index] is null) != (payload is null))
            throw new ArgumentException(
                $"{Where}: case `{t.Labels[index]}` of the {Describe(t)} {(payload is null ? "needs" : "has no")} payload");
        return (index, payload);
    }

    internal uint FlagBits(ComponentValue v, FlagsCanonType f)
    {
        uint bits = 0;
        foreach (var name in v.FlagNames)
        {
            int i = IndexOf(f.Labels, name);
            if (i < 0) throw new ArgumentException($"{Where}: `{name}` is not a flag ({string.Join(", ", f.Labels)})");
            bits |= 1u << i;
        }
        return bits;
    }

    internal static uint F32Bits(ComponentValue v)
    {
        float f = (float)v.Real;
        return float.IsNaN(f) ? 0x7fc00000u : BitConverter.SingleToUInt32Bits(f);
    }

    internal static ulong F64Bits(ComponentValue v) =>
        double.IsNaN(v.Real) ? 0x7ff8000000000000ul : BitConverter.DoubleToUInt64Bits(v.Real);

    private static int IndexOf(IReadOnlyList<string> labels, string name)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] == name) return i;
        }
        return -1;
    }
}
