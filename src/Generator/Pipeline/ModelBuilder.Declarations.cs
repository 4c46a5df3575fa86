using System.Collections.Generic;
using System.Linq;
using WitSharp.Generator.Diagnostics;
using WitSharp.Generator.Naming;
using WitSharp.Wit;

namespace WitSharp.Generator.Pipeline;

// Where each WIT interface and type goes (docs/type-mapping.md "Where things go"):
//   imported interface ns:pkg/iface   → namespace {Root}.Ns.Pkg[.Vx_y_z].Iface
//   exported interface                 → namespace {Root}.Exports.Ns.Pkg[.Vx_y_z].Iface
//   inline interface `import x: interface {…}` → {Root}[.Exports].Ns.Pkg.World.X (the world's package)
//   world-level types                  → nested in the attributed class
// An interface is generated on the export side only when the world exports it; a type use from an exported
// interface of a type owned by an interface the world does not export refers to the import side, as in
// wasmtime's bindgen.
internal sealed partial class ModelBuilder
{
    private Container GetContainer(int interfaceId, bool export, WorldKey? key)
    {
        if (_containerIndex.TryGetValue(Key(interfaceId, export), out var existing)) return existing;
        var iface = _resolve.Interfaces[interfaceId];
        var keyName = key is { IsName: true } k ? k.Name : FindKeyName(interfaceId, export);

        var segments = new List<string>();
        if (_root.Length > 0) segments.Add(_root);
        if (export) segments.Add("Exports");
        string witName;
        if (iface.Name is not null && iface.Package is int p)
        {
            var pkg = _resolve.Packages[p].Name;
            segments.Add(NameMangler.Pascal(pkg.Namespace));
            segments.Add(NameMangler.Pascal(pkg.Name));
            if (pkg.Version is not null && _multiVersionPackages.Contains(pkg.Namespace + ":" + pkg.Name)) segments.Add(NameMangler.VersionSegment(pkg.Version));
            segments.Add(NameMangler.Pascal(iface.Name));
            witName = _resolve.InterfaceQualifiedName(interfaceId) ?? iface.Name;
        }
        else
        {
            if (_world.Package is int wp)
            {
                var pkg = _resolve.Packages[wp].Name;
                segments.Add(NameMangler.Pascal(pkg.Namespace));
                segments.Add(NameMangler.Pascal(pkg.Name));
            }
            segments.Add(NameMangler.Pascal(_world.Name));
            segments.Add(NameMangler.Pascal(keyName ?? "interface" + interfaceId));
            witName = WorldQualifiedName() + "#" + (keyName ?? "interface" + interfaceId);
        }

        var container = new Container(interfaceId, export, "global::" + string.Join(".", segments), witName, new NameScope()) { KeyName = keyName };
        _containers.Add(container);
        _containerIndex[Key(interfaceId, export)] = container;
        foreach (var typeId in iface.Types.Values) DeclareType(container, typeId);
        return container;
    }

    private string? FindKeyName(int interfaceId, bool export)
    {
        foreach (var entry in export ? _world.Exports : _world.Imports)
        {
            if (entry.Value.Kind == WorldItemKind.Interface && entry.Value.Id == interfaceId && entry.Key.IsName) return entry.Key.Name;
        }
        return null;
    }

    private void DeclareType(Container container, int typeId)
    {
        var def = _resolve.Types[typeId];
        if (!TypeRenderer.IsDeclared(def) || _declaredNames.ContainsKey(Key(typeId, container.IsExport))) return;
        var wanted = NameMangler.Pascal(def.Name!);
        if (def.Kind is ResourceKind && !container.IsExport) wanted = "I" + wanted;
        var name = ClaimType(container, def.Name!, wanted);
        _declaredNames[Key(typeId, container.IsExport)] = container.Path + "." + name;
    }

    private string ClaimType(Container container, string witName, string wanted)
    {
        var name = container.Scope.Claim(witName, wanted);
        if (name != wanted)
        {
            Report(Descriptors.NameCollision, "WIT type `" + witName + "` in `" + container.WitName + "` is generated as '" + name + "' because '" + wanted + "' is taken");
        }
        return name;
    }

    private string DeclaredName(int typeId, bool exportSide)
    {
        var def = _resolve.Types[typeId];
        switch (def.Owner.Kind)
        {
            case TypeOwnerKind.Interface:
                var side = exportSide && _exportedInterfaces.Contains(def.Owner.Id);
                GetContainer(def.Owner.Id, side, null);
                return _declaredNames[Key(typeId, side)];
            default:
                if (!_declaredNames.ContainsKey(Key(typeId, false))) DeclareType(_worldContainer, typeId);
                return _declaredNames[Key(typeId, false)];
        }
    }

    /// <summary>The last segment of a declared type's C# name.</summary>
    private string ShortName(int typeId, bool export)
    {
        var full = _declaredNames[Key(typeId, export)];
        return full.Substring(full.LastIndexOf('.') + 1);
    }
}
