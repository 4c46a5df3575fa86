using WitSharp.Wit.Binary;
using static WitSharp.Wit.Tests.Binary.ComponentBytes;

namespace WitSharp.Wit.Tests.Binary;

/// <summary>Decoder behaviour on hand-assembled bytes: forms the toolchain fixtures do not produce.</summary>
public sealed class HandBuiltDecodeTests
{
    [Fact]
    public void Empty_component_has_no_definitions()
    {
        var c = Component.Decode(Comp());
        Assert.Empty(c.Definitions);
        Assert.Empty(c.Sections);
        Assert.Equal(8, c.Length);
    }

    [Fact]
    public void Custom_section_keeps_name_and_payload_range()
    {
        var bytes = Comp(Section(0, Name("component-type:w"), B(1, 2, 3)));
        var custom = Assert.Single(Component.Decode(bytes).CustomSections);
        Assert.Equal("component-type:w", custom.Name);
        Assert.Equal(new byte[] { 1, 2, 3 }, custom.Data.ToArray());
        Assert.Equal(8 + 2 + 17, custom.Data.Offset);
    }

    [Fact]
    public void Fixed_length_list_map_stream_future_and_async_func_decode()
    {
        var bytes = Comp(VecSection(7,
            B(0x67, 0x7D, 0x04),                 // (list u8 4)
            B(0x63, 0x73, 0x79),                 // (map string u32)
            B(0x66, 0x01, 0x00),                 // (stream 0)
            B(0x65, 0x00),                       // (future)
            Cat(B(0x43), Vec(Cat(Name("x"), B(0x78))), B(0x01, 0x00)), // (func async (param "x" s64))
            B(0x64)));                           // error-context
        var types = Component.Decode(bytes).Definitions.OfType<TypeDefinition>().Select(t => t.Type).ToList();
        var fixedList = Assert.IsType<ListType>(types[0]);
        Assert.Equal(4u, fixedList.FixedLength);
        var map = Assert.IsType<MapType>(types[1]);
        Assert.Equal(ComponentValType.Of(PrimitiveValType.String), map.Key);
        Assert.Equal(ComponentValType.Index(0), Assert.IsType<StreamType>(types[2]).Element);
        Assert.Null(Assert.IsType<FutureType>(types[3]).Element);
        var func = Assert.IsType<FuncType>(types[4]);
        Assert.True(func.IsAsync);
        Assert.Null(func.Result);
        Assert.Equal(PrimitiveValType.ErrorContext, Assert.IsType<PrimitiveType>(types[5]).Primitive);
    }

    [Fact]
    public void Type_index_above_63_uses_multi_byte_leb()
    {
        var bytes = Comp(VecSection(7, B(0x70, 0xC8, 0x01)));   // (list 200)
        var list = Assert.IsType<ListType>(Component.Decode(bytes).Definitions.OfType<TypeDefinition>().Single().Type);
        Assert.Equal(ComponentValType.Index(200), list.Element);
    }

    [Fact]
    public void Name_attributes_are_decoded()
    {
        var import = Cat(B(0x02), Name("store"), Vec(Cat(B(0x00), Name("wasi:keyvalue/store@0.2.0")), Cat(B(0x01), Name("-rc1"))), B(0x05, 0x00));
        var decoded = Assert.Single(Component.Decode(Comp(VecSection(10, import))).Imports);
        Assert.Equal("store", decoded.Name.Name);
        Assert.Equal("wasi:keyvalue/store@0.2.0", decoded.Name.Implements);
        Assert.Equal("-rc1", decoded.Name.VersionSuffix);
        Assert.Equal(ExternKind.Instance, decoded.Type.Kind);
    }

    [Fact]
    public void Async_era_canon_ops_decode_as_data()
    {
        var bytes = Comp(VecSection(8,
            Cat(B(0x09, 0x00, 0x79), Vec(B(0x03, 0x00))),      // task.return (result u32) (memory 0)
            B(0x0E, 0x05),                                      // stream.new 5
            Cat(B(0x0F, 0x05), Vec(B(0x06), B(0x07, 0x02))),   // stream.read 5 async (callback 2)
            B(0x0A, 0x7F, 0x00),                                // context.get i32 0
            B(0x20, 0x01, 0x00),                                // waitable-set.wait cancellable (memory 0)
            B(0x24),                                            // backpressure.inc
            B(0x27, 0x03, 0x01),                                // thread.new-indirect 3 1
            B(0x06, 0x01)));                                    // subtask.cancel async
        var canons = Component.Decode(bytes).Canons.ToList();
        Assert.Equal(
            [CanonKind.TaskReturn, CanonKind.StreamNew, CanonKind.StreamRead, CanonKind.ContextGet,
             CanonKind.WaitableSetWait, CanonKind.BackpressureInc, CanonKind.ThreadNewIndirect, CanonKind.SubtaskCancel],
            canons.Select(c => c.Kind));
        Assert.True(canons[0].HasResult);
        Assert.Equal(ComponentValType.Of(PrimitiveValType.U32), canons[0].Result);
        Assert.Equal(0u, canons[0].Options.Memory);
        Assert.Equal(5u, canons[1].TypeIndex);
        Assert.True(canons[2].Options.IsAsync);
        Assert.Equal(2u, canons[2].Options.Callback);
        Assert.Equal(CoreValType.I32, canons[3].CoreType);
        Assert.True(canons[4].Flag);
        Assert.Equal(3u, canons[6].TypeIndex);
        Assert.Equal(1u, canons[6].TableIndex);
        Assert.True(canons[7].Flag);
    }

    [Fact]
    public void Outer_alias_and_core_module_type_decode()
    {
        var moduleType = Cat(B(0x50), Vec(
            Cat(B(0x01, 0x60), Vec(B(0x7F)), Vec()),                 // (type (func (param i32)))
            Cat(B(0x00), Name("env"), Name("f"), B(0x00, 0x00)),      // (import "env" "f" (func (type 0)))
            Cat(B(0x03), Name("mem"), B(0x02, 0x01, 0x01, 0x02)),     // (export "mem" (memory 1 2))
            B(0x02, 0x10, 0x01, 0x01, 0x00)));                        // (alias outer 1 0 (type))
        var bytes = Comp(
            VecSection(3, moduleType),
            VecSection(6, B(0x03, 0x02, 0x01, 0x07)));                // (alias outer 1 7 (type))
        var defs = Component.Decode(bytes).Definitions;
        var mt = Assert.IsType<CoreModuleType>(Assert.IsType<CoreTypeDefinition>(defs[0]).Type);
        Assert.Equal(
            [CoreModuleDeclarationKind.Type, CoreModuleDeclarationKind.Import, CoreModuleDeclarationKind.Export, CoreModuleDeclarationKind.OuterTypeAlias],
            mt.Declarations.Select(d => d.Kind));
        Assert.Equal(CoreExternKind.Memory, mt.Declarations[2].ExternType!.Kind);
        Assert.Equal(2ul, mt.Declarations[2].ExternType!.Maximum);
        var alias = Assert.IsType<AliasDefinition>(defs[1]).Alias;
        Assert.Equal(Wit.Binary.AliasKind.Outer, alias.Kind);
        Assert.Equal(1u, alias.InstanceOrCount);
        Assert.Equal(7u, alias.OuterIndex);
        Assert.Equal(ComponentSort.Type, alias.Sort);
    }

    [Fact]
    public void Start_and_value_sections_decode()
    {
        var bytes = Comp(
            VecSection(12, Cat(B(0x79), B(0x01, 0x2A))),   // (value u32 42)
            Section(9, B(0x00), Vec(B(0x00)), B(0x01)));   // (start 0 (value 0) (result))
        var defs = Component.Decode(bytes).Definitions;
        var value = Assert.IsType<ValueDefinition>(defs[0]);
        Assert.Equal(new byte[] { 0x2A }, value.Bytes.ToArray());
        var start = Assert.IsType<StartDefinition>(defs[1]);
        Assert.Equal([0u], start.Arguments);
        Assert.Equal(1u, start.ResultCount);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x61, 0x73 }, 0)]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6E, 0x0D, 0x00, 0x01, 0x00 }, 0)]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 }, 4)]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x0C, 0x00, 0x01, 0x00 }, 4)]
    public void Bad_preambles_report_offsets(byte[] bytes, int offset)
    {
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode(bytes));
        Assert.Equal(offset, e.Offset);
    }

    [Fact]
    public void Core_module_is_reported_as_not_a_component()
    {
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]));
        Assert.Contains("core module", e.Message);
    }

    [Fact]
    public void Hostile_vector_count_is_rejected_before_allocating()
    {
        var bytes = Comp(Section(7, B(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), B(0x72)));
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode(bytes));
        Assert.Equal(10, e.Offset);
        Assert.Contains("exceeds", e.Message);
    }

    [Fact]
    public void Hostile_section_and_name_sizes_are_rejected()
    {
        Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(B(0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F))));
        var e = Assert.Throws<WitBinaryException>(() =>
            Component.Decode(Comp(Section(0, B(0xFF, 0xFF, 0xFF, 0x7F)))));
        Assert.Equal(10, e.Offset);
    }

    [Fact]
    public void Invalid_opcodes_report_their_offset()
    {
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(VecSection(7, B(0x72, 0x00), B(0x30)))));
        Assert.Contains("record type with no fields", e.Message);
        Assert.Equal(11, e.Offset);
        e = Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(VecSection(7, B(0x30)))));
        Assert.Equal(11, e.Offset);
        Assert.Contains("0x30", e.Message);
        e = Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(Section(13))));
        Assert.Equal(8, e.Offset);
    }

    [Fact]
    public void Invalid_utf8_names_are_rejected()
    {
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(Section(0, B(0x02, 0xC3, 0x28)))));
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void Trailing_bytes_in_a_section_are_rejected()
    {
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(Section(7, Vec(B(0x79)), B(0x00)))));
        Assert.Contains("trailing", e.Message);
    }

    [Fact]
    public void Duplicate_canon_options_are_rejected()
    {
        var bytes = Comp(VecSection(8, Cat(B(0x01, 0x00, 0x00), Vec(B(0x00), B(0x01)))));
        Assert.Contains("string-encoding", Assert.Throws<WitBinaryException>(() => Component.Decode(bytes)).Message);
    }

    [Fact]
    public void Flags_above_32_are_rejected()
    {
        var names = Enumerable.Range(0, 33).Select(i => Name("f" + i)).ToArray();
        var bytes = Comp(VecSection(7, Cat(B(0x6E), Vec(names))));
        Assert.Contains("1 to 32", Assert.Throws<WitBinaryException>(() => Component.Decode(bytes)).Message);
    }

    [Fact]
    public void Deep_type_nesting_is_bounded()
    {
        // (instance (type (instance (type ... )))) nested far deeper than MaxNesting.
        byte[] inner = [0x42, 0x00];
        for (var i = 0; i < 300; i++) inner = Cat(B(0x42), Vec(Cat(B(0x01), inner)));
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(VecSection(7, inner))));
        Assert.Contains("nested", e.Message);
    }

    [Fact]
    public void Truncated_leb_reports_its_start()
    {
        var e = Assert.Throws<WitBinaryException>(() => Component.Decode(Comp(B(0x07, 0x80))));
        Assert.Equal(9, e.Offset);
    }
}
