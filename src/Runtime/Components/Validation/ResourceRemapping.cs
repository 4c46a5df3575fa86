namespace WitSharp.Components.Validation;

/// <summary>
/// Substitution of resources (and type identities) inside types: instantiating a component replaces its imported
/// resources by the ones supplied and its defined resources by fresh ones (Explainer.md "Type checking"; wasm-tools
/// <c>Remap</c>). Types that mention no substituted resource keep their identity, so "named" checks still see them.
/// </summary>
internal sealed class ResourceRemapping
{
    public Dictionary<Resource, Resource> Resources { get; } = [];

    /// <summary>Type identities to replace (the created identity of a satisfied type import → the argument's).</summary>
    public Dictionary<AnyType, AnyType> Types { get; set; } = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<AnyType, AnyType> _done = new(ReferenceEqualityComparer.Instance);

    public bool IsEmpty => Resources.Count == 0 && Types.Count == 0;

    public void ClearCache() => _done.Clear();

    public Entity Map(Entity e)
    {
        if (IsEmpty) return e;
        switch (e)
        {
            case FuncEntity f: return Same(f.Type, out var nf) ? e : new FuncEntity(nf);
            case InstanceEntity i: return Same(i.Type, out var ni) ? e : new InstanceEntity(ni);
            case ComponentEntity c: return Same(c.Type, out var nc) ? e : new ComponentEntity(nc);
            case ValueEntity v: return Same(v.Type, out var nv) ? e : new ValueEntity(nv);
            case TypeEntity t:
            {
                var r = MapAny(t.Referenced);
                var c = ReferenceEquals(t.Referenced, t.Created) ? r : MapAny(t.Created);
                return ReferenceEquals(r, t.Referenced) && ReferenceEquals(c, t.Created) ? e : new TypeEntity(r, c);
            }
            default: return e;
        }
    }

    private bool Same<T>(T t, out T mapped) where T : AnyType
    {
        mapped = (T)MapAny(t);
        return ReferenceEquals(mapped, t);
    }

    public AnyType MapAny(AnyType t)
    {
        if (Types.TryGetValue(t, out var renamed)) return renamed;
        if (_done.TryGetValue(t, out var done)) return done;
        AnyType result = t switch
        {
            ResourceRef r => Resources.TryGetValue(r.Resource, out var nr) ? new ResourceRef(nr) : r,
            CompValType v => MapVal(v),
            FuncSig f => MapFunc(f),
            InstanceSig i => MapInstance(i),
            ComponentSig c => MapComponent(c),
            _ => t,
        };
        _done[t] = result;
        return result;
    }

    public CompValType MapVal(CompValType v)
    {
        if (v.Kind is DefinedKind.Primitive or DefinedKind.Flags or DefinedKind.Enum) return v;
        if (Types.TryGetValue(v, out var renamed) && renamed is CompValType rv) return rv;
        if (_done.TryGetValue(v, out var done)) return (CompValType)done;
        bool changed = false;
        var fields = v.Fields.Select(f =>
        {
            var nt = f.Type is null ? null : MapVal(f.Type);
            changed |= !ReferenceEquals(nt, f.Type);
            return (f.Name, nt);
        }).ToList();
        var elements = v.Elements.Select(x =>
        {
            var nt = x is null ? null : MapVal(x);
            changed |= !ReferenceEquals(nt, x);
            return nt;
        }).ToList();
        var res = v.Resource is null ? null : (ResourceRef)MapAny(v.Resource);
        changed |= !ReferenceEquals(res, v.Resource);
        var result = !changed ? v : new CompValType { Kind = v.Kind, Primitive = v.Primitive, Fields = fields, Elements = elements, Length = v.Length, Resource = res };
        _done[v] = result;
        return result;
    }

    private FuncSig MapFunc(FuncSig f)
    {
        bool changed = false;
        var ps = f.Parameters.Select(p =>
        {
            var nt = MapVal(p.Type);
            changed |= !ReferenceEquals(nt, p.Type);
            return (p.Name, nt);
        }).ToList();
        var r = f.Result is null ? null : MapVal(f.Result);
        changed |= !ReferenceEquals(r, f.Result);
        return changed ? new FuncSig(f.IsAsync, ps, r) : f;
    }

    private InstanceSig MapInstance(InstanceSig i)
    {
        bool changed = false;
        var exports = i.Exports.Select(e =>
        {
            var ne = Map(e);
            changed |= !ReferenceEquals(ne, e);
            return ne;
        });
        var defined = i.DefinedResources.Select(MapResource).ToList();
        var expl = MapPaths(i.ExplicitResources, ref changed);
        changed |= !defined.SequenceEqual(i.DefinedResources);
        return changed ? new InstanceSig { Exports = exports, DefinedResources = defined, ExplicitResources = expl } : i;
    }

    private ComponentSig MapComponent(ComponentSig c)
    {
        bool changed = false;
        var imports = c.Imports.Select(e => { var ne = Map(e); changed |= !ReferenceEquals(ne, e); return ne; });
        var exports = c.Exports.Select(e => { var ne = Map(e); changed |= !ReferenceEquals(ne, e); return ne; });
        var ir = c.ImportedResources.Select(x => (MapResource(x.Resource), x.Path)).ToList();
        var dr = c.DefinedResources.Select(x => (MapResource(x.Resource), x.Path)).ToList();
        changed |= !ir.Select(x => x.Item1).SequenceEqual(c.ImportedResources.Select(x => x.Resource));
        changed |= !dr.Select(x => x.Item1).SequenceEqual(c.DefinedResources.Select(x => x.Resource));
        var expl = MapPaths(c.ExplicitResources, ref changed);
        return changed
            ? new ComponentSig { Imports = imports, Exports = exports, ImportedResources = ir, DefinedResources = dr, ExplicitResources = expl }
            : c;
    }

    private Resource MapResource(Resource r) => Resources.TryGetValue(r, out var n) ? n : r;

    private Dictionary<Resource, int[]> MapPaths(Dictionary<Resource, int[]> paths, ref bool changed)
    {
        var r = new Dictionary<Resource, int[]>();
        foreach (var (k, v) in paths)
        {
            var nk = MapResource(k);
            changed |= !ReferenceEquals(nk, k);
            r[nk] = v;
        }
        return r;
    }
}

/// <summary>Queries over types that walk their structure.</summary>
internal static class TypeWalk
{
    /// <summary>The resources a type mentions (its "free variables").</summary>
    public static void FreeResources(Entity e, HashSet<Resource> set)
    {
        switch (e)
        {
            case FuncEntity f: FreeResources(f.Type, set); break;
            case InstanceEntity i: FreeResources(i.Type, set); break;
            case ComponentEntity c: FreeResources(c.Type, set); break;
            case ValueEntity v: FreeResources(v.Type, set); break;
            case TypeEntity t: FreeResources(t.Created, set); break;
        }
    }

    public static void FreeResources(AnyType t, HashSet<Resource> set)
    {
        switch (t)
        {
            case ResourceRef r: set.Add(r.Resource); break;
            case CompValType v:
                foreach (var f in v.Fields) if (f.Type is not null) FreeResources(f.Type, set);
                foreach (var x in v.Elements) if (x is not null) FreeResources(x, set);
                if (v.Resource is not null) set.Add(v.Resource.Resource);
                break;
            case FuncSig f:
                foreach (var p in f.Parameters) FreeResources(p.Type, set);
                if (f.Result is not null) FreeResources(f.Result, set);
                break;
            case InstanceSig i:
                foreach (var (_, e) in i.Exports.Items) FreeResources(e, set);
                foreach (var d in i.DefinedResources) set.Remove(d);
                break;
            case ComponentSig c:
                foreach (var (_, e) in c.Imports.Items) FreeResources(e, set);
                foreach (var (_, e) in c.Exports.Items) FreeResources(e, set);
                foreach (var (r, _) in c.ImportedResources) set.Remove(r);
                foreach (var (r, _) in c.DefinedResources) set.Remove(r);
                break;
        }
    }

    /// <summary>True when lowering/lifting the value needs linear memory (strings and lists; CanonicalABI.md).</summary>
    public static bool ContainsPointer(CompValType v) => v.Kind switch
    {
        DefinedKind.Primitive => v.Primitive == Wit.Binary.PrimitiveValType.String,
        DefinedKind.List or DefinedKind.Map => true,
        DefinedKind.Stream or DefinedKind.Future or DefinedKind.Own or DefinedKind.Borrow or DefinedKind.Flags or DefinedKind.Enum => false,
        _ => v.Fields.Any(f => f.Type is not null && ContainsPointer(f.Type)) || v.Elements.Any(x => x is not null && ContainsPointer(x)),
    };

    public static bool ContainsBorrow(CompValType v) => v.Kind switch
    {
        DefinedKind.Borrow => true,
        DefinedKind.Primitive or DefinedKind.Own or DefinedKind.Flags or DefinedKind.Enum or DefinedKind.Stream or DefinedKind.Future => false,
        _ => v.Fields.Any(f => f.Type is not null && ContainsBorrow(f.Type)) || v.Elements.Any(x => x is not null && ContainsBorrow(x)),
    };
}
