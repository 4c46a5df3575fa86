using System.Text.Json.Nodes;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>Renders our resolved model as the JSON that the reference parser's corpus stores beside each
/// case (<c>*.wit.json</c>: wit-parser's serde derive on <c>Resolve</c>). The shape, field by field:
/// <list type="bullet">
/// <item>top level: <c>worlds</c>, <c>interfaces</c>, <c>types</c>, <c>packages</c>, each an arena in id order;</item>
/// <item>ids are bare numbers; a <c>Type</c> is its primitive's name (<c>"u32"</c>, <c>"error-context"</c>) or a type id;</item>
/// <item><c>docs</c> and <c>stability</c> are left out when empty/unknown (serde <c>skip_serializing_if</c>);
///   a function's <c>result</c> is left out when it has none;</item>
/// <item>owners, handles, world items and function kinds are externally tagged enums
///   (<c>{"interface": 0}</c>, <c>{"own": 3}</c>, <c>{"method": 3}</c>), unit variants are strings
///   (<c>"resource"</c>, <c>"freestanding"</c>), a missing owner is <c>null</c>;</item>
/// <item>world keys are the name, or <c>interface-N</c> for an interface key.</item>
/// </list>
/// Everything written comes from the model; nothing is derived from the expected file.
/// With a <see cref="Renumbering"/>, arenas are written in its order and every id through its map.</summary>
internal sealed class ResolveJsonWriter
{
    private readonly Renumbering? _map;

    private ResolveJsonWriter(Renumbering? map) => _map = map;

    public static JsonObject Write(Resolve resolve) => new ResolveJsonWriter(null).Run(resolve);

    /// <summary>Writes the arenas in <paramref name="map"/>'s order with ids renumbered (entries it leaves out are dropped).</summary>
    public static JsonObject Write(Resolve resolve, Renumbering map) => new ResolveJsonWriter(map).Run(resolve);

    private static IEnumerable<int> Order(IReadOnlyList<int>? order, int count) => order ?? Enumerable.Range(0, count);

    private int TypeId(int id) => _map is null ? id : _map.Types[id];

    private int InterfaceId(int id) => _map is null ? id : _map.Interfaces[id];

    private int WorldId(int id) => _map is null ? id : _map.Worlds[id];

    private int PackageId(int id) => _map is null ? id : _map.Packages[id];

    private JsonObject Run(Resolve resolve)
    {
        var worlds = new JsonArray();
        foreach (var i in Order(_map?.WorldOrder, resolve.Worlds.Count)) worlds.Add(World(resolve.Worlds[i]));
        var interfaces = new JsonArray();
        foreach (var i in Order(_map?.InterfaceOrder, resolve.Interfaces.Count)) interfaces.Add(Interface(resolve.Interfaces[i]));
        var types = new JsonArray();
        foreach (var i in Order(_map?.TypeOrder, resolve.Types.Count)) types.Add(TypeDef(resolve.Types[i]));
        var packages = new JsonArray();
        foreach (var i in Order(_map?.PackageOrder, resolve.Packages.Count)) packages.Add(Package(resolve.Packages[i]));
        return new JsonObject
        {
            ["worlds"] = worlds,
            ["interfaces"] = interfaces,
            ["types"] = types,
            ["packages"] = packages,
        };
    }

    private JsonObject Package(WitPackage p)
    {
        var o = new JsonObject { ["name"] = p.Name.ToString() };
        AddDocs(o, p.Docs);
        o["interfaces"] = IdMap(p.Interfaces, InterfaceId);
        o["worlds"] = IdMap(p.Worlds, WorldId);
        return o;
    }

    private JsonObject World(WitWorld w)
    {
        var o = new JsonObject
        {
            ["name"] = w.Name,
            ["imports"] = WorldItems(w.Imports),
            ["exports"] = WorldItems(w.Exports),
            ["package"] = OptionalPackage(w.Package),
        };
        AddDocs(o, w.Docs);
        AddStability(o, w.Stability);
        return o;
    }

    private JsonObject WorldItems(OrderedMap<WorldKey, WorldItem> items)
    {
        var o = new JsonObject();
        foreach (var (key, item) in items) o[Key(key)] = WorldItem(item);
        return o;
    }

    /// <summary>wit-parser's <c>From&lt;WorldKey&gt; for String</c>.</summary>
    public string Key(WorldKey key) => key.IsName ? key.Name! : "interface-" + InterfaceId(key.InterfaceId);

    private JsonObject WorldItem(WorldItem item)
    {
        switch (item.Kind)
        {
            case WorldItemKind.Interface:
            {
                var inner = new JsonObject { ["id"] = InterfaceId(item.Id) };
                AddStability(inner, item.Stability);
                return new JsonObject { ["interface"] = inner };
            }
            case WorldItemKind.Function:
                return new JsonObject { ["function"] = Function(item.Function!) };
            case WorldItemKind.Type:
                return new JsonObject { ["type"] = TypeId(item.Id) };
            default:
                throw new InvalidOperationException("unknown world item kind " + item.Kind);
        }
    }

    private JsonObject Interface(WitInterface i)
    {
        var functions = new JsonObject();
        foreach (var (name, f) in i.Functions) functions[name] = Function(f);
        var o = new JsonObject
        {
            ["name"] = i.Name,
            ["types"] = IdMap(i.Types, TypeId),
            ["functions"] = functions,
        };
        AddDocs(o, i.Docs);
        AddStability(o, i.Stability);
        o["package"] = OptionalPackage(i.Package);
        return o;
    }

    private JsonObject Function(Function f)
    {
        var ps = new JsonArray();
        foreach (var p in f.Params)
        {
            // serialize_params: the name is skipped only when empty.
            var po = new JsonObject();
            if (p.Name.Length > 0) po["name"] = p.Name;
            po["type"] = Type(p.Type);
            ps.Add(po);
        }
        var o = new JsonObject
        {
            ["name"] = f.Name,
            ["kind"] = FunctionKind(f),
            ["params"] = ps,
        };
        if (f.Result is { } r) o["result"] = Type(r);
        AddDocs(o, f.Docs);
        AddStability(o, f.Stability);
        return o;
    }

    private JsonNode FunctionKind(Function f) => f.Kind switch
    {
        FunctionKindTag.Freestanding => JsonValue.Create("freestanding"),
        FunctionKindTag.AsyncFreestanding => JsonValue.Create("async-freestanding"),
        FunctionKindTag.Method => new JsonObject { ["method"] = TypeId(f.ResourceTypeId) },
        FunctionKindTag.AsyncMethod => new JsonObject { ["async-method"] = TypeId(f.ResourceTypeId) },
        FunctionKindTag.Static => new JsonObject { ["static"] = TypeId(f.ResourceTypeId) },
        FunctionKindTag.AsyncStatic => new JsonObject { ["async-static"] = TypeId(f.ResourceTypeId) },
        FunctionKindTag.Constructor => new JsonObject { ["constructor"] = TypeId(f.ResourceTypeId) },
        _ => throw new InvalidOperationException("unknown function kind " + f.Kind),
    };

    private JsonObject TypeDef(TypeDef t)
    {
        var o = new JsonObject
        {
            ["name"] = t.Name,
            ["kind"] = Kind(t.Kind),
            ["owner"] = Owner(t.Owner),
        };
        AddDocs(o, t.Docs);
        AddStability(o, t.Stability);
        return o;
    }

    private JsonNode? Owner(TypeOwner owner) => owner.Kind switch
    {
        TypeOwnerKind.None => null,
        TypeOwnerKind.Interface => new JsonObject { ["interface"] = InterfaceId(owner.Id) },
        TypeOwnerKind.World => new JsonObject { ["world"] = WorldId(owner.Id) },
        _ => throw new InvalidOperationException("unknown owner kind " + owner.Kind),
    };

    private JsonNode Kind(TypeDefKind kind)
    {
        switch (kind)
        {
            case RecordKind r:
            {
                var fields = new JsonArray();
                foreach (var f in r.Fields)
                {
                    var fo = new JsonObject { ["name"] = f.Name, ["type"] = Type(f.Type) };
                    AddDocs(fo, f.Docs);
                    fields.Add(fo);
                }
                return Tagged("record", new JsonObject { ["fields"] = fields });
            }
            case ResourceKind:
                return JsonValue.Create("resource");
            case HandleKind h:
                return Tagged("handle", new JsonObject { [h.IsBorrow ? "borrow" : "own"] = TypeId(h.ResourceTypeId) });
            case FlagsKind fl:
            {
                var flags = new JsonArray();
                foreach (var f in fl.Flags)
                {
                    var fo = new JsonObject { ["name"] = f.Name };
                    AddDocs(fo, f.Docs);
                    flags.Add(fo);
                }
                return Tagged("flags", new JsonObject { ["flags"] = flags });
            }
            case TupleKind t:
            {
                var types = new JsonArray();
                foreach (var ty in t.Types) types.Add(Type(ty));
                return Tagged("tuple", new JsonObject { ["types"] = types });
            }
            case VariantKind v:
            {
                var cases = new JsonArray();
                foreach (var c in v.Cases)
                {
                    var co = new JsonObject { ["name"] = c.Name, ["type"] = OptionalType(c.Type) };
                    AddDocs(co, c.Docs);
                    cases.Add(co);
                }
                return Tagged("variant", new JsonObject { ["cases"] = cases });
            }
            case EnumKind e:
            {
                var cases = new JsonArray();
                foreach (var c in e.Cases)
                {
                    var co = new JsonObject { ["name"] = c.Name };
                    AddDocs(co, c.Docs);
                    cases.Add(co);
                }
                return Tagged("enum", new JsonObject { ["cases"] = cases });
            }
            case OptionKind o:
                return Tagged("option", Type(o.Type));
            case ResultKind r:
                return Tagged("result", new JsonObject { ["ok"] = OptionalType(r.Ok), ["err"] = OptionalType(r.Err) });
            case ListKind l:
                return Tagged("list", Type(l.Element));
            case MapKind m:
                // TypeDefKind::Map(Type, Type): a tuple variant, so a two-element array.
                return Tagged("map", new JsonArray(Type(m.Key), Type(m.Value)));
            case FixedSizeListKind fs:
                // Serialized under its serde rename "fixed-length-list" as (element, size).
                return Tagged("fixed-length-list", new JsonArray(Type(fs.Element), JsonValue.Create(fs.Size)));
            case FutureKind fu:
                return Tagged("future", OptionalType(fu.Payload));
            case StreamKind st:
                return Tagged("stream", OptionalType(st.Payload));
            case AliasKind a:
                return Tagged("type", Type(a.Target));
            case UnknownKind:
                // Never present in a finished Resolve; written as serde would so a leak shows up as a diff.
                return JsonValue.Create("unknown");
            default:
                throw new InvalidOperationException("unknown type kind " + kind.Tag);
        }
    }

    private static JsonObject Tagged(string tag, JsonNode? value) => new() { [tag] = value };

    public JsonNode Type(WitType t) => t.Kind switch
    {
        WitTypeKind.Id => JsonValue.Create(TypeId(t.TypeId)),
        _ => JsonValue.Create(t.ToString()),
    };

    private JsonNode? OptionalType(WitType? t) => t is { } v ? Type(v) : null;

    private JsonNode? OptionalPackage(int? id) => id is { } v ? JsonValue.Create(PackageId(v)) : null;

    private static JsonObject IdMap(OrderedMap<string, int> map, Func<int, int> id)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map) o[k] = id(v);
        return o;
    }

    private static void AddDocs(JsonObject o, Docs docs)
    {
        if (docs.Contents is { } c) o["docs"] = new JsonObject { ["contents"] = c };
    }

    private static void AddStability(JsonObject o, Stability s)
    {
        switch (s.Kind)
        {
            case StabilityKind.Unknown:
                return;
            case StabilityKind.Stable:
            {
                var inner = new JsonObject { ["since"] = s.Since };
                if (s.Deprecated is { } d) inner["deprecated"] = d;
                o["stability"] = new JsonObject { ["stable"] = inner };
                return;
            }
            case StabilityKind.Unstable:
            {
                var inner = new JsonObject { ["feature"] = s.Feature };
                if (s.Deprecated is { } d) inner["deprecated"] = d;
                o["stability"] = new JsonObject { ["unstable"] = inner };
                return;
            }
        }
    }
}
