using System;
using System.Collections.Generic;

namespace WitSharp.Wit;

/// <summary>A fully resolved set of WIT packages: arenas of packages, worlds, interfaces and types,
/// cross-referenced by index (the wit-parser <c>Resolve</c> model). Packages appear in dependency order.</summary>
public sealed partial class Resolve
{
    internal List<WitPackage> PackageList { get; } = new();

    internal List<WitWorld> WorldList { get; } = new();

    internal List<WitInterface> InterfaceList { get; } = new();

    internal List<TypeDef> TypeList { get; } = new();

    internal Dictionary<PackageName, int> PackageIndex { get; } = new();

    public IReadOnlyList<WitPackage> Packages => PackageList;

    public IReadOnlyList<WitWorld> Worlds => WorldList;

    public IReadOnlyList<WitInterface> Interfaces => InterfaceList;

    public IReadOnlyList<TypeDef> Types => TypeList;

    /// <summary>The features enabled when this resolve was built (<c>@unstable(feature = …)</c> items outside it are dropped).</summary>
    public IReadOnlyCollection<string> Features { get; internal set; } = Array.Empty<string>();

    /// <summary>Finds a package by name, or -1.</summary>
    public int FindPackage(PackageName name) => PackageIndex.TryGetValue(name, out var id) ? id : -1;

    /// <summary>The fully qualified <c>ns:pkg/iface@version</c> name of an interface, or null if anonymous.</summary>
    public string? InterfaceQualifiedName(int interfaceId)
    {
        var iface = InterfaceList[interfaceId];
        if (iface.Name is null || iface.Package is null) return null;
        var pkg = PackageList[iface.Package.Value].Name;
        var s = pkg.Namespace + ":" + pkg.Name + "/" + iface.Name;
        return pkg.Version is null ? s : s + "@" + pkg.Version;
    }

    /// <summary>Follows <c>type a = b</c> aliases to the defining type id.</summary>
    public int Dealias(int typeId)
    {
        while (TypeList[typeId].Kind is AliasKind { Target.IsId: true } a) typeId = a.Target.TypeId;
        return typeId;
    }

    internal int AddType(TypeDef t)
    {
        TypeList.Add(t);
        return TypeList.Count - 1;
    }

    internal int AddInterface(WitInterface i)
    {
        InterfaceList.Add(i);
        return InterfaceList.Count - 1;
    }

    internal int AddWorld(WitWorld w)
    {
        WorldList.Add(w);
        return WorldList.Count - 1;
    }
}
