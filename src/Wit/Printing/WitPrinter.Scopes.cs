using System;
using System.Collections.Generic;
using System.Text;

namespace WitSharp.Wit;

// Scopes (interface and world bodies). Declaration order is kept so that resolving the output assigns the
// same order (and so the same ids) as the model: types in their map order with `use` statements where the
// used types sit, freestanding functions interleaved with resources the way the function map orders them.
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
}
