using WitSharp.Core;
using WitSharp.Core.Binary;

namespace WitSharp.Runtime.Tests.Binary;

public sealed class ModuleDecoderTests
{
    private const byte I32 = 0x7F, I64 = 0x7E;

    private static string Malformed(byte[] bytes) =>
        Assert.Throws<MalformedException>(() => ModuleDecoder.Decode(bytes)).Reason;

    [Fact]
    public void DecodesEmptyModule()
    {
        var m = ModuleDecoder.Decode(new WasmBuilder().ToArray());
        Assert.Empty(m.Types);
        Assert.Empty(m.Bodies);
    }

    [Fact]
    public void DecodesTypesFunctionsAndCode()
    {
        var bytes = new WasmBuilder()
            .Types(([I32, I32], [I64]), ([], []))
            .Functions(1, 0)
            .Code([0x00, 0x0B], [0x01, 0x02, I32, 0x20, 0x00, 0x0B])
            .ToArray();
        var m = ModuleDecoder.Decode(bytes);
        Assert.Equal(2, m.Types.Count);
        Assert.Equal(new FuncType([ValType.I32, ValType.I32], [ValType.I64]), m.Types[0]);
        Assert.Equal([1u, 0u], m.FunctionTypeIndices);
        Assert.Equal(2, m.Bodies.Count);
        Assert.Equal(2ul, m.Bodies[1].LocalCount);
        Assert.Equal(new byte[] { 0x20, 0x00, 0x0B }, m.Bodies[1].Code.ToArray());
        // The body's code offset points at its first instruction in the whole module.
        Assert.Equal(0x20, bytes[m.Bodies[1].CodeOffset]);
    }

    [Fact]
    public void DecodesImportsAndCountsIndexSpaces()
    {
        var content = new List<byte> { 0x04 };
        content.AddRange([.. WasmBuilder.Name("m"), .. WasmBuilder.Name("f"), 0x00, 0x00]);
        content.AddRange([.. WasmBuilder.Name("m"), .. WasmBuilder.Name("t"), 0x01, 0x70, 0x01, 0x01, 0x02]);
        content.AddRange([.. WasmBuilder.Name("m"), .. WasmBuilder.Name("mem"), 0x02, 0x00, 0x01]);
        content.AddRange([.. WasmBuilder.Name("m"), .. WasmBuilder.Name("g"), 0x03, I32, 0x01]);
        var m = ModuleDecoder.Decode(new WasmBuilder().Types(([], [])).Section(2, [.. content]).ToArray());
        Assert.Equal(4, m.Imports.Count);
        Assert.Equal((1, 1, 1, 1), (m.ImportedFunctionCount, m.ImportedTableCount, m.ImportedMemoryCount, m.ImportedGlobalCount));
        Assert.Equal(new TableType(ValType.FuncRef, new Limits(1, 2)), m.Imports[1].Table);
        Assert.Equal(new GlobalType(ValType.I32, true), m.Imports[3].Global);
    }

    [Fact]
    public void DecodesGlobalsExportsStartElementsAndData()
    {
        var bytes = new WasmBuilder()
            .Types(([], []))
            .Functions(0)
            .Section(4, 0x01, 0x70, 0x00, 0x01)
            .Section(5, 0x01, 0x00, 0x01)
            .Section(6, 0x01, I32, 0x00, 0x41, 0x2A, 0x0B)
            .Section(7, [0x01, .. WasmBuilder.Name("run"), 0x00, 0x00])
            .Section(8, 0x00)
            .Section(9, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x00)
            .Section(12, 0x01)
            .Code([0x00, 0x0B])
            .Section(11, 0x01, 0x00, 0x41, 0x08, 0x0B, 0x02, 0xAA, 0xBB)
            .ToArray();
        var m = ModuleDecoder.Decode(bytes);
        Assert.Equal(new byte[] { 0x41, 0x2A, 0x0B }, m.Globals[0].Init.Code.ToArray());
        Assert.Equal(new Export("run", ExternKind.Func, 0), m.Exports[0]);
        Assert.Equal(0u, m.Start);
        Assert.Equal([0u], m.Elements[0].FunctionIndices!);
        Assert.Equal(SegmentMode.Active, m.Elements[0].Mode);
        Assert.Equal(1u, m.DataCount);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, m.Data[0].Bytes.ToArray());
        Assert.Equal(new byte[] { 0x41, 0x08, 0x0B }, m.Data[0].Offset!.Code.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x70, 0x01, 0xD2, 0x00, 0x0B }, 1)]
    [InlineData(new byte[] { 0x03, 0x00, 0x01, 0x00 }, 2)]
    [InlineData(new byte[] { 0x06, 0x00, 0x41, 0x00, 0x0B, 0x70, 0x01, 0xD0, 0x70, 0x0B }, 0)]
    public void DecodesElementSegmentForms(byte[] segment, int mode)
    {
        var m = ModuleDecoder.Decode(new WasmBuilder().Section(9, [0x01, .. segment]).ToArray());
        Assert.Equal((SegmentMode)mode, m.Elements[0].Mode);
        Assert.Equal(1, m.Elements[0].Count);
    }

    [Fact]
    public void ReadsFunctionNamesAndIgnoresMalformedNameSection()
    {
        byte[] names = [0x01, .. WasmBuilder.Vec([0x01, 0x00, .. WasmBuilder.Name("main")])];
        var m = ModuleDecoder.Decode(new WasmBuilder().Section(0, [.. WasmBuilder.Name("name"), .. names]).ToArray());
        Assert.Equal("main", m.FunctionNames[0]);

        byte[] broken = [0x01, 0x05, 0x01, 0x00, 0x09, 0x61];
        var m2 = ModuleDecoder.Decode(new WasmBuilder().Section(0, [.. WasmBuilder.Name("name"), .. broken]).ToArray());
        Assert.Empty(m2.FunctionNames);
        Assert.Single(m2.CustomSections);
    }

    [Theory]
    [InlineData(new byte[] { }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73 }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00 }, "magic header not detected")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00 }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00 }, "unknown binary version")]
    public void RejectsBadPreamble(byte[] bytes, string reason) => Assert.Equal(reason, Malformed(bytes));

    [Theory]
    [InlineData(new byte[] { 0x0E, 0x01, 0x00 }, "malformed section id")]
    [InlineData(new byte[] { 0x01, 0x05, 0x00 }, "length out of bounds")]
    [InlineData(new byte[] { 0x01, 0x02, 0x00, 0x00 }, "section size mismatch")]
    [InlineData(new byte[] { 0x08, 0x01, 0x00, 0x08, 0x01, 0x00 }, "unexpected content after last section")]
    [InlineData(new byte[] { 0x03, 0x01, 0x00, 0x01, 0x01, 0x00 }, "unexpected content after last section")]
    [InlineData(new byte[] { 0x01, 0x01, 0x05 }, "unexpected end of section or function")]
    [InlineData(new byte[] { 0x01, 0x06, 0x01, 0x60, 0x01, 0x40, 0x00, 0x00 }, "malformed value type")]
    [InlineData(new byte[] { 0x01, 0x06, 0x01, 0x60, 0x80, 0x80, 0x80, 0x80 }, "unexpected end")]
    [InlineData(new byte[] { 0x06, 0x05, 0x01, 0x7F, 0x02, 0x41, 0x0B }, "malformed mutability")]
    [InlineData(new byte[] { 0x02, 0x05, 0x01, 0x00, 0x00, 0x04, 0x00 }, "malformed import kind")]
    [InlineData(new byte[] { 0x07, 0x04, 0x01, 0x00, 0x05, 0x00 }, "malformed export kind")]
    [InlineData(new byte[] { 0x04, 0x04, 0x01, 0x7F, 0x00, 0x00 }, "malformed reference type")]
    [InlineData(new byte[] { 0x05, 0x03, 0x01, 0x08, 0x00 }, "integer too large")]
    [InlineData(new byte[] { 0x05, 0x07, 0x01, 0x00, 0x80, 0x80, 0x80, 0x80, 0x10 }, "integer too large")]
    [InlineData(new byte[] { 0x05, 0x07, 0x01, 0x00, 0x80, 0x80, 0x80, 0x80, 0x80 }, "integer representation too long")]
    [InlineData(new byte[] { 0x09, 0x02, 0x01, 0x08 }, "malformed elements segment kind")]
    [InlineData(new byte[] { 0x09, 0x04, 0x01, 0x01, 0x01, 0x00 }, "malformed element kind")]
    [InlineData(new byte[] { 0x0B, 0x02, 0x01, 0x03 }, "malformed data segment kind")]
    [InlineData(new byte[] { 0x0B, 0x04, 0x01, 0x01, 0x07, 0x61 }, "unexpected end of section or function")]
    [InlineData(new byte[] { 0x00, 0x03, 0x02, 0xC0, 0x80 }, "malformed UTF-8 encoding")]
    [InlineData(new byte[] { 0x03, 0x02, 0x01, 0x00 }, "function and code section have inconsistent lengths")]
    [InlineData(new byte[] { 0x0A, 0x03, 0x01, 0x01, 0x00 }, "unexpected end of section or function")]
    [InlineData(new byte[] { 0x0C, 0x01, 0x01 }, "data count and data section have inconsistent lengths")]
    [InlineData(new byte[] { 0x06, 0x04, 0x01, 0x7F, 0x00, 0x41 }, "unexpected end")]
    [InlineData(new byte[] { 0x06, 0x05, 0x01, 0x7F, 0x00, 0xFF, 0x0B }, "illegal opcode")]
    public void RejectsMalformedSections(byte[] sections, string reason) =>
        Assert.Equal(reason, Malformed([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, .. sections]));

    [Fact]
    public void RejectsTooManyLocals()
    {
        var bytes = new WasmBuilder().Types(([], [])).Functions(0)
            .Code([0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, I32, 0x02, I64, 0x0B]).ToArray();
        Assert.Equal("too many locals", Malformed(bytes));
    }

    [Fact]
    public void BodyCutShortBeforeAnotherBodyNeedsEnd()
    {
        var bytes = new WasmBuilder().Types(([], [])).Functions(0, 0)
            .Code([0x00, 0x01], [0x00, 0x0B]).ToArray();
        Assert.Equal("END opcode expected", Malformed(bytes));
    }

    [Fact]
    public void HostileCountsDoNotAllocate()
    {
        // Counts of 2^32-1 for every vector-bearing section must fail fast on the remaining-bytes check.
        foreach (byte id in new byte[] { 1, 2, 3, 4, 5, 6, 7, 9, 10, 11 })
        {
            var bytes = new WasmBuilder().Section(id, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F).ToArray();
            Assert.Equal("unexpected end of section or function", Malformed(bytes));
        }
    }

    [Fact]
    public void ErrorsCarryByteOffsets()
    {
        var e = Assert.Throws<MalformedException>(() =>
            ModuleDecoder.Decode(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x0E, 0x01, 0x00 }));
        Assert.Equal(8, e.Offset);
    }
}
