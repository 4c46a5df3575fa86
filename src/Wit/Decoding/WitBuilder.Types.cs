using System.Collections.Generic;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

// Types and functions: component value types → TypeDefKind, function types → Function.
internal sealed partial class WitBuilder
{
    /// <summary>Deepest chain of type references followed; deeper is reported, not a stack overflow.</summary>
    private const int MaxTypeDepth = 500;

    /// <summary>Adds a named type for an export/import of a type: <c>type name = prior</c> when what it
    /// refers to is already a WIT type, otherwise the definition itself (or a resource).</summary>
    public int RegisterTypeExport(string name, TypeOwner owner, TypeEntry created)
    {
        if (_typeMap.TryGetValue(created, out var already)) return already;
        var referenced = created is AliasEntry a ? a.Target : created;
        TypeDefKind kind;
        TypeEntry? definition = null;
        if (FindAlias(referenced) is { } prior)
        {
            kind = new AliasKind(WitType.FromId(prior));
        }
        else
        {
            definition = Peel(referenced);
            kind = definition switch
            {
                ResourceEntry => ResourceKind.Instance,
                ValueEntry { Def: PrimitiveType p } => new AliasKind(Primitive(p.Primitive, p.Offset)),
                ValueEntry v => ConvertDefined(v),
                _ => throw new WitBinaryException("type export '" + name + "' is not a value or resource type", created.Offset),
            };
        }

        var id = _resolve.AddType(new TypeDef(name, kind, owner, Docs.None, Stability.Unknown));
        if (kind is ResourceKind)
        {
            if (!_resources.TryGetValue(owner, out var byName)) _resources[owner] = byName = new Dictionary<string, int>(System.StringComparer.Ordinal);
            byName[name] = id;
        }
        _typeMap[created] = id;
        // Later references straight to the underlying definition (rather than through this export) name it too.
        if (definition is not null && !_typeMap.ContainsKey(definition)) _typeMap[definition] = id;
        return id;
    }

    /// <summary>The WIT type an entry (or anything on its alias chain) was already given, if any.</summary>
    private int? FindAlias(TypeEntry entry)
    {
        var cur = entry;
        for (var steps = 0; steps < MaxTypeDepth; steps++)
        {
            cur = Substitute(cur);
            if (_typeMap.TryGetValue(cur, out var id)) return id;
            if (cur is not AliasEntry a) return null;
            cur = a.Target;
        }
        throw new WitBinaryException("type alias chain too long", entry.Offset);
    }

    /// <summary>Follows substitutions and <c>eq</c> aliases to the defining entry.</summary>
    private TypeEntry Peel(TypeEntry entry)
    {
        var cur = entry;
        for (var steps = 0; steps < MaxTypeDepth; steps++)
        {
            cur = Substitute(cur);
            if (cur is not AliasEntry a) return cur;
            cur = a.Target;
        }
        throw new WitBinaryException("type alias chain too long", entry.Offset);
    }

    private TypeEntry Substitute(TypeEntry entry)
    {
        for (var steps = 0; steps < MaxTypeDepth; steps++)
        {
            if (!_walker.Substitutions.TryGetValue(entry, out var next) || ReferenceEquals(next, entry)) return entry;
            entry = next;
        }
        throw new WitBinaryException("type substitution chain too long", entry.Offset);
    }

    /// <summary>A <c>valtype</c> read in <paramref name="scope"/> as a WIT type; anonymous definitions
    /// (<c>list</c>, <c>option</c>, handles, …) become unnamed type definitions, created once per entry.</summary>
    private WitType ConvertValType(ComponentValType type, Scope scope, int offset)
    {
        if (!type.IsIndex) return Primitive(type.Primitive, offset);
        return ConvertEntry(TypeWalker.Get(scope.Types, type.TypeIndex, "type", offset));
    }

    private WitType ConvertEntry(TypeEntry entry)
    {
        if (++_depth > MaxTypeDepth)
        {
            _depth--;
            throw new WitBinaryException("value types nested more than " + MaxTypeDepth + " deep", entry.Offset);
        }
        try
        {
            var cur = Substitute(entry);
            if (_typeMap.TryGetValue(cur, out var id)) return WitType.FromId(id);
            switch (cur)
            {
                case AliasEntry a:
                    return ConvertEntry(a.Target);
                case ValueEntry { Def: PrimitiveType p }:
                    return Primitive(p.Primitive, p.Offset);
                case ValueEntry v:
                    var kind = ConvertDefined(v);
                    if (kind is RecordKind or VariantKind or EnumKind or FlagsKind)
                        throw new WitBinaryException("a " + kind.Tag.ToString().ToLowerInvariant() + " type must be named by an import or export before use", v.Offset);
                    id = _resolve.AddType(new TypeDef(null, kind, TypeOwner.None, Docs.None, Stability.Unknown));
                    _typeMap[cur] = id;
                    return WitType.FromId(id);
                case ResourceEntry:
                    throw new WitBinaryException("a resource type is used as a value type (handles are own/borrow)", cur.Offset);
                default:
                    throw new WitBinaryException("a function, instance or component type is used as a value type", cur.Offset);
            }
        }
        finally
        {
            _depth--;
        }
    }

    private TypeDefKind ConvertDefined(ValueEntry entry)
    {
        var s = entry.Scope;
        var at = entry.Offset;
        switch (entry.Def)
        {
            case RecordType r:
                var fields = new List<Field>(r.Fields.Count);
                foreach (var f in r.Fields) fields.Add(new Field(f.Label, ConvertValType(f.Type, s, at), Docs.None));
                return new RecordKind(fields);
            case VariantType v:
                var cases = new List<Case>(v.Cases.Count);
                foreach (var c in v.Cases) cases.Add(new Case(c.Label, c.Type is { } ct ? ConvertValType(ct, s, at) : null, Docs.None));
                return new VariantKind(cases);
            case ListType l:
                var element = ConvertValType(l.Element, s, at);
                return l.FixedLength is { } n ? new FixedSizeListKind(element, n) : new ListKind(element);
            case TupleType t:
                var types = new List<WitType>(t.Types.Count);
                foreach (var e in t.Types) types.Add(ConvertValType(e, s, at));
                return new TupleKind(types);
            case FlagsType f:
                var flags = new List<Flag>(f.Names.Count);
                foreach (var label in f.Names) flags.Add(new Flag(label, Docs.None));
                return new FlagsKind(flags);
            case EnumType en:
                var labels = new List<EnumCase>(en.Names.Count);
                foreach (var label in en.Names) labels.Add(new EnumCase(label, Docs.None));
                return new EnumKind(labels);
            case OptionType o:
                return new OptionKind(ConvertValType(o.Type, s, at));
            case ResultType res:
                return new ResultKind(
                    res.Ok is { } ok ? ConvertValType(ok, s, at) : null,
                    res.Error is { } err ? ConvertValType(err, s, at) : null);
            case OwnType own:
                return new HandleKind(false, ResourceId(own.ResourceIndex, s, at));
            case BorrowType borrow:
                return new HandleKind(true, ResourceId(borrow.ResourceIndex, s, at));
            case FutureType fu:
                return new FutureKind(fu.Element is { } fe ? ConvertValType(fe, s, at) : null);
            case StreamType st:
                return new StreamKind(st.Element is { } se ? ConvertValType(se, s, at) : null);
            case MapType m:
                return new MapKind(ConvertValType(m.Key, s, at), ConvertValType(m.Value, s, at));
            case PrimitiveType p:
                return new AliasKind(Primitive(p.Primitive, at));
            default:
                throw new WitBinaryException("unsupported value type " + entry.Def.GetType().Name, at);
        }
    }

    /// <summary>The WIT type id a handle's resource index refers to; the resource must have been named by an
    /// import or export first (that is how WIT-shaped components introduce resources).</summary>
    private int ResourceId(uint index, Scope scope, int offset)
    {
        var entry = TypeWalker.Get(scope.Types, index, "type", offset);
        if (FindAlias(entry) is { } id) return id;
        throw new WitBinaryException("handle refers to type " + index + ", which is not a named resource", offset);
    }

    /// <summary>A function from its (possibly mangled) name and type: <c>[constructor]r</c>,
    /// <c>[method]r.m</c>, <c>[static]r.m</c> and their <c>[async …]</c> forms tie it to resource <c>r</c> of
    /// the same owner (Explainer.md "Import and Export Definitions", <c>plainname</c>).</summary>
    public Function ConvertFunction(string name, FuncEntry type, TypeOwner owner)
    {
        var at = type.Offset;
        var kind = FunctionKindTag.Freestanding;
        string? resource = null;
        if (name.Length > 0 && name[0] == '[')
        {
            var close = name.IndexOf(']');
            if (close < 0) throw new WitBinaryException("malformed function name '" + name + "'", at);
            var annotation = name.Substring(1, close - 1);
            var rest = name.Substring(close + 1);
            var dot = rest.IndexOf('.');
            switch (annotation)
            {
                case "constructor":
                    kind = FunctionKindTag.Constructor;
                    resource = rest;
                    break;
                case "method":
                case "static":
                case "async method":
                case "async static":
                    if (dot <= 0) throw new WitBinaryException("malformed function name '" + name + "'", at);
                    resource = rest.Substring(0, dot);
                    kind = annotation switch
                    {
                        "method" => FunctionKindTag.Method,
                        "static" => FunctionKindTag.Static,
                        "async method" => FunctionKindTag.AsyncMethod,
                        _ => FunctionKindTag.AsyncStatic,
                    };
                    break;
                case "async":
                    kind = FunctionKindTag.AsyncFreestanding;
                    break;
                default:
                    throw new WitBinaryException("unknown function name annotation '[" + annotation + "]' in '" + name + "'", at);
            }
        }
        if (type.Def.IsAsync)
        {
            kind = kind switch
            {
                FunctionKindTag.Freestanding => FunctionKindTag.AsyncFreestanding,
                FunctionKindTag.Method => FunctionKindTag.AsyncMethod,
                FunctionKindTag.Static => FunctionKindTag.AsyncStatic,
                _ => kind,
            };
        }

        var resourceId = -1;
        if (resource is not null)
        {
            if (!_resources.TryGetValue(owner, out var byName) || !byName.TryGetValue(resource, out resourceId))
                throw new WitBinaryException("function '" + name + "' refers to resource '" + resource + "', which is not defined beside it", at);
        }

        var ps = new List<Param>(type.Def.Parameters.Count);
        foreach (var p in type.Def.Parameters) ps.Add(new Param(p.Label, ConvertValType(p.Type, type.Scope, at)));
        WitType? result = type.Def.Result is { } r ? ConvertValType(r, type.Scope, at) : null;
        return new Function(name, kind, resourceId, ps, result, Docs.None, Stability.Unknown);
    }

    private static WitType Primitive(PrimitiveValType p, int offset) => p switch
    {
        PrimitiveValType.Bool => WitType.Bool,
        PrimitiveValType.S8 => WitType.S8,
        PrimitiveValType.U8 => WitType.U8,
        PrimitiveValType.S16 => WitType.S16,
        PrimitiveValType.U16 => WitType.U16,
        PrimitiveValType.S32 => WitType.S32,
        PrimitiveValType.U32 => WitType.U32,
        PrimitiveValType.S64 => WitType.S64,
        PrimitiveValType.U64 => WitType.U64,
        PrimitiveValType.F32 => WitType.F32,
        PrimitiveValType.F64 => WitType.F64,
        PrimitiveValType.Char => WitType.Char,
        PrimitiveValType.String => WitType.String,
        PrimitiveValType.ErrorContext => WitType.ErrorContext,
        _ => throw new WitBinaryException("unknown primitive type 0x" + ((byte)p).ToString("x2"), offset),
    };
}
