using System.Runtime.CompilerServices;

namespace WitSharp.Components.Adapters;

/// <summary>
/// The per-function plan of a fused adapter, computed once when the adapter is built (at instantiation, from the
/// function type and the two ends' canonical options): one <see cref="ValueCopier"/> tree for the arguments and
/// one for the result. Every value type is covered; <c>own</c>/<c>borrow</c> leaves move through the handle tables
/// with the dynamic path's transfer code (<see cref="HandleCopier"/>).
/// </summary>
internal sealed class AdapterPlan
{
    // Plans hold no per-instance state, so one plan serves every adapter of a function type; function types
    // without resources are shared by all instances of a component (InstantiationPlan), so this is once per
    // component, not per instantiation.
    private static readonly ConditionalWeakTable<CanonFuncType, StrongBox<AdapterPlan?>> s_plans = new();

    private AdapterPlan(CanonFuncType type, RecordCopier parameters, ValueCopier? result, bool hasHandles)
    {
        Parameters = parameters;
        Result = result;
        HasHandles = hasHandles;
        var coreParams = new List<ValueKind>(type.ParamsInMemory ? [ValueKind.Int32] : type.ParamTuple.Flat);
        if (type.ResultsInMemory) coreParams.Add(ValueKind.Int32);
        CoreParameters = [.. coreParams];
        CoreResults = type.ResultsInMemory ? [] : [.. type.FlatResults];
    }

    /// <summary>The lowered core signature's parameters (<c>flatten_functype</c> for <c>canon lower</c>).</summary>
    public ValueKind[] CoreParameters { get; }

    /// <summary>The lowered core signature's results.</summary>
    public ValueKind[] CoreResults { get; }

    /// <summary>The parameters as one tuple: flat slot by slot, or the spilled tuple memory to memory.</summary>
    public RecordCopier Parameters { get; }

    /// <summary>The result, or null when the function has none.</summary>
    public ValueCopier? Result { get; }

    /// <summary>True when a value of the type may carry an <c>own</c> or <c>borrow</c> handle: such calls set up
    /// the handle contexts and borrow scopes; others skip them.</summary>
    public bool HasHandles { get; }

    /// <summary>The plan for <paramref name="type"/> (built on first use, then shared), or null when some value type is not covered (then the adapter
    /// falls back to lifting into <see cref="ComponentValue"/>).</summary>
    public static AdapterPlan? For(CanonFuncType type) =>
        s_plans.GetValue(type, static t => new StrongBox<AdapterPlan?>(TryCreate(t))).Value;

    private static AdapterPlan? TryCreate(CanonFuncType type)
    {
        var parameters = new ValueCopier[type.Parameters.Count];
        bool handles = false;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (Build(type.Parameters[i], ref handles) is not { } c) return null;
            parameters[i] = c;
        }
        ValueCopier? result = null;
        if (type.Result is { } rt && (result = Build(rt, ref handles)) is null) return null;
        return new AdapterPlan(type, new RecordCopier(type.ParamTuple, parameters), result, handles);
    }

    /// <summary>The copier of one value type, or null when it is not covered.</summary>
    internal static ValueCopier? ForType(CanonType t)
    {
        bool handles = false;
        return Build(t, ref handles);
    }

    private static ValueCopier? Build(CanonType t, ref bool handles)
    {
        switch (t)
        {
            case PrimitiveCanonType p:
                return p.Kind switch
                {
                    ComponentValueKind.Bool => BoolCopier.Instance,
                    ComponentValueKind.S8 => IntegerCopier.S8,
                    ComponentValueKind.U8 => IntegerCopier.U8,
                    ComponentValueKind.S16 => IntegerCopier.S16,
                    ComponentValueKind.U16 => IntegerCopier.U16,
                    ComponentValueKind.S32 => IntegerCopier.S32,
                    ComponentValueKind.U32 => IntegerCopier.U32,
                    ComponentValueKind.S64 => IntegerCopier.S64,
                    ComponentValueKind.U64 => IntegerCopier.U64,
                    ComponentValueKind.F32 => FloatCopier.F32,
                    ComponentValueKind.F64 => FloatCopier.F64,
                    ComponentValueKind.Char => CharCopier.Instance,
                    ComponentValueKind.String => StringCopier.Instance,
                    _ => null,
                };
            case ListCanonType { FixedLength: { } n } fl:
                return Build(fl.Element, ref handles) is { } fe ? new FixedListCopier(fe, n, fl.Element.Size) : null;
            case ListCanonType l:
                return Build(l.Element, ref handles) is { } e ? new ListCopier(e, l.Element.Size, l.Element.Alignment) : null;
            case RecordCanonType r:
            {
                var fields = new ValueCopier[r.Fields.Count];
                for (int i = 0; i < fields.Length; i++)
                {
                    if (Build(r.Fields[i], ref handles) is not { } c) return null;
                    fields[i] = c;
                }
                return new RecordCopier(r, fields);
            }
            case VariantCanonType v:
            {
                var cases = new ValueCopier?[v.Cases.Count];
                for (int i = 0; i < cases.Length; i++)
                {
                    if (v.Cases[i] is not { } ct) continue;
                    if (Build(ct, ref handles) is not { } c) return null;
                    cases[i] = c;
                }
                return new VariantCopier(v, cases);
            }
            case FlagsCanonType f:
                return new FlagsCopier(f);
            case HandleCanonType h:
                handles = true;
                return new HandleCopier(h);
            default:
                return null;
        }
    }
}
