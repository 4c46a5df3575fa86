using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

/// <summary>Turns the files of one package into an <see cref="UnresolvedPackage"/>: the port of the reference's
/// <c>ast/resolve.rs</c> <c>Resolver</c>. Allocation order of interfaces, worlds and types follows the reference
/// exactly, because ids are observable (the corpus JSON compares them).</summary>
internal sealed partial class AstResolver
{
    private enum PathKind : byte
    {
        World,
        Interface,
        Unknown,
    }

    private delegate void PathVisitor(Id? owner, List<AstAttribute> attributes, UsePath path, List<UseName>? names, PathKind kind);

    /// <summary>A name in an interface or world scope: a type, or a non-type item (a function).</summary>
    private readonly struct NameEntry
    {
        public NameEntry(int typeId, string? item, Span span)
        {
            TypeId = typeId;
            Item = item;
            Span = span;
        }

        public int TypeId { get; }

        public string? Item { get; }

        public Span Span { get; }

        public bool IsType => Item is null;
    }

    private AstPackageName? _packageName;
    private Docs _packageDocs = Docs.None;
    private readonly List<DeclList> _declLists = new();

    private UnresolvedPackage _pkg = null!;
    private readonly Dictionary<string, int> _anonTypes = new(System.StringComparer.Ordinal);
    private int _curAstIndex;
    private readonly List<Dictionary<string, ItemRef>> _astItems = new();
    private readonly Dictionary<string, ItemRef> _packageItems = new(System.StringComparer.Ordinal);
    private readonly List<OrderedMap<string, NameEntry>?> _interfaceTypes = new();
    private readonly HashSet<int> _foreignInterfaces = new();
    private OrderedMap<string, NameEntry> _typeLookup = new();

    /// <summary>Adds one file's declarations (nested packages already split off) to this package.</summary>
    public void Push(PackageFile file)
    {
        if (file.PackageId is { } cur)
        {
            var curName = cur.ToName();
            if (_packageName is { } prev && !curName.Equals(prev.ToName()))
            {
                throw new SpanException(cur.Span, "package identifier `" + curName + "` does not match previous package name of `" + prev.ToName() + "`");
            }
            _packageName = cur;
            // At most one `package` header may carry doc comments.
            var docs = MakeDocs(cur.Docs);
            if (docs.Contents is not null)
            {
                if (_packageDocs.Contents is not null) throw new SpanException(cur.Docs.Span, "found doc comments on multiple 'package' items");
                _packageDocs = docs;
            }
        }
        foreach (var item in file.Decls.Items)
        {
            if (item is NestedPackage nested) throw new SpanException(nested.File.PackageId!.Span, "nested packages must be placed at the top-level");
        }
        _declLists.Add(file.Decls);
    }

    /// <summary>Resolves everything pushed so far into one package.</summary>
    public UnresolvedPackage Resolve()
    {
        if (_packageName is null) throw new WitException("no `package` header was found in any WIT file for this package");
        _pkg = new UnresolvedPackage(_packageName.ToName(), _packageName.Span, _packageDocs);

        var declLists = _declLists;
        PopulateForeignDeps(declLists);
        var (ifaceOrder, worldOrder) = PopulateAstItems(declLists);
        PopulateForeignTypes(declLists);

        var ifaceAst = new Dictionary<int, KeyValuePair<InterfaceDecl, int>>();
        var worldAst = new Dictionary<int, KeyValuePair<WorldDecl, int>>();
        for (var i = 0; i < declLists.Count; i++)
        {
            foreach (var item in declLists[i].Items)
            {
                switch (item)
                {
                    case InterfaceDecl iface:
                        ifaceAst[_astItems[i][iface.Name.Name].Id] = new KeyValuePair<InterfaceDecl, int>(iface, i);
                        break;
                    case WorldDecl world:
                        worldAst[_astItems[i][world.Name.Name].Id] = new KeyValuePair<WorldDecl, int>(world, i);
                        break;
                }
            }
        }
        foreach (var id in ifaceOrder)
        {
            var (iface, i) = (ifaceAst[id].Key, ifaceAst[id].Value);
            _curAstIndex = i;
            ResolveInterface(id, iface.Items, iface.Docs, iface.Attributes);
        }
        foreach (var id in worldOrder)
        {
            var (world, i) = (worldAst[id].Key, worldAst[id].Value);
            _curAstIndex = i;
            ResolveWorld(id, world);
        }
        return _pkg;
    }

    private int AllocInterface(Span span)
    {
        _interfaceTypes.Add(new OrderedMap<string, NameEntry>(System.StringComparer.Ordinal));
        _pkg.InterfaceSpans.Add(new InterfaceSpan(span));
        _pkg.Interfaces.Add(new WitInterface(null, null));
        return _pkg.Interfaces.Count - 1;
    }

    private int AllocWorld(Span span)
    {
        _pkg.WorldSpans.Add(new WorldSpan(span));
        _pkg.Worlds.Add(new WitWorld(string.Empty));
        return _pkg.Worlds.Count - 1;
    }

    /// <summary>Creates the package's interfaces and worlds in dependency order and the per-file name scopes
    /// (reference: <c>populate_ast_items</c>).</summary>
    private (List<int> Interfaces, List<int> Worlds) PopulateAstItems(List<DeclList> declLists)
    {
        var packageItems = new Dictionary<string, Span>(System.StringComparer.Ordinal);
        var names = new Dictionary<string, AstItem>(System.StringComparer.Ordinal);
        var order = new OrderedMap<string, List<Id>>(System.StringComparer.Ordinal);
        foreach (var list in declLists)
        {
            foreach (var item in list.Items)
            {
                Id name;
                if (item is InterfaceDecl i) name = i.Name;
                else if (item is WorldDecl w) name = w.Name;
                else continue;
                if (packageItems.ContainsKey(name.Name)) throw new SpanException(name.Span, "duplicate item named `" + name.Name + "`");
                packageItems[name.Name] = name.Span;
                order.Set(name.Name, new List<Id>());
                names[name.Name] = item;
            }
        }

        // Dependencies between items of this package, as induced by `use` (foreign paths do not count).
        foreach (var list in declLists)
        {
            var fileNs = new Dictionary<string, Id?>(System.StringComparer.Ordinal);
            foreach (var item in list.Items)
            {
                Id name;
                Id? local;
                switch (item)
                {
                    case ToplevelUse u:
                        name = u.As ?? u.Item.Name;
                        local = u.Item.Package is null ? u.Item.Name : null;
                        break;
                    case InterfaceDecl i:
                        name = i.Name;
                        local = i.Name;
                        break;
                    case WorldDecl w:
                        name = w.Name;
                        local = w.Name;
                        break;
                    default:
                        continue;
                }
                if (fileNs.ContainsKey(name.Name)) throw new SpanException(name.Span, "duplicate name `" + name.Name + "` in this file");
                fileNs[name.Name] = local;
            }
            ForEachPath(list, (owner, _, path, _, _) =>
            {
                if (owner is not { } ownerId) return;
                if (path.Package is not null) return;
                var used = path.Name;
                if (fileNs.TryGetValue(used.Name, out var src))
                {
                    if (src is { } localId) order.Get(ownerId.Name).Add(localId);
                    return;
                }
                if (!packageItems.ContainsKey(used.Name)) throw new SpanException(used.Span, "interface or world `" + used.Name + "` does not exist");
                order.Get(ownerId.Name).Add(used);
            });
        }

        var sorted = Toposort.Sort("interface or world", order);
        var ids = new Dictionary<string, ItemRef>(System.StringComparer.Ordinal);
        var ifaceOrder = new List<int>();
        var worldOrder = new List<int>();
        foreach (var name in sorted)
        {
            if (names[name] is InterfaceDecl)
            {
                var id = AllocInterface(packageItems[name]);
                _pkg.Interfaces[id].Name = name;
                ids[name] = new ItemRef(false, id);
                ifaceOrder.Add(id);
            }
            else
            {
                var id = AllocWorld(packageItems[name]);
                _pkg.Worlds[id].Name = name;
                ids[name] = new ItemRef(true, id);
                worldOrder.Add(id);
            }
        }
        foreach (var list in declLists)
        {
            var items = new Dictionary<string, ItemRef>(System.StringComparer.Ordinal);
            foreach (var item in list.Items)
            {
                string name;
                ItemRef itemRef;
                switch (item)
                {
                    case ToplevelUse u:
                        if (u.Attributes.Count != 0) throw new SpanException(u.Span, "attributes not allowed on top-level use");
                        name = (u.As ?? u.Item.Name).Name;
                        if (u.Item.Package is { } pkgId)
                        {
                            itemRef = _pkg.ForeignDeps.Get(pkgId.ToName()).Get(u.Item.Name.Name).Item;
                        }
                        else if (!ids.TryGetValue(u.Item.Name.Name, out itemRef))
                        {
                            throw new SpanException(u.Item.Name.Span, "interface or world `" + u.Item.Name.Name + "` does not exist");
                        }
                        items[name] = itemRef;
                        continue;
                    case InterfaceDecl i:
                        name = i.Name.Name;
                        break;
                    case WorldDecl w:
                        name = w.Name.Name;
                        break;
                    default:
                        continue;
                }
                itemRef = ids[name];
                items[name] = itemRef;
                // Items brought in with `use` stay file-local; declarations are visible package-wide.
                _packageItems[name] = itemRef;
            }
            _astItems.Add(items);
        }
        return (ifaceOrder, worldOrder);
    }

    /// <summary>Creates an <see cref="UnknownKind"/> type for every name used from a foreign interface
    /// (reference: <c>populate_foreign_types</c>); these take the first type ids.</summary>
    private void PopulateForeignTypes(List<DeclList> declLists)
    {
        for (var i = 0; i < declLists.Count; i++)
        {
            _curAstIndex = i;
            ForEachPath(declLists[i], (_, attrs, path, names, _) =>
            {
                if (names is null) return;
                var stability = MakeStability(attrs);
                var (item, name, span) = ResolveAstItemPath(path);
                var iface = ExtractInterface(item, name, span);
                if (!_foreignInterfaces.Contains(iface)) return;
                var lookup = _interfaceTypes[iface]!;
                foreach (var n in names)
                {
                    if (lookup.ContainsKey(n.Name.Name)) continue;
                    var id = AddType(new TypeDef(n.Name.Name, UnknownKind.Instance, TypeOwner.Interface(iface), Docs.None, stability), n.Name.Span);
                    _pkg.UnknownTypeSpans.Add(n.Name.Span);
                    lookup.Set(n.Name.Name, new NameEntry(id, null, n.Name.Span));
                    _pkg.Interfaces[iface].Types.Set(n.Name.Name, id);
                }
            });
        }
    }

    private int AddType(TypeDef t, Span span)
    {
        _pkg.Types.Add(t);
        _pkg.TypeSpans.Add(span);
        return _pkg.Types.Count - 1;
    }

    private (ItemRef Item, string Name, Span Span) ResolveAstItemPath(UsePath path)
    {
        if (path.Package is { } pkgId)
        {
            return (_pkg.ForeignDeps.Get(pkgId.ToName()).Get(path.Name.Name).Item, path.Name.Name, path.Name.Span);
        }
        var id = path.Name;
        if (_astItems[_curAstIndex].TryGetValue(id.Name, out var item) || _packageItems.TryGetValue(id.Name, out item))
        {
            return (item, id.Name, id.Span);
        }
        throw new SpanException(id.Span, "interface or world `" + id.Name + "` does not exist");
    }

    private static int ExtractInterface(ItemRef item, string name, Span span) =>
        item.IsWorld ? throw new SpanException(span, "name `" + name + "` is defined as a world, not an interface") : item.Id;

    private static int ExtractWorld(ItemRef item, string name, Span span) =>
        !item.IsWorld ? throw new SpanException(span, "name `" + name + "` is defined as an interface, not a world") : item.Id;
}
