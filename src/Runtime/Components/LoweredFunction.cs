namespace WitSharp.Components;

/// <summary>
/// <c>canon lower</c>: a component function presented to core code (CanonicalABI.md "canon lower"). The
/// core signature takes the flat parameters (or one pointer to the spilled tuple beyond MAX_FLAT_PARAMS) and,
/// when the results do not fit MAX_FLAT_RESULTS, a trailing return pointer that the results are stored to.
/// </summary>
internal static class LoweredFunction
{
    private const int MaxFlatParams = 16;
    private const int MaxFlatResults = 1;

    public static Function Create(Store store, FuncItem target, CanonicalOptions options)
    {
        if (target is Typed.ILowerableHostFunc typed) return typed.CreateLowered(store, options);
        var type = target.Type;
        var flatParams = type.ParamTuple.Flat;
        var flatResults = type.Results.SelectMany(r => r.Flat).ToArray();
        bool paramsInMemory = flatParams.Count > MaxFlatParams;
        bool resultsInMemory = flatResults.Length > MaxFlatResults;
        var coreParams = new List<ValueKind>(paramsInMemory ? [ValueKind.Int32] : flatParams);
        if (resultsInMemory) coreParams.Add(ValueKind.Int32);
        IReadOnlyList<ValueKind> coreResults = resultsInMemory ? [] : flatResults;
        string where = $"`{target.Name}` (lowered)";

        return Function.FromCallback(store, (caller, args, results) =>
        {
            var cx = new LiftLowerContext(options, where);
            var raw = new ulong[args.Length];
            for (int i = 0; i < raw.Length; i++) raw[i] = CoreSignature.FromBox(args[i]);
            ComponentValue[] values;
            if (paramsInMemory)
            {
                var tuple = type.ParamTuple;
                long ptr = (uint)raw[0];
                if (ptr % tuple.Alignment != 0)
                    throw new TrapException(TrapCode.HeapMisaligned, $"{where}: parameter pointer 0x{ptr:x} is not {tuple.Alignment}-byte aligned");
                values = [.. cx.Load(ptr, tuple).Items];
            }
            else
            {
                var reader = new LiftLowerContext.FlatReader(raw);
                values = new ComponentValue[type.Parameters.Count];
                for (int i = 0; i < values.Length; i++) values[i] = cx.LiftFlat(reader, type.Parameters[i]);
            }

            var result = target.Invoke(values);
            if (type.Result is not { } rt) return;
            if (resultsInMemory)
            {
                long ptr = (uint)raw[^1];
                if (ptr % rt.Alignment != 0)
                    throw new TrapException(TrapCode.HeapMisaligned, $"{where}: return pointer 0x{ptr:x} is not {rt.Alignment}-byte aligned");
                cx.Store(result!, rt, ptr);
            }
            else
            {
                var flat = new List<ulong>();
                cx.LowerFlat(result!, rt, flat);
                for (int i = 0; i < flat.Count; i++) results[i] = CoreSignature.ToBox(flat[i], coreResults[i]);
            }
        }, coreParams, coreResults);
    }
}
