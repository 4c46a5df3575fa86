using WitSharp.Wit;

namespace WitSharp.Wit.Tests.Resolution;

/// <summary>The structural invariants of a resolved model (the reference's <c>Resolve::assert_valid</c>):
/// back-links agree, type owners list their types, worlds are elaborated, and everything refers only to
/// items defined before it.</summary>
internal static class ResolveInvariants
{
    public static void Check(Resolve r)
    {
        for (var p = 0; p < r.Packages.Count; p++)
        {
            foreach (var e in r.Packages[p].Interfaces)
            {
                Assert.Equal(e.Key, r.Interfaces[e.Value].Name);
                Assert.Equal(p, r.Interfaces[e.Value].Package);
            }
            foreach (var e in r.Packages[p].Worlds)
            {
                Assert.Equal(e.Key, r.Worlds[e.Value].Name);
                Assert.Equal(p, r.Worlds[e.Value].Package);
            }
        }
        for (var i = 0; i < r.Interfaces.Count; i++)
        {
            var iface = r.Interfaces[i];
            Assert.NotNull(iface.Package);
            foreach (var e in iface.Types)
            {
                Assert.Equal(e.Key, r.Types[e.Value].Name);
                Assert.Equal(TypeOwner.Interface(i), r.Types[e.Value].Owner);
            }
            foreach (var e in iface.Functions) Assert.Equal(e.Key, e.Value.Name);
        }
        for (var w = 0; w < r.Worlds.Count; w++)
        {
            var world = r.Worlds[w];
            foreach (var e in world.Imports.Concat(world.Exports))
            {
                switch (e.Value.Kind)
                {
                    case WorldItemKind.Function:
                        Assert.Equal(e.Key.Name, e.Value.Function!.Name);
                        break;
                    case WorldItemKind.Type:
                        Assert.Equal(e.Key.Name, r.Types[e.Value.Id].Name);
                        Assert.Equal(TypeOwner.World(w), r.Types[e.Value.Id].Owner);
                        break;
                    default:
                        if (e.Key.IsName && r.Interfaces[e.Value.Id].Name is null) Assert.Equal(world.Package, r.Interfaces[e.Value.Id].Package);
                        if (!e.Key.IsName) Assert.Equal(e.Key.InterfaceId, e.Value.Id);
                        break;
                }
            }
            // Elaborated: an imported interface's dependencies are imported before it.
            var seen = new HashSet<int>();
            foreach (var e in world.Imports)
            {
                if (e.Value.Kind != WorldItemKind.Interface) continue;
                foreach (var dep in DirectDeps(r, e.Value.Id)) Assert.Contains(dep, seen);
                seen.Add(e.Value.Id);
            }
        }
        for (var t = 0; t < r.Types.Count; t++)
        {
            var ty = r.Types[t];
            foreach (var id in Refs(ty.Kind)) Assert.True(id < t, "type " + t + " refers forward to " + id);
            switch (ty.Owner.Kind)
            {
                case TypeOwnerKind.Interface:
                    Assert.Contains(t, r.Interfaces[ty.Owner.Id].Types.Values);
                    break;
                case TypeOwnerKind.World:
                    var world = r.Worlds[ty.Owner.Id];
                    Assert.Contains(world.Imports.Concat(world.Exports), e => e.Value.Kind == WorldItemKind.Type && e.Value.Id == t);
                    break;
            }
        }
    }

    private static IEnumerable<int> DirectDeps(Resolve r, int iface)
    {
        foreach (var t in r.Interfaces[iface].Types.Values)
        {
            var ty = r.Types[t];
            if (ty.Kind is AliasKind { Target.IsId: true } a && r.Types[a.Target.TypeId].Owner != ty.Owner && r.Types[a.Target.TypeId].Owner.Kind == TypeOwnerKind.Interface)
            {
                yield return r.Types[a.Target.TypeId].Owner.Id;
            }
        }
    }

    private static IEnumerable<int> Refs(TypeDefKind kind)
    {
        IEnumerable<WitType?> types = kind switch
        {
            AliasKind a => new WitType?[] { a.Target },
            RecordKind r => r.Fields.Select(f => (WitType?)f.Type),
            VariantKind v => v.Cases.Select(c => c.Type),
            TupleKind t => t.Types.Select(x => (WitType?)x),
            ListKind l => new WitType?[] { l.Element },
            FixedSizeListKind f => new WitType?[] { f.Element },
            OptionKind o => new WitType?[] { o.Type },
            ResultKind res => new[] { res.Ok, res.Err },
            MapKind m => new WitType?[] { m.Key, m.Value },
            FutureKind f => new[] { f.Payload },
            StreamKind s => new[] { s.Payload },
            HandleKind h => new WitType?[] { WitType.FromId(h.ResourceTypeId) },
            _ => Array.Empty<WitType?>(),
        };
        foreach (var t in types)
        {
            if (t is { IsId: true } x) yield return x.TypeId;
        }
    }
}
