using WitSharp.Wit.Decoding;
using WitSharp.Wit.Tests.Binary;

namespace WitSharp.Wit.Tests.Decoding;

/// <summary>
/// Decodes the jco-built components under tests/fixtures and compares with what <c>jco wit</c> printed for
/// them (the recorded <c>*.jco-wit.txt</c> beside each binary, rebuilt by tests/fixtures/build.sh).
/// The comparison is exact text: our decoded world printed with <see cref="WitPrinter"/> must equal jco's
/// output byte for byte (line endings aside), so any difference in names, order, types or handles shows.
/// </summary>
public sealed class JcoWitFixtureTests
{
    public static TheoryData<string> Components => new() { "embed/embed.component.wasm", "js/greeter.wasm" };

    [Theory]
    [MemberData(nameof(Components))]
    public void Decoded_world_prints_as_jco_wit(string component)
    {
        var expected = File.ReadAllText(Fixtures.PathOf(Path.ChangeExtension(component, null) + ".jco-wit.txt"));
        var decoded = ComponentWit.DecodeComponent(Fixtures.Read(component));
        var printed = new WitPrinter(decoded.Resolve).PrintPackage(decoded.Package);
        Assert.Equal(Normalize(expected), Normalize(printed));
    }

    [Fact]
    public void Embed_component_names_foreign_interfaces_with_their_uses()
    {
        var d = ComponentWit.DecodeComponent(Fixtures.Read("embed/embed.component.wasm"));
        var r = d.Resolve;
        // Dependencies come first; the component's own package last.
        Assert.Equal(["test:abi@0.1.0", "root:component"], r.Packages.Select(p => p.Name.ToString()));
        Assert.Equal(1, d.Package);
        Assert.Equal("root", d.WorldItem.Name);

        var pkg = r.Packages[0];
        Assert.Equal(["types", "host", "calc"], pkg.Interfaces.Keys);
        var types = r.Interfaces[pkg.Interfaces.Get("types")];
        Assert.Equal(["point", "counter", "color", "perms", "shape"], types.Types.Keys);
        Assert.IsType<ResourceKind>(r.Types[types.Types.Get("counter")].Kind);
        // Only what the core module uses survives componentization: the constructor was never imported.
        Assert.Equal(["[method]counter.get"], types.Functions.Keys);
        var get = types.Functions.Get("[method]counter.get");
        Assert.Equal(FunctionKindTag.Method, get.Kind);
        Assert.Equal(types.Types.Get("counter"), get.ResourceTypeId);
        var self = r.Types[get.Params[0].Type.TypeId].Kind as HandleKind;
        Assert.True(self!.IsBorrow);

        var host = r.Interfaces[pkg.Interfaces.Get("host")];
        var point = r.Types[host.Types.Get("point")];
        Assert.Equal(types.Types.Get("point"), Assert.IsType<AliasKind>(point.Kind).Target.TypeId);
        var make = host.Functions.Get("make-counter");
        var own = Assert.IsType<HandleKind>(r.Types[make.Result!.Value.TypeId].Kind);
        Assert.False(own.IsBorrow);
        Assert.Equal(r.Dealias(host.Types.Get("counter")), r.Dealias(own.ResourceTypeId));

        var calc = r.Interfaces[pkg.Interfaces.Get("calc")];
        Assert.Equal(["color", "perms", "shape"], calc.Types.Keys);
        Assert.All(calc.Types.Values, t => Assert.Equal(TypeOwnerKind.Interface, r.Types[r.Dealias(t)].Owner.Kind));
        Assert.Equal(types.Types.Get("shape"), r.Dealias(calc.Types.Get("shape")));
        Assert.All(r.Interfaces, i => Assert.Equal(0, i.Package));
    }

    [Fact]
    public void Greeter_world_type_is_an_import_owned_by_the_world()
    {
        var d = ComponentWit.DecodeComponent(Fixtures.Read("js/greeter.wasm"));
        var world = d.WorldItem;
        var person = world.Imports.Get(WorldKey.FromName("person"));
        Assert.Equal(WorldItemKind.Type, person.Kind);
        var def = d.Resolve.Types[person.Id];
        Assert.Equal(TypeOwner.World(d.World), def.Owner);
        Assert.Equal(["name", "age"], Assert.IsType<RecordKind>(def.Kind).Fields.Select(f => f.Name));
        var oldest = world.Exports.Get(WorldKey.FromName("oldest")).Function!;
        var list = Assert.IsType<ListKind>(d.Resolve.Types[oldest.Params[0].Type.TypeId].Kind);
        Assert.Equal(person.Id, list.Element.TypeId);
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
}
