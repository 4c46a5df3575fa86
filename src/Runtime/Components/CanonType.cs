using WitSharp.Wit.Abi;

namespace WitSharp.Components;

/// <summary>
/// A resolved component value type with its canonical ABI layout. Option, result and enum are kept as variants
/// with a <see cref="Kind"/> that says how to present them; tuple is a record without labels; map is a list of
/// key-value tuples (CanonicalABI.md "Despecialization"). Size, alignment, offsets and flattening come from
/// <see cref="AbiShape"/> in WitSharp.Wit, the same implementation of "Alignment", "Element Size" and
/// "Flattening" the WIT model uses. Pointers are 32-bit (memory64 components are rejected at translation).
/// </summary>
internal abstract class CanonType
{
    private protected CanonType(ComponentValueKind kind, AbiShape shape)
    {
        Kind = kind;
        Shape = shape;
        var flat = new ValueKind[shape.Flat.Count];
        for (int i = 0; i < flat.Length; i++) flat[i] = ToValueKind(shape.Flat[i]);
        Flat = flat;
    }

    /// <summary>How values of this type are presented.</summary>
    public ComponentValueKind Kind { get; }

    /// <summary>The layout shared with WitSharp.Wit.</summary>
    public AbiShape Shape { get; }

    /// <summary><c>elem_size</c>.</summary>
    public int Size => Shape.Size;

    /// <summary><c>alignment</c>.</summary>
    public int Alignment => Shape.Alignment;

    /// <summary><c>flatten_type</c>: one core kind per flat slot.</summary>
    public IReadOnlyList<ValueKind> Flat { get; }

    private static ValueKind ToValueKind(FlatType t) => t switch
    {
        FlatType.I32 => ValueKind.Int32,
        FlatType.I64 => ValueKind.Int64,
        FlatType.F32 => ValueKind.Float32,
        _ => ValueKind.Float64,
    };

    /// <summary>Layout errors of WitSharp.Wit (too large, too many flags) as component errors.</summary>
    private protected static AbiShape Layout(Func<AbiShape> layout)
    {
        try
        {
            return layout();
        }
        catch (WitSharp.Wit.WitException e)
        {
            throw new ComponentException("invalid value type: " + e.Message);
        }
    }
}

/// <summary>bool, integers, floats, char and string.</summary>
internal sealed class PrimitiveCanonType : CanonType
{
    public static readonly PrimitiveCanonType Bool = new(ComponentValueKind.Bool, AbiShape.Scalar(1, FlatType.I32));
    public static readonly PrimitiveCanonType S8 = new(ComponentValueKind.S8, AbiShape.Scalar(1, FlatType.I32));
    public static readonly PrimitiveCanonType U8 = new(ComponentValueKind.U8, AbiShape.Scalar(1, FlatType.I32));
    public static readonly PrimitiveCanonType S16 = new(ComponentValueKind.S16, AbiShape.Scalar(2, FlatType.I32));
    public static readonly PrimitiveCanonType U16 = new(ComponentValueKind.U16, AbiShape.Scalar(2, FlatType.I32));
    public static readonly PrimitiveCanonType S32 = new(ComponentValueKind.S32, AbiShape.Scalar(4, FlatType.I32));
    public static readonly PrimitiveCanonType U32 = new(ComponentValueKind.U32, AbiShape.Scalar(4, FlatType.I32));
    public static readonly PrimitiveCanonType S64 = new(ComponentValueKind.S64, AbiShape.Scalar(8, FlatType.I64));
    public static readonly PrimitiveCanonType U64 = new(ComponentValueKind.U64, AbiShape.Scalar(8, FlatType.I64));
    public static readonly PrimitiveCanonType F32 = new(ComponentValueKind.F32, AbiShape.Scalar(4, FlatType.F32));
    public static readonly PrimitiveCanonType F64 = new(ComponentValueKind.F64, AbiShape.Scalar(8, FlatType.F64));
    public static readonly PrimitiveCanonType Char = new(ComponentValueKind.Char, AbiShape.Scalar(4, FlatType.I32));
    public static readonly PrimitiveCanonType String = new(ComponentValueKind.String, AbiShape.PointerAndLength);

    private PrimitiveCanonType(ComponentValueKind kind, AbiShape shape) : base(kind, shape)
    {
    }
}

/// <summary><c>list&lt;T&gt;</c>: a (pointer, length) pair; <c>list&lt;T, N&gt;</c> (fixed length): N elements in
/// place. <c>map&lt;K, V&gt;</c> despecializes to <c>list&lt;tuple&lt;K, V&gt;&gt;</c> and is presented as that list.</summary>
internal sealed class ListCanonType(CanonType element, int? fixedLength = null)
    : CanonType(ComponentValueKind.List, fixedLength is { } n ? Layout(() => AbiShape.FixedList(element.Shape, n)) : AbiShape.PointerAndLength)
{
    public CanonType Element { get; } = element;

    /// <summary>N of <c>list&lt;T, N&gt;</c>, or null for a variable-length list.</summary>
    public int? FixedLength { get; } = fixedLength;
}

/// <summary><c>record</c> (labels) or <c>tuple</c> (no labels).</summary>
internal sealed class RecordCanonType(ComponentValueKind kind, IReadOnlyList<string>? labels, IReadOnlyList<CanonType> fields)
    : CanonType(kind, Layout(() => AbiShape.Record([.. fields.Select(f => f.Shape)])))
{
    public IReadOnlyList<string>? Labels { get; } = labels;
    public IReadOnlyList<CanonType> Fields { get; } = fields;
    public IReadOnlyList<int> Offsets => Shape.FieldOffsets;
}

/// <summary><c>variant</c>, <c>enum</c> (no payloads), <c>option</c> (none, some) and <c>result</c> (ok, error).</summary>
internal sealed class VariantCanonType(ComponentValueKind kind, IReadOnlyList<string> labels, IReadOnlyList<CanonType?> cases)
    : CanonType(kind, Layout(() => AbiShape.Variant([.. cases.Select(c => c?.Shape)])))
{
    public IReadOnlyList<string> Labels { get; } = labels;
    public IReadOnlyList<CanonType?> Cases { get; } = cases;
    public int DiscriminantSize => Shape.DiscriminantSize;
    public int PayloadOffset => Shape.PayloadOffset;
}

/// <summary><c>flags</c> (1..32 labels; CanonicalABI.md limits flags to 32).</summary>
internal sealed class FlagsCanonType(IReadOnlyList<string> labels)
    : CanonType(ComponentValueKind.Flags, Layout(() => AbiShape.Flags(labels.Count)))
{
    public IReadOnlyList<string> Labels { get; } = labels;
}

/// <summary><c>own</c>/<c>borrow</c> handles of <see cref="Resource"/>: laid out as an i32 handle index
/// (lifted and lowered in Resources/LiftLowerContext.Resources.cs).</summary>
internal sealed class HandleCanonType(bool isOwn, ResourceTypeEntry resource) : CanonType(ComponentValueKind.Resource, AbiShape.Handle)
{
    /// <summary>A handle of an unknown resource type, for layout only (reflection): lifting or lowering through it fails.</summary>
    public HandleCanonType(bool isOwn) : this(isOwn, new ResourceTypeEntry("(unknown resource)")) { }

    public bool IsOwn { get; } = isOwn;

    /// <summary>The resource type; an imported one is bound at instantiation, before any call.</summary>
    public ResourceTypeEntry Resource { get; } = resource;
}

/// <summary>A component function type: labelled parameters and an optional result, with the synchronous
/// core signature decisions of CanonicalABI.md <c>flatten_functype</c>.</summary>
internal sealed class CanonFuncType
{
    /// <summary><c>MAX_FLAT_PARAMS</c>.</summary>
    public const int MaxFlatParams = CanonicalAbi.MaxFlatParams;

    /// <summary><c>MAX_FLAT_RESULTS</c>.</summary>
    public const int MaxFlatResults = CanonicalAbi.MaxFlatResults;

    public CanonFuncType(IReadOnlyList<string> names, IReadOnlyList<CanonType> parameters, CanonType? result)
    {
        ParameterNames = names;
        Parameters = parameters;
        Result = result;
        ParamTuple = new RecordCanonType(ComponentValueKind.Tuple, null, parameters);
        Results = result is null ? [] : [result];
        FlatResults = result is null ? [] : result.Flat;
        ParamsInMemory = ParamTuple.Flat.Count > MaxFlatParams;
        ResultsInMemory = FlatResults.Count > MaxFlatResults;
    }

    public IReadOnlyList<string> ParameterNames { get; }
    public IReadOnlyList<CanonType> Parameters { get; }
    public CanonType? Result { get; }
    public IReadOnlyList<CanonType> Results { get; }

    /// <summary>The parameters as one tuple, for spilling to memory.</summary>
    public RecordCanonType ParamTuple { get; }

    /// <summary><c>flatten_types</c> of the result.</summary>
    public IReadOnlyList<ValueKind> FlatResults { get; }

    /// <summary>More than MAX_FLAT_PARAMS flat parameters: they travel as one pointer to the tuple.</summary>
    public bool ParamsInMemory { get; }

    /// <summary>More than MAX_FLAT_RESULTS flat results: the result travels through memory.</summary>
    public bool ResultsInMemory { get; }
}
