namespace WitSharp.Wit;

/// <summary>What owns a type definition.</summary>
public enum TypeOwnerKind : byte
{
    /// <summary>Anonymous types (<c>list&lt;u8&gt;</c>, handles) have no owner.</summary>
    None,
    Interface,
    World,
}

/// <summary>The owner of a <see cref="TypeDef"/>: an interface or world id, or none.</summary>
public readonly struct TypeOwner : System.IEquatable<TypeOwner>
{
    internal TypeOwner(TypeOwnerKind kind, int id)
    {
        Kind = kind;
        Id = id;
    }

    public TypeOwnerKind Kind { get; }

    /// <summary>Index into <see cref="Resolve.Interfaces"/> or <see cref="Resolve.Worlds"/>.</summary>
    public int Id { get; }

    public static TypeOwner None => default;

    public static TypeOwner Interface(int id) => new(TypeOwnerKind.Interface, id);

    public static TypeOwner World(int id) => new(TypeOwnerKind.World, id);

    public bool Equals(TypeOwner other) => Kind == other.Kind && Id == other.Id;

    public override bool Equals(object? obj) => obj is TypeOwner o && Equals(o);

    public override int GetHashCode() => ((int)Kind * 397) ^ Id;

    public static bool operator ==(TypeOwner a, TypeOwner b) => a.Equals(b);

    public static bool operator !=(TypeOwner a, TypeOwner b) => !a.Equals(b);
}

/// <summary>Documentation attached to an item (doc comments, WIT.md "Comments").</summary>
public sealed class Docs
{
    public static readonly Docs None = new(null);

    internal Docs(string? contents) => Contents = contents;

    /// <summary>The doc text with comment markers stripped, or null.</summary>
    public string? Contents { get; }
}

/// <summary>A type definition: named (<c>record foo</c>) or anonymous (<c>list&lt;u8&gt;</c>).</summary>
public sealed class TypeDef
{
    internal TypeDef(string? name, TypeDefKind kind, TypeOwner owner, Docs docs, Stability stability)
    {
        Name = name;
        Kind = kind;
        Owner = owner;
        Docs = docs;
        Stability = stability;
    }

    public string? Name { get; internal set; }

    public TypeDefKind Kind { get; internal set; }

    public TypeOwner Owner { get; internal set; }

    public Docs Docs { get; internal set; }

    public Stability Stability { get; internal set; }

    public override string ToString() => (Name ?? "<anon>") + " " + Kind.Tag;
}
