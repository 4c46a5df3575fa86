using System.Collections.Generic;

namespace WitSharp.Wit.Syntax;

internal enum AstTypeKind : byte
{
    Bool,
    U8,
    U16,
    U32,
    U64,
    S8,
    S16,
    S32,
    S64,
    F32,
    F64,
    Char,
    String,
    ErrorContext,
    Name,
    List,
    Map,
    FixedSizeList,
    Own,
    Borrow,
    Resource,
    Record,
    Flags,
    Variant,
    Tuple,
    Enum,
    Option,
    Result,
    Future,
    Stream,
}

/// <summary>A named member of a record/flags/variant/enum with its docs.</summary>
internal sealed record AstMember(AstDocs Docs, Id Name, AstType? Type);

/// <summary>A type expression or a type-definition body.</summary>
internal sealed class AstType
{
    public AstType(AstTypeKind kind, Span span)
    {
        Kind = kind;
        Span = span;
    }

    public AstTypeKind Kind { get; }

    public Span Span { get; }

    /// <summary>For <see cref="AstTypeKind.Name"/>, own and borrow: the referenced name.</summary>
    public Id Name { get; init; }

    /// <summary>Element/payload/ok type (list, option, fixed list, future, stream, map key, result ok).</summary>
    public AstType? First { get; init; }

    /// <summary>Map value or result err.</summary>
    public AstType? Second { get; init; }

    public uint Size { get; init; }

    public List<AstType>? Types { get; init; }

    public List<AstMember>? Members { get; init; }

    public List<ResourceFunc>? Funcs { get; init; }
}
