using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

internal sealed partial class Remap
{
    /// <summary>Rewrites the ids inside a type definition (reference: <c>update_typedef</c>). The owner is fixed
    /// later. Direct uses of a resource inside aggregates become <c>own&lt;R&gt;</c> (<see cref="UpdateTy"/>).</summary>
    private void UpdateTypeDef(TypeDef ty, Span span, List<Span>? memberSpans)
    {
        switch (ty.Kind)
        {
            case HandleKind h:
                h.ResourceTypeId = MapType(h.ResourceTypeId, span);
                break;
            case RecordKind r:
            {
                var fields = new List<Field>(r.Fields.Count);
                for (var i = 0; i < r.Fields.Count; i++)
                {
                    var f = r.Fields[i];
                    fields.Add(f with { Type = UpdateTy(f.Type, memberSpans is null ? span : memberSpans[i]) });
                }
                r.Fields = fields;
                break;
            }
            case TupleKind t:
            {
                var types = new List<WitType>(t.Types.Count);
                foreach (var x in t.Types) types.Add(UpdateTy(x, span));
                t.Types = types;
                break;
            }
            case VariantKind v:
            {
                var cases = new List<Case>(v.Cases.Count);
                for (var i = 0; i < v.Cases.Count; i++)
                {
                    var c = v.Cases[i];
                    cases.Add(c.Type is { } ct ? c with { Type = UpdateTy(ct, memberSpans is null ? span : memberSpans[i]) } : c);
                }
                v.Cases = cases;
                break;
            }
            case OptionKind o:
                o.Type = UpdateTy(o.Type, span);
                break;
            case ListKind l:
                l.Element = UpdateTy(l.Element, span);
                break;
            case FixedSizeListKind f:
                f.Element = UpdateTy(f.Element, span);
                break;
            case FutureKind { Payload: { } fp } fut:
                fut.Payload = UpdateTy(fp, span);
                break;
            case StreamKind { Payload: { } sp } st:
                st.Payload = UpdateTy(sp, span);
                break;
            case MapKind m:
                m.Key = UpdateTy(m.Key, span);
                m.Value = UpdateTy(m.Value, span);
                break;
            case ResultKind res:
                if (res.Ok is { } ok) res.Ok = UpdateTy(ok, span);
                if (res.Err is { } err) res.Err = UpdateTy(err, span);
                break;
            case AliasKind { Target.IsId: true } a:
                // `type a = r` for a resource r keeps pointing at r (usable as resource and handle alike).
                a.Target = WitType.FromId(MapType(a.Target.TypeId, span));
                break;
        }
    }

    /// <summary>Maps a type use; a use that reaches a resource through aliases becomes the shared anonymous
    /// <c>own&lt;R&gt;</c> of that exact id (reference: <c>update_ty</c>).</summary>
    private WitType UpdateTy(WitType ty, Span? span)
    {
        if (!ty.IsId) return ty;
        var id = MapType(ty.TypeId, span);
        var cur = id;
        while (true)
        {
            var kind = _resolve.TypeList[cur].Kind;
            if (kind is AliasKind { Target.IsId: true } a)
            {
                cur = a.Target.TypeId;
                continue;
            }
            if (kind is not ResourceKind) return WitType.FromId(id);
            break;
        }
        if (!_ownHandles.TryGetValue(id, out var own))
        {
            own = _resolve.AddType(new TypeDef(null, new HandleKind(false, id), TypeOwner.None, Docs.None, Stability.Unknown));
            _ownHandles[id] = own;
        }
        return WitType.FromId(own);
    }

    private void UpdateInterface(WitInterface iface, InterfaceSpan? spans)
    {
        var kept = new List<KeyValuePair<string, int>>();
        foreach (var e in iface.Types)
        {
            if (_types[e.Value] != Excluded) kept.Add(e);
        }
        iface.Types.Clear();
        foreach (var e in kept) iface.Types.Set(e.Key, MapType(e.Value, spans?.Span));

        var pkgId = iface.Package!.Value;
        var funcs = new List<KeyValuePair<string, Function>>(iface.Functions);
        iface.Functions.Clear();
        for (var i = 0; i < funcs.Count; i++)
        {
            var f = funcs[i].Value;
            Span? span = spans is null ? null : spans.Funcs[i];
            if (!IncludeStability(f.Stability, pkgId, span)) continue;
            UpdateFunction(f, span);
            iface.Functions.Set(funcs[i].Key, f);
        }
    }

    internal void UpdateFunction(Function f, Span? span)
    {
        if (f.ResourceTypeId >= 0) f.ResourceTypeId = MapType(f.ResourceTypeId, span);
        var ps = new List<Param>(f.Params.Count);
        foreach (var p in f.Params) ps.Add(p with { Type = UpdateTy(p.Type, span) });
        f.Params = ps;
        if (f.Result is { } r)
        {
            f.Result = UpdateTy(r, span);
            if (TypeHasBorrow(f.Result.Value))
            {
                throw Fail(span, "function `" + f.Name + "` returns a type which contains a `borrow<T>` which is not supported");
            }
        }
    }

    private bool TypeHasBorrow(WitType ty)
    {
        if (!ty.IsId) return false;
        var id = ty.TypeId;
        if (_typeHasBorrow.TryGetValue(id, out var known)) return known;
        var result = _resolve.TypeList[id].Kind switch
        {
            AliasKind a => TypeHasBorrow(a.Target),
            VariantKind v => AnyHasBorrow(v.Cases, c => c.Type),
            HandleKind h => h.IsBorrow,
            RecordKind r => AnyHasBorrow(r.Fields, f => f.Type),
            TupleKind t => AnyHasBorrow(t.Types, x => x),
            ListKind l => TypeHasBorrow(l.Element),
            FixedSizeListKind f => TypeHasBorrow(f.Element),
            OptionKind o => TypeHasBorrow(o.Type),
            FutureKind { Payload: { } p } => TypeHasBorrow(p),
            StreamKind { Payload: { } p } => TypeHasBorrow(p),
            MapKind m => TypeHasBorrow(m.Key) || TypeHasBorrow(m.Value),
            ResultKind res => (res.Ok is { } ok && TypeHasBorrow(ok)) || (res.Err is { } err && TypeHasBorrow(err)),
            _ => false,
        };
        _typeHasBorrow[id] = result;
        return result;
    }

    private bool AnyHasBorrow<T>(IReadOnlyList<T> items, System.Func<T, WitType?> get)
    {
        foreach (var item in items)
        {
            if (get(item) is { } t && TypeHasBorrow(t)) return true;
        }
        return false;
    }

    /// <summary>Rewrites a world's imports and exports, dropping gated-out ones (reference: <c>update_world</c>).</summary>
    private void UpdateWorld(WitWorld world, int pkgId, WorldSpan spans)
    {
        var imports = new List<KeyValuePair<WorldKey, WorldItem>>(world.Imports);
        var exports = new List<KeyValuePair<WorldKey, WorldItem>>(world.Exports);
        world.Imports = new OrderedMap<WorldKey, WorldItem>();
        world.Exports = new OrderedMap<WorldKey, WorldItem>();
        for (var pass = 0; pass < 2; pass++)
        {
            var items = pass == 0 ? imports : exports;
            var itemSpans = pass == 0 ? spans.Imports : spans.Exports;
            var dst = pass == 0 ? world.Imports : world.Exports;
            for (var i = 0; i < items.Count; i++)
            {
                var (key, item) = (items[i].Key, items[i].Value);
                var span = itemSpans[i];
                if (item.Kind == WorldItemKind.Type) item = WorldItem.Type(MapType(item.Id, span));
                var stability = item.Kind switch
                {
                    WorldItemKind.Type => _resolve.TypeList[item.Id].Stability,
                    WorldItemKind.Function => item.Function!.Stability,
                    _ => item.Stability,
                };
                if (!IncludeStability(stability, pkgId, span)) continue;
                if (!key.IsName) key = WorldKey.FromInterface(MapInterface(key.InterfaceId, span));
                switch (item.Kind)
                {
                    case WorldItemKind.Interface:
                        item = WorldItem.Interface(MapInterface(item.Id, span), item.Stability);
                        break;
                    case WorldItemKind.Function:
                        UpdateFunction(item.Function!, span);
                        break;
                }
                dst.Set(key, item);
            }
        }
    }
}
