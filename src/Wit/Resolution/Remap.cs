using System.Collections.Generic;
using System.Linq;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

/// <summary>Moves one <see cref="UnresolvedPackage"/> into a <see cref="Resolve"/>: binds foreign placeholders to
/// the dependency packages already there, drops items whose feature gate is off, rewrites ids, then processes
/// <c>include</c>s and elaborates worlds. Port of the reference's <c>Remap::append</c> (resolve/mod.rs).</summary>
internal sealed partial class Remap
{
    private const int Excluded = -1;

    private readonly Resolve _resolve;
    private readonly List<int> _types = new();
    private readonly List<int> _interfaces = new();
    private readonly List<int> _worlds = new();

    /// <summary>Resource id → the anonymous <c>own&lt;R&gt;</c> created for direct uses of R (shared).</summary>
    private readonly Dictionary<int, int> _ownHandles = new();
    private readonly Dictionary<int, bool> _typeHasBorrow = new();

    public Remap(Resolve resolve) => _resolve = resolve;

    internal static System.Exception Fail(Span? span, string message) =>
        span is { } s ? new SpanException(s, message) : new WitException(message);

    private static int Apply(List<int> map, int id, string desc, Span? span)
    {
        if (id >= map.Count) throw new System.InvalidOperationException("request to remap a " + desc + " that has not yet been registered");
        var v = map[id];
        if (v == Excluded) throw Fail(span, "found a reference to a " + desc + " which is excluded due to its feature not being activated");
        return v;
    }

    public int MapType(int id, Span? span) => Apply(_types, id, "type", span);

    public int MapInterface(int id, Span? span) => Apply(_interfaces, id, "interface", span);

    public int MapWorld(int id, Span? span) => Apply(_worlds, id, "world", span);

    public int Append(UnresolvedPackage unresolved)
    {
        var r = _resolve;
        if (r.PackageIndex.ContainsKey(unresolved.Name))
        {
            throw new WitException("attempting to re-add package `" + unresolved.Name + "` when it's already present in this `Resolve`");
        }
        r.PackageList.Add(new WitPackage(unresolved.Name, unresolved.Docs));
        var pkgId = r.PackageList.Count - 1;
        r.PackageIndex[unresolved.Name] = pkgId;

        ProcessForeignDeps(pkgId, unresolved);

        var foreignTypes = _types.Count;
        var foreignInterfaces = _interfaces.Count;
        var foreignWorlds = _worlds.Count;

        // Types first (they are already in dependency order); owners are fixed once interfaces are known.
        for (var i = foreignTypes; i < unresolved.Types.Count; i++)
        {
            var ty = unresolved.Types[i];
            var span = unresolved.TypeSpans[i];
            if (!IncludeStability(ty.Stability, pkgId, span))
            {
                _types.Add(Excluded);
                continue;
            }
            unresolved.MemberSpans.TryGetValue(i, out var memberSpans);
            UpdateTypeDef(ty, span, memberSpans);
            var newId = r.AddType(ty);
            if (ty is { Name: null, Owner.Kind: TypeOwnerKind.None, Kind: HandleKind { IsBorrow: false } own })
            {
                if (_ownHandles.TryGetValue(own.ResourceTypeId, out var shared)) newId = shared;
                else _ownHandles[own.ResourceTypeId] = newId;
            }
            _types.Add(newId);
        }

        for (var i = foreignInterfaces; i < unresolved.Interfaces.Count; i++)
        {
            var iface = unresolved.Interfaces[i];
            var span = unresolved.InterfaceSpans[i];
            if (!IncludeStability(iface.Stability, pkgId, span.Span))
            {
                _interfaces.Add(Excluded);
                continue;
            }
            iface.Package = pkgId;
            UpdateInterface(iface, span);
            _interfaces.Add(r.AddInterface(iface));
        }

        for (var i = foreignTypes; i < _types.Count; i++)
        {
            var id = _types[i];
            if (id == Excluded) continue;
            var t = r.TypeList[id];
            if (t.Owner.Kind != TypeOwnerKind.Interface) continue;
            t.Owner = TypeOwner.Interface(MapOwner(_interfaces, t.Owner.Id, "interface", unresolved.TypeSpans[i]));
        }

        // Worlds: items are rewritten here; includes wait until every world of the package is in place.
        for (var i = foreignWorlds; i < unresolved.Worlds.Count; i++)
        {
            var world = unresolved.Worlds[i];
            var span = unresolved.WorldSpans[i];
            if (!IncludeStability(world.Stability, pkgId, span.Span))
            {
                _worlds.Add(Excluded);
                continue;
            }
            UpdateWorld(world, pkgId, span);
            _worlds.Add(r.AddWorld(world));
        }

        for (var i = foreignTypes; i < _types.Count; i++)
        {
            var id = _types[i];
            if (id == Excluded) continue;
            var t = r.TypeList[id];
            if (t.Owner.Kind != TypeOwnerKind.World) continue;
            t.Owner = TypeOwner.World(MapOwner(_worlds, t.Owner.Id, "world", unresolved.TypeSpans[i]));
        }

        for (var i = foreignWorlds; i < _worlds.Count; i++)
        {
            var id = _worlds[i];
            if (id == Excluded) continue;
            var span = unresolved.WorldSpans[i];
            ProcessWorldIncludes(id, pkgId, span);
            try
            {
                WorldElaboration.Elaborate(r, id);
            }
            catch (WitException e) when (!e.HasLocation)
            {
                throw new SpanException(span.Span, e.Reason);
            }
        }

        var pkg = r.PackageList[pkgId];
        for (var i = foreignInterfaces; i < _interfaces.Count; i++)
        {
            var id = _interfaces[i];
            if (id == Excluded) continue;
            var iface = r.InterfaceList[id];
            iface.Package = pkgId;
            if (iface.Name is { } name) pkg.Interfaces.Set(name, id);
        }
        for (var i = foreignWorlds; i < _worlds.Count; i++)
        {
            var id = _worlds[i];
            if (id == Excluded) continue;
            var world = r.WorldList[id];
            world.Package = pkgId;
            pkg.Worlds.Set(world.Name, id);
        }
        return pkgId;
    }

    private static int MapOwner(List<int> map, int id, string desc, Span span)
    {
        try
        {
            return Apply(map, id, desc, span);
        }
        catch (SpanException e)
        {
            throw new SpanException(e.Span, e.Message + "; this type is not gated by a feature but its " + desc + " is");
        }
    }

    /// <summary>Whether an item with this gate is kept (reference: <c>include_stability</c>). A <c>@since</c>
    /// gate must not name a version newer than its package.</summary>
    internal bool IncludeStability(Stability stability, int pkgId, Span? span)
    {
        switch (stability.Kind)
        {
            case StabilityKind.Stable:
            {
                var p = _resolve.PackageList[pkgId].Name;
                if (p.Version is null)
                {
                    throw Fail(span, "package [" + p + "] contains a feature gate with a version specifier, so it must have a version");
                }
                if (SemVer.Compare(stability.Since!, p.Version) > 0)
                {
                    throw Fail(span, "feature gate cannot reference unreleased version " + stability.Since + " of package [" + p + "] (current version " + p.Version + ")");
                }
                return true;
            }
            case StabilityKind.Unstable:
                return _resolve.Features.Contains(stability.Feature!);
            default:
                return true;
        }
    }

    /// <summary>Where a foreign placeholder points. A class, not a value tuple: a dictionary over a struct value is
    /// generic code of its own for the JIT on the generator's cold path (docs/benchmarks.md "Generator").</summary>
    private sealed class ForeignDep(PackageName pkg, string name, Span span, List<Stability> stabilities)
    {
        public PackageName Pkg { get; } = pkg;

        public string Name { get; } = name;

        public Span Span { get; } = span;

        public List<Stability> Stabilities { get; } = stabilities;
    }

    /// <summary>Binds the foreign placeholders of <paramref name="unresolved"/> to items of packages already in
    /// the resolve (reference: <c>process_foreign_deps</c>).</summary>
    private void ProcessForeignDeps(int pkgId, UnresolvedPackage unresolved)
    {
        var ifaceToPkg = new Dictionary<int, ForeignDep>();
        var worldToPkg = new Dictionary<int, ForeignDep>();
        for (var i = 0; i < unresolved.ForeignDeps.Count; i++)
        {
            var (pkgName, items) = (unresolved.ForeignDeps[i].Key, unresolved.ForeignDeps[i].Value);
            foreach (var e in items)
            {
                var entry = new ForeignDep(pkgName, e.Key, unresolved.ForeignDepSpans[i], e.Value.Stabilities);
                if (e.Value.Item.IsWorld) worldToPkg[e.Value.Item.Id] = entry;
                else ifaceToPkg[e.Value.Item.Id] = entry;
            }
        }

        for (var i = 0; i < unresolved.Interfaces.Count; i++)
        {
            if (!ifaceToPkg.TryGetValue(i, out var dep)) break;
            var depPkg = FindPackage(dep.Pkg, dep.Span);
            var span = unresolved.InterfaceSpans[i].Span;
            if (!dep.Stabilities.Any(s => IncludeStability(s, pkgId, span)))
            {
                _interfaces.Add(Excluded);
                continue;
            }
            if (!_resolve.PackageList[depPkg].Interfaces.TryGetValue(dep.Name, out var id))
            {
                throw new SpanException(span, "interface '" + dep.Name + "' not found in package '" + dep.Pkg + "'");
            }
            _interfaces.Add(id);
        }

        for (var i = 0; i < unresolved.Worlds.Count; i++)
        {
            if (!worldToPkg.TryGetValue(i, out var dep)) break;
            var depPkg = FindPackage(dep.Pkg, dep.Span);
            var span = unresolved.WorldSpans[i].Span;
            if (!dep.Stabilities.Any(s => IncludeStability(s, pkgId, span)))
            {
                _worlds.Add(Excluded);
                continue;
            }
            if (!_resolve.PackageList[depPkg].Worlds.TryGetValue(dep.Name, out var id))
            {
                throw new SpanException(span, "world '" + dep.Name + "' not found in package '" + dep.Pkg + "'");
            }
            _worlds.Add(id);
        }

        for (var i = 0; i < unresolved.Types.Count; i++)
        {
            var ty = unresolved.Types[i];
            if (ty.Kind is not UnknownKind) break;
            if (!IncludeStability(ty.Stability, pkgId, unresolved.TypeSpans[i]))
            {
                _types.Add(Excluded);
                continue;
            }
            var ifaceId = MapInterface(ty.Owner.Id, null);
            if (!_resolve.InterfaceList[ifaceId].Types.TryGetValue(ty.Name!, out var typeId))
            {
                throw new SpanException(unresolved.UnknownTypeSpans[i], "type `" + ty.Name + "` not defined in interface");
            }
            _types.Add(typeId);
        }

        foreach (var req in unresolved.RequiredResourceTypes)
        {
            // A gated-out type fails wherever it is used, so it is not checked here.
            if (req.Key >= _types.Count || _types[req.Key] == Excluded) continue;
            var id = _types[req.Key];
            while (true)
            {
                var kind = _resolve.TypeList[id].Kind;
                if (kind is AliasKind { Target.IsId: true } a)
                {
                    id = a.Target.TypeId;
                    continue;
                }
                if (kind is ResourceKind) break;
                throw new SpanException(req.Value, "type used in a handle must be a resource");
            }
        }
    }

    private int FindPackage(PackageName name, Span span)
    {
        if (_resolve.PackageIndex.TryGetValue(name, out var id)) return id;
        var known = string.Join("", _resolve.PackageList.Select(p => "\n    " + p.Name));
        throw new SpanException(span, "package '" + name + "' not found. known packages:" + known);
    }
}
