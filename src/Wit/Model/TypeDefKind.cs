using System.Collections.Generic;

namespace WitSharp.Wit;

/// <summary>Discriminates <see cref="TypeDefKind"/> subclasses for fast switching.</summary>
public enum TypeDefKindTag : byte
{
    Record,
    Resource,
    Handle,
    Flags,
    Tuple,
    Variant,
    Enum,
    Option,
    Result,
    List,
    Map,
    FixedSizeList,
    Future,
    Stream,
    /// <summary><c>type a = b</c>: an alias of another type.</summary>
    Type,
    /// <summary>A type imported from a foreign package that is not resolved yet (resolver-internal).</summary>
    Unknown,
}

/// <summary>The definition behind a <see cref="TypeDef"/> (WIT.md "Item: type").</summary>
public abstract class TypeDefKind
{
    private protected TypeDefKind()
    {
    }

    public abstract TypeDefKindTag Tag { get; }
}

/// <summary>A named field of a record.</summary>
public sealed record Field(string Name, WitType Type, Docs Docs);

/// <summary>A flag of a flags type.</summary>
public sealed record Flag(string Name, Docs Docs);

/// <summary>A case of a variant; <see cref="Type"/> is null for payload-less cases.</summary>
public sealed record Case(string Name, WitType? Type, Docs Docs);

/// <summary>A case of an enum.</summary>
public sealed record EnumCase(string Name, Docs Docs);

public sealed class RecordKind : TypeDefKind
{
    internal RecordKind(IReadOnlyList<Field> fields) => Fields = fields;

    public IReadOnlyList<Field> Fields { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Record;
}

public sealed class ResourceKind : TypeDefKind
{
    internal static readonly ResourceKind Instance = new();

    private ResourceKind()
    {
    }

    public override TypeDefKindTag Tag => TypeDefKindTag.Resource;
}

/// <summary><c>own&lt;R&gt;</c> or <c>borrow&lt;R&gt;</c>; <see cref="ResourceTypeId"/> may point at an alias of the resource.</summary>
public sealed class HandleKind : TypeDefKind
{
    internal HandleKind(bool isBorrow, int resourceTypeId)
    {
        IsBorrow = isBorrow;
        ResourceTypeId = resourceTypeId;
    }

    public bool IsBorrow { get; }

    public int ResourceTypeId { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Handle;
}

public sealed class FlagsKind : TypeDefKind
{
    internal FlagsKind(IReadOnlyList<Flag> flags) => Flags = flags;

    public IReadOnlyList<Flag> Flags { get; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Flags;
}

public sealed class TupleKind : TypeDefKind
{
    internal TupleKind(IReadOnlyList<WitType> types) => Types = types;

    public IReadOnlyList<WitType> Types { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Tuple;
}

public sealed class VariantKind : TypeDefKind
{
    internal VariantKind(IReadOnlyList<Case> cases) => Cases = cases;

    public IReadOnlyList<Case> Cases { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Variant;
}

public sealed class EnumKind : TypeDefKind
{
    internal EnumKind(IReadOnlyList<EnumCase> cases) => Cases = cases;

    public IReadOnlyList<EnumCase> Cases { get; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Enum;
}

public sealed class OptionKind : TypeDefKind
{
    internal OptionKind(WitType type) => Type = type;

    public WitType Type { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Option;
}

/// <summary><c>result&lt;ok, err&gt;</c>; either side may be absent.</summary>
public sealed class ResultKind : TypeDefKind
{
    internal ResultKind(WitType? ok, WitType? err)
    {
        Ok = ok;
        Err = err;
    }

    public WitType? Ok { get; internal set; }

    public WitType? Err { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Result;
}

public sealed class ListKind : TypeDefKind
{
    internal ListKind(WitType element) => Element = element;

    public WitType Element { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.List;
}

/// <summary><c>map&lt;K, V&gt;</c>.</summary>
public sealed class MapKind : TypeDefKind
{
    internal MapKind(WitType key, WitType value)
    {
        Key = key;
        Value = value;
    }

    public WitType Key { get; internal set; }

    public WitType Value { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Map;
}

/// <summary><c>list&lt;T, N&gt;</c>: a fixed-length list.</summary>
public sealed class FixedSizeListKind : TypeDefKind
{
    internal FixedSizeListKind(WitType element, uint size)
    {
        Element = element;
        Size = size;
    }

    public WitType Element { get; internal set; }

    public uint Size { get; }

    public override TypeDefKindTag Tag => TypeDefKindTag.FixedSizeList;
}

public sealed class FutureKind : TypeDefKind
{
    internal FutureKind(WitType? payload) => Payload = payload;

    public WitType? Payload { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Future;
}

public sealed class StreamKind : TypeDefKind
{
    internal StreamKind(WitType? payload) => Payload = payload;

    public WitType? Payload { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Stream;
}

/// <summary><c>type a = b</c>.</summary>
public sealed class AliasKind : TypeDefKind
{
    internal AliasKind(WitType target) => Target = target;

    public WitType Target { get; internal set; }

    public override TypeDefKindTag Tag => TypeDefKindTag.Type;
}

/// <summary>A type imported from a foreign package before it is matched up (resolver-internal).</summary>
public sealed class UnknownKind : TypeDefKind
{
    internal static readonly UnknownKind Instance = new();

    private UnknownKind()
    {
    }

    public override TypeDefKindTag Tag => TypeDefKindTag.Unknown;
}
