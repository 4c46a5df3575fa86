using WitSharp.Wit;

namespace WitSharp.Wit.Tests.Resolution;

/// <summary>Focused checks of resolution rules (reference: wit-parser ast/resolve.rs and resolve/mod.rs).</summary>
public sealed class ResolverTests
{
    private static Resolve Load(string text, params string[] features)
    {
        var r = new Resolve(features);
        r.PushSource("test.wit", text);
        return r;
    }

    private static WitInterface Iface(Resolve r, string name) => r.Interfaces.Single(i => i.Name == name);

    [Fact]
    public void Anonymous_types_are_interned()
    {
        var r = Load("package a:b; interface i { f: func(x: list<u8>) -> list<u8>; g: func(y: list<u8>); }");
        var fs = Iface(r, "i").Functions;
        var t = fs.Get("f").Params[0].Type;
        Assert.Equal(t, fs.Get("f").Result);
        Assert.Equal(t, fs.Get("g").Params[0].Type);
        Assert.IsType<ListKind>(r.Types[t.TypeId].Kind);
        Assert.Single(r.Types, x => x.Kind is ListKind);
    }

    [Fact]
    public void Direct_resource_use_becomes_shared_own_handle()
    {
        var r = Load("package a:b; interface i { resource res { m: func(); } f: func(a: res) -> res; }");
        var iface = Iface(r, "i");
        var res = iface.Types.Get("res");
        var f = iface.Functions.Get("f");
        var own = Assert.IsType<HandleKind>(r.Types[f.Params[0].Type.TypeId].Kind);
        Assert.False(own.IsBorrow);
        Assert.Equal(res, own.ResourceTypeId);
        Assert.Equal(f.Params[0].Type, f.Result);
        var m = iface.Functions.Get("[method]res.m");
        Assert.Equal(FunctionKindTag.Method, m.Kind);
        var self = Assert.IsType<HandleKind>(r.Types[m.Params[0].Type.TypeId].Kind);
        Assert.True(self.IsBorrow);
    }

    [Fact]
    public void Types_are_defined_in_dependency_order()
    {
        var r = Load("package a:b; interface i { type a = b; record b { x: c } type c = u32; }");
        var types = Iface(r, "i").Types;
        Assert.Equal(new[] { "c", "b", "a" }, types.Keys.ToArray());
        Assert.True(types.Get("c") < types.Get("b") && types.Get("b") < types.Get("a"));
    }

    [Fact]
    public void Exported_interface_pulls_in_its_dependencies_as_imports()
    {
        var r = Load("""
            package a:b;
            interface base { type t = u32; }
            interface api { use base.{t}; f: func() -> t; }
            world w { export api; }
            """);
        var w = r.Worlds.Single();
        var baseId = r.Interfaces.ToList().FindIndex(i => i.Name == "base");
        var apiId = r.Interfaces.ToList().FindIndex(i => i.Name == "api");
        Assert.Equal(new[] { WorldKey.FromInterface(baseId) }, w.Imports.Keys.ToArray());
        Assert.Equal(new[] { WorldKey.FromInterface(apiId) }, w.Exports.Keys.ToArray());
    }

    [Fact]
    public void Include_with_rename_copies_world_items()
    {
        var r = Load("""
            package a:b;
            world base { import f: func(); resource r { constructor(); } export g: func(); }
            world top { include base with { f as f2, r as r2 } }
            """);
        var top = r.Worlds.Single(w => w.Name == "top");
        Assert.Equal(new[] { "r2", "f2", "[constructor]r2" }, top.Imports.Keys.Select(k => k.Name).ToArray());
        Assert.Equal("f2", top.Imports.Get(WorldKey.FromName("f2")).Function!.Name);
        var r2 = top.Imports.Get(WorldKey.FromName("r2")).Id;
        Assert.Equal(TypeOwner.World(r.Worlds.ToList().IndexOf(top)), r.Types[r2].Owner);
        Assert.Equal(r2, top.Imports.Get(WorldKey.FromName("[constructor]r2")).Function!.ResourceTypeId);
        Assert.Equal(new[] { "g" }, top.Exports.Keys.Select(k => k.Name).ToArray());
    }

    [Fact]
    public void Unstable_items_follow_the_feature_set()
    {
        const string src = "package a:b; interface i { @unstable(feature = fancy) f: func(); g: func(); }";
        Assert.Equal(new[] { "g" }, Iface(Load(src), "i").Functions.Keys.ToArray());
        var on = Iface(Load(src, "fancy"), "i").Functions;
        Assert.Equal(new[] { "f", "g" }, on.Keys.ToArray());
        Assert.Equal("fancy", on.Get("f").Stability.Feature);
    }

    [Fact]
    public void Since_gate_newer_than_package_is_rejected()
    {
        var e = Assert.Throws<WitException>(() => Load("package a:b@1.0.0;\ninterface i {\n  @since(version = 2.0.0)\n  f: func();\n}"));
        Assert.Equal((4, 3), (e.Line, e.Column));
        Assert.StartsWith("feature gate cannot reference unreleased version 2.0.0", e.Reason);
    }

    [Fact]
    public void Dependencies_resolve_by_versioned_name_in_any_order()
    {
        var r = new Resolve();
        var main = r.PushSources(
            new[] { new WitSource("main.wit", "package app:main; world w { import dep:x/api@2.0.0; use dep:x/api@1.0.0.{t}; }") },
            new IReadOnlyList<WitSource>[]
            {
                new[] { new WitSource("x2.wit", "package dep:x@2.0.0; interface api { type t = u64; }") },
                new[] { new WitSource("x1.wit", "package dep:x@1.0.0; interface api { type t = u32; }") },
            });
        Assert.Equal(new[] { "dep:x@1.0.0", "dep:x@2.0.0", "app:main" }, r.Packages.Select(p => p.Name.ToString()).ToArray());
        Assert.Equal(2, main);
        var w = r.Worlds.Single();
        var t = r.Types[w.Imports.Get(WorldKey.FromName("t")).Id];
        var target = r.Types[((AliasKind)t.Kind).Target.TypeId];
        Assert.Equal(WitType.U32, ((AliasKind)target.Kind).Target);
    }

    [Fact]
    public void Nested_packages_are_separate_packages()
    {
        var r = Load("package a:root; package a:inner { interface i { type t = u8; } } interface j { use a:inner/i.{t}; }");
        Assert.Equal(new[] { "a:inner", "a:root" }, r.Packages.Select(p => p.Name.ToString()).ToArray());
    }

    [Theory]
    [InlineData("package a:b;\ninterface i {\n  type a = b;\n  type b = a;\n}", 3, 12, "type `b` depends on itself")]
    [InlineData("package a:b;\ninterface i {\n  f: func(x: nope);\n}", 3, 14, "name `nope` does not exist")]
    [InlineData("package a:b;\ninterface i {}\ninterface i {}", 3, 11, "duplicate item named `i`")]
    [InlineData("package a:b;\nworld w {\n  import x: func();\n  import x: func();\n}", 4, 10, "import `x` conflicts with prior func of same name")]
    [InlineData("package a:b;\ninterface i { use j.{t}; }\ninterface j { use i.{u}; }", 3, 11, "interface or world `j` depends on itself")]
    public void Errors_point_at_the_offending_name(string src, int line, int col, string reason)
    {
        var e = Assert.Throws<WitException>(() => Load(src));
        Assert.Equal(reason, e.Reason);
        Assert.Equal("test.wit", e.File);
        Assert.Equal((line, col), (e.Line, e.Column));
    }

    [Fact]
    public void Failed_push_leaves_the_resolve_unchanged()
    {
        var r = Load("package a:ok; interface i { type t = u8; }");
        var before = (r.Packages.Count, r.Interfaces.Count, r.Types.Count, r.Worlds.Count);
        Assert.Throws<WitException>(() => r.PushSource("bad.wit", "package a:bad; interface j { type u = string; } world w { import nope; }"));
        Assert.Equal(before, (r.Packages.Count, r.Interfaces.Count, r.Types.Count, r.Worlds.Count));
        Assert.Equal(-1, r.FindPackage(new PackageName("a", "bad", null)));
        r.PushSource("good.wit", "package a:bad; world w {}");
    }

    [Fact]
    public void Select_world_by_name_or_qualified_id()
    {
        var r = new Resolve();
        var one = r.PushSource("one.wit", "package x:one@1.0.0; world only {}");
        var two = r.PushSource("two.wit", "package x:two; world a {} world b {}");
        Assert.Equal(r.Packages[one].Worlds.Get("only"), r.SelectWorld(one, null));
        Assert.Equal(r.Packages[two].Worlds.Get("b"), r.SelectWorld(two, "b"));
        Assert.Equal(r.Packages[one].Worlds.Get("only"), r.SelectWorld(two, "x:one/only"));
        Assert.Equal(r.Packages[one].Worlds.Get("only"), r.SelectWorld(two, "x:one/only@1.0.0"));
        Assert.Throws<WitException>(() => r.SelectWorld(two, null));
        Assert.Throws<WitException>(() => r.SelectWorld(two, "c"));
        Assert.Throws<WitException>(() => r.SelectWorld(two, "x:three/a"));
    }
}
