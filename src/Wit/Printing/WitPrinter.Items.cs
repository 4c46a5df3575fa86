using System;
using System.Collections.Generic;
using System.Text;

namespace WitSharp.Wit;

// Interface and world bodies. Declaration order is kept so that resolving the output assigns the same
// order (and so the same ids) as the model: types in their map order with `use` statements where the used
// types sit, freestanding functions interleaved with resources the way the function map orders them, world
// imports and exports in their map order.
public sealed partial class WitPrinter
{
    private void PrintInterfaceBody(int interfaceId)
    {
        var iface = _resolve.Interfaces[interfaceId];
        var functions = new List<Function>(iface.Functions.Count);
        foreach (var entry in iface.Functions) functions.Add(entry.Value);
        var types = new List<KeyValuePair<string, int>>(iface.Types.Count);
        foreach (var entry in iface.Types) types.Add(entry);
        var items = new List<ScopeItem>(types.Count);
        foreach (var t in types) items.Add(ScopeItem.Type(t.Key, t.Value));
        PrintScopeItems(TypeOwner.Interface(interfaceId), iface.Package, items, functions);
    }

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
            var (ai, at) = CreationKey(imports[i]);
            var (bi, bt) = CreationKey(exports[e]);
            bool takeImport;
            if (ai < 0 && at < 0) takeImport = true;
            else if (bi < 0 && bt < 0) takeImport = false;
            else if (ai >= 0 && bi >= 0) takeImport = ai < bi;
            else if (at >= 0 && bt >= 0) takeImport = at <= bt;
            else takeImport = true;
            merged.Add(takeImport ? imports[i++] : exports[e++]);
        }
        while (i < imports.Count) merged.Add(imports[i++]);
        while (e < exports.Count) merged.Add(exports[e++]);
        return merged;
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

    /// <summary>An entry of a scope, in print order: a type (declared or used), or a world import/export.</summary>
    private readonly struct ScopeItem
    {
        private ScopeItem(string? typeName, int typeId, string? direction, WorldKey key, WorldItem? item)
        {
            TypeName = typeName;
            TypeId = typeId;
            Direction = direction;
            Key = key;
            WorldItem = item;
        }

        public string? TypeName { get; }

        public int TypeId { get; }

        /// <summary><c>import</c> or <c>export</c> for world items.</summary>
        public string? Direction { get; }

        public WorldKey Key { get; }

        public WorldItem? WorldItem { get; }

        public static ScopeItem Type(string name, int id) => new(name, id, null, default, null);

        public static ScopeItem Item(string direction, WorldKey key, WorldItem item) => new(null, -1, direction, key, item);
    }

    private bool _anyItem;

    /// <summary>Prints a scope's items in order. <paramref name="functions"/> is the scope's whole function
    /// list in map order: resource functions come out inside their resource, and a freestanding function is
    /// printed before the first resource whose functions follow it in that order.</summary>
    private void PrintScopeItems(TypeOwner owner, int? pkg, List<ScopeItem> items, List<Function> functions)
    {
        var byResource = new Dictionary<int, List<Function>>();
        var firstIndex = new Dictionary<int, int>();
        for (var i = 0; i < functions.Count; i++)
        {
            var f = functions[i];
            if (f.ResourceTypeId < 0) continue;
            if (!byResource.TryGetValue(f.ResourceTypeId, out var list))
            {
                byResource[f.ResourceTypeId] = list = new List<Function>();
                firstIndex[f.ResourceTypeId] = i;
            }
            list.Add(f);
        }
        var isWorld = owner.Kind == TypeOwnerKind.World;
        var nextFree = 0;
        _anyItem = false;
        var useGroup = new List<KeyValuePair<string, int>>();
        int useSource = -1;
        Stability? useStability = null;
        string? lastDirection = null;

        void FlushUses()
        {
            if (useGroup.Count == 0) return;
            PrintUse(useSource, useStability!, useGroup, pkg);
            useGroup.Clear();
            useSource = -1;
            useStability = null;
            _anyItem = true;
        }

        void FlushFreestanding(int before)
        {
            // Interfaces only: world functions are world imports and print in import order.
            if (isWorld) return;
            for (; nextFree < functions.Count && nextFree < before; nextFree++)
            {
                var f = functions[nextFree];
                if (f.ResourceTypeId >= 0) continue;
                FlushUses();
                NewItem();
                PrintDocs(f.Docs);
                PrintStability(f.Stability);
                Line(Name(f.Name) + ": " + Signature(f) + ";");
            }
        }

        foreach (var item in items)
        {
            if (item.WorldItem is { } worldItem)
            {
                FlushUses();
                // Items of one direction stay together; a change of direction gets a blank line.
                if (_anyItem && item.Direction != lastDirection) _out.Append('\n');
                lastDirection = item.Direction;
                PrintWorldItem(item.Direction!, item.Key, worldItem, pkg);
                _anyItem = true;
                continue;
            }
            var t = _resolve.Types[item.TypeId];
            if (UsedFrom(t, owner) is { } source)
            {
                if (useGroup.Count > 0 && (source != useSource || !SameStability(useStability!, t.Stability))) FlushUses();
                useSource = source;
                useStability = t.Stability;
                useGroup.Add(new KeyValuePair<string, int>(item.TypeName!, ((AliasKind)t.Kind).Target.TypeId));
                continue;
            }
            FlushUses();
            lastDirection = null;
            byResource.TryGetValue(item.TypeId, out var funcs);
            if (funcs is not null) FlushFreestanding(firstIndex[item.TypeId]);
            NewItem();
            PrintTypeDecl(item.TypeName!, item.TypeId, funcs);
        }
        FlushUses();
        FlushFreestanding(int.MaxValue);
    }

    private void NewItem()
    {
        if (_anyItem) _out.Append('\n');
        _anyItem = true;
    }

    /// <summary>The interface a type is <c>use</c>d from: an alias, in this scope, of a type owned by an interface.</summary>
    private int? UsedFrom(TypeDef t, TypeOwner owner)
    {
        if (t.Kind is not AliasKind { Target.IsId: true } alias) return null;
        var target = _resolve.Types[alias.Target.TypeId];
        if (target.Owner.Kind != TypeOwnerKind.Interface || target.Owner == owner || target.Name is null) return null;
        return target.Owner.Id;
    }

    private static bool SameStability(Stability a, Stability b) =>
        a.Kind == b.Kind && a.Since == b.Since && a.Feature == b.Feature && a.Deprecated == b.Deprecated;

    private void PrintUse(int interfaceId, Stability stability, List<KeyValuePair<string, int>> names, int? pkg)
    {
        PrintStability(stability);
        var sb = new StringBuilder("use ");
        sb.Append(InterfacePath(interfaceId, pkg)).Append(".{");
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            var original = _resolve.Types[names[i].Value].Name!;
            sb.Append(Name(original));
            if (original != names[i].Key) sb.Append(" as ").Append(Name(names[i].Key));
        }
        sb.Append("};");
        Line(sb.ToString());
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
