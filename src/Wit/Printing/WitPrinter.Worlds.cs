using System;
using System.Collections.Generic;

namespace WitSharp.Wit;

// World bodies (WIT.md "Item: world"): imports and exports in their map order, interleaved so that the
// arenas see items in the order they were created.
public sealed partial class WitPrinter
{
    private void PrintWorldBody(int worldId)
    {
        var world = _resolve.Worlds[worldId];
        var pkg = world.Package;

        // One scope: types (with `use`) and resources (with their constructor/method/static functions) where
        // they sit in the import map, interfaces and plain functions as imports and exports.
        var imports = new List<ScopeItem>();
        var functions = new List<Function>();
        foreach (var entry in world.Imports)
        {
            var item = entry.Value;
            switch (item.Kind)
            {
                case WorldItemKind.Type:
                    imports.Add(ScopeItem.Type(entry.Key.Name ?? throw new InvalidOperationException("a world type needs a name key"), item.Id));
                    break;
                case WorldItemKind.Function:
                    functions.Add(item.Function!);
                    if (item.Function!.ResourceTypeId < 0) imports.Add(ScopeItem.Item("import", entry.Key, item));
                    break;
                default:
                    imports.Add(ScopeItem.Item("import", entry.Key, item));
                    break;
            }
        }
        var exports = new List<ScopeItem>();
        foreach (var entry in world.Exports) exports.Add(ScopeItem.Item("export", entry.Key, entry.Value));
        PrintScopeItems(TypeOwner.World(worldId), pkg, MergeByCreation(imports, exports), functions);
    }

    /// <summary>Interleaves imports and exports so that the items creating new arena entries (inline
    /// interfaces, anonymous types in signatures) come out in the order those entries were created. Import
    /// and export maps keep their own order either way; only the arenas see the interleaving.</summary>
    private List<ScopeItem> MergeByCreation(List<ScopeItem> imports, List<ScopeItem> exports)
    {
        var merged = new List<ScopeItem>(imports.Count + exports.Count);
        int i = 0, e = 0;
        while (i < imports.Count && e < exports.Count)
        {
            // Imports go first unless a remaining export created something before the next import did; the
            // exports before it then have to come out first, to keep the export map's order.
            var takeExport = false;
            for (var k = e; k < exports.Count && !takeExport; k++) takeExport = CreatedBefore(exports[k], imports[i]);
            merged.Add(takeExport ? exports[e++] : imports[i++]);
        }
        while (i < imports.Count) merged.Add(imports[i++]);
        while (e < exports.Count) merged.Add(exports[e++]);
        return merged;
    }

    private bool CreatedBefore(ScopeItem a, ScopeItem b)
    {
        var (ai, at) = CreationKey(a);
        var (bi, bt) = CreationKey(b);
        if (ai >= 0 && bi >= 0) return ai < bi;
        return at >= 0 && bt >= 0 && at < bt;
    }

    /// <summary>(inline interface id, newest type id) an item creates; -1 where it creates none.</summary>
    private (int Interface, int Type) CreationKey(ScopeItem item)
    {
        if (item.WorldItem is not { } wi) return (-1, -1);
        if (wi.Kind == WorldItemKind.Function) return (-1, NewestAnonymous(wi.Function!));
        if (wi.Kind != WorldItemKind.Interface || !item.Key.IsName || _resolve.Interfaces[wi.Id].Name is not null) return (-1, -1);
        var iface = _resolve.Interfaces[wi.Id];
        var newest = -1;
        foreach (var t in iface.Types) newest = Math.Max(newest, t.Value);
        foreach (var f in iface.Functions) newest = Math.Max(newest, NewestAnonymous(f.Value));
        return (wi.Id, newest);
    }

    private int NewestAnonymous(Function f)
    {
        var newest = -1;
        foreach (var p in f.Params) newest = Math.Max(newest, NewestAnonymous(p.Type));
        if (f.Result is { } r) newest = Math.Max(newest, NewestAnonymous(r));
        return newest;
    }

    private int NewestAnonymous(WitType t)
    {
        if (!t.IsId || _resolve.Types[t.TypeId].Name is not null) return -1;
        var newest = t.TypeId;
        switch (_resolve.Types[t.TypeId].Kind)
        {
            case ListKind l: return Math.Max(newest, NewestAnonymous(l.Element));
            case FixedSizeListKind fs: return Math.Max(newest, NewestAnonymous(fs.Element));
            case OptionKind o: return Math.Max(newest, NewestAnonymous(o.Type));
            case MapKind m: return Math.Max(newest, Math.Max(NewestAnonymous(m.Key), NewestAnonymous(m.Value)));
            case ResultKind r:
                if (r.Ok is { } ok) newest = Math.Max(newest, NewestAnonymous(ok));
                if (r.Err is { } err) newest = Math.Max(newest, NewestAnonymous(err));
                return newest;
            case TupleKind tu:
                foreach (var x in tu.Types) newest = Math.Max(newest, NewestAnonymous(x));
                return newest;
            case FutureKind { Payload: { } fp }: return Math.Max(newest, NewestAnonymous(fp));
            case StreamKind { Payload: { } sp }: return Math.Max(newest, NewestAnonymous(sp));
            default: return newest;
        }
    }

    private void PrintWorldItem(string direction, WorldKey key, WorldItem item, int? pkg)
    {
        if (key.IsName)
        {
            switch (item.Kind)
            {
                case WorldItemKind.Interface:
                {
                    var iface = _resolve.Interfaces[item.Id];
                    PrintDocs(iface.Docs);
                    PrintStability(item.Stability);
                    if (iface.Name is not null)
                    {
                        // `import name: path;`: a named instance of an existing interface.
                        Line(direction + " " + Name(key.Name!) + ": " + InterfacePath(item.Id, pkg) + ";");
                        return;
                    }
                    Line(direction + " " + Name(key.Name!) + ": interface {");
                    _indent++;
                    var outer = _anyItem;
                    PrintInterfaceBody(item.Id);
                    _anyItem = outer;
                    _indent--;
                    Line("}");
                    return;
                }
                case WorldItemKind.Function:
                {
                    var f = item.Function!;
                    PrintDocs(f.Docs);
                    PrintStability(f.Stability);
                    Line(direction + " " + Name(key.Name!) + ": " + Signature(f) + ";");
                    return;
                }
                default:
                    throw new InvalidOperationException("types are printed with the world's type declarations");
            }
        }
        if (item.Kind != WorldItemKind.Interface) throw new InvalidOperationException("an interface key must name an interface item");
        PrintStability(item.Stability);
        Line(direction + " " + InterfacePath(key.InterfaceId, pkg) + ";");
    }
}
