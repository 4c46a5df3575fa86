using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Tests.Binary;

/// <summary>Decodes tests/fixtures/wat/types.wasm (built by <c>jco parse</c> from types.wat) and checks
/// every section kind it contains came out as the text says.</summary>
public sealed class WatFixtureDecodeTests
{
    private static readonly Component s_component = Component.Decode(Fixtures.Read("wat/types.wasm"));

    [Fact]
    public void Imports_and_exports_keep_interface_names_and_versions()
    {
        var import = Assert.Single(s_component.Imports);
        Assert.Equal("test:types/host@1.2.0", import.Name.Name);
        Assert.True(import.Name.IsInterfaceName);
        Assert.Equal("1.2.0", import.Name.Version);
        Assert.Equal("test:types/host", import.Name.NameWithoutVersion);
        Assert.Equal(ExternKind.Instance, import.Type.Kind);

        var exports = s_component.Exports.ToList();
        Assert.Equal(["add", "test:types/api@1.0.0"], exports.Select(e => e.Name.Name));
        Assert.Equal(ComponentSort.Func, exports[0].Item.Sort);
        Assert.Equal(ComponentSort.Instance, exports[1].Item.Sort);
        Assert.False(exports[0].Name.IsInterfaceName);
    }

    [Fact]
    public void Defined_value_types_decode_with_labels()
    {
        var types = s_component.Definitions.OfType<TypeDefinition>().Select(t => t.Type).ToList();
        var record = types.OfType<RecordType>().First();
        Assert.Equal(["x", "y"], record.Fields.Select(f => f.Label));
        Assert.Equal(ComponentValType.Of(PrimitiveValType.S32), record.Fields[0].Type);

        var variant = types.OfType<VariantType>().Single();
        Assert.Equal(["circle", "square", "none"], variant.Cases.Select(c => c.Label));
        Assert.Equal(ComponentValType.Of(PrimitiveValType.F64), variant.Cases[0].Type);
        Assert.Null(variant.Cases[2].Type);

        Assert.Equal(["read", "write", "exec"], types.OfType<FlagsType>().Single().Names);
        Assert.Equal(["red", "green", "blue"], types.OfType<EnumType>().Single().Names);
        Assert.Equal(ComponentValType.Of(PrimitiveValType.String), types.OfType<OptionType>().Single().Type);
        var result = types.OfType<ResultType>().Single();
        Assert.Equal(ComponentValType.Of(PrimitiveValType.U32), result.Ok);
        Assert.Equal(ComponentValType.Of(PrimitiveValType.String), result.Error);
        Assert.Equal(2, types.OfType<TupleType>().Single().Types.Count);
        var list = types.OfType<ListType>().Single();
        Assert.Equal(ComponentValType.Of(PrimitiveValType.U8), list.Element);
        Assert.Null(list.FixedLength);

        var resource = types.OfType<ResourceTypeDef>().Single();
        Assert.Equal(CoreValType.I32, resource.Representation);
        Assert.NotNull(resource.Destructor);

        var func = types.OfType<FuncType>().Single(f => f.Parameters.Count == 2);
        Assert.Equal(["a", "b"], func.Parameters.Select(p => p.Label));
        Assert.Equal(ComponentValType.Of(PrimitiveValType.U32), func.Result);
    }

    [Fact]
    public void Instance_type_declarators_include_resources_and_handles()
    {
        var instance = s_component.Definitions.OfType<TypeDefinition>().Select(t => t.Type).OfType<InstanceTypeDef>().Single();
        var exports = instance.Declarations.Where(d => d.Kind == TypeDeclarationKind.Export).ToList();
        Assert.Equal(
            ["point", "log", "move", "counter", "[constructor]counter", "[method]counter.get"],
            exports.Select(e => e.Name!.Name));
        var counter = exports.Single(e => e.Name!.Name == "counter");
        Assert.Equal(ExternKind.Type, counter.ExternType!.Kind);
        Assert.Equal(ExternBound.SubResource, counter.ExternType.Bound);
        var point = exports.Single(e => e.Name!.Name == "point");
        Assert.Equal(ExternBound.Eq, point.ExternType!.Bound);
        var types = instance.Declarations.Where(d => d.Kind == TypeDeclarationKind.Type).Select(d => d.Type).ToList();
        Assert.Contains(types, t => t is OwnType);
        Assert.Contains(types, t => t is BorrowType);
        Assert.Contains(types, t => t is FuncType);
    }

    [Fact]
    public void Core_modules_stay_byte_ranges_of_the_source()
    {
        var modules = s_component.CoreModules.ToList();
        Assert.Equal(2, modules.Count);
        foreach (var m in modules)
        {
            Assert.Same(s_component.Source, m.Bytes.Array);
            Assert.Equal(m.Offset, m.Bytes.Offset);
            Assert.Equal([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00], m.Bytes.Take(8));
        }
    }

    [Fact]
    public void Canonical_definitions_carry_options()
    {
        var canons = s_component.Canons.ToList();
        Assert.Equal(
            [CanonKind.Lower, CanonKind.ResourceNew, CanonKind.ResourceDrop, CanonKind.ResourceRep, CanonKind.Lift],
            canons.Select(c => c.Kind));
        var lower = canons[0];
        Assert.NotNull(lower.Options.Memory);
        Assert.Equal(StringEncoding.Utf8, lower.Options.StringEncoding);
        var lift = canons[^1];
        Assert.NotNull(lift.Options.Memory);
        Assert.NotNull(lift.Options.Realloc);
        Assert.Null(lift.Options.PostReturn);
        Assert.IsType<FuncType>(TypeAt(lift.TypeIndex));
    }

    [Fact]
    public void Instances_aliases_and_nested_components_decode()
    {
        var coreInstances = s_component.Definitions.OfType<CoreInstanceDefinition>().ToList();
        Assert.Equal(3, coreInstances.Count);
        Assert.Equal(1u, coreInstances[0].ModuleIndex);
        var bag = coreInstances[1];
        Assert.Null(bag.ModuleIndex);
        Assert.Equal("log", Assert.Single(bag.Exports).Name);
        Assert.Equal(ComponentSort.CoreFunc, bag.Exports[0].Item.Sort);
        Assert.Equal("host", Assert.Single(coreInstances[2].Arguments).Name);

        var aliases = s_component.Definitions.OfType<AliasDefinition>().Select(a => a.Alias).ToList();
        Assert.Contains(aliases, a => a.Kind == Wit.Binary.AliasKind.InstanceExport && a.Name == "log" && a.Sort == ComponentSort.Func);
        Assert.Contains(aliases, a => a.Kind == Wit.Binary.AliasKind.CoreInstanceExport && a.Name == "memory" && a.Sort == ComponentSort.CoreMemory);
        Assert.Contains(aliases, a => a.Kind == Wit.Binary.AliasKind.CoreInstanceExport && a.Name == "add" && a.Sort == ComponentSort.CoreFunc);

        var nested = s_component.Definitions.OfType<NestedComponentDefinition>().Single().Component;
        Assert.Equal("f", Assert.Single(nested.Imports).Name.Name);
        Assert.Equal("g", Assert.Single(nested.Exports).Name.Name);
        Assert.True(nested.Offset > 0);
        var instance = s_component.Definitions.OfType<InstanceDefinition>().Single();
        Assert.Equal(0u, instance.ComponentIndex);
        Assert.Equal("f", Assert.Single(instance.Arguments).Name);
    }

    [Fact]
    public void Sections_cover_the_whole_binary()
    {
        var last = s_component.Sections[^1];
        Assert.Equal(s_component.Source.Length, last.PayloadOffset + last.PayloadSize);
        Assert.Equal(s_component.Source.Length, s_component.Length);
    }

    private static DefType TypeAt(uint index)
    {
        // Only type definitions, imports of types and type aliases add to this fixture's type space.
        var space = new List<DefType?>();
        foreach (var d in s_component.Definitions)
        {
            if (d is TypeDefinition t) space.Add(t.Type);
            else if (d is AliasDefinition { Alias.Sort: ComponentSort.Type }) space.Add(null);
        }

        return space[(int)index]!;
    }
}
