namespace WitSharp.Core;

/// <summary>A decoded core module: plain data between the binary decoder, the validator and the compiler.
/// Index spaces (functions, tables, memories, globals) count imports first, then definitions, as the
/// spec does. Append-only contract: add members, do not change the meaning of existing ones.</summary>
internal sealed class ModuleInfo
{
    /// <summary>The whole module binary; code bodies and data segments are slices of it.</summary>
    public ReadOnlyMemory<byte> Bytes { get; init; }

    public List<FuncType> Types { get; } = [];
    public List<Import> Imports { get; } = [];

    /// <summary>Type index of each function defined in this module (function section), not counting imports.</summary>
    public List<uint> FunctionTypeIndices { get; } = [];
    public List<TableType> Tables { get; } = [];
    public List<MemoryType> Memories { get; } = [];
    public List<GlobalDef> Globals { get; } = [];
    public List<Export> Exports { get; } = [];
    public uint? Start { get; set; }
    public List<ElementSegment> Elements { get; } = [];
    public List<DataSegment> Data { get; } = [];
    /// <summary>The data count section's value, when present (required by memory.init and data.drop).</summary>
    public uint? DataCount { get; set; }
    /// <summary>Code section entries, parallel to <see cref="FunctionTypeIndices"/>.</summary>
    public List<FunctionBody> Bodies { get; } = [];
    public List<CustomSection> CustomSections { get; } = [];
    /// <summary>Function names from the "name" custom section, for backtraces. Index is the function index.</summary>
    public Dictionary<uint, string> FunctionNames { get; } = [];
    public string? ModuleName { get; set; }

    // Imports by kind, in index-space order, filled by the decoder as imports are read.
    public int ImportedFunctionCount { get; set; }
    public int ImportedTableCount { get; set; }
    public int ImportedMemoryCount { get; set; }
    public int ImportedGlobalCount { get; set; }

    public int TotalFunctionCount => ImportedFunctionCount + FunctionTypeIndices.Count;
    public int TotalTableCount => ImportedTableCount + Tables.Count;
    public int TotalMemoryCount => ImportedMemoryCount + Memories.Count;
    public int TotalGlobalCount => ImportedGlobalCount + Globals.Count;
}

internal sealed record Import(string Module, string Name, ExternKind Kind)
{
    /// <summary>For <see cref="ExternKind.Func"/>: index into <see cref="ModuleInfo.Types"/>.</summary>
    public uint TypeIndex { get; init; }
    public TableType? Table { get; init; }
    public MemoryType? Memory { get; init; }
    public GlobalType? Global { get; init; }
}

internal sealed record Export(string Name, ExternKind Kind, uint Index);

/// <summary>A constant expression, kept as its encoded instructions (including the final <c>end</c>);
/// instantiation evaluates it. <see cref="Offset"/> is its position in the module for error messages.</summary>
internal sealed record ConstExpr(ReadOnlyMemory<byte> Code, int Offset);

internal sealed record GlobalDef(GlobalType Type, ConstExpr Init);

internal enum SegmentMode : byte
{
    Active,
    Passive,
    Declarative,
}

/// <summary>An element segment. Exactly one of <see cref="FunctionIndices"/> (the compact
/// <c>elemkind 0x00</c> encodings) and <see cref="Expressions"/> is set.</summary>
internal sealed record ElementSegment(SegmentMode Mode, ValType ElementType)
{
    public uint TableIndex { get; init; }
    public ConstExpr? Offset { get; init; }
    public uint[]? FunctionIndices { get; init; }
    public ConstExpr[]? Expressions { get; init; }
    public int Count => FunctionIndices?.Length ?? Expressions!.Length;
}

internal sealed record DataSegment(SegmentMode Mode, ReadOnlyMemory<byte> Bytes)
{
    public uint MemoryIndex { get; init; }
    public ConstExpr? Offset { get; init; }
}

/// <summary>A code section entry. Locals are run-length encoded as in the binary, so a hostile count
/// costs nothing until validation checks the total.</summary>
internal sealed record FunctionBody(LocalGroup[] Locals, ReadOnlyMemory<byte> Code, int CodeOffset)
{
    /// <summary>Sum of the local group counts (may exceed int range in hostile input).</summary>
    public ulong LocalCount
    {
        get
        {
            ulong n = 0;
            foreach (var g in Locals) n += g.Count;
            return n;
        }
    }
}

internal readonly record struct LocalGroup(uint Count, ValType Type);

internal sealed record CustomSection(string Name, ReadOnlyMemory<byte> Content, int Offset);
