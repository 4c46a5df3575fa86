using System;
using System.Collections.Generic;

namespace WitSharp.Wit.Abi;

/// <summary>
/// The rules of CanonicalABI.md "Despecialization", "Alignment", "Element Size" and "Flattening" over the
/// WIT model. One instance serves one <see cref="Resolve"/> and one set of options and memoizes per type id
/// (type ids are stable, and the same named types are asked about again and again by the generator).
/// </summary>
internal sealed class AbiCalculator
{
    /// <summary>Value types nest through type ids without bound in a hostile binary; a .NET stack overflow
    /// cannot be caught, so nesting deeper than this is reported as an error.</summary>
    internal const int MaxDepth = 500;

    private readonly Resolve _resolve;
    private readonly AbiOptions _options;
    private readonly Dictionary<int, (int Size, int Align)> _sizes = new();
    private int _depth;

    internal AbiCalculator(Resolve resolve, AbiOptions? options)
    {
        _resolve = resolve ?? throw new ArgumentNullException(nameof(resolve));
        _options = options ?? AbiOptions.Default;
    }

    internal AbiOptions Options => _options;

    // ---- Size and alignment -------------------------------------------------------------------

    internal int Size(WitType t) => SizeAlign(t).Size;

    internal int Align(WitType t) => SizeAlign(t).Align;

    internal (int Size, int Align) SizeAlign(WitType t)
    {
        switch (t.Kind)
        {
            case WitTypeKind.Bool:
            case WitTypeKind.U8:
            case WitTypeKind.S8:
                return (1, 1);
            case WitTypeKind.U16:
            case WitTypeKind.S16:
                return (2, 2);
            case WitTypeKind.U32:
            case WitTypeKind.S32:
            case WitTypeKind.F32:
            case WitTypeKind.Char:
            case WitTypeKind.ErrorContext:
                return (4, 4);
            case WitTypeKind.U64:
            case WitTypeKind.S64:
            case WitTypeKind.F64:
                return (8, 8);
            case WitTypeKind.String:
                return (2 * _options.PointerSize, _options.PointerSize);
            case WitTypeKind.Id:
                var id = t.TypeId;
                if (_sizes.TryGetValue(id, out var known)) return known;
                Enter(id);
                try
                {
                    var r = SizeAlignOfDef(id);
                    _sizes[id] = r;
                    return r;
                }
                finally
                {
                    _depth--;
                }
            default:
                throw new WitException("unknown WIT type kind " + t.Kind);
        }
    }

    private (int Size, int Align) SizeAlignOfDef(int id)
    {
        var kind = Def(id).Kind;
        switch (kind)
        {
            case RecordKind r:
                return Record(FieldTypes(r)).SizeAlign;
            case TupleKind tu:
                return Record(tu.Types).SizeAlign;
            case FlagsKind f:
                var n = FlagsByteSize(f.Flags.Count, id);
                return (n, n);
            case HandleKind:
            case FutureKind:
            case StreamKind:
                // CanonicalABI.md "Alignment": handles and async ends are i32 table indices.
                return (4, 4);
            case ListKind:
            case MapKind:
                // A map is despecialized to list<tuple<k, v>>: a (pointer, length) pair either way.
                return (2 * _options.PointerSize, _options.PointerSize);
            case FixedSizeListKind fl:
                var (es, ea) = SizeAlign(fl.Element);
                return (Checked((long)es * fl.Size, id), ea);
            case AliasKind a:
                return SizeAlign(a.Target);
            default:
                if (CaseTypesOf(id) is { } cases)
                {
                    var v = Variant(cases, id);
                    return (v.Size, v.Align);
                }
                throw NotAValueType(id);
        }
    }

    /// <summary><c>elem_size_record</c> and <c>alignment_record</c>, with the field offsets <c>load_record</c> walks.</summary>
    internal (int[] Offsets, (int Size, int Align) SizeAlign) Record(IReadOnlyList<WitType> fields)
    {
        var offsets = new int[fields.Count];
        long s = 0;
        var align = 1;
        for (var i = 0; i < fields.Count; i++)
        {
            var (fs, fa) = SizeAlign(fields[i]);
            s = AlignTo(s, fa);
            offsets[i] = Checked(s, -1);
            s += fs;
            if (fa > align) align = fa;
        }
        return (offsets, (Checked(AlignTo(s, align), -1), align));
    }

    /// <summary><c>elem_size_variant</c>, <c>alignment_variant</c>: discriminant, then every payload at one
    /// offset aligned to the largest payload alignment, then padding to the variant's alignment.</summary>
    internal (int Size, int Align, int Discriminant, int PayloadOffset) Variant(IReadOnlyList<WitType?> cases, int id)
    {
        if (cases.Count == 0) throw new WitException("variant " + Describe(id) + " has no cases");
        var disc = DiscriminantSize(cases.Count);
        var maxCaseAlign = 1;
        long maxCaseSize = 0;
        foreach (var c in cases)
        {
            if (c is not { } ct) continue;
            var (cs, ca) = SizeAlign(ct);
            if (ca > maxCaseAlign) maxCaseAlign = ca;
            if (cs > maxCaseSize) maxCaseSize = cs;
        }
        var payload = AlignTo(disc, maxCaseAlign);
        var align = Math.Max(disc, maxCaseAlign);
        return (Checked(AlignTo(payload + maxCaseSize, align), id), align, disc, (int)payload);
    }

    /// <summary><c>discriminant_type</c>: u8 up to 256 cases, u16 up to 65536, else u32.</summary>
    internal static int DiscriminantSize(int caseCount) =>
        caseCount <= 0 ? throw new ArgumentOutOfRangeException(nameof(caseCount))
        : caseCount <= 1 << 8 ? 1
        : caseCount <= 1 << 16 ? 2
        : 4;

    /// <summary><c>elem_size_flags</c>: one packed integer of 1, 2 or 4 bytes. Binary.md allows 1 to 32 labels
    /// (<c>(flags l+) (if 0 &lt; |l*| &lt;= 32)</c>); the older multi-word layout for more is gone from the spec,
    /// and no valid component can carry such a type, so it is rejected rather than guessed.</summary>
    private int FlagsByteSize(int count, int id)
    {
        if (count == 0 || count > 32)
            throw new WitException("flags " + Describe(id) + " has " + count + " labels; the canonical ABI allows 1 to 32 (Binary.md, CanonicalABI.md \"Alignment\")");
        return count <= 8 ? 1 : count <= 16 ? 2 : 4;
    }

    // ---- Flattening ---------------------------------------------------------------------------

    /// <summary><c>flatten_type</c> appended to <paramref name="into"/>; false as soon as more than
    /// <paramref name="limit"/> values would be produced (the caller spills to memory then, so the exact
    /// list is not needed and a huge fixed-size list never materializes).</summary>
    internal bool Flatten(WitType t, List<FlatType> into, int limit)
    {
        switch (t.Kind)
        {
            case WitTypeKind.U64:
            case WitTypeKind.S64:
                return Add(into, FlatType.I64, limit);
            case WitTypeKind.F32:
                return Add(into, FlatType.F32, limit);
            case WitTypeKind.F64:
                return Add(into, FlatType.F64, limit);
            case WitTypeKind.String:
                return Add(into, _options.PointerType, limit) && Add(into, _options.PointerType, limit);
            case WitTypeKind.Id:
                Enter(t.TypeId);
                try
                {
                    return FlattenDef(t.TypeId, into, limit);
                }
                finally
                {
                    _depth--;
                }
            default:
                // bool, the small and 32-bit integers, char and error-context are all one i32.
                return Add(into, FlatType.I32, limit);
        }
    }

    private bool FlattenDef(int id, List<FlatType> into, int limit)
    {
        switch (Def(id).Kind)
        {
            case RecordKind r:
                foreach (var f in r.Fields)
                {
                    if (!Flatten(f.Type, into, limit)) return false;
                }
                return true;
            case TupleKind tu:
                foreach (var e in tu.Types)
                {
                    if (!Flatten(e, into, limit)) return false;
                }
                return true;
            case FlagsKind f:
                FlagsByteSize(f.Flags.Count, id);
                return Add(into, FlatType.I32, limit);
            case HandleKind:
            case FutureKind:
            case StreamKind:
                return Add(into, FlatType.I32, limit);
            case ListKind:
            case MapKind:
                return Add(into, _options.PointerType, limit) && Add(into, _options.PointerType, limit);
            case FixedSizeListKind fl:
                for (var i = 0u; i < fl.Size; i++)
                {
                    if (!Flatten(fl.Element, into, limit)) return false;
                }
                return true;
            case AliasKind a:
                return Flatten(a.Target, into, limit);
            default:
                if (CaseTypesOf(id) is { } cases) return FlattenVariant(cases, id, into, limit);
                throw NotAValueType(id);
        }
    }

    /// <summary><c>flatten_variant</c>: the discriminant's i32, then position by position the
    /// <see cref="Join"/> of what each case's payload flattens to.</summary>
    internal bool FlattenVariant(IReadOnlyList<WitType?> cases, int id, List<FlatType> into, int limit)
    {
        if (cases.Count == 0) throw new WitException("variant " + Describe(id) + " has no cases");
        if (!Add(into, FlatType.I32, limit)) return false;
        var start = into.Count;
        var scratch = new List<FlatType>();
        foreach (var c in cases)
        {
            if (c is not { } ct) continue;
            scratch.Clear();
            if (!Flatten(ct, scratch, limit - start)) return false;
            for (var i = 0; i < scratch.Count; i++)
            {
                if (start + i < into.Count) into[start + i] = Join(into[start + i], scratch[i]);
                else into.Add(scratch[i]);
            }
        }
        return true;
    }

    /// <summary><c>join</c>: equal types stay; i32 and f32 share an i32; anything else widens to i64.</summary>
    internal static FlatType Join(FlatType a, FlatType b)
    {
        if (a == b) return a;
        if ((a == FlatType.I32 && b == FlatType.F32) || (a == FlatType.F32 && b == FlatType.I32)) return FlatType.I32;
        return FlatType.I64;
    }

    // ---- Despecialization helpers -------------------------------------------------------------

    /// <summary>The case payloads of a variant-like type after despecialization, or null when it is not one.</summary>
    internal IReadOnlyList<WitType?>? CaseTypesOf(int id)
    {
        switch (Def(id).Kind)
        {
            case VariantKind v:
                var cases = new WitType?[v.Cases.Count];
                for (var i = 0; i < cases.Length; i++) cases[i] = v.Cases[i].Type;
                return cases;
            case EnumKind e:
                return new WitType?[e.Cases.Count];
            case OptionKind o:
                return new WitType?[] { null, o.Type };
            case ResultKind r:
                return new[] { r.Ok, r.Err };
            case AliasKind { Target.IsId: true } a:
                return CaseTypesOf(a.Target.TypeId);
            default:
                return null;
        }
    }

    internal static IReadOnlyList<WitType> FieldTypes(RecordKind r)
    {
        var ts = new WitType[r.Fields.Count];
        for (var i = 0; i < ts.Length; i++) ts[i] = r.Fields[i].Type;
        return ts;
    }

    internal TypeDef Def(int id)
    {
        if ((uint)id >= (uint)_resolve.Types.Count) throw new WitException("type id " + id + " is not in this resolve");
        return _resolve.Types[id];
    }

    internal string Describe(int id)
    {
        var d = _resolve.Types[id];
        return d.Name is null ? "#" + id : "'" + d.Name + "'";
    }

    private WitException NotAValueType(int id) =>
        Def(id).Kind switch
        {
            ResourceKind => new WitException("resource " + Describe(id) + " is not a value type: values of it are own<…> or borrow<…> handles"),
            UnknownKind => new WitException("type " + Describe(id) + " is not resolved"),
            var k => new WitException("type " + Describe(id) + " (" + k.Tag + ") has no canonical ABI layout"),
        };

    private void Enter(int id)
    {
        if (++_depth > MaxDepth)
        {
            _depth--;
            throw new WitException("type " + Describe(id) + " nests more than " + MaxDepth + " levels deep");
        }
    }

    private static bool Add(List<FlatType> into, FlatType t, int limit)
    {
        if (into.Count >= limit) return false;
        into.Add(t);
        return true;
    }

    private static long AlignTo(long ptr, int alignment) => (ptr + alignment - 1) / alignment * alignment;

    private int Checked(long size, int id)
    {
        if (size > int.MaxValue)
            throw new WitException((id < 0 ? "a record" : "type " + Describe(id)) + " is larger than 2 GiB");
        return (int)size;
    }
}
