namespace WitSharp.Components;

/// <summary>Presents run-time types (<see cref="CanonType"/>, <see cref="CanonFuncType"/>) as the public
/// reflection model. Handles carry no resource identity at this level (<see cref="ComponentValueType.Resource"/> is null).</summary>
internal static class CanonReflection
{
    public static ComponentFunctionType Function(CanonFuncType f) =>
        new([.. f.ParameterNames.Select((n, i) => new ComponentField(n, Value(f.Parameters[i])))], f.Result is { } r ? Value(r) : null);

    public static ComponentValueType Value(CanonType t) => t switch
    {
        PrimitiveCanonType p => p.Kind switch
        {
            ComponentValueKind.Bool => ComponentValueType.Bool,
            ComponentValueKind.S8 => ComponentValueType.S8,
            ComponentValueKind.U8 => ComponentValueType.U8,
            ComponentValueKind.S16 => ComponentValueType.S16,
            ComponentValueKind.U16 => ComponentValueType.U16,
            ComponentValueKind.S32 => ComponentValueType.S32,
            ComponentValueKind.U32 => ComponentValueType.U32,
            ComponentValueKind.S64 => ComponentValueType.S64,
            ComponentValueKind.U64 => ComponentValueType.U64,
            ComponentValueKind.F32 => ComponentValueType.F32,
            ComponentValueKind.F64 => ComponentValueType.F64,
            ComponentValueKind.Char => ComponentValueType.Char,
            _ => ComponentValueType.String,
        },
        ListCanonType l => ComponentValueType.List(Value(l.Element)),
        RecordCanonType { Labels: null } r => ComponentValueType.Tuple([.. r.Fields.Select(Value)]),
        RecordCanonType r => ComponentValueType.Record([.. r.Labels.Select((n, i) => (n, Value(r.Fields[i])))]),
        VariantCanonType v => v.Kind switch
        {
            ComponentValueKind.Enum => ComponentValueType.Enum([.. v.Labels]),
            ComponentValueKind.Option => ComponentValueType.Option(Value(v.Cases[1]!)),
            ComponentValueKind.Result => ComponentValueType.Result(Optional(v.Cases[0]), Optional(v.Cases[1])),
            _ => ComponentValueType.Variant([.. v.Labels.Select((n, i) => (n, Optional(v.Cases[i])))]),
        },
        FlagsCanonType f => ComponentValueType.Flags([.. f.Labels]),
        HandleCanonType h => ComponentValueType.Handle(h.IsOwn, h.Resource),
        _ => throw new NotSupportedException($"no reflection for {t.GetType().Name}"),
    };

    private static ComponentValueType? Optional(CanonType? t) => t is null ? null : Value(t);
}
