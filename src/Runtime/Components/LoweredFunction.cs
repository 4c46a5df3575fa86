namespace WitSharp.Components;

/// <summary>
/// <c>canon lower</c>: a component function presented to core code (CanonicalABI.md "canon lower"). The
/// core signature takes the flat parameters (or one pointer to the spilled tuple beyond MAX_FLAT_PARAMS) and,
/// when the results do not fit MAX_FLAT_RESULTS, a trailing return pointer that the results are stored to.
/// When the target is another component's <c>canon lift</c>, this is the fused adapter: arguments are lifted
/// from the caller's memory and lowered into the callee's (strings transcoded from their source encoding), and
/// the result comes back the same way before the callee's post-return runs.
/// </summary>
internal static class LoweredFunction
{
    /// <summary>Forces the dynamic (ComponentValue) adapter for component-to-component calls: for tests that compare
    /// the direct path against it, and for the benchmark's before/after figures.</summary>
    [ThreadStatic]
    internal static bool DynamicOnly;

    public static Function Create(Store store, FuncItem target, CanonicalOptions options)
    {
        if (target is Typed.ILowerableHostFunc typed) return typed.CreateLowered(store, options);
        // Component to component: the direct adapter (Adapters/FusedAdapter.cs) unless it declines; then this
        // dynamic one, which lifts into ComponentValue and lowers from it.
        if (target is LiftedFuncItem lifted && !DynamicOnly && Adapters.FusedAdapter.TryCreate(store, lifted, options) is { } fused) return fused;
        var type = target.Type;
        var flatParams = type.ParamTuple.Flat;
        bool paramsInMemory = type.ParamsInMemory;
        bool resultsInMemory = type.ResultsInMemory;
        var coreParams = new List<ValueKind>(paramsInMemory ? [ValueKind.Int32] : flatParams);
        if (resultsInMemory) coreParams.Add(ValueKind.Int32);
        IReadOnlyList<ValueKind> coreResults = resultsInMemory ? [] : type.FlatResults;
        // Only a component-to-component call needs string sources: the host sees .NET strings.
        bool trackOrigins = target is LiftedFuncItem && (type.Parameters.Any(ContainsString) || (type.Result is { } r && ContainsString(r)));
        var caller = options.Instance;

        return Function.FromCallbackUnwrapped(store, (_, args, results) =>
        {
            string where = $"`{target.Name}` (lowered)";
            // CanonicalABI.md "canon lower": trap_if(not inst.may_leave) — e.g. an import called from realloc or post-return.
            if (!caller.MayLeave)
                throw new TrapException(TrapCode.CannotLeaveComponent,
                    $"{where}: cannot leave component instance: imports may not be called from realloc or post-return");
            // The call's lenders (own handles of the caller lent as borrows) are returned when it ends, trap or not.
            var borrows = new CallBorrowScope();
            using var endOfCall = borrows.Enter();
            var cx = new LiftLowerContext(options, where) { Origins = trackOrigins ? new StringOrigins() : null, Instance = caller, Borrows = borrows };
            var raw = new ulong[args.Length];
            for (int i = 0; i < raw.Length; i++) raw[i] = CoreSignature.FromBox(args[i]);
            ComponentValue[] values;
            if (paramsInMemory)
            {
                var tuple = type.ParamTuple;
                long ptr = (uint)raw[0];
                cx.CheckRange(ptr, tuple.Alignment, tuple.Size, "parameter");
                values = [.. cx.Load(ptr, tuple).Items];
            }
            else
            {
                var reader = new LiftLowerContext.FlatReader(raw);
                values = new ComponentValue[type.Parameters.Count];
                for (int i = 0; i < values.Length; i++) values[i] = cx.LiftFlat(reader, type.Parameters[i]);
            }

            // The result is lowered inside on_resolve, i.e. before the callee's post-return (Store.lift / canon_lift).
            List<ulong>? flat = null;
            target.Call(caller, values, cx.Origins, result =>
            {
                if (type.Result is not { } rt) return;
                if (result is null) throw new WasmException($"{where}: the callee returned no result");
                if (resultsInMemory)
                {
                    long ptr = (uint)raw[^1];
                    cx.CheckRange(ptr, rt.Alignment, rt.Size, "return");
                    cx.Store(result, rt, ptr);
                }
                else
                {
                    flat = new List<ulong>(coreResults.Count);
                    cx.LowerFlat(result, rt, flat);
                }
            });
            if (flat is null) return;
            for (int i = 0; i < flat.Count; i++) results[i] = CoreSignature.ToBox(flat[i], coreResults[i]);
        }, coreParams, coreResults);
    }

    private static bool ContainsString(CanonType t) => t switch
    {
        PrimitiveCanonType p => p.Kind == ComponentValueKind.String,
        ListCanonType l => ContainsString(l.Element),
        RecordCanonType r => r.Fields.Any(ContainsString),
        VariantCanonType v => v.Cases.Any(c => c is not null && ContainsString(c)),
        _ => false,
    };
}
