namespace WitSharp.Wit.Tests.Corpus;

/// <summary>A new numbering of a Resolve's arenas (old id → new id, and the arena order new → old).
/// <see cref="Canonical"/> numbers items in the order a fixed walk of the model first reaches them, starting
/// from packages sorted by name and following maps in their declaration order. The walk depends only on
/// names, map order and structure, never on the old ids, so two models that differ only in how their arenas
/// are numbered (creation order) get the same JSON. Items the walk never reaches are dropped.</summary>
internal sealed class Renumbering
{
    private Renumbering(Resolve r)
    {
        Types = Fill(r.Types.Count);
        Interfaces = Fill(r.Interfaces.Count);
        Worlds = Fill(r.Worlds.Count);
        Packages = Fill(r.Packages.Count);
    }

    public int[] Types { get; }

    public int[] Interfaces { get; }

    public int[] Worlds { get; }

    public int[] Packages { get; }

    public List<int> TypeOrder { get; } = new();

    public List<int> InterfaceOrder { get; } = new();

    public List<int> WorldOrder { get; } = new();

    public List<int> PackageOrder { get; } = new();

    private static int[] Fill(int n)
    {
        var a = new int[n];
        Array.Fill(a, -1);
        return a;
    }

    public static Renumbering Canonical(Resolve r)
    {
        var map = new Renumbering(r);
        var walk = new Walk(r, map);
        var byName = Enumerable.Range(0, r.Packages.Count).OrderBy(i => r.Packages[i].Name.ToString(), StringComparer.Ordinal);
        foreach (var p in byName) walk.Package(p);
        return map;
    }

    private sealed class Walk
    {
        private readonly Resolve _r;
        private readonly Renumbering _m;

        public Walk(Resolve r, Renumbering m)
        {
            _r = r;
            _m = m;
        }

        private static bool Claim(int[] ids, List<int> order, int id)
        {
            if (ids[id] >= 0) return false;
            ids[id] = order.Count;
            order.Add(id);
            return true;
        }

        public void Package(int id)
        {
            if (!Claim(_m.Packages, _m.PackageOrder, id)) return;
            foreach (var i in _r.Packages[id].Interfaces) Interface(i.Value);
            foreach (var w in _r.Packages[id].Worlds) World(w.Value);
        }

        private void Interface(int id)
        {
            if (!Claim(_m.Interfaces, _m.InterfaceOrder, id)) return;
            var iface = _r.Interfaces[id];
            if (iface.Package is { } p) Package(p);
            foreach (var t in iface.Types) Type(t.Value);
            foreach (var f in iface.Functions) Function(f.Value);
        }

        private void World(int id)
        {
            if (!Claim(_m.Worlds, _m.WorldOrder, id)) return;
            var w = _r.Worlds[id];
            if (w.Package is { } p) Package(p);
            foreach (var items in new[] { w.Imports, w.Exports })
            {
                foreach (var (key, item) in items)
                {
                    if (!key.IsName) Interface(key.InterfaceId);
                    switch (item.Kind)
                    {
                        case WorldItemKind.Interface: Interface(item.Id); break;
                        case WorldItemKind.Type: Type(item.Id); break;
                        case WorldItemKind.Function: Function(item.Function!); break;
                    }
                }
            }
        }

        private void Function(Function f)
        {
            if (f.ResourceTypeId >= 0) Type(f.ResourceTypeId);
            foreach (var p in f.Params) Type(p.Type);
            if (f.Result is { } res) Type(res);
        }

        private void Type(WitType t)
        {
            if (t.IsId) Type(t.TypeId);
        }

        private void Type(WitType? t)
        {
            if (t is { } v) Type(v);
        }

        private void Type(int id)
        {
            if (!Claim(_m.Types, _m.TypeOrder, id)) return;
            var def = _r.Types[id];
            switch (def.Owner.Kind)
            {
                case TypeOwnerKind.Interface: Interface(def.Owner.Id); break;
                case TypeOwnerKind.World: World(def.Owner.Id); break;
            }
            switch (def.Kind)
            {
                case RecordKind rec: foreach (var f in rec.Fields) Type(f.Type); break;
                case HandleKind h: Type(h.ResourceTypeId); break;
                case TupleKind tu: foreach (var x in tu.Types) Type(x); break;
                case VariantKind v: foreach (var c in v.Cases) Type(c.Type); break;
                case OptionKind o: Type(o.Type); break;
                case ResultKind res: Type(res.Ok); Type(res.Err); break;
                case ListKind l: Type(l.Element); break;
                case MapKind m: Type(m.Key); Type(m.Value); break;
                case FixedSizeListKind fs: Type(fs.Element); break;
                case FutureKind fu: Type(fu.Payload); break;
                case StreamKind st: Type(st.Payload); break;
                case AliasKind a: Type(a.Target); break;
            }
        }
    }
}
