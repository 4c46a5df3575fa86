using System.Collections.Generic;

namespace WitSharp.Wit.Resolution;

/// <summary>World elaboration (reference: <c>Resolve::elaborate_world</c>): every interface an import needs is
/// imported before it, exports' dependencies are imported (or exported) consistently, and items are grouped
/// interfaces → type imports → type definitions → functions → resource functions.</summary>
internal static class WorldElaboration
{
    /// <summary>The interface a type is <c>use</c>d from, when it is a use of another owner's type.</summary>
    public static int TypeInterfaceDep(Resolve r, int typeId)
    {
        var ty = r.TypeList[typeId];
        if (ty.Kind is not AliasKind { Target.IsId: true } a) return -1;
        var other = r.TypeList[a.Target.TypeId];
        if (ty.Owner == other.Owner) return -1;
        return other.Owner.Kind == TypeOwnerKind.Interface ? other.Owner.Id : -1;
    }

    /// <summary>Interfaces whose types <paramref name="ifaceId"/> uses, in type order (may repeat).</summary>
    public static IEnumerable<int> InterfaceDirectDeps(Resolve r, int ifaceId)
    {
        foreach (var t in r.InterfaceList[ifaceId].Types.Values)
        {
            var dep = TypeInterfaceDep(r, t);
            if (dep >= 0) yield return dep;
        }
    }

    private static int SortKey(Resolve r, WorldItem item)
    {
        switch (item.Kind)
        {
            case WorldItemKind.Interface:
                return 0;
            case WorldItemKind.Type:
            {
                var ty = r.TypeList[item.Id];
                return ty.Kind is AliasKind { Target.IsId: true } a && r.TypeList[a.Target.TypeId].Owner != ty.Owner ? 1 : 2;
            }
            default:
                return item.Function!.ResourceTypeId < 0 ? 3 : 4;
        }
    }

    /// <summary>The items stably ordered by <see cref="SortKey"/> (a bucket pass over its five groups; the same
    /// order as a stable OrderBy, without LINQ's sorter instantiated over the entry struct, which the generator's
    /// cold path would JIT-compile).</summary>
    private static List<KeyValuePair<WorldKey, WorldItem>> ByGroup(Resolve r, OrderedMap<WorldKey, WorldItem> items)
    {
        var keys = new int[items.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = SortKey(r, items[i].Value);
        var result = new List<KeyValuePair<WorldKey, WorldItem>>(keys.Length);
        for (var group = 0; group <= 4; group++)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] == group) result.Add(items[i]);
            }
        }
        return result;
    }

    public static void Elaborate(Resolve r, int worldId)
    {
        var world = r.WorldList[worldId];
        var newImports = new OrderedMap<WorldKey, WorldItem>();
        foreach (var e in ByGroup(r, world.Imports))
        {
            switch (e.Value.Kind)
            {
                case WorldItemKind.Interface:
                    ElaborateImport(r, newImports, e.Key, e.Value.Id, e.Value.Stability);
                    break;
                case WorldItemKind.Function:
                    newImports.Set(e.Key, e.Value);
                    break;
                default:
                {
                    var dep = TypeInterfaceDep(r, e.Value.Id);
                    if (dep >= 0) ElaborateImport(r, newImports, WorldKey.FromInterface(dep), dep, r.TypeList[e.Value.Id].Stability);
                    newImports.Set(e.Key, e.Value);
                    break;
                }
            }
        }

        var newExports = new OrderedMap<WorldKey, WorldItem>();
        // Exported interfaces by id, first export of an id kept in its place and its key/stability replaced by a
        // later one (as the OrderedMap this was: IndexMap::insert). A list of entries plus an id index rather than
        // an OrderedMap over a struct value, which the generator's cold path would JIT-compile on its own.
        var exportInterfaces = new List<ExportInterface>();
        var exportIndex = new Dictionary<int, ExportInterface>();
        foreach (var e in world.Exports)
        {
            if (e.Value.Kind != WorldItemKind.Interface)
            {
                newExports.Set(e.Key, e.Value);
            }
            else if (exportIndex.TryGetValue(e.Value.Id, out var seen))
            {
                seen.Key = e.Key;
                seen.Stability = e.Value.Stability;
            }
            else
            {
                var entry = new ExportInterface(e.Value.Id, e.Key, e.Value.Stability);
                exportInterfaces.Add(entry);
                exportIndex.Add(entry.Id, entry);
            }
        }

        var required = new HashSet<int>();
        foreach (var e in exportInterfaces)
        {
            if (!AddExport(r, newImports, newExports, exportIndex, required, e.Id, e.Key, true, e.Stability))
            {
                throw new WitException("interface `" + NameWorldKey(r, e.Key) + "` transitively depends on an interface in incompatible ways");
            }
        }

        var sorted = new OrderedMap<WorldKey, WorldItem>();
        foreach (var e in ByGroup(r, newImports)) sorted.Set(e.Key, e.Value);
        world.Imports = sorted;
        world.Exports = newExports;
    }

    private sealed class ExportInterface(int id, WorldKey key, Stability stability)
    {
        public int Id { get; } = id;

        public WorldKey Key { get; set; } = key;

        public Stability Stability { get; set; } = stability;
    }

    private static string NameWorldKey(Resolve r, WorldKey key) => key.Name ?? r.InterfaceQualifiedName(key.InterfaceId) ?? "<anon>";

    private static void ElaborateImport(Resolve r, OrderedMap<WorldKey, WorldItem> imports, WorldKey key, int id, Stability stability)
    {
        if (imports.ContainsKey(key)) return;
        foreach (var dep in InterfaceDirectDeps(r, id)) ElaborateImport(r, imports, WorldKey.FromInterface(dep), dep, stability);
        imports.Set(key, WorldItem.Interface(id, stability));
    }

    /// <summary>Adds an exported interface after its dependencies; a dependency that must be imported for one
    /// export but is exported itself (or the reverse) makes the world invalid (component-model#208).</summary>
    private static bool AddExport(Resolve r, OrderedMap<WorldKey, WorldItem> imports, OrderedMap<WorldKey, WorldItem> exports,
        Dictionary<int, ExportInterface> exportInterfaces, HashSet<int> required, int id, WorldKey key, bool addExport, Stability stability)
    {
        if (exports.ContainsKey(key)) return addExport;
        if (!addExport && required.Contains(id)) return true;
        foreach (var dep in InterfaceDirectDeps(r, id))
        {
            var depKey = WorldKey.FromInterface(dep);
            var depExport = addExport && exportInterfaces.ContainsKey(dep);
            if (!AddExport(r, imports, exports, exportInterfaces, required, dep, depKey, depExport, stability)) return false;
        }
        var item = WorldItem.Interface(id, stability);
        if (addExport)
        {
            if (required.Contains(id)) return false;
            exports.Set(key, item);
        }
        else
        {
            required.Add(id);
            imports.Set(key, item);
        }
        return true;
    }
}
