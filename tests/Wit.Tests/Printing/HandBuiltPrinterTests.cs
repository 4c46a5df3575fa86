namespace WitSharp.Wit.Tests.Printing;

/// <summary>Printer tests on models built by hand (independent of the resolver): exact expected text.</summary>
public sealed class HandBuiltPrinterTests
{
    private sealed class Builder
    {
        public Resolve R { get; } = new();

        public int Package(string ns, string name, string? version = null, string? docs = null)
        {
            var pn = new PackageName(ns, name, version);
            R.PackageList.Add(new WitPackage(pn, new Docs(docs)));
            R.PackageIndex[pn] = R.PackageList.Count - 1;
            return R.PackageList.Count - 1;
        }

        public int Interface(int pkg, string? name, Docs? docs = null, Stability? stability = null)
        {
            var id = R.AddInterface(new WitInterface(name, pkg) { Docs = docs ?? Docs.None, Stability = stability ?? Stability.Unknown });
            if (name is not null) R.PackageList[pkg].Interfaces.Set(name, id);
            return id;
        }

        public int World(int pkg, string name)
        {
            var id = R.AddWorld(new WitWorld(name) { Package = pkg });
            R.PackageList[pkg].Worlds.Set(name, id);
            return id;
        }

        public int Type(TypeOwner owner, string? name, TypeDefKind kind, Docs? docs = null, Stability? stability = null)
        {
            var id = R.AddType(new TypeDef(name, kind, owner, docs ?? Docs.None, stability ?? Stability.Unknown));
            if (name is not null && owner.Kind == TypeOwnerKind.Interface) R.InterfaceList[owner.Id].Types.Set(name, id);
            return id;
        }

        public int Anon(TypeDefKind kind) => Type(TypeOwner.None, null, kind);

        public Function Func(int iface, string name, FunctionKindTag kind, int resource, Param[] ps, WitType? result, string? docs = null)
        {
            var f = new Function(name, kind, resource, ps, result, new Docs(docs), Stability.Unknown);
            if (iface >= 0) R.InterfaceList[iface].Functions.Set(name, f);
            return f;
        }
    }

    [Fact]
    public void Prints_types_resources_functions_and_worlds()
    {
        var b = new Builder();
        var pkg = b.Package("foo", "bar", "1.0.0", docs: "The package.");
        var i = b.Interface(pkg, "types", new Docs("Types.\n\nMore."));
        var own = TypeOwner.Interface(i);
        var strings = b.Anon(new ListKind(WitType.String));
        var rec = b.Type(own, "point", new RecordKind(new[] { new Field("x", WitType.U32, new Docs("the x")), new Field("tags", WitType.FromId(strings), Docs.None) }));
        b.Type(own, "color", new EnumKind(new[] { new EnumCase("red", Docs.None), new EnumCase("string", Docs.None) }));
        b.Type(own, "perms", new FlagsKind(new[] { new Flag("read", Docs.None), new Flag("write", Docs.None) }));
        var res = b.Type(own, "file", ResourceKind.Instance, stability: Stability.Stable("1.0.0", "1.1.0"));
        var borrow = b.Anon(new HandleKind(true, res));
        var handle = b.Anon(new HandleKind(false, res));
        var opt = b.Anon(new OptionKind(WitType.FromId(rec)));
        b.Type(own, "shape", new VariantKind(new[] { new Case("none", null, Docs.None), new Case("at", WitType.FromId(opt), Docs.None) }));
        b.Type(own, "pair", new TupleKind(new[] { WitType.U8, WitType.Char }));
        b.Type(own, "type", new AliasKind(WitType.S64));
        var result = b.Anon(new ResultKind(null, WitType.String));
        b.Func(i, "first", FunctionKindTag.Freestanding, -1, new[] { new Param("p", WitType.FromId(rec)) }, WitType.FromId(result), docs: "Comes first.");
        b.Func(i, "[constructor]file", FunctionKindTag.Constructor, res, new[] { new Param("name", WitType.String) }, WitType.FromId(handle));
        b.Func(i, "[method]file.read", FunctionKindTag.AsyncMethod, res, new[] { new Param("self", WitType.FromId(borrow)), new Param("n", WitType.U64) }, WitType.FromId(strings));
        b.Func(i, "[static]file.open", FunctionKindTag.Static, res, Array.Empty<Param>(), WitType.FromId(handle));
        b.Func(i, "last", FunctionKindTag.Freestanding, -1, new[] { new Param("f", WitType.FromId(borrow)) }, null);

        var user = b.Interface(pkg, "user");
        var alias = b.Type(TypeOwner.Interface(user), "pt", new AliasKind(WitType.FromId(rec)));
        b.Type(TypeOwner.Interface(user), "file", new AliasKind(WitType.FromId(res)));
        b.Func(user, "get", FunctionKindTag.Freestanding, -1, Array.Empty<Param>(), WitType.FromId(alias));

        var w = b.World(pkg, "app");
        var world = b.R.WorldList[w];
        world.Imports.Set(WorldKey.FromInterface(i), WorldItem.Interface(i, Stability.Unknown));
        var wt = b.Type(TypeOwner.World(w), "pt", new AliasKind(WitType.FromId(rec)));
        world.Imports.Set(WorldKey.FromName("pt"), WorldItem.Type(wt));
        world.Imports.Set(WorldKey.FromName("log"), WorldItem.Func(b.Func(-1, "log", FunctionKindTag.Freestanding, -1, new[] { new Param("msg", WitType.String) }, null)));
        world.Exports.Set(WorldKey.FromInterface(user), WorldItem.Interface(user, Stability.Unstable("fancy", null)));
        world.Exports.Set(WorldKey.FromName("run"), WorldItem.Func(b.Func(-1, "run", FunctionKindTag.AsyncFreestanding, -1, Array.Empty<Param>(), WitType.FromId(wt))));

        var text = WitPrinter.Print(b.R, pkg);
        const string expected = """
            /// The package.
            package foo:bar@1.0.0;

            /// Types.
            ///
            /// More.
            interface types {
              record point {
                /// the x
                x: u32,
                tags: list<string>,
              }

              enum color {
                red,
                %string,
              }

              flags perms {
                read,
                write,
              }

              /// Comes first.
              first: func(p: point) -> result<_, string>;

              @since(version = 1.0.0)
              @deprecated(version = 1.1.0)
              resource file {
                constructor(name: string);
                read: async func(n: u64) -> list<string>;
                open: static func() -> file;
              }

              variant shape {
                none,
                at(option<point>),
              }

              type pair = tuple<u8, char>;

              type %type = s64;

              last: func(f: borrow<file>);
            }

            interface user {
              use types.{point as pt, file};

              get: func() -> pt;
            }

            world app {
              import types;
              use types.{point as pt};
              import log: func(msg: string);

              @unstable(feature = fancy)
              export user;
              export run: async func() -> pt;
            }

            """;
        Assert.Equal(expected.Replace("\r\n", "\n"), text);
    }

    [Fact]
    public void Nested_packages_qualify_foreign_paths()
    {
        var b = new Builder();
        var dep = b.Package("wasi", "io", "0.2.0");
        var streams = b.Interface(dep, "streams");
        var err = b.Type(TypeOwner.Interface(streams), "error", ResourceKind.Instance);
        var main = b.Package("my", "app");
        var api = b.Interface(main, "api");
        b.Type(TypeOwner.Interface(api), "error", new AliasKind(WitType.FromId(err)));
        var w = b.World(main, "w");
        b.R.WorldList[w].Imports.Set(WorldKey.FromInterface(streams), WorldItem.Interface(streams, Stability.Unknown));
        var inline = b.Interface(main, null);
        b.Func(inline, "ping", FunctionKindTag.Freestanding, -1, Array.Empty<Param>(), null);
        b.R.WorldList[w].Exports.Set(WorldKey.FromName("pinger"), WorldItem.Interface(inline, Stability.Unknown));

        var text = new WitPrinter(b.R).PrintAll(main);
        const string expected = """
            package my:app;

            package wasi:io@0.2.0 {
              interface streams {
                resource error;
              }
            }

            interface api {
              use wasi:io/streams@0.2.0.{error};
            }

            world w {
              import wasi:io/streams@0.2.0;

              export pinger: interface {
                ping: func();
              }
            }

            """;
        Assert.Equal(expected.Replace("\r\n", "\n"), text);
    }

    [Fact]
    public void Docs_can_be_left_out()
    {
        var b = new Builder();
        var pkg = b.Package("a", "b", docs: "pkg docs");
        b.Interface(pkg, "i", new Docs("iface docs"));
        var text = new WitPrinter(b.R) { EmitDocs = false }.PrintPackage(pkg);
        Assert.Equal("package a:b;\n\ninterface i {\n}\n", text);
    }
}
