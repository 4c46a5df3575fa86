using System.Text;

namespace WitSharp.Components;

/// <summary>
/// A component value type (Explainer.md "Value types") as seen by the host: what an export's parameters and
/// result are, what a typed binding is checked against, and what a marshaler lowers. Immutable; equality is
/// structural (labels, cases and element types; resource handles compare by <see cref="Resource"/> identity
/// when both sides name one). The canonical ABI layout (<see cref="Size"/>, <see cref="Alignment"/>,
/// <see cref="FlatCount"/>, <see cref="GetFieldOffset"/>, <see cref="PayloadOffset"/>) is the one of
/// CanonicalABI.md "Element Size", "Alignment" and "Flattening", so generated marshalers can use it.
/// </summary>
public sealed partial class ComponentValueType : IEquatable<ComponentValueType>
{
    private static readonly IReadOnlyList<string> NoNames = [];
    private static readonly IReadOnlyList<ComponentField> NoFields = [];
    private static readonly IReadOnlyList<ComponentCase> NoCases = [];
    private CanonType? _canon;

    private ComponentValueType(ComponentValueKind kind)
    {
        Kind = kind;
    }

    /// <summary>What sort of type this is. Resource handles are <see cref="ComponentValueKind.Resource"/>
    /// with <see cref="IsBorrow"/> telling <c>own</c> from <c>borrow</c>.</summary>
    public ComponentValueKind Kind { get; }

    /// <summary>The element type of a <c>list</c> or the payload type of an <c>option</c>; otherwise null.</summary>
    public ComponentValueType? ElementType { get; private init; }

    /// <summary>The fields of a <c>record</c> (named) or <c>tuple</c> (names <c>"0"</c>, <c>"1"</c>, …); otherwise empty.</summary>
    public IReadOnlyList<ComponentField> Fields { get; private init; } = NoFields;

    /// <summary>The cases of a <c>variant</c>, <c>enum</c> (no payloads), <c>option</c> (<c>none</c>, <c>some</c>)
    /// and <c>result</c> (<c>ok</c>, <c>error</c>), in discriminant order; otherwise empty.</summary>
    public IReadOnlyList<ComponentCase> Cases { get; private init; } = NoCases;

    /// <summary>The labels of an <c>enum</c> or <c>flags</c> (bit order); otherwise empty.</summary>
    public IReadOnlyList<string> Names { get; private init; } = NoNames;

    /// <summary>The <c>ok</c> payload of a <c>result</c> (null when it has none).</summary>
    public ComponentValueType? OkType => Kind == ComponentValueKind.Result ? Cases[0].Type : null;

    /// <summary>The <c>error</c> payload of a <c>result</c> (null when it has none).</summary>
    public ComponentValueType? ErrorType => Kind == ComponentValueKind.Result ? Cases[1].Type : null;

    /// <summary>For handles: true for <c>borrow&lt;R&gt;</c>, false for <c>own&lt;R&gt;</c>.</summary>
    public bool IsBorrow { get; private init; }

    /// <summary>For handles: the resource type, when known (null for handles seen only through a function's
    /// run-time type).</summary>
    public ComponentResourceType? Resource { get; private init; }

    // ---- primitives ----

    /// <summary><c>bool</c> (C# <see cref="bool"/>).</summary>
    public static ComponentValueType Bool { get; } = new(ComponentValueKind.Bool);
    /// <summary><c>s8</c> (C# <see cref="sbyte"/>).</summary>
    public static ComponentValueType S8 { get; } = new(ComponentValueKind.S8);
    /// <summary><c>u8</c> (C# <see cref="byte"/>).</summary>
    public static ComponentValueType U8 { get; } = new(ComponentValueKind.U8);
    /// <summary><c>s16</c> (C# <see cref="short"/>).</summary>
    public static ComponentValueType S16 { get; } = new(ComponentValueKind.S16);
    /// <summary><c>u16</c> (C# <see cref="ushort"/>).</summary>
    public static ComponentValueType U16 { get; } = new(ComponentValueKind.U16);
    /// <summary><c>s32</c> (C# <see cref="int"/>).</summary>
    public static ComponentValueType S32 { get; } = new(ComponentValueKind.S32);
    /// <summary><c>u32</c> (C# <see cref="uint"/>).</summary>
    public static ComponentValueType U32 { get; } = new(ComponentValueKind.U32);
    /// <summary><c>s64</c> (C# <see cref="long"/>).</summary>
    public static ComponentValueType S64 { get; } = new(ComponentValueKind.S64);
    /// <summary><c>u64</c> (C# <see cref="ulong"/>).</summary>
    public static ComponentValueType U64 { get; } = new(ComponentValueKind.U64);
    /// <summary><c>f32</c> (C# <see cref="float"/>).</summary>
    public static ComponentValueType F32 { get; } = new(ComponentValueKind.F32);
    /// <summary><c>f64</c> (C# <see cref="double"/>).</summary>
    public static ComponentValueType F64 { get; } = new(ComponentValueKind.F64);
    /// <summary><c>char</c> (C# <see cref="System.Text.Rune"/>).</summary>
    public static ComponentValueType Char { get; } = new(ComponentValueKind.Char);
    /// <summary><c>string</c> (C# <see cref="string"/>).</summary>
    public static ComponentValueType String { get; } = new(ComponentValueKind.String);

    // ---- constructors of compound types ----

    /// <summary><c>list&lt;element&gt;</c>.</summary>
    public static ComponentValueType List(ComponentValueType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(ComponentValueKind.List) { ElementType = element };
    }

    /// <summary><c>record { name: type, … }</c> (at least one field).</summary>
    public static ComponentValueType Record(params (string Name, ComponentValueType Type)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length == 0) throw new ArgumentException("a record has at least one field", nameof(fields));
        return new(ComponentValueKind.Record) { Fields = [.. fields.Select(f => new ComponentField(f.Name, f.Type))] };
    }

    /// <summary><c>tuple&lt;…&gt;</c>.</summary>
    public static ComponentValueType Tuple(params ComponentValueType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        return new(ComponentValueKind.Tuple) { Fields = [.. types.Select((t, i) => new ComponentField(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t))] };
    }

    /// <summary><c>variant { case(payload?), … }</c> (at least one case).</summary>
    public static ComponentValueType Variant(params (string Name, ComponentValueType? Type)[] cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Length == 0) throw new ArgumentException("a variant has at least one case", nameof(cases));
        return new(ComponentValueKind.Variant) { Cases = [.. cases.Select(c => new ComponentCase(c.Name, c.Type))] };
    }

    /// <summary><c>enum { name, … }</c> (at least one case).</summary>
    public static ComponentValueType Enum(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0) throw new ArgumentException("an enum has at least one case", nameof(names));
        return new(ComponentValueKind.Enum) { Names = [.. names], Cases = [.. names.Select(n => new ComponentCase(n, null))] };
    }

    /// <summary><c>option&lt;payload&gt;</c>.</summary>
    public static ComponentValueType Option(ComponentValueType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new(ComponentValueKind.Option) { ElementType = payload, Cases = [new("none", null), new("some", payload)] };
    }

    /// <summary><c>result&lt;ok, error&gt;</c>; either payload may be null (<c>result&lt;_, E&gt;</c>, <c>result</c>).</summary>
    public static ComponentValueType Result(ComponentValueType? ok, ComponentValueType? error) =>
        new(ComponentValueKind.Result) { Cases = [new("ok", ok), new("error", error)] };

    /// <summary><c>flags { name, … }</c> (1 to 32 labels, CanonicalABI.md limits flags to 32).</summary>
    public static ComponentValueType Flags(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length is 0 or > 32) throw new ArgumentException("flags have 1 to 32 labels", nameof(names));
        return new(ComponentValueKind.Flags) { Names = [.. names] };
    }

    /// <summary><c>own&lt;resource&gt;</c>.</summary>
    public static ComponentValueType Own(ComponentResourceType? resource) =>
        new(ComponentValueKind.Resource) { Resource = resource };

    /// <summary><c>borrow&lt;resource&gt;</c>.</summary>
    public static ComponentValueType Borrow(ComponentResourceType? resource) =>
        new(ComponentValueKind.Resource) { Resource = resource, IsBorrow = true };

    /// <summary>For handles seen through a function's run-time type: the resource type entry whose handle table
    /// transfers (<see cref="HandleTransfer"/>) the typed path performs; not part of equality.</summary>
    internal ResourceTypeEntry? HandleEntry { get; private init; }

    /// <summary>A handle type carrying its run-time resource entry (<see cref="CanonReflection"/>).</summary>
    internal static ComponentValueType Handle(bool own, ResourceTypeEntry entry) =>
        new(ComponentValueKind.Resource) { IsBorrow = !own, HandleEntry = entry };

    // ---- canonical ABI layout ----

    /// <summary>The internal layout description, built once.</summary>
    internal CanonType Canon => _canon ??= ToCanon();

    /// <summary>Byte size in linear memory (<c>elem_size</c>).</summary>
    public int Size => Canon.Size;

    /// <summary>Alignment in linear memory (<c>alignment</c>).</summary>
    public int Alignment => Canon.Alignment;

    /// <summary>Number of core values the type flattens to (<c>flatten_type</c>).</summary>
    public int FlatCount => Canon.Flat.Count;

    /// <summary>The core value kinds the type flattens to, one per flat slot.</summary>
    public IReadOnlyList<ValueKind> Flat => Canon.Flat;

    /// <summary>Byte offset of field <paramref name="index"/> of a record or tuple.</summary>
    public int GetFieldOffset(int index) =>
        Canon is RecordCanonType r ? r.Offsets[index] : throw new InvalidOperationException($"{this} has no fields");

    /// <summary>Byte size of the discriminant of a variant, enum, option or result (1, 2 or 4).</summary>
    public int DiscriminantSize =>
        Canon is VariantCanonType v ? v.DiscriminantSize : throw new InvalidOperationException($"{this} has no discriminant");

    /// <summary>Byte offset of the payload of a variant, option or result.</summary>
    public int PayloadOffset =>
        Canon is VariantCanonType v ? v.PayloadOffset : throw new InvalidOperationException($"{this} has no payload");

    private CanonType ToCanon() => Kind switch
    {
        ComponentValueKind.Bool => PrimitiveCanonType.Bool,
        ComponentValueKind.S8 => PrimitiveCanonType.S8,
        ComponentValueKind.U8 => PrimitiveCanonType.U8,
        ComponentValueKind.S16 => PrimitiveCanonType.S16,
        ComponentValueKind.U16 => PrimitiveCanonType.U16,
        ComponentValueKind.S32 => PrimitiveCanonType.S32,
        ComponentValueKind.U32 => PrimitiveCanonType.U32,
        ComponentValueKind.S64 => PrimitiveCanonType.S64,
        ComponentValueKind.U64 => PrimitiveCanonType.U64,
        ComponentValueKind.F32 => PrimitiveCanonType.F32,
        ComponentValueKind.F64 => PrimitiveCanonType.F64,
        ComponentValueKind.Char => PrimitiveCanonType.Char,
        ComponentValueKind.String => PrimitiveCanonType.String,
        ComponentValueKind.List => new ListCanonType(ElementType!.Canon),
        ComponentValueKind.Record => new RecordCanonType(Kind, [.. Fields.Select(f => f.Name)], [.. Fields.Select(f => f.Type.Canon)]),
        ComponentValueKind.Tuple => new RecordCanonType(Kind, null, [.. Fields.Select(f => f.Type.Canon)]),
        ComponentValueKind.Flags => new FlagsCanonType(Names),
        ComponentValueKind.Resource => new HandleCanonType(!IsBorrow),
        ComponentValueKind.Variant or ComponentValueKind.Enum or ComponentValueKind.Option or ComponentValueKind.Result =>
            new VariantCanonType(Kind, [.. Cases.Select(c => c.Name)], [.. Cases.Select(c => c.Type?.Canon)]),
        _ => throw new NotSupportedException($"values of kind {Kind} have no canonical ABI layout yet"),
    };

    // ---- equality and printing ----

    /// <inheritdoc/>
    public bool Equals(ComponentValueType? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Kind != Kind || other.IsBorrow != IsBorrow) return false;
        if (!Equals(ElementType, other.ElementType)) return false;
        if (Resource is not null && other.Resource is not null && !Resource.Equals(other.Resource)) return false;
        return Names.SequenceEqual(other.Names) && Fields.SequenceEqual(other.Fields) && Cases.SequenceEqual(other.Cases);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ComponentValueType);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, ElementType, Fields.Count, Cases.Count, Names.Count);

    /// <summary>The type in WIT syntax, e.g. <c>record { x: u32, y: list&lt;string&gt; }</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Print(sb);
        return sb.ToString();
    }

    private void Print(StringBuilder sb)
    {
        switch (Kind)
        {
            case ComponentValueKind.List: sb.Append("list<"); ElementType!.Print(sb); sb.Append('>'); break;
            case ComponentValueKind.Option: sb.Append("option<"); ElementType!.Print(sb); sb.Append('>'); break;
            case ComponentValueKind.Tuple:
                sb.Append("tuple<");
                for (int i = 0; i < Fields.Count; i++) { if (i > 0) sb.Append(", "); Fields[i].Type.Print(sb); }
                sb.Append('>');
                break;
            case ComponentValueKind.Record:
                sb.Append("record { ");
                for (int i = 0; i < Fields.Count; i++) { if (i > 0) sb.Append(", "); sb.Append(Fields[i].Name).Append(": "); Fields[i].Type.Print(sb); }
                sb.Append(" }");
                break;
            case ComponentValueKind.Variant:
                sb.Append("variant { ");
                for (int i = 0; i < Cases.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(Cases[i].Name);
                    if (Cases[i].Type is { } t) { sb.Append('('); t.Print(sb); sb.Append(')'); }
                }
                sb.Append(" }");
                break;
            case ComponentValueKind.Enum: sb.Append("enum { ").Append(string.Join(", ", Names)).Append(" }"); break;
            case ComponentValueKind.Flags: sb.Append("flags { ").Append(string.Join(", ", Names)).Append(" }"); break;
            case ComponentValueKind.Result:
                sb.Append("result");
                if (OkType is null && ErrorType is null) break;
                sb.Append('<');
                if (OkType is { } ok) ok.Print(sb); else sb.Append('_');
                if (ErrorType is { } err) { sb.Append(", "); err.Print(sb); }
                sb.Append('>');
                break;
            case ComponentValueKind.Resource:
                sb.Append(IsBorrow ? "borrow<" : "own<").Append(Resource?.Name ?? HandleEntry?.Name ?? "?").Append('>');
                break;
            default:
                sb.Append(Kind.ToString().ToLowerInvariant());
                break;
        }
    }
}

/// <summary>A field of a record or tuple.</summary>
/// <param name="Name">The field label (for tuples, the position as text).</param>
/// <param name="Type">The field type.</param>
public sealed record ComponentField(string Name, ComponentValueType Type);

/// <summary>A case of a variant, enum, option or result.</summary>
/// <param name="Name">The case label.</param>
/// <param name="Type">The payload type, or null when the case carries none.</param>
public sealed record ComponentCase(string Name, ComponentValueType? Type);
