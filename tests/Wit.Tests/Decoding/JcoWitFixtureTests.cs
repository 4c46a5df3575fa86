using WitSharp.Wit.Decoding;
using WitSharp.Wit.Tests.Binary;

namespace WitSharp.Wit.Tests.Decoding;

/// <summary>
/// Decodes the jco-built components under tests/fixtures and compares with what <c>jco wit</c> printed for
/// them (the recorded <c>*.jco-wit.txt</c> beside each binary, rebuilt by tests/fixtures/build.sh).
/// The comparison is exact text per item: our decoded world printed with <see cref="WitPrinter"/> is cut into
/// its top-level items (each import, export or type with its nested lines), and the imports/types and the
/// exports must each equal jco's, text and order. Only how the two groups interleave is left free: jco
/// prints all imports before all exports, while our printer may interleave them to preserve arena creation
/// order on a round trip.
/// </summary>
public sealed class JcoWitFixtureTests
{
    public static TheoryData<string> Components => new()
    {
        "embed/embed.component.wasm", "resources/resources.component.wasm", "wasi/wasi.component.wasm", "js/greeter.wasm",
    };

    [Theory]
    [MemberData(nameof(Components))]
    public void Decoded_world_prints_as_jco_wit(string component)
    {
        var expected = File.ReadAllText(Fixtures.PathOf(Path.ChangeExtension(component, null) + ".jco-wit.txt"));
        var decoded = ComponentWit.DecodeComponent(Fixtures.Read(component));
        var printed = new WitPrinter(decoded.Resolve).PrintPackage(decoded.Package);
        var (wantHeader, wantItems) = Items(expected);
        var (gotHeader, gotItems) = Items(printed);
        Assert.Equal(wantHeader, gotHeader);
        Assert.Equal(wantItems.Where(i => !IsExport(i)), gotItems.Where(i => !IsExport(i)));
        Assert.Equal(wantItems.Where(IsExport), gotItems.Where(IsExport));
    }

    [Fact]
    public void Wasi_packages_come_in_dependency_order_with_uses_across_packages()
    {
        var d = ComponentWit.DecodeComponent(Fixtures.Read("wasi/wasi.component.wasm"));
        var r = d.Resolve;
        Assert.Equal("root:component", r.Packages[^1].Name.ToString());
        // Every `use` (an alias to another interface's type) points into the same or an earlier package.
        var uses = 0;
        for (var p = 0; p < r.Packages.Count; p++)
        {
            foreach (var iface in r.Packages[p].Interfaces.Values)
            {
                foreach (var t in r.Interfaces[iface].Types.Values)
                {
                    if (r.Types[t].Kind is not AliasKind { Target.IsId: true } a) continue;
                    var owner = r.Types[a.Target.TypeId].Owner;
                    Assert.Equal(TypeOwnerKind.Interface, owner.Kind);
                    Assert.True(r.Interfaces[owner.Id].Package <= p, r.InterfaceQualifiedName(iface) + " uses a later package");
                    uses++;
                }
            }
        }
        Assert.True(uses >= 3, "expected cross-interface uses, found " + uses);

        // wasi:io/streams' output-stream methods take a borrow of the stream resource itself.
        var io = r.Packages.Single(p => p.Name.Namespace == "wasi" && p.Name.Name == "io");
        var streams = r.Interfaces[io.Interfaces.Get("streams")];
        var outputStream = streams.Types.Get("output-stream");
        Assert.IsType<ResourceKind>(r.Types[outputStream].Kind);
        var methods = streams.Functions.Values.Where(f => f.Kind == FunctionKindTag.Method && f.ResourceTypeId == outputStream).ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.Equal(outputStream, Assert.IsType<HandleKind>(r.Types[m.Params[0].Type.TypeId].Kind).ResourceTypeId));
    }

    private static bool IsExport(string item) => item.StartsWith("export ", StringComparison.Ordinal);

    /// <summary>Lines outside the world's body (package and world headers), and the world's top-level items:
    /// a line indented two spaces plus the deeper lines after it, blank lines dropped.</summary>
    private static (List<string> Header, List<string> Items) Items(string text)
    {
        var header = new List<string>();
        var items = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            if (line.StartsWith("    ", StringComparison.Ordinal) || (line.StartsWith("  }", StringComparison.Ordinal) && items.Count > 0))
                items[^1] += "\n" + line;
            else if (line.StartsWith("  ", StringComparison.Ordinal))
                items.Add(line.Trim());
            else
                header.Add(line);
        }
        return (header, items);
    }

    [Fact]
    public void Embed_component_names_foreign_interfaces_with_their_uses()
    {
        var d = ComponentWit.DecodeComponent(Fixtures.Read("embed/embed.component.wasm"));
        var r = d.Resolve;
        // Dependencies come first; the component's own package last.
        Assert.Equal(["test:abi@0.1.0", "root:component"], r.Packages.Select(p => p.Name.ToString()));
        Assert.Equal(1, d.Package);
        Assert.Equal("root", d.Definition.Name);

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
        var world = d.Definition;
        var person = world.Imports.Get(WorldKey.FromName("person"));
        Assert.Equal(WorldItemKind.Type, person.Kind);
        var def = d.Resolve.Types[person.Id];
        Assert.Equal(TypeOwner.World(d.World), def.Owner);
        Assert.Equal(["name", "age"], Assert.IsType<RecordKind>(def.Kind).Fields.Select(f => f.Name));
        var oldest = world.Exports.Get(WorldKey.FromName("oldest")).Function!;
        var list = Assert.IsType<ListKind>(d.Resolve.Types[oldest.Params[0].Type.TypeId].Kind);
        Assert.Equal(person.Id, list.Element.TypeId);
    }

    [Fact]
    public void Exported_resource_keeps_its_identity_through_the_shim_component()
    {
        // wit-component defines the resource in the outer component, passes it into a shim component as an
        // imported `(sub resource)` type and exports the shim's instance: the handles in the exported
        // functions must all name the one `blob` of the exported interface.
        var d = ComponentWit.DecodeComponent(Fixtures.Read("resources/resources.component.wasm"));
        var r = d.Resolve;
        var store = r.Interfaces[r.Packages[0].Interfaces.Get("store")];
        var blob = store.Types.Get("blob");
        Assert.IsType<ResourceKind>(r.Types[blob].Kind);
        Assert.Equal(["[constructor]blob", "[method]blob.size", "[static]blob.merge", "lookup", "pairs", "check"], store.Functions.Keys);

        var ctor = store.Functions.Get("[constructor]blob");
        Assert.Equal(FunctionKindTag.Constructor, ctor.Kind);
        Assert.Equal(blob, ctor.ResourceTypeId);
        Assert.Equal(blob, Assert.IsType<HandleKind>(r.Types[ctor.Result!.Value.TypeId].Kind).ResourceTypeId);

        var merge = store.Functions.Get("[static]blob.merge");
        Assert.Equal(FunctionKindTag.Static, merge.Kind);
        Assert.All(merge.Params, p =>
        {
            var h = Assert.IsType<HandleKind>(r.Types[p.Type.TypeId].Kind);
            Assert.True(h.IsBorrow);
            Assert.Equal(blob, h.ResourceTypeId);
        });

        // option<option<u8>>: two anonymous options, the inner one shared by identity.
        var lookup = store.Functions.Get("lookup").Result!.Value;
        var inner = Assert.IsType<OptionKind>(r.Types[lookup.TypeId].Kind).Type;
        Assert.Equal(WitType.U8, Assert.IsType<OptionKind>(r.Types[inner.TypeId].Kind).Type);

        var logger = d.Definition.Imports.Get(WorldKey.FromName("logger"));
        Assert.Equal(WorldItemKind.Interface, logger.Kind);
        Assert.Null(r.Interfaces[logger.Id].Name);
        Assert.Equal(d.Package, r.Interfaces[logger.Id].Package);
    }
}
