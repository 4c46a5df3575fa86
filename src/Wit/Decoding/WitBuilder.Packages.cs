using System.Collections.Generic;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

// Adding the assembled packages to the resolve, dependencies first (Resolve's packages are kept in
// dependency order, as wit-parser's are).
internal sealed partial class WitBuilder
{
    /// <summary>Adds the foreign packages in dependency order, then <paramref name="main"/>; returns the
    /// main package id. A package whose name is already present is merged into (a world's own package
    /// also appears as "foreign" when the world imports its sibling interfaces).</summary>
    public int Finish(PendingPackage main)
    {
        var order = new List<int>();
        var state = new byte[_foreign.Count];
        for (var i = 0; i < _foreign.Count; i++) Visit(i, state, order);
        foreach (var i in order) Insert(_foreign[i]);
        return Insert(main);
    }

    private void Visit(int index, byte[] state, List<int> order)
    {
        if (state[index] != 0) return; // visited, or on the stack (a cycle cannot be ordered; keep going)
        state[index] = 1;
        foreach (var iface in _foreign[index].Interfaces.Values)
        {
            foreach (var dep in InterfaceDependencies(iface))
            {
                if (_interfaceToForeign.TryGetValue(dep, out var depIndex) && depIndex != index) Visit(depIndex, state, order);
            }
        }
        state[index] = 2;
        order.Add(index);
    }

    /// <summary>Interfaces whose types this interface's types alias (its <c>use</c>s).</summary>
    private IEnumerable<int> InterfaceDependencies(int iface)
    {
        foreach (var typeId in _resolve.Interfaces[iface].Types.Values)
        {
            if (_resolve.Types[typeId].Kind is AliasKind { Target.IsId: true } a)
            {
                var owner = _resolve.Types[a.Target.TypeId].Owner;
                if (owner.Kind == TypeOwnerKind.Interface && owner.Id != iface) yield return owner.Id;
            }
        }
    }

    private int Insert(PendingPackage package)
    {
        var id = _resolve.FindPackage(package.Name);
        if (id < 0)
        {
            _resolve.PackageList.Add(new WitPackage(package.Name, Docs.None));
            id = _resolve.PackageList.Count - 1;
            _resolve.PackageIndex[package.Name] = id;
        }
        if (id < _preexistingPackages && (package.Interfaces.Count > 0 || package.Worlds.Count > 0))
        {
            // Adding items to a package that was complete before would silently change it.
            foreach (var kv in package.Interfaces)
            {
                if (_resolve.PackageList[id].Interfaces.ContainsKey(kv.Key))
                    throw new WitBinaryException("package " + package.Name + " already defines interface '" + kv.Key + "'", package.Offset);
            }
            foreach (var kv in package.Worlds)
            {
                if (_resolve.PackageList[id].Worlds.ContainsKey(kv.Key))
                    throw new WitBinaryException("package " + package.Name + " already defines world '" + kv.Key + "'", package.Offset);
            }
        }
        var target = _resolve.PackageList[id];
        foreach (var kv in package.Interfaces)
        {
            target.Interfaces.Set(kv.Key, kv.Value);
            _resolve.InterfaceList[kv.Value].Package = id;
        }
        foreach (var kv in package.Worlds)
        {
            target.Worlds.Set(kv.Key, kv.Value);
            var world = _resolve.WorldList[kv.Value];
            world.Package = id;
            // Inline interfaces of a world belong to the world's package.
            foreach (var item in world.Imports) AdoptInline(item, id);
            foreach (var item in world.Exports) AdoptInline(item, id);
        }
        return id;
    }

    private void AdoptInline(KeyValuePair<WorldKey, WorldItem> item, int package)
    {
        if (item.Key.IsName && item.Value.Kind == WorldItemKind.Interface) _resolve.InterfaceList[item.Value.Id].Package = package;
    }
}
