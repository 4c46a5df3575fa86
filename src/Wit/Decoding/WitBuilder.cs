using System;
using System.Collections.Generic;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

/// <summary>
/// Turns component-level types (worlds as component types, interfaces as instance types) into WIT
/// packages, interfaces, worlds and types of a <see cref="Resolve"/>. Follows the reference decoder
/// (wit-parser <c>decoding.rs</c>): a type export whose type is already known becomes <c>type x = y</c>
/// (a <c>use</c>), interface-named instances outside the package being decoded become minimal "foreign"
/// interfaces holding just what is referenced, and packages are added in dependency order.
/// </summary>
internal sealed partial class WitBuilder
{
    private readonly Resolve _resolve;
    private readonly TypeWalker _walker;
    private readonly Dictionary<TypeEntry, int> _typeMap = new();
    private readonly Dictionary<TypeOwner, Dictionary<string, int>> _resources = new();
    private readonly Dictionary<string, int> _namedInterfaces = new(StringComparer.Ordinal);
    private readonly List<PendingPackage> _foreign = new();
    private readonly Dictionary<int, int> _interfaceToForeign = new();
    private readonly int _preexistingPackages;
    private int _depth;

    public WitBuilder(Resolve resolve, TypeWalker walker)
    {
        _resolve = resolve;
        _walker = walker;
        _preexistingPackages = resolve.Packages.Count;
    }

    /// <summary>A package being assembled: interfaces and worlds by name, added to the resolve at the end.</summary>
    internal sealed class PendingPackage
    {
        public PendingPackage(PackageName name, int offset)
        {
            Name = name;
            Offset = offset;
        }

        public PackageName Name { get; }

        /// <summary>Where the package's first item was read, for errors about the package as a whole.</summary>
        public int Offset { get; }

        public OrderedMap<string, int> Interfaces { get; } = new(StringComparer.Ordinal);

        public OrderedMap<string, int> Worlds { get; } = new(StringComparer.Ordinal);
    }

    // ---- Worlds and interfaces ----------------------------------------------------------------

    /// <summary>Adds a world named by the interface-form name <paramref name="name"/> (<c>ns:pkg/world@v</c>)
    /// from its component type; returns the world id and its package name.</summary>
    public (int World, PackageName Package) RegisterWorld(string name, ComponentEntry type, PendingPackage package)
    {
        var (pkgName, worldName) = SplitInterfaceName(name, type.Offset)
            ?? throw new WitBinaryException("world name '" + name + "' is not of the form ns:pkg/world", type.Offset);
        var world = new WitWorld(worldName);
        var id = _resolve.AddWorld(world);
        FillWorld(id, type.Imports, type.Exports, package);
        package.Worlds.Set(worldName, id);
        return (id, pkgName);
    }

    /// <summary>Fills a world's imports and exports from a component type (or a component's own imports and exports).</summary>
    public void FillWorld(int worldId, Shape imports, Shape exports, PendingPackage package)
    {
        var world = _resolve.Worlds[worldId];
        var owner = TypeOwner.World(worldId);
        foreach (var kv in imports.Items)
        {
            var (name, e) = (kv.Key, kv.Value);
            switch (e.Kind)
            {
                case ExternKind.Instance:
                    var (key, iface) = WorldInterface(name, (InstanceEntry)e.Type, package);
                    world.Imports.Set(key, WorldItem.Interface(iface, Stability.Unknown));
                    break;
                case ExternKind.Type:
                    world.Imports.Set(WorldKey.FromName(name), WorldItem.Type(RegisterTypeExport(name, owner, e.Type)));
                    break;
                case ExternKind.Func:
                    world.Imports.Set(WorldKey.FromName(name), WorldItem.Func(ConvertFunction(name, (FuncEntry)e.Type, owner)));
                    break;
            }
        }
        foreach (var kv in exports.Items)
        {
            var (name, e) = (kv.Key, kv.Value);
            switch (e.Kind)
            {
                case ExternKind.Instance:
                    var (key, iface) = WorldInterface(name, (InstanceEntry)e.Type, package);
                    world.Exports.Set(key, WorldItem.Interface(iface, Stability.Unknown));
                    break;
                case ExternKind.Func:
                    world.Exports.Set(WorldKey.FromName(name), WorldItem.Func(ConvertFunction(name, (FuncEntry)e.Type, owner)));
                    break;
            }
        }
    }

    private (WorldKey Key, int Interface) WorldInterface(string name, InstanceEntry type, PendingPackage package)
    {
        // An interface-form name refers to a named interface (of this package or a foreign one); a plain
        // kebab name is an inline interface with no name of its own.
        if (name.Contains("/"))
        {
            var id = RegisterImport(name, type);
            return (WorldKey.FromInterface(id), id);
        }
        return RegisterInterface(name, type, package);
    }

    /// <summary>Connects an interface-named instance to the interface it names: a package-local one seen
    /// before, or a foreign one filled in lazily with just the items used here.</summary>
    public int RegisterImport(string name, InstanceEntry type)
    {
        var isLocal = _namedInterfaces.TryGetValue(name, out var iface);
        if (!isLocal && ExistingInterface(name, type.Offset) is { } existing)
        {
            // Decoding into a resolve that already holds the package (e.g. WIT dependencies resolved from
            // source): the interface is complete there, so it is used like a package-local one.
            iface = existing;
            isLocal = true;
            _namedInterfaces[name] = iface;
        }
        if (!isLocal) iface = ForeignInterface(name, type.Offset);
        var target = _resolve.Interfaces[iface];
        var owner = TypeOwner.Interface(iface);
        foreach (var kv in type.Exports.Items)
        {
            var (item, e) = (kv.Key, kv.Value);
            switch (e.Kind)
            {
                case ExternKind.Type:
                    if (target.Types.TryGetValue(item, out var known))
                    {
                        if (!_typeMap.ContainsKey(e.Type)) _typeMap[e.Type] = known;
                    }
                    else if (isLocal)
                    {
                        throw new WitBinaryException("interface '" + name + "' has no type '" + item + "'", e.Type.Offset);
                    }
                    else
                    {
                        target.Types.Set(item, RegisterTypeExport(item, owner, e.Type));
                    }
                    break;
                case ExternKind.Func:
                    if (target.Functions.ContainsKey(item)) break;
                    if (isLocal) throw new WitBinaryException("interface '" + name + "' has no function '" + item + "'", e.Type.Offset);
                    target.Functions.Set(item, ConvertFunction(item, (FuncEntry)e.Type, owner));
                    break;
                default:
                    throw new WitBinaryException("export '" + item + "' of interface '" + name + "' is not a type or function", e.Type.Offset);
            }
        }
        return iface;
    }

    /// <summary>Creates an interface from an instance type: named (and added to <paramref name="package"/>)
    /// for an interface-form name, anonymous for a kebab name.</summary>
    public (WorldKey Key, int Interface) RegisterInterface(string name, InstanceEntry type, PendingPackage package)
    {
        if (_namedInterfaces.ContainsKey(name))
        {
            var known = RegisterImport(name, type);
            return (WorldKey.FromInterface(known), known);
        }

        var split = SplitInterfaceName(name, type.Offset);
        var ifaceName = split?.Item;
        var iface = new WitInterface(ifaceName, null);
        var id = _resolve.AddInterface(iface);
        var owner = TypeOwner.Interface(id);
        foreach (var kv in type.Exports.Items)
        {
            var (item, e) = (kv.Key, kv.Value);
            switch (e.Kind)
            {
                case ExternKind.Type:
                    iface.Types.Set(item, RegisterTypeExport(item, owner, e.Type));
                    break;
                case ExternKind.Func:
                    iface.Functions.Set(item, ConvertFunction(item, (FuncEntry)e.Type, owner));
                    break;
                default:
                    throw new WitBinaryException("export '" + item + "' of interface '" + name + "' is not a type or function", e.Type.Offset);
            }
        }
        if (ifaceName is null) return (WorldKey.FromName(name), id);
        package.Interfaces.Set(ifaceName, id);
        _namedInterfaces[name] = id;
        return (WorldKey.FromInterface(id), id);
    }

    /// <summary>An interface the target resolve already had before this decoding began, or null.</summary>
    private int? ExistingInterface(string name, int offset)
    {
        if (WitBuilder.SplitInterfaceName(name, offset) is not { } split) return null;
        var pkg = _resolve.FindPackage(split.Package);
        if (pkg < 0 || pkg >= _preexistingPackages) return null;
        return _resolve.Packages[pkg].Interfaces.TryGetValue(split.Item, out var id) ? id : null;
    }

    private int ForeignInterface(string name, int offset)
    {
        var (pkgName, ifaceName) = SplitInterfaceName(name, offset)
            ?? throw new WitBinaryException("'" + name + "' is not an interface name (ns:pkg/iface)", offset);
        var index = _foreign.FindIndex(p => p.Name.Equals(pkgName));
        if (index < 0)
        {
            _foreign.Add(new PendingPackage(pkgName, offset));
            index = _foreign.Count - 1;
        }
        var pkg = _foreign[index];
        if (!pkg.Interfaces.TryGetValue(ifaceName, out var id))
        {
            id = _resolve.AddInterface(new WitInterface(ifaceName, null));
            pkg.Interfaces.Set(ifaceName, id);
        }
        _interfaceToForeign[id] = index;
        return id;
    }

    /// <summary>Splits <c>ns:pkg/item@version</c> (Explainer.md "Import and Export Definitions",
    /// <c>interfacename</c>); null for a plain kebab name.</summary>
    internal static (PackageName Package, string Item)? SplitInterfaceName(string name, int offset)
    {
        var colon = name.IndexOf(':');
        var slash = name.IndexOf('/');
        if (colon < 0 && slash < 0) return null;
        if (colon <= 0 || slash < colon + 2 || slash == name.Length - 1)
            throw new WitBinaryException("malformed interface name '" + name + "'", offset);
        var at = name.IndexOf('@', slash);
        var item = at < 0 ? name.Substring(slash + 1) : name.Substring(slash + 1, at - slash - 1);
        var version = at < 0 ? null : name.Substring(at + 1);
        if (item.Length == 0 || item.Contains("/") || (version is not null && version.Length == 0))
            throw new WitBinaryException("malformed interface name '" + name + "'", offset);
        return (new PackageName(name.Substring(0, colon), name.Substring(colon + 1, slash - colon - 1), version), item);
    }
}
