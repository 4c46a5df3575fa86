namespace WitSharp.Components;

/// <summary>
/// A resolved component value type with its canonical ABI layout (CanonicalABI.md "Despecialization",
/// "Element Size", "Alignment", "Flattening"). Option, result and enum are kept as variants with a
/// <see cref="Kind"/> that says how to present them; tuple is a record without labels. Pointers are 32-bit
/// (memory64 components are rejected at translation).
/// </summary>
internal abstract class CanonType
{
    private protected CanonType(ComponentValueKind kind) => Kind = kind;

    /// <summary>How values of this type are presented.</summary>
    public ComponentValueKind Kind { get; }

    /// <summary><c>elem_size</c>.</summary>
    public abstract int Size { get; }

    /// <summary><c>alignment</c>.</summary>
    public abstract int Alignment { get; }

    /// <summary><c>flatten_type</c>: one core kind per flat slot.</summary>
    public abstract IReadOnlyList<ValueKind> Flat { get; }

    internal static int AlignTo(int ptr, int alignment) => (ptr + alignment - 1) / alignment * alignment;

    /// <summary><c>join</c> of two flat types (CanonicalABI.md "flatten_variant").</summary>
    internal static ValueKind Join(ValueKind a, ValueKind b) =>
        a == b ? a
        : (a, b) is (ValueKind.Int32, ValueKind.Float32) or (ValueKind.Float32, ValueKind.Int32) ? ValueKind.Int32
        : ValueKind.Int64;
}

/// <summary>bool, integers, floats, char and string.</summary>
internal sealed class PrimitiveCanonType : CanonType
{
    public static readonly PrimitiveCanonType Bool = new(ComponentValueKind.Bool, 1, ValueKind.Int32);
    public static readonly PrimitiveCanonType S8 = new(ComponentValueKind.S8, 1, ValueKind.Int32);
    public static readonly PrimitiveCanonType U8 = new(ComponentValueKind.U8, 1, ValueKind.Int32);
    public static readonly PrimitiveCanonType S16 = new(ComponentValueKind.S16, 2, ValueKind.Int32);
    public static readonly PrimitiveCanonType U16 = new(ComponentValueKind.U16, 2, ValueKind.Int32);
    public static readonly PrimitiveCanonType S32 = new(ComponentValueKind.S32, 4, ValueKind.Int32);
    public static readonly PrimitiveCanonType U32 = new(ComponentValueKind.U32, 4, ValueKind.Int32);
    public static readonly PrimitiveCanonType S64 = new(ComponentValueKind.S64, 8, ValueKind.Int64);
    public static readonly PrimitiveCanonType U64 = new(ComponentValueKind.U64, 8, ValueKind.Int64);
    public static readonly PrimitiveCanonType F32 = new(ComponentValueKind.F32, 4, ValueKind.Float32);
    public static readonly PrimitiveCanonType F64 = new(ComponentValueKind.F64, 8, ValueKind.Float64);
    public static readonly PrimitiveCanonType Char = new(ComponentValueKind.Char, 4, ValueKind.Int32);
    public static readonly PrimitiveCanonType String = new(ComponentValueKind.String, 8, ValueKind.Int32, ValueKind.Int32);

    private readonly ValueKind[] _flat;
    private readonly int _size;

    private PrimitiveCanonType(ComponentValueKind kind, int size, params ValueKind[] flat) : base(kind)
    {
        _size = size;
        _flat = flat;
    }

    public override int Size => _size;
    public override int Alignment => Kind == ComponentValueKind.String ? 4 : _size;
    public override IReadOnlyList<ValueKind> Flat => _flat;
}

/// <summary><c>list&lt;T&gt;</c>: a (pointer, length) pair; <c>list&lt;T, N&gt;</c> (fixed length): N elements in
/// place (CanonicalABI.md <c>elem_size_list</c>, <c>flatten_list</c>). <c>map&lt;K, V&gt;</c> despecializes to
/// <c>list&lt;tuple&lt;K, V&gt;&gt;</c> and is presented as that list.</summary>
internal sealed class ListCanonType : CanonType
{
    private static readonly ValueKind[] PointerPair = [ValueKind.Int32, ValueKind.Int32];

    public ListCanonType(CanonType element, int? fixedLength = null) : base(ComponentValueKind.List)
    {
        Element = element;
        FixedLength = fixedLength;
        if (fixedLength is { } n)
        {
            Size = checked(n * element.Size);
            Alignment = element.Alignment;
            var flat = new ValueKind[checked(n * element.Flat.Count)];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < element.Flat.Count; j++) flat[i * element.Flat.Count + j] = element.Flat[j];
            }
            Flat = flat;
        }
        else
        {
            Size = 8;
            Alignment = 4;
            Flat = PointerPair;
        }
    }

    public CanonType Element { get; }

    /// <summary>N of <c>list&lt;T, N&gt;</c>, or null for a variable-length list.</summary>
    public int? FixedLength { get; }

    public override int Size { get; }
    public override int Alignment { get; }
    public override IReadOnlyList<ValueKind> Flat { get; }
}

/// <summary><c>record</c> (labels) or <c>tuple</c> (no labels).</summary>
internal sealed class RecordCanonType : CanonType
{
    public RecordCanonType(ComponentValueKind kind, IReadOnlyList<string>? labels, IReadOnlyList<CanonType> fields) : base(kind)
    {
        Labels = labels;
        Fields = fields;
        int size = 0, align = 1;
        var offsets = new int[fields.Count];
        var flat = new List<ValueKind>();
        for (int i = 0; i < fields.Count; i++)
        {
            size = AlignTo(size, fields[i].Alignment);
            offsets[i] = size;
            size += fields[i].Size;
            align = Math.Max(align, fields[i].Alignment);
            flat.AddRange(fields[i].Flat);
        }
        Offsets = offsets;
        Alignment = align;
        Size = AlignTo(size, align);
        Flat = flat;
    }

    public IReadOnlyList<string>? Labels { get; }
    public IReadOnlyList<CanonType> Fields { get; }
    public IReadOnlyList<int> Offsets { get; }
    public override int Size { get; }
    public override int Alignment { get; }
    public override IReadOnlyList<ValueKind> Flat { get; }
}

/// <summary><c>variant</c>, <c>enum</c> (no payloads), <c>option</c> (none, some) and <c>result</c> (ok, error).</summary>
internal sealed class VariantCanonType : CanonType
{
    public VariantCanonType(ComponentValueKind kind, IReadOnlyList<string> labels, IReadOnlyList<CanonType?> cases) : base(kind)
    {
        Labels = labels;
        Cases = cases;
        DiscriminantSize = cases.Count <= 256 ? 1 : cases.Count <= 65536 ? 2 : 4;
        int maxSize = 0, maxAlign = 1;
        var payload = new List<ValueKind>();
        foreach (var c in cases)
        {
            if (c is null) continue;
            maxSize = Math.Max(maxSize, c.Size);
            maxAlign = Math.Max(maxAlign, c.Alignment);
            var f = c.Flat;
            for (int i = 0; i < f.Count; i++)
            {
                if (i < payload.Count) payload[i] = Join(payload[i], f[i]);
                else payload.Add(f[i]);
            }
        }
        PayloadOffset = AlignTo(DiscriminantSize, maxAlign);
        Alignment = Math.Max(DiscriminantSize, maxAlign);
        Size = AlignTo(PayloadOffset + maxSize, Alignment);
        Flat = [ValueKind.Int32, .. payload];
    }

    public IReadOnlyList<string> Labels { get; }
    public IReadOnlyList<CanonType?> Cases { get; }
    public int DiscriminantSize { get; }
    public int PayloadOffset { get; }
    public override int Size { get; }
    public override int Alignment { get; }
    public override IReadOnlyList<ValueKind> Flat { get; }
}

/// <summary><c>flags</c> (1..32 labels; CanonicalABI.md limits flags to 32).</summary>
internal sealed class FlagsCanonType(IReadOnlyList<string> labels) : CanonType(ComponentValueKind.Flags)
{
    private static readonly ValueKind[] OneI32 = [ValueKind.Int32];

    public IReadOnlyList<string> Labels { get; } = labels;
    public override int Size => Labels.Count <= 8 ? 1 : Labels.Count <= 16 ? 2 : 4;
    public override int Alignment => Size;
    public override IReadOnlyList<ValueKind> Flat => OneI32;
}

/// <summary><c>own</c>/<c>borrow</c> handles of <see cref="Resource"/>: laid out as an i32 handle index
/// (lifted and lowered in Resources/LiftLowerContext.Resources.cs).</summary>
internal sealed class HandleCanonType(bool isOwn, ResourceTypeEntry resource) : CanonType(ComponentValueKind.Resource)
{
    private static readonly ValueKind[] OneI32 = [ValueKind.Int32];

    /// <summary>A handle of an unknown resource type, for layout only (reflection): lifting or lowering through it fails.</summary>
    public HandleCanonType(bool isOwn) : this(isOwn, new ResourceTypeEntry("(unknown resource)")) { }

    public bool IsOwn { get; } = isOwn;

    /// <summary>The resource type; an imported one is bound at instantiation, before any call.</summary>
    public ResourceTypeEntry Resource { get; } = resource;
    public override int Size => 4;
    public override int Alignment => 4;
    public override IReadOnlyList<ValueKind> Flat => OneI32;
}

/// <summary>A component function type: labelled parameters and an optional result, with the synchronous
/// core signature decisions of CanonicalABI.md <c>flatten_functype</c>.</summary>
internal sealed class CanonFuncType
{
    /// <summary><c>MAX_FLAT_PARAMS</c>.</summary>
    public const int MaxFlatParams = 16;

    /// <summary><c>MAX_FLAT_RESULTS</c>.</summary>
    public const int MaxFlatResults = 1;

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
