using WitSharp.Wit.Binary;
using WitSharp.Wit.Decoding;
using WitSharp.Wit.Tests.Binary;

namespace WitSharp.Wit.Tests.Decoding;

/// <summary>witpkg/package.wasm encodes witpkg/package.wit in the binary WIT package format (hand-written in
/// package.wat after wit-component's encoding). Decoded and printed, it must equal the source resolved by our
/// resolver and printed (exact text, docs off: the binary carries none).</summary>
public sealed class WitPackageTests
{
    [Fact]
    public void Decoded_package_prints_as_its_source()
    {
        var source = new Resolve();
        var pkg = source.PushPath(Fixtures.PathOf("witpkg/package.wit"));
        var decoded = ComponentWit.DecodePackage(Fixtures.Read("witpkg/package.wasm"));
        Assert.Equal(
            new WitPrinter(source) { EmitDocs = false }.PrintPackage(pkg),
            new WitPrinter(decoded.Resolve) { EmitDocs = false }.PrintPackage(decoded.Package));
    }

    [Fact]
    public void Interfaces_use_their_siblings_and_the_world_imports_both()
    {
        var d = ComponentWit.DecodePackage(Fixtures.Read("witpkg/package.wasm"));
        var r = d.Resolve;
        var pkg = Assert.Single(r.Packages);
        Assert.Equal("test:pkg@1.0.0", pkg.Name.ToString());
        Assert.Equal(["types", "api"], pkg.Interfaces.Keys);
        var types = r.Interfaces[pkg.Interfaces.Get("types")];
        var api = r.Interfaces[pkg.Interfaces.Get("api")];
        Assert.Equal(types.Types.Get("canvas"), r.Dealias(api.Types.Get("canvas")));
        var centre = api.Functions.Get("centre");
        var borrow = Assert.IsType<HandleKind>(r.Types[centre.Params[0].Type.TypeId].Kind);
        Assert.Equal(types.Types.Get("canvas"), r.Dealias(borrow.ResourceTypeId));

        var app = r.Worlds[pkg.Worlds.Get("app")];
        Assert.Equal([WorldKey.FromInterface(pkg.Interfaces.Get("types")), WorldKey.FromInterface(pkg.Interfaces.Get("api"))], app.Imports.Keys);
    }

    [Fact]
    public void Package_decoded_into_a_resolve_uses_the_dependency_already_there()
    {
        var r = new Resolve();
        var dep = r.PushPath(Fixtures.PathOf("witpkg/package.wit"));
        var typesBefore = r.Types.Count;
        var user = ComponentWit.DecodePackage(Fixtures.Read("witpkg/user.wasm"), r);

        Assert.Same(r, user.Resolve);
        Assert.Equal(["test:pkg@1.0.0", "test:user@0.1.0"], r.Packages.Select(p => p.Name.ToString()));
        var types = r.Interfaces[r.Packages[dep].Interfaces.Get("types")];
        var shapes = r.Interfaces[r.Packages[user.Package].Interfaces.Get("shapes")];
        Assert.Equal(types.Types.Get("point"), r.Dealias(shapes.Types.Get("point")));
        // Nothing was added to the dependency: the point alias, the list and nothing else are new.
        Assert.Equal(["point"], types.Types.Keys.Where(k => k == "point"));
        Assert.Equal(typesBefore + 2, r.Types.Count);
        Assert.Equal(2, r.Interfaces.Count(i => i.Package == dep));
    }

    [Fact]
    public void Package_from_the_wit_parser_corpus()
    {
        // kinds-of-deps/deps/e.wasm: a package whose one interface is empty.
        var path = Path.Combine(WitSharp.Tests.RepoPaths.CorpusDir("wit-parser-ui"), "kinds-of-deps", "deps", "e.wasm");
        var d = ComponentWit.DecodePackage(File.ReadAllBytes(path));
        var pkg = Assert.Single(d.Resolve.Packages);
        Assert.Equal("e:e", pkg.Name.ToString());
        Assert.Equal(["e"], pkg.Interfaces.Keys);
        Assert.Empty(d.Resolve.Interfaces[pkg.Interfaces.Get("e")].Functions);
    }

    [Fact]
    public void Redefining_an_interface_of_a_package_already_there_is_an_error()
    {
        var r = new Resolve();
        r.PushPath(Fixtures.PathOf("witpkg/package.wit"));
        var e = Assert.Throws<WitBinaryException>(() => ComponentWit.DecodePackage(Fixtures.Read("witpkg/package.wasm"), r));
        Assert.Contains("already defines", e.Message);
    }

    [Fact]
    public void A_component_is_not_a_package()
    {
        var e = Assert.Throws<WitBinaryException>(() => ComponentWit.DecodePackage(Fixtures.Read("embed/embed.component.wasm")));
        Assert.Contains("imports nothing", e.Message);
    }
}
