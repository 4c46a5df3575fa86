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

        // Imports are printed as one scope: interfaces and plain functions in place, types (with `use`) and
        // resources (with their constructor/method/static functions) where they sit in the import map.
        var items = new List<ScopeItem>();
        var functions = new List<Function>();
        foreach (var entry in world.Imports)
        {
            var item = entry.Value;
            switch (item.Kind)
            {
                case WorldItemKind.Type:
                    items.Add(ScopeItem.Type(entry.Key.Name ?? throw new InvalidOperationException("a world type needs a name key"), item.Id));
                    break;
                case WorldItemKind.Function:
                    functions.Add(item.Function!);
                    if (item.Function!.ResourceTypeId < 0) items.Add(ScopeItem.Import(entry.Key, item));
                    break;
                default:
                    items.Add(ScopeItem.Import(entry.Key, item));
                    break;
            }
        }
        PrintScopeItems(TypeOwner.World(worldId), pkg, items, functions);

        var any = _anyItem;
        foreach (var entry in world.Exports)
        {
            if (any)
            {
                _out.Append('\n');
                any = false;
            }
            PrintWorldItem("export", entry.Key, entry.Value, pkg);
        }
    }

    /// <summary>An entry of a scope, in print order: a type (declared or used) or a world import.</summary>
    private readonly struct ScopeItem
    {
        private ScopeItem(string? typeName, int typeId, WorldKey key, WorldItem? import)
        {
            TypeName = typeName;
            TypeId = typeId;
            Key = key;
            WorldImport = import;
        }

        public string? TypeName { get; }

        public int TypeId { get; }

        public WorldKey Key { get; }

        public WorldItem? WorldImport { get; }

        public static ScopeItem Type(string name, int id) => new(name, id, default, null);

        public static ScopeItem Import(WorldKey key, WorldItem item) => new(null, -1, key, item);
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
            if (item.WorldImport is { } import)
            {
                FlushUses();
                PrintWorldItem("import", item.Key, import, pkg);
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
                        // A named key on a named interface has no WIT spelling of its own; the interface path
                        // under its own key is the closest the text format gets.
                        Line(direction + " " + InterfacePath(item.Id, pkg) + ";");
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
