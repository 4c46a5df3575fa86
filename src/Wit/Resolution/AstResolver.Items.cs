using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

internal sealed partial class AstResolver
{
    private void ResolveInterface(int id, List<InterfaceItem> items, AstDocs docs, List<AstAttribute> attrs)
    {
        var iface = _pkg.Interfaces[id];
        iface.Docs = MakeDocs(docs);
        iface.Stability = MakeStability(attrs);

        var typeItems = new List<object>();
        foreach (var item in items)
        {
            if (item is InterfaceUse u) typeItems.Add(u.Use);
            else if (item is InterfaceTypeDef t) typeItems.Add(t.Def);
        }
        ResolveTypes(TypeOwner.Interface(id), typeItems);
        foreach (var e in _typeLookup) iface.Types.Set(e.Key, e.Value.TypeId);

        // Functions last, once every type of the interface is known.
        var funcs = new List<Function>();
        var spans = _pkg.InterfaceSpans[id].Funcs;
        foreach (var item in items)
        {
            switch (item)
            {
                case InterfaceFunc f:
                    DefineInterfaceName(f.Func.Name, new NameEntry(-1, "function", f.Func.Name.Span));
                    funcs.Add(ResolveFunction(f.Func.Docs, f.Func.Attributes, f.Func.Name.Name, f.Func.Func,
                        f.Func.Func.IsAsync ? FunctionKindTag.AsyncFreestanding : FunctionKindTag.Freestanding, -1));
                    spans.Add(f.Func.Name.Span);
                    break;
                case InterfaceTypeDef { Def.Type.Kind: AstTypeKind.Resource } r:
                    foreach (var rf in r.Def.Type.Funcs!)
                    {
                        funcs.Add(ResolveResourceFunc(rf, r.Def.Name));
                        spans.Add(rf.Func.Name.Span);
                    }
                    break;
            }
        }
        foreach (var f in funcs) iface.Functions.Set(f.Name, f);

        _interfaceTypes[id] = _typeLookup;
        _typeLookup = new OrderedMap<string, NameEntry>(System.StringComparer.Ordinal);
    }

    private void ResolveWorld(int worldId, WorldDecl decl)
    {
        var world = _pkg.Worlds[worldId];
        world.Docs = MakeDocs(decl.Docs);
        world.Stability = MakeStability(decl.Attributes);

        var typeItems = new List<object>();
        foreach (var item in decl.Items)
        {
            if (item is WorldUse u) typeItems.Add(u.Use);
            else if (item is WorldTypeDef t) typeItems.Add(t.Def);
        }
        ResolveTypes(TypeOwner.World(worldId), typeItems);

        foreach (var item in decl.Items)
        {
            if (item is IncludeDecl inc) ResolveInclude(worldId, inc);
        }

        var importSpans = new List<Span>();
        var exportSpans = new List<Span>();
        foreach (var e in _typeLookup)
        {
            if (!world.Imports.Set(WorldKey.FromName(e.Key), WorldItem.Type(e.Value.TypeId)))
            {
                throw new SpanException(e.Value.Span, "import `" + e.Key + "` conflicts with prior import of same name");
            }
            importSpans.Add(e.Value.Span);
        }

        var importedInterfaces = new HashSet<int>();
        var exportedInterfaces = new HashSet<int>();
        foreach (var item in decl.Items)
        {
            if (item is WorldTypeDef { Def.Type.Kind: AstTypeKind.Resource } r)
            {
                foreach (var rf in r.Def.Type.Funcs!)
                {
                    importSpans.Add(rf.Func.Name.Span);
                    var func = ResolveResourceFunc(rf, r.Def.Name);
                    world.Imports.Set(WorldKey.FromName(func.Name), WorldItem.Func(func));
                }
                continue;
            }
            if (item is not WorldImport imp) continue;
            var kind = imp.Kind;
            var desc = imp.IsExport ? "export" : "import";
            var worldItem = ResolveWorldItem(imp.Docs, imp.Attributes, kind);
            WorldKey key;
            switch (kind.Tag)
            {
                case ExternKindTag.Interface:
                    key = WorldKey.FromName(kind.Name.Name);
                    break;
                case ExternKindTag.Func:
                    key = WorldKey.FromName(worldItem.Function!.Name);
                    break;
                default:
                    // `import label: path;` names the import; a bare path is keyed by the interface itself.
                    key = kind.Label is { } label ? WorldKey.FromName(label.Name) : WorldKey.FromInterface(worldItem.Id);
                    break;
            }
            if (worldItem.Kind == WorldItemKind.Interface && !key.IsName)
            {
                var set = imp.IsExport ? exportedInterfaces : importedInterfaces;
                if (!set.Add(worldItem.Id)) throw new SpanException(kind.Span, "interface cannot be " + desc + "ed more than once");
            }
            var dst = imp.IsExport ? world.Exports : world.Imports;
            if (dst.TryGetValue(key, out var prev))
            {
                var prevKind = prev.Kind switch
                {
                    WorldItemKind.Interface => "interface",
                    WorldItemKind.Function => "func",
                    _ => "type",
                };
                throw new SpanException(kind.Span, desc + " `" + key.Name + "` conflicts with prior " + prevKind + " of same name");
            }
            dst.Set(key, worldItem);
            (imp.IsExport ? exportSpans : importSpans).Add(kind.Span);
        }
        _pkg.WorldSpans[worldId].Imports = importSpans;
        _pkg.WorldSpans[worldId].Exports = exportSpans;
        _typeLookup.Clear();
    }

    private WorldItem ResolveWorldItem(AstDocs docs, List<AstAttribute> attrs, ExternKind kind)
    {
        switch (kind.Tag)
        {
            case ExternKindTag.Interface:
            {
                var prev = _typeLookup;
                _typeLookup = new OrderedMap<string, NameEntry>(System.StringComparer.Ordinal);
                var id = AllocInterface(kind.Name.Span);
                ResolveInterface(id, kind.Items!, docs, attrs);
                _typeLookup = prev;
                return WorldItem.Interface(id, _pkg.Interfaces[id].Stability);
            }
            case ExternKindTag.Path:
            {
                var stability = MakeStability(attrs);
                var (item, name, span) = ResolveAstItemPath(kind.Path!);
                return WorldItem.Interface(ExtractInterface(item, name, span), stability);
            }
            default:
            {
                var func = ResolveFunction(docs, attrs, kind.Name.Name, kind.Func!,
                    kind.Func!.IsAsync ? FunctionKindTag.AsyncFreestanding : FunctionKindTag.Freestanding, -1);
                return WorldItem.Func(func);
            }
        }
    }

    /// <summary>Binds the <c>use</c>s and type definitions of one interface or world: uses first, then the
    /// definitions in dependency order (reference: <c>resolve_types</c>).</summary>
    private void ResolveTypes(TypeOwner owner, List<object> items)
    {
        foreach (var item in items)
        {
            if (item is UseDecl u) ResolveUse(owner, u);
        }

        var typeDeps = new OrderedMap<string, List<Id>>(System.StringComparer.Ordinal);
        var typeDefs = new Dictionary<string, TypeDefDecl?>(System.StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is TypeDefDecl t)
            {
                if (typeDefs.ContainsKey(t.Name.Name)) throw new SpanException(t.Name.Span, "name `" + t.Name.Name + "` is defined more than once");
                typeDefs[t.Name.Name] = t;
                var deps = new List<Id>();
                CollectDeps(t.Type, deps);
                typeDeps.Set(t.Name.Name, deps);
            }
            else
            {
                foreach (var n in ((UseDecl)item).Names)
                {
                    typeDeps.Set(n.Local.Name, new List<Id>());
                    typeDefs[n.Local.Name] = null;
                }
            }
        }

        List<string> order;
        try
        {
            order = Toposort.Sort("type", typeDeps);
        }
        catch (SpanException e) when (e.Message is "type `float32` does not exist" or "type `float64` does not exist")
        {
            var old = e.Message.Contains("float32") ? "float32" : "float64";
            throw new SpanException(e.Span, e.Message + "\nthe `" + old + "` type has been renamed to `" + (old == "float32" ? "f32" : "f64") +
                "` and is no longer accepted, but the `WIT_REQUIRE_F32_F64=0` environment variable can be used to temporarily disable this error");
        }
        foreach (var name in order)
        {
            if (!typeDefs.TryGetValue(name, out var def) || def is null) continue;
            typeDefs.Remove(name);
            var docs = MakeDocs(def.Docs);
            var stability = MakeStability(def.Attributes);
            var kind = ResolveTypeDef(def.Type, stability, out var memberSpans);
            var id = AddType(new TypeDef(def.Name.Name, kind, owner, docs, stability), def.Name.Span);
            if (memberSpans is not null) _pkg.MemberSpans[id] = memberSpans;
            DefineInterfaceName(def.Name, new NameEntry(id, null, def.Name.Span));
        }
    }

    private void ResolveUse(TypeOwner owner, UseDecl u)
    {
        var (item, name, span) = ResolveAstItemPath(u.From);
        var useFrom = ExtractInterface(item, name, span);
        var stability = MakeStability(u.Attributes);
        foreach (var n in u.Names)
        {
            var lookup = _interfaceTypes[useFrom]!;
            if (!lookup.TryGetValue(n.Name.Name, out var entry)) throw new SpanException(n.Name.Span, "name `" + n.Name.Name + "` does not exist");
            if (!entry.IsType) throw new SpanException(n.Name.Span, "cannot import " + entry.Item + " `" + n.Name.Name + "`");
            var local = n.Local;
            var id = AddType(new TypeDef(local.Name, new AliasKind(WitType.FromId(entry.TypeId)), owner, Docs.None, stability), n.Name.Span);
            DefineInterfaceName(local, new NameEntry(id, null, local.Span));
        }
    }

    private void ResolveInclude(int worldId, IncludeDecl inc)
    {
        var stability = MakeStability(inc.Attributes);
        var (item, name, span) = ResolveAstItemPath(inc.From);
        var from = ExtractWorld(item, name, span);
        var names = new List<KeyValuePair<string, string>>();
        foreach (var n in inc.Names) names.Add(new KeyValuePair<string, string>(n.Key.Name, n.Value.Name));
        _pkg.Worlds[worldId].Includes.Add(new WorldInclude(stability, from, names));
        _pkg.WorldSpans[worldId].Includes.Add(span);
    }

    private Function ResolveResourceFunc(ResourceFunc rf, Id resource)
    {
        if (!_typeLookup.TryGetValue(resource.Name, out var entry) || !entry.IsType) throw new SpanException(resource.Span, "type lookup for resource failed");
        var resourceId = entry.TypeId;
        var f = rf.Func;
        var isAsync = f.Func.IsAsync;
        string name;
        FunctionKindTag kind;
        switch (rf.Kind)
        {
            case ResourceFuncKind.Method:
                name = "[method]" + resource.Name + "." + f.Name.Name;
                kind = isAsync ? FunctionKindTag.AsyncMethod : FunctionKindTag.Method;
                break;
            case ResourceFuncKind.Static:
                name = "[static]" + resource.Name + "." + f.Name.Name;
                kind = isAsync ? FunctionKindTag.AsyncStatic : FunctionKindTag.Static;
                break;
            default:
                name = "[constructor]" + resource.Name;
                kind = FunctionKindTag.Constructor;
                break;
        }
        return ResolveFunction(f.Docs, f.Attributes, name, f.Func, kind, resourceId);
    }

    private void DefineInterfaceName(Id name, NameEntry entry)
    {
        if (!_typeLookup.Set(name.Name, entry)) throw new SpanException(name.Span, "name `" + name.Name + "` is defined more than once");
    }

    private static void CollectDeps(AstType ty, List<Id> deps)
    {
        switch (ty.Kind)
        {
            case AstTypeKind.Name:
            case AstTypeKind.Own:
            case AstTypeKind.Borrow:
                deps.Add(ty.Name);
                break;
            case AstTypeKind.Record:
            case AstTypeKind.Variant:
                foreach (var m in ty.Members!)
                {
                    if (m.Type is { } mt) CollectDeps(mt, deps);
                }
                break;
            case AstTypeKind.Tuple:
                foreach (var t in ty.Types!) CollectDeps(t, deps);
                break;
            case AstTypeKind.Option:
            case AstTypeKind.List:
            case AstTypeKind.FixedSizeList:
            case AstTypeKind.Map:
            case AstTypeKind.Result:
            case AstTypeKind.Future:
            case AstTypeKind.Stream:
                if (ty.First is { } a) CollectDeps(a, deps);
                if (ty.Second is { } b) CollectDeps(b, deps);
                break;
        }
    }
}
