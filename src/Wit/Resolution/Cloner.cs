using System.Collections.Generic;

namespace WitSharp.Wit.Resolution;

/// <summary>Deep-copies world items from one owner to another (reference: <c>resolve/clone.rs</c>): used when an
/// <c>include</c> brings a world's own types, functions and inline interfaces into the including world. Each
/// type is copied at most once per cloner, so references between copied items stay consistent.</summary>
internal sealed class Cloner
{
    private readonly TypeOwner _prevOwner;
    private readonly TypeOwner _newOwner;
    private readonly Dictionary<int, int> _types = new();

    public Cloner(Resolve resolve, TypeOwner prevOwner, TypeOwner newOwner)
    {
        Resolve = resolve;
        _prevOwner = prevOwner;
        _newOwner = newOwner;
    }

    public Resolve Resolve { get; }

    /// <summary>The package of cloned interfaces; inferred from the new owner when null.</summary>
    public int? NewPackage { get; init; }

    /// <summary>Returns the item to insert under <paramref name="key"/>: a copy for name-keyed items, the item itself for interface keys.</summary>
    public WorldItem WorldItem(WorldKey key, WorldItem item)
    {
        if (!key.IsName) return item;
        switch (item.Kind)
        {
            case WorldItemKind.Type:
                return WitSharp.Wit.WorldItem.Type(TypeId(item.Id));
            case WorldItemKind.Function:
            {
                var f = item.Function!.Copy();
                Function(f);
                return WitSharp.Wit.WorldItem.Func(f);
            }
            default:
                return WitSharp.Wit.WorldItem.Interface(Interface(item.Id), item.Stability);
        }
    }

    private int TypeId(int ty)
    {
        if (!_types.TryGetValue(ty, out var id))
        {
            var old = Resolve.TypeList[ty];
            var copy = new TypeDef(old.Name, CloneKind(old.Kind), old.Owner, old.Docs, old.Stability);
            if (copy.Owner.Kind != TypeOwnerKind.None) copy.Owner = _newOwner;
            id = Resolve.AddType(copy);
            _types[ty] = id;
        }
        return id;
    }

    private WitType Ty(WitType t) => t.IsId ? WitType.FromId(TypeId(t.TypeId)) : t;

    private WitType? Ty(WitType? t) => t is { } x ? Ty(x) : null;

    private TypeDefKind CloneKind(TypeDefKind kind)
    {
        switch (kind)
        {
            case AliasKind { Target.IsId: true } a:
                return Resolve.TypeList[a.Target.TypeId].Owner == _prevOwner ? new AliasKind(Ty(a.Target)) : new AliasKind(a.Target);
            case HandleKind h:
                return new HandleKind(h.IsBorrow, TypeId(h.ResourceTypeId));
            case OptionKind o:
                return new OptionKind(Ty(o.Type));
            case ListKind l:
                return new ListKind(Ty(l.Element));
            case FixedSizeListKind f:
                return new FixedSizeListKind(Ty(f.Element), f.Size);
            case MapKind m:
            {
                var k = Ty(m.Key);
                return new MapKind(k, Ty(m.Value));
            }
            case TupleKind t:
            {
                var types = new List<WitType>(t.Types.Count);
                foreach (var x in t.Types) types.Add(Ty(x));
                return new TupleKind(types);
            }
            case RecordKind r:
            {
                var fields = new List<Field>(r.Fields.Count);
                foreach (var f in r.Fields) fields.Add(f with { Type = Ty(f.Type) });
                return new RecordKind(fields);
            }
            case VariantKind v:
            {
                var cases = new List<Case>(v.Cases.Count);
                foreach (var c in v.Cases) cases.Add(c with { Type = Ty(c.Type) });
                return new VariantKind(cases);
            }
            case ResultKind r:
            {
                var ok = Ty(r.Ok);
                return new ResultKind(ok, Ty(r.Err));
            }
            case FutureKind f:
                return new FutureKind(Ty(f.Payload));
            case StreamKind s:
                return new StreamKind(Ty(s.Payload));
            default:
                // Primitive aliases, resources, flags and enums hold no ids.
                return kind;
        }
    }

    private void Function(Function f)
    {
        if (f.ResourceTypeId >= 0) f.ResourceTypeId = TypeId(f.ResourceTypeId);
        var ps = new List<Param>(f.Params.Count);
        foreach (var p in f.Params) ps.Add(p with { Type = Ty(p.Type) });
        f.Params = ps;
        if (f.Result is { } r) f.Result = Ty(r);
    }

    private int Interface(int id)
    {
        var old = Resolve.InterfaceList[id];
        var nextId = Resolve.InterfaceList.Count;
        var sub = new Cloner(Resolve, TypeOwner.Interface(id), TypeOwner.Interface(nextId));
        var copy = new WitInterface(old.Name, null) { Docs = old.Docs, Stability = old.Stability };
        foreach (var e in old.Types) copy.Types.Set(e.Key, sub.TypeId(e.Value));
        foreach (var e in old.Functions)
        {
            var f = e.Value.Copy();
            sub.Function(f);
            copy.Functions.Set(e.Key, f);
        }
        copy.Package = NewPackage ?? (_newOwner.Kind == TypeOwnerKind.Interface
            ? Resolve.InterfaceList[_newOwner.Id].Package
            : Resolve.WorldList[_newOwner.Id].Package);
        var newId = Resolve.AddInterface(copy);
        System.Diagnostics.Debug.Assert(newId == nextId, "cloned interface id");
        return newId;
    }
}
