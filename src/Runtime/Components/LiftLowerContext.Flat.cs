namespace WitSharp.Components;

/// <summary>Flat lifting and lowering (CanonicalABI.md "Flat Lifting", "Flat Lowering").</summary>
internal sealed partial class LiftLowerContext
{
    /// <summary>Reads core values as raw bits; a variant case reads through its joined slot types.</summary>
    internal sealed class FlatReader(IReadOnlyList<ulong> values)
    {
        private int _next;

        public ulong Next() => values[_next++];

        public void Skip(int count) => _next += count;
    }

    public ComponentValue LiftFlat(FlatReader vi, CanonType t)
    {
        switch (t)
        {
            case PrimitiveCanonType p:
                switch (p.Kind)
                {
                    // CanonicalABI.md "lift_flat": narrower integers keep the low bits (wrap), bool is any non-zero.
                    case ComponentValueKind.Bool: return ComponentValue.Bool((uint)vi.Next() != 0);
                    case ComponentValueKind.S8: return ComponentValue.S8((sbyte)vi.Next());
                    case ComponentValueKind.U8: return ComponentValue.U8((byte)vi.Next());
                    case ComponentValueKind.S16: return ComponentValue.S16((short)vi.Next());
                    case ComponentValueKind.U16: return ComponentValue.U16((ushort)vi.Next());
                    case ComponentValueKind.S32: return ComponentValue.S32((int)vi.Next());
                    case ComponentValueKind.U32: return ComponentValue.U32((uint)vi.Next());
                    case ComponentValueKind.S64: return ComponentValue.S64((long)vi.Next());
                    case ComponentValueKind.U64: return ComponentValue.U64(vi.Next());
                    case ComponentValueKind.F32: return LiftF32((uint)vi.Next());
                    case ComponentValueKind.F64: return LiftF64(vi.Next());
                    case ComponentValueKind.Char: return LiftChar((uint)vi.Next());
                    default:
                    {
                        uint ptr = (uint)vi.Next();
                        return LoadString(ptr, (uint)vi.Next());
                    }
                }
            case ListCanonType { FixedLength: { } n } fl:
            {
                var items = new ComponentValue[n];
                for (int i = 0; i < n; i++) items[i] = LiftFlat(vi, fl.Element);
                return ComponentValue.List(items);
            }
            case ListCanonType l:
            {
                uint ptr = (uint)vi.Next();
                return LoadList(ptr, (uint)vi.Next(), l.Element);
            }
            case RecordCanonType r:
            {
                var values = new ComponentValue[r.Fields.Count];
                for (int i = 0; i < values.Length; i++) values[i] = LiftFlat(vi, r.Fields[i]);
                return MakeRecord(r, values);
            }
            case VariantCanonType v:
            {
                uint disc = (uint)vi.Next();
                if (disc >= v.Cases.Count) throw BadDiscriminant(v, disc);
                var caseType = v.Cases[(int)disc];
                // The payload slots have the joined types; raw bits make the coercions plain truncations.
                int used = caseType?.Flat.Count ?? 0;
                var payload = caseType is null ? null : LiftFlat(vi, caseType);
                vi.Skip(v.Flat.Count - 1 - used);
                return MakeVariant(v, (int)disc, payload);
            }
            case FlagsCanonType f:
                return MakeFlags(f, (uint)vi.Next());
            case HandleCanonType h:
                return LiftHandle(h, (uint)vi.Next());
            default:
                throw Unsupported(t);
        }
    }

    public void LowerFlat(ComponentValue v, CanonType t, List<ulong> output)
    {
        Expect(v, t);
        switch (t)
        {
            case PrimitiveCanonType p:
                switch (p.Kind)
                {
                    case ComponentValueKind.S64 or ComponentValueKind.U64: output.Add((ulong)v.Integer); return;
                    case ComponentValueKind.F32: output.Add(F32Bits(v)); return;
                    case ComponentValueKind.F64: output.Add(F64Bits(v)); return;
                    case ComponentValueKind.String:
                    {
                        var (ptr, units) = StoreString(v);
                        output.Add(ptr);
                        output.Add(units);
                        return;
                    }
                    default:
                        // i32-sized values: two's complement low 32 bits, zero-extended in the raw slot.
                        output.Add((uint)v.Integer);
                        return;
                }
            case ListCanonType { FixedLength: { } fixedLength } fl:
                CheckFixedLength(v, fixedLength);
                for (int i = 0; i < fixedLength; i++) LowerFlat(v.Items[i], fl.Element, output);
                return;
            case ListCanonType l:
            {
                var (ptr, n) = StoreList(v.Items, l.Element);
                output.Add(ptr);
                output.Add(n);
                return;
            }
            case RecordCanonType r:
            {
                var values = RecordValues(v, r);
                for (int i = 0; i < values.Count; i++) LowerFlat(values[i], r.Fields[i], output);
                return;
            }
            case VariantCanonType vt:
            {
                var (index, payload) = VariantCase(v, vt);
                output.Add((uint)index);
                int start = output.Count;
                if (vt.Cases[index] is { } ct) LowerFlat(payload!, ct, output);
                // CanonicalABI.md "lower_flat_variant": f32 payloads in i32/i64 slots are their bit patterns and
                // i32 in i64 is zero-extended, which raw bits already are; unused slots are zero.
                while (output.Count - start < vt.Flat.Count - 1) output.Add(0);
                return;
            }
            case FlagsCanonType f:
                output.Add(FlagBits(v, f));
                return;
            case HandleCanonType h:
                output.Add(LowerHandle(v, h));
                return;
            default:
                throw Unsupported(t);
        }
    }
}
