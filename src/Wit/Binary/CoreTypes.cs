using System.Collections.Generic;

namespace WitSharp.Wit.Binary;

/// <summary>Core value types that can appear in component-level core types (core binary <c>valtype</c>).</summary>
public enum CoreValType : byte
{
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    V128 = 0x7B,
    FuncRef = 0x70,
    ExternRef = 0x6F,
}

/// <summary>A <c>core:type</c> defined in a component or a component-level type.</summary>
public abstract class CoreType
{
    private protected CoreType(int offset) => Offset = offset;

    /// <summary>Byte offset of the type in the decoded buffer.</summary>
    public int Offset { get; }
}

/// <summary>A core function type <c>0x60 params results</c>.</summary>
public sealed class CoreFuncType : CoreType
{
    /// <summary>Creates a core function type.</summary>
    public CoreFuncType(int offset, IReadOnlyList<CoreValType> parameters, IReadOnlyList<CoreValType> results)
        : base(offset)
    {
        Parameters = parameters;
        Results = results;
    }

    /// <summary>Parameter types.</summary>
    public IReadOnlyList<CoreValType> Parameters { get; }

    /// <summary>Result types.</summary>
    public IReadOnlyList<CoreValType> Results { get; }
}

/// <summary>A core module type <c>0x50 moduledecl*</c> (Binary.md "Type Definitions").</summary>
public sealed class CoreModuleType : CoreType
{
    /// <summary>Creates a module type.</summary>
    public CoreModuleType(int offset, IReadOnlyList<CoreModuleDeclaration> declarations)
        : base(offset) => Declarations = declarations;

    /// <summary>The declarations in order.</summary>
    public IReadOnlyList<CoreModuleDeclaration> Declarations { get; }
}

/// <summary>What a <see cref="CoreModuleDeclaration"/> declares.</summary>
public enum CoreModuleDeclarationKind
{
    Import,
    Type,
    OuterTypeAlias,
    Export,
}

/// <summary>One <c>core:moduledecl</c>.</summary>
public sealed class CoreModuleDeclaration
{
    /// <summary>Creates a declaration; unused members are null/zero.</summary>
    public CoreModuleDeclaration(
        int offset, CoreModuleDeclarationKind kind, string? module, string? name, CoreExternType? externType,
        CoreType? type, uint outerCount, uint outerIndex)
    {
        Offset = offset;
        Kind = kind;
        Module = module;
        Name = name;
        ExternType = externType;
        Type = type;
        OuterCount = outerCount;
        OuterIndex = outerIndex;
    }

    /// <summary>Byte offset.</summary>
    public int Offset { get; }

    /// <summary>The declaration form.</summary>
    public CoreModuleDeclarationKind Kind { get; }

    /// <summary>Import module name (imports only).</summary>
    public string? Module { get; }

    /// <summary>Import or export field name.</summary>
    public string? Name { get; }

    /// <summary>The import's or export's type.</summary>
    public CoreExternType? ExternType { get; }

    /// <summary>The type of a <see cref="CoreModuleDeclarationKind.Type"/> declaration.</summary>
    public CoreType? Type { get; }

    /// <summary>Outer alias scope count.</summary>
    public uint OuterCount { get; }

    /// <summary>Outer alias type index.</summary>
    public uint OuterIndex { get; }
}

/// <summary>Core <c>externtype</c> kinds.</summary>
public enum CoreExternKind : byte
{
    Func = 0x00,
    Table = 0x01,
    Memory = 0x02,
    Global = 0x03,
    Tag = 0x04,
}

/// <summary>A core <c>externtype</c> (import/export descriptor in a module type).</summary>
public sealed class CoreExternType
{
    /// <summary>Creates an extern type; members not used by <paramref name="kind"/> are defaults.</summary>
    public CoreExternType(
        CoreExternKind kind, uint typeIndex, CoreValType valueType, bool mutable,
        ulong minimum, ulong? maximum, bool shared, bool is64)
    {
        Kind = kind;
        TypeIndex = typeIndex;
        ValueType = valueType;
        Mutable = mutable;
        Minimum = minimum;
        Maximum = maximum;
        Shared = shared;
        Is64 = is64;
    }

    /// <summary>Which kind of item.</summary>
    public CoreExternKind Kind { get; }

    /// <summary>Function or tag type index.</summary>
    public uint TypeIndex { get; }

    /// <summary>Table element type or global value type.</summary>
    public CoreValType ValueType { get; }

    /// <summary>Global mutability.</summary>
    public bool Mutable { get; }

    /// <summary>Table/memory minimum.</summary>
    public ulong Minimum { get; }

    /// <summary>Table/memory maximum.</summary>
    public ulong? Maximum { get; }

    /// <summary>Shared memory.</summary>
    public bool Shared { get; }

    /// <summary>64-bit addressed memory or table.</summary>
    public bool Is64 { get; }
}
