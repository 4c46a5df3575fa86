using System.Collections.Generic;

namespace WitSharp.Wit.Binary;

/// <summary>Primitive value types (<c>primvaltype</c>), valued with their binary opcode.</summary>
public enum PrimitiveValType : byte
{
    Bool = 0x7F,
    S8 = 0x7E,
    U8 = 0x7D,
    S16 = 0x7C,
    U16 = 0x7B,
    S32 = 0x7A,
    U32 = 0x79,
    S64 = 0x78,
    U64 = 0x77,
    F32 = 0x76,
    F64 = 0x75,
    Char = 0x74,
    String = 0x73,
    ErrorContext = 0x64,
}

/// <summary>A <c>valtype</c>: either a primitive or an index into the type index space.</summary>
public readonly struct ComponentValType : System.IEquatable<ComponentValType>
{
    private readonly uint _value;
    private readonly bool _isIndex;

    private ComponentValType(uint value, bool isIndex)
    {
        _value = value;
        _isIndex = isIndex;
    }

    /// <summary>A primitive type.</summary>
    public static ComponentValType Of(PrimitiveValType p) => new((uint)p, false);

    /// <summary>A reference to a defined type by type index.</summary>
    public static ComponentValType Index(uint typeIndex) => new(typeIndex, true);

    /// <summary>True when this refers to the type index space.</summary>
    public bool IsIndex => _isIndex;

    /// <summary>The primitive (valid when <see cref="IsIndex"/> is false).</summary>
    public PrimitiveValType Primitive => (PrimitiveValType)_value;

    /// <summary>The type index (valid when <see cref="IsIndex"/> is true).</summary>
    public uint TypeIndex => _value;

    /// <inheritdoc/>
    public bool Equals(ComponentValType other) => _value == other._value && _isIndex == other._isIndex;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ComponentValType o && Equals(o);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)_value ^ (_isIndex ? 0x40000000 : 0);

    /// <inheritdoc/>
    public override string ToString() => _isIndex ? "type " + _value : Primitive.ToString().ToLowerInvariant();

    /// <summary>Equality.</summary>
    public static bool operator ==(ComponentValType a, ComponentValType b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ComponentValType a, ComponentValType b) => !a.Equals(b);
}

/// <summary>A <c>deftype</c>: anything that occupies a slot of the component type index space.</summary>
public abstract class DefType
{
    private protected DefType(int offset) => Offset = offset;

    /// <summary>Byte offset of the type's opcode.</summary>
    public int Offset { get; }
}

/// <summary>A <c>defvaltype</c>: a value type defined in the type index space.</summary>
public abstract class DefinedValType : DefType
{
    private protected DefinedValType(int offset) : base(offset) { }
}

/// <summary>A primitive defined as a type (<c>(type u32)</c>).</summary>
public sealed class PrimitiveType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public PrimitiveType(int offset, PrimitiveValType primitive) : base(offset) => Primitive = primitive;

    /// <summary>The primitive.</summary>
    public PrimitiveValType Primitive { get; }
}

/// <summary>A labelled value type: record field or function parameter.</summary>
public sealed class LabeledValType
{
    /// <summary>Creates a labelled type.</summary>
    public LabeledValType(string label, ComponentValType type)
    {
        Label = label;
        Type = type;
    }

    /// <summary>The label (kebab-case).</summary>
    public string Label { get; }

    /// <summary>The type.</summary>
    public ComponentValType Type { get; }
}

/// <summary><c>(record (field l t)+)</c>.</summary>
public sealed class RecordType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public RecordType(int offset, IReadOnlyList<LabeledValType> fields) : base(offset) => Fields = fields;

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<LabeledValType> Fields { get; }
}

/// <summary>A variant case with optional payload.</summary>
public sealed class VariantCase
{
    /// <summary>Creates a case.</summary>
    public VariantCase(string label, ComponentValType? type)
    {
        Label = label;
        Type = type;
    }

    /// <summary>The case label.</summary>
    public string Label { get; }

    /// <summary>The payload type, if any.</summary>
    public ComponentValType? Type { get; }
}

/// <summary><c>(variant (case l t?)+)</c>.</summary>
public sealed class VariantType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public VariantType(int offset, IReadOnlyList<VariantCase> cases) : base(offset) => Cases = cases;

    /// <summary>Cases in order (the index is the discriminant).</summary>
    public IReadOnlyList<VariantCase> Cases { get; }
}

/// <summary><c>(list t)</c> or the fixed-length <c>(list t len)</c>.</summary>
public sealed class ListType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public ListType(int offset, ComponentValType element, uint? fixedLength) : base(offset)
    {
        Element = element;
        FixedLength = fixedLength;
    }

    /// <summary>Element type.</summary>
    public ComponentValType Element { get; }

    /// <summary>The length of a fixed-length list (🔧), else null.</summary>
    public uint? FixedLength { get; }
}

/// <summary><c>(tuple t+)</c>.</summary>
public sealed class TupleType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public TupleType(int offset, IReadOnlyList<ComponentValType> types) : base(offset) => Types = types;

    /// <summary>Element types.</summary>
    public IReadOnlyList<ComponentValType> Types { get; }
}

/// <summary><c>(flags l+)</c>.</summary>
public sealed class FlagsType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public FlagsType(int offset, IReadOnlyList<string> names) : base(offset) => Names = names;

    /// <summary>Flag labels; the index is the bit number.</summary>
    public IReadOnlyList<string> Names { get; }
}

/// <summary><c>(enum l+)</c>.</summary>
public sealed class EnumType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public EnumType(int offset, IReadOnlyList<string> names) : base(offset) => Names = names;

    /// <summary>Case labels; the index is the discriminant.</summary>
    public IReadOnlyList<string> Names { get; }
}

/// <summary><c>(option t)</c>.</summary>
public sealed class OptionType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public OptionType(int offset, ComponentValType type) : base(offset) => Type = type;

    /// <summary>The payload type.</summary>
    public ComponentValType Type { get; }
}

/// <summary><c>(result t? (error u)?)</c>.</summary>
public sealed class ResultType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public ResultType(int offset, ComponentValType? ok, ComponentValType? error) : base(offset)
    {
        Ok = ok;
        Error = error;
    }

    /// <summary>The ok payload, if any.</summary>
    public ComponentValType? Ok { get; }

    /// <summary>The error payload, if any.</summary>
    public ComponentValType? Error { get; }
}

/// <summary><c>(own i)</c>: an owned handle to resource type <see cref="ResourceIndex"/>.</summary>
public sealed class OwnType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public OwnType(int offset, uint resourceIndex) : base(offset) => ResourceIndex = resourceIndex;

    /// <summary>Type index of the resource.</summary>
    public uint ResourceIndex { get; }
}

/// <summary><c>(borrow i)</c>: a borrowed handle to resource type <see cref="ResourceIndex"/>.</summary>
public sealed class BorrowType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public BorrowType(int offset, uint resourceIndex) : base(offset) => ResourceIndex = resourceIndex;

    /// <summary>Type index of the resource.</summary>
    public uint ResourceIndex { get; }
}

/// <summary><c>(stream t?)</c> (🔀, decoded as data).</summary>
public sealed class StreamType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public StreamType(int offset, ComponentValType? element) : base(offset) => Element = element;

    /// <summary>Element type, if any.</summary>
    public ComponentValType? Element { get; }
}

/// <summary><c>(future t?)</c> (🔀, decoded as data).</summary>
public sealed class FutureType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public FutureType(int offset, ComponentValType? element) : base(offset) => Element = element;

    /// <summary>Payload type, if any.</summary>
    public ComponentValType? Element { get; }
}

/// <summary><c>(map k v)</c> (🗺️, decoded as data).</summary>
public sealed class MapType : DefinedValType
{
    /// <summary>Creates the type.</summary>
    public MapType(int offset, ComponentValType key, ComponentValType value) : base(offset)
    {
        Key = key;
        Value = value;
    }

    /// <summary>Key type.</summary>
    public ComponentValType Key { get; }

    /// <summary>Value type.</summary>
    public ComponentValType Value { get; }
}
