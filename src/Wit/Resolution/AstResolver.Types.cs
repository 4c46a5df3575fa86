using System.Collections.Generic;
using System.Text;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

internal sealed partial class AstResolver
{
    private TypeDefKind ResolveTypeDef(AstType ty, Stability stability) => ResolveTypeDef(ty, stability, out _);

    private TypeDefKind ResolveTypeDef(AstType ty, Stability stability, out List<Span>? memberSpans)
    {
        memberSpans = null;
        switch (ty.Kind)
        {
            case AstTypeKind.Name:
                return new AliasKind(WitType.FromId(ResolveTypeName(ty.Name)));
            case AstTypeKind.List:
                return new ListKind(ResolveType(ty.First!, stability));
            case AstTypeKind.Map:
            {
                var key = ResolveType(ty.First!, stability);
                var value = ResolveType(ty.Second!, stability);
                if (key.IsId || key.Kind is WitTypeKind.F32 or WitTypeKind.F64 or WitTypeKind.ErrorContext)
                {
                    throw new SpanException(ty.Span, "invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string");
                }
                return new MapKind(key, value);
            }
            case AstTypeKind.FixedSizeList:
                return new FixedSizeListKind(ResolveType(ty.First!, stability), ty.Size);
            case AstTypeKind.Own:
                return new HandleKind(false, ValidateResource(ty.Name));
            case AstTypeKind.Borrow:
                return new HandleKind(true, ValidateResource(ty.Name));
            case AstTypeKind.Resource:
            {
                // At most one constructor and no two methods/statics of the same name.
                var ctors = 0;
                var names = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var f in ty.Funcs!)
                {
                    if (f.Kind == ResourceFuncKind.Constructor)
                    {
                        if (++ctors > 1) throw new SpanException(f.Func.Name.Span, "duplicate constructors");
                    }
                    else if (!names.Add(f.Func.Name.Name))
                    {
                        throw new SpanException(f.Func.Name.Span, "duplicate function name `" + f.Func.Name.Name + "`");
                    }
                }
                return ResourceKind.Instance;
            }
            case AstTypeKind.Record:
            {
                var fields = new List<Field>(ty.Members!.Count);
                memberSpans = new List<Span>(ty.Members.Count);
                foreach (var m in ty.Members)
                {
                    fields.Add(new Field(m.Name.Name, ResolveType(m.Type!, stability), MakeDocs(m.Docs)));
                    memberSpans.Add(m.Name.Span);
                }
                return new RecordKind(fields);
            }
            case AstTypeKind.Flags:
            {
                var flags = new List<Flag>(ty.Members!.Count);
                foreach (var m in ty.Members) flags.Add(new Flag(m.Name.Name, MakeDocs(m.Docs)));
                return new FlagsKind(flags);
            }
            case AstTypeKind.Tuple:
            {
                var types = new List<WitType>(ty.Types!.Count);
                foreach (var t in ty.Types) types.Add(ResolveType(t, stability));
                return new TupleKind(types);
            }
            case AstTypeKind.Variant:
            {
                if (ty.Members!.Count == 0) throw new SpanException(ty.Span, "empty variant");
                var cases = new List<Case>(ty.Members.Count);
                memberSpans = new List<Span>(ty.Members.Count);
                foreach (var m in ty.Members)
                {
                    cases.Add(new Case(m.Name.Name, m.Type is null ? null : ResolveType(m.Type, stability), MakeDocs(m.Docs)));
                    memberSpans.Add(m.Name.Span);
                }
                return new VariantKind(cases);
            }
            case AstTypeKind.Enum:
            {
                if (ty.Members!.Count == 0) throw new SpanException(ty.Span, "empty enum");
                var cases = new List<EnumCase>(ty.Members.Count);
                foreach (var m in ty.Members) cases.Add(new EnumCase(m.Name.Name, MakeDocs(m.Docs)));
                return new EnumKind(cases);
            }
            case AstTypeKind.Option:
                return new OptionKind(ResolveType(ty.First!, stability));
            case AstTypeKind.Result:
                return new ResultKind(ResolveOptionalType(ty.First, stability), ResolveOptionalType(ty.Second, stability));
            case AstTypeKind.Future:
                return new FutureKind(ResolveOptionalType(ty.First, stability));
            case AstTypeKind.Stream:
                return new StreamKind(ResolveOptionalType(ty.First, stability));
            default:
                return new AliasKind(Primitive(ty.Kind));
        }
    }

    private static WitType Primitive(AstTypeKind kind) => kind switch
    {
        AstTypeKind.Bool => WitType.Bool,
        AstTypeKind.U8 => WitType.U8,
        AstTypeKind.U16 => WitType.U16,
        AstTypeKind.U32 => WitType.U32,
        AstTypeKind.U64 => WitType.U64,
        AstTypeKind.S8 => WitType.S8,
        AstTypeKind.S16 => WitType.S16,
        AstTypeKind.S32 => WitType.S32,
        AstTypeKind.S64 => WitType.S64,
        AstTypeKind.F32 => WitType.F32,
        AstTypeKind.F64 => WitType.F64,
        AstTypeKind.Char => WitType.Char,
        AstTypeKind.String => WitType.String,
        AstTypeKind.ErrorContext => WitType.ErrorContext,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private int ResolveTypeName(Id name)
    {
        if (!_typeLookup.TryGetValue(name.Name, out var entry)) throw new SpanException(name.Span, "name `" + name.Name + "` does not exist");
        if (!entry.IsType) throw new SpanException(name.Span, "cannot use " + entry.Item + " `" + name.Name + "` as a type");
        return entry.TypeId;
    }

    private int ValidateResource(Id name)
    {
        var id = ResolveTypeName(name);
        var cur = id;
        while (true)
        {
            switch (_pkg.Types[cur].Kind)
            {
                case ResourceKind:
                    return id;
                case AliasKind { Target.IsId: true } a:
                    cur = a.Target.TypeId;
                    continue;
                case UnknownKind:
                    // Foreign: checked once the dependency is bound (Remap).
                    _pkg.RequiredResourceTypes.Add(new KeyValuePair<int, Span>(cur, name.Span));
                    return id;
                default:
                    throw new SpanException(name.Span, "type `" + name.Name + "` used in a handle must be a resource");
            }
        }
    }

    /// <summary>An anonymous type inherits the gate of the first gated type it mentions (reference: <c>find_stability</c>).</summary>
    private Stability FindStability(TypeDefKind kind, Stability stability)
    {
        if (stability.Kind != StabilityKind.Unknown) return stability;
        Stability? In(WitType? t)
        {
            if (t is not { IsId: true } ty) return null;
            var s = _pkg.Types[ty.TypeId].Stability;
            return s.Kind == StabilityKind.Unknown ? null : s;
        }
        Stability? found = kind switch
        {
            AliasKind a => In(a.Target),
            HandleKind h => In(WitType.FromId(h.ResourceTypeId)),
            TupleKind t => FirstOf(t.Types, In),
            ListKind l => In(l.Element),
            FixedSizeListKind f => In(f.Element),
            OptionKind o => In(o.Type),
            MapKind m => In(m.Key) ?? In(m.Value),
            FutureKind f => In(f.Payload),
            StreamKind s => In(s.Payload),
            ResultKind r => In(r.Ok) ?? In(r.Err),
            _ => null,
        };
        return found ?? Stability.Unknown;
    }

    private static Stability? FirstOf(IReadOnlyList<WitType> types, System.Func<WitType?, Stability?> f)
    {
        foreach (var t in types)
        {
            if (f(t) is { } s) return s;
        }
        return null;
    }

    private WitType ResolveType(AstType ty, Stability stability)
    {
        var kind = ResolveTypeDef(ty, stability);
        return AnonTypeDef(kind, FindStability(kind, stability), ty.Span);
    }

    private WitType? ResolveOptionalType(AstType? ty, Stability stability) => ty is null ? null : ResolveType(ty, stability);

    /// <summary>Interns an anonymous type: structurally equal ones share one id (reference: <c>anon_type_def</c>).</summary>
    private WitType AnonTypeDef(TypeDefKind kind, Stability stability, Span span)
    {
        var sb = new StringBuilder();
        switch (kind)
        {
            case AliasKind a:
                return a.Target;
            case HandleKind { IsBorrow: false } own:
                // An anonymous `own<T>` is the same as `T` itself.
                return WitType.FromId(own.ResourceTypeId);
            case HandleKind h:
                sb.Append("b#").Append(h.ResourceTypeId);
                break;
            case TupleKind t:
                sb.Append("t(");
                foreach (var x in t.Types) sb.Append(x).Append(',');
                break;
            case ListKind l:
                sb.Append("l(").Append(l.Element);
                break;
            case MapKind m:
                sb.Append("m(").Append(m.Key).Append(',').Append(m.Value);
                break;
            case FixedSizeListKind f:
                sb.Append("fl(").Append(f.Element).Append(',').Append(f.Size);
                break;
            case OptionKind o:
                sb.Append("o(").Append(o.Type);
                break;
            case ResultKind r:
                sb.Append("r(").Append(r.Ok?.ToString() ?? "_").Append(',').Append(r.Err?.ToString() ?? "_");
                break;
            case FutureKind f:
                sb.Append("f(").Append(f.Payload?.ToString() ?? "_");
                break;
            case StreamKind s:
                sb.Append("s(").Append(s.Payload?.ToString() ?? "_");
                break;
            default:
                throw new System.InvalidOperationException("unexpected anonymous " + kind.Tag);
        }
        var key = sb.ToString();
        if (!_anonTypes.TryGetValue(key, out var id))
        {
            id = AddType(new TypeDef(null, kind, TypeOwner.None, Docs.None, stability), span);
            _anonTypes[key] = id;
        }
        return WitType.FromId(id);
    }

    private Function ResolveFunction(AstDocs docs, List<AstAttribute> attrs, string name, FuncDecl func, FunctionKindTag kind, int resourceId)
    {
        var d = MakeDocs(docs);
        var stability = MakeStability(attrs);
        var ps = ResolveParams(func, kind, resourceId);
        var result = ResolveResult(func, kind, resourceId);
        return new Function(name, kind, resourceId, ps, result, d, stability);
    }

    private List<Param> ResolveParams(FuncDecl func, FunctionKindTag kind, int resourceId)
    {
        var ret = new List<Param>(func.Params.Count + 1);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        if (kind is FunctionKindTag.Method or FunctionKindTag.AsyncMethod)
        {
            // Methods take an implicit `self: borrow<R>` first.
            var handle = new HandleKind(true, resourceId);
            ret.Add(new Param("self", AnonTypeDef(handle, FindStability(handle, Stability.Unknown), func.Span)));
            seen.Add("self");
        }
        foreach (var p in func.Params)
        {
            var t = ResolveType(p.Value, Stability.Unknown);
            if (!seen.Add(p.Key.Name)) throw new SpanException(p.Key.Span, "param `" + p.Key.Name + "` is defined more than once");
            ret.Add(new Param(p.Key.Name, t));
        }
        return ret;
    }

    private WitType? ResolveResult(FuncDecl func, FunctionKindTag kind, int resourceId)
    {
        if (kind != FunctionKindTag.Constructor) return func.Result is null ? null : ResolveType(func.Result, Stability.Unknown);
        // A constructor returns `own<R>` implicitly, or explicitly `result<R, E?>`.
        if (func.Result is null) return WitType.FromId(resourceId);
        var resultAst = func.Result;
        var result = ResolveType(resultAst, Stability.Unknown);
        if (!result.IsId || _pkg.Types[result.TypeId].Kind is not ResultKind r)
        {
            throw new SpanException(resultAst.Span, "if a constructor return type is declared it must be a `result`");
        }
        if (r.Ok is { IsId: true } ok && ok.TypeId == resourceId) return result;
        var okSpan = resultAst.Kind == AstTypeKind.Result && resultAst.First is { } okAst ? okAst.Span : resultAst.Span;
        throw new SpanException(okSpan, "the `ok` type must be the resource being constructed");
    }
}
