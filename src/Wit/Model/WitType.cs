using System;

namespace WitSharp.Wit;

/// <summary>What a <see cref="WitType"/> is: a primitive or a reference to a <see cref="TypeDef"/>.</summary>
public enum WitTypeKind : byte
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
    /// <summary>A reference to <see cref="Resolve.Types"/>[<see cref="WitType.TypeId"/>].</summary>
    Id,
}

/// <summary>A use of a type (WIT.md "Types"): a primitive or an id into <see cref="Resolve.Types"/>.</summary>
public readonly struct WitType : IEquatable<WitType>
{
    private readonly int _id;

    private WitType(WitTypeKind kind, int id)
    {
        Kind = kind;
        _id = id;
    }

    /// <summary>The primitive, or <see cref="WitTypeKind.Id"/>.</summary>
    public WitTypeKind Kind { get; }

    /// <summary>Index into <see cref="Resolve.Types"/>; only meaningful when <see cref="Kind"/> is <see cref="WitTypeKind.Id"/>.</summary>
    public int TypeId => Kind == WitTypeKind.Id ? _id : throw new InvalidOperationException("not a type reference: " + Kind);

    /// <summary>Whether this is a reference to a type definition.</summary>
    public bool IsId => Kind == WitTypeKind.Id;

    /// <summary>A primitive type.</summary>
    public static WitType Primitive(WitTypeKind kind) =>
        kind == WitTypeKind.Id ? throw new ArgumentException("use FromId", nameof(kind)) : new WitType(kind, 0);

    /// <summary>A reference to a type definition.</summary>
    public static WitType FromId(int typeId) => new(WitTypeKind.Id, typeId);

    public static WitType Bool => new(WitTypeKind.Bool, 0);
    public static WitType U8 => new(WitTypeKind.U8, 0);
    public static WitType U16 => new(WitTypeKind.U16, 0);
    public static WitType U32 => new(WitTypeKind.U32, 0);
    public static WitType U64 => new(WitTypeKind.U64, 0);
    public static WitType S8 => new(WitTypeKind.S8, 0);
    public static WitType S16 => new(WitTypeKind.S16, 0);
    public static WitType S32 => new(WitTypeKind.S32, 0);
    public static WitType S64 => new(WitTypeKind.S64, 0);
    public static WitType F32 => new(WitTypeKind.F32, 0);
    public static WitType F64 => new(WitTypeKind.F64, 0);
    public static WitType Char => new(WitTypeKind.Char, 0);
    public static WitType String => new(WitTypeKind.String, 0);
    public static WitType ErrorContext => new(WitTypeKind.ErrorContext, 0);

    public bool Equals(WitType other) => Kind == other.Kind && _id == other._id;

    public override bool Equals(object? obj) => obj is WitType t && Equals(t);

    public override int GetHashCode() => ((int)Kind * 397) ^ _id;

    public static bool operator ==(WitType a, WitType b) => a.Equals(b);

    public static bool operator !=(WitType a, WitType b) => !a.Equals(b);

    /// <summary>The WIT spelling of a primitive (<c>u32</c>, <c>error-context</c>) or <c>#id</c>.</summary>
    public override string ToString() => Kind switch
    {
        WitTypeKind.Id => "#" + _id,
        WitTypeKind.ErrorContext => "error-context",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
