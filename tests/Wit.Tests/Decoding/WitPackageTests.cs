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
    public void A_component_is_not_a_package()
    {
        var e = Assert.Throws<WitBinaryException>(() => ComponentWit.DecodePackage(Fixtures.Read("embed/embed.component.wasm")));
        Assert.Contains("imports nothing", e.Message);
    }
}
