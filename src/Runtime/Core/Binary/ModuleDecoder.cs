namespace WitSharp.Core.Binary;

/// <summary>Decodes a core module binary (spec 5.5 "Modules") into a <see cref="ModuleInfo"/>.
/// Only the module structure is decoded here: code bodies stay byte slices and are decoded
/// instruction by instruction by the validator, which is the first pass that has to walk them anyway.
/// Every error is a <see cref="MalformedException"/> with the spec test suite's reason text.</summary>
internal static class ModuleDecoder
{
    private const uint Magic = 0x6D736100; // "\0asm" read little endian
    private const uint Version = 1;

    public static ModuleInfo Decode(ReadOnlyMemory<byte> bytes)
    {
        var module = new ModuleInfo { Bytes = bytes };
        var span = bytes.Span;
        // The preamble checks mirror the reference interpreter: a short file is "unexpected end"
        // before it can be anything else.
        if (span.Length < 4) throw new MalformedException("unexpected end", span.Length);
        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic)
            throw new MalformedException("magic header not detected", 0);
        if (span.Length < 8) throw new MalformedException("unexpected end", span.Length);
        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) != Version)
            throw new MalformedException("unknown binary version", 4);

        var reader = new WasmReader(bytes) { Position = 8 };
        int lastOrder = 0;
        bool sawFunctionSection = false, sawCodeSection = false, sawDataSection = false;
        while (!reader.AtEnd)
        {
            int idOffset = reader.Offset;
            byte id = reader.ReadByte();
            if (id > (byte)SectionId.DataCount) throw reader.ErrorAt("malformed section id", idOffset);
            uint size = reader.ReadVarU32();
            if (size > (uint)reader.Remaining) throw reader.Error("length out of bounds");
            int contentOffset = reader.Offset;
            var content = new WasmReader(reader.ReadBytes((int)size), contentOffset);

            var sectionId = (SectionId)id;
            if (sectionId != SectionId.Custom)
            {
                // Non-custom sections appear at most once, in the order of spec 5.5.2; anything else
                // is content the grammar cannot place.
                int order = Order(sectionId);
                if (order <= lastOrder) throw reader.ErrorAt("unexpected content after last section", idOffset);
                lastOrder = order;
            }

            switch (sectionId)
            {
                case SectionId.Custom: CustomSectionReader.Read(ref content, module); break;
                case SectionId.Type: TypeSectionReader.Read(ref content, module); break;
                case SectionId.Import: ImportSectionReader.Read(ref content, module); break;
                case SectionId.Function: FunctionSectionReader.Read(ref content, module); sawFunctionSection = true; break;
                case SectionId.Table: TableSectionReader.Read(ref content, module); break;
                case SectionId.Memory: MemorySectionReader.Read(ref content, module); break;
                case SectionId.Global: GlobalSectionReader.Read(ref content, module); break;
                case SectionId.Export: ExportSectionReader.Read(ref content, module); break;
                case SectionId.Start: module.Start = content.ReadVarU32(); break;
                case SectionId.Element: ElementSectionReader.Read(ref content, module); break;
                case SectionId.DataCount: module.DataCount = content.ReadVarU32(); break;
                case SectionId.Code: CodeSectionReader.Read(ref content, module); sawCodeSection = true; break;
                case SectionId.Data: DataSectionReader.Read(ref content, module); sawDataSection = true; break;
            }

            if (!content.AtEnd) throw content.Error("section size mismatch");
        }

        _ = sawFunctionSection;
        if (module.FunctionTypeIndices.Count != module.Bodies.Count)
            throw new MalformedException("function and code section have inconsistent lengths",
                sawCodeSection ? 8 : bytes.Length);
        if (module.DataCount is uint dataCount && dataCount != (uint)module.Data.Count)
            throw new MalformedException("data count and data section have inconsistent lengths", bytes.Length);
        _ = sawDataSection;
        return module;
    }

    /// <summary>Position of a non-custom section in the required order (spec 5.5.2): the data count
    /// section (id 12) sits between the element and code sections.</summary>
    private static int Order(SectionId id) => id switch
    {
        SectionId.DataCount => 10,
        SectionId.Code => 11,
        SectionId.Data => 12,
        _ => (int)id,
    };
}

/// <summary>Section ids of spec 5.5.2.</summary>
internal enum SectionId : byte
{
    Custom = 0,
    Type = 1,
    Import = 2,
    Function = 3,
    Table = 4,
    Memory = 5,
    Global = 6,
    Export = 7,
    Start = 8,
    Element = 9,
    Code = 10,
    Data = 11,
    DataCount = 12,
}
