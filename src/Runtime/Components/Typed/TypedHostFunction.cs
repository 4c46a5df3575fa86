namespace WitSharp.Components.Typed;

/// <summary>A typed host definition in a linker; bound to an import's type by <see cref="Bind"/>.</summary>
internal interface ITypedHostDefinition
{
    FuncItem Bind(CanonFuncType type, string name);
}

internal sealed class TypedHostDefinition<TParams, TResult>(Func<TParams, TResult> callback) : ITypedHostDefinition
{
    public FuncItem Bind(CanonFuncType type, string name) => new TypedHostFuncItem<TParams, TResult>(type, name, callback);
}

/// <summary>Marker for <see cref="LoweredFunction"/>: a host function with its own lowering.</summary>
internal interface ILowerableHostFunc
{
    Function CreateLowered(Store store, CanonicalOptions options);
}

/// <summary>
/// A typed host function bound to an import's type (CanonicalABI.md "canon lower"): the core function lifts the
/// flat arguments (or loads the spilled parameter tuple) with the parameter marshaler, calls the C# callback and
/// lowers the result into the core result or the caller's return pointer.
/// </summary>
internal sealed class TypedHostFuncItem<TParams, TResult> : FuncItem, ILowerableHostFunc
{
    private const int MaxFlatParams = 16;
    private const int MaxFlatResults = 1;
    private readonly Func<TParams, TResult> _callback;
    private readonly ComponentMarshaler<TParams>? _params;
    private readonly ComponentMarshaler<TResult>? _result;

    public TypedHostFuncItem(CanonFuncType type, string name, Func<TParams, TResult> callback) : base(type, name)
    {
        _callback = callback;
        var ft = CanonReflection.Function(type);
        try
        {
            _params = TypedSignature.BindParams<TParams>(ft);
            _result = TypedSignature.BindResult<TResult>(ft);
        }
        catch (ComponentTypeMismatchException e)
        {
            throw new ComponentTypeMismatchException($"host function `{name}`: {e.Message}");
        }
    }

    public override void Call(InstanceFlags? caller, IReadOnlyList<ComponentValue> arguments, StringOrigins? origins, Action<ComponentValue?> onResolve) =>
        throw new ComponentException($"`{Name}` is a typed host function; it can be called from components only (not through ComponentValue)");

    public Function CreateLowered(Store store, CanonicalOptions options)
    {
        var type = Type;
        var flatParams = type.ParamTuple.Flat;
        var flatResults = type.Results.SelectMany(r => r.Flat).ToArray();
        bool paramsInMemory = flatParams.Count > MaxFlatParams;
        bool resultsInMemory = flatResults.Length > MaxFlatResults;
        var coreParams = new List<ValueKind>(paramsInMemory ? [ValueKind.Int32] : flatParams);
        if (resultsInMemory) coreParams.Add(ValueKind.Int32);
        IReadOnlyList<ValueKind> coreResults = resultsInMemory ? [] : flatResults;
        var cx = new CanonicalContext(store, options, $"`{Name}` (lowered)");
        var pm = _params;
        var rm = _result;
        var callback = _callback;
        var instance = options.Instance;
        string where = $"`{Name}` (lowered)";
        // Decided once: only signatures with own/borrow handles pay for a borrow scope per call.
        bool hasHandles = HandleTypes.Contain(CanonReflection.Function(type));

        return Function.FromCallback(store, (caller, args, results) =>
        {
            // CanonicalABI.md "canon lower": trap_if(not inst.may_leave), e.g. an import called from realloc or post-return.
            if (!instance.MayLeave)
                throw new TrapException(TrapCode.CannotLeaveComponent,
                    $"{where}: cannot leave component instance: imports may not be called from realloc or post-return");
            Span<ulong> flat = stackalloc ulong[Math.Max(args.Length, 1)];
            for (int i = 0; i < args.Length; i++) flat[i] = CoreSignature.FromBox(args[i]);
            if (!hasHandles)
            {
                Run(flat, args.Length, results);
                return;
            }
            // The call's lenders (own handles of the caller lent as borrows) are returned and the borrows handed to
            // the callback expire when it ends, trap or not (as LoweredFunction does).
            var borrows = new CallBorrowScope();
            var saved = cx.Borrows;
            cx.Borrows = borrows;
            try
            {
                Run(flat, args.Length, results);
            }
            finally
            {
                cx.Borrows = saved;
                borrows.Release();
            }
        }, coreParams, coreResults);

        void Run(Span<ulong> flat, int argCount, Span<ValueBox> results)
        {
            TParams p = default!;
            if (pm is not null)
            {
                if (paramsInMemory)
                {
                    uint ptr = (uint)flat[0];
                    cx.CheckAligned(ptr, pm.Alignment, "parameter");
                    p = pm.Load(cx, ptr);
                }
                else
                {
                    p = pm.LiftFlat(cx, flat);
                }
            }
            var r = callback(p);
            if (rm is null) return;
            if (resultsInMemory)
            {
                uint ptr = (uint)flat[argCount - 1];
                cx.CheckAligned(ptr, rm.Alignment, "return");
                rm.Store(cx, r, ptr);
            }
            else
            {
                Span<ulong> o = stackalloc ulong[1];
                rm.LowerFlat(cx, r, o);
                results[0] = CoreSignature.ToBox(o[0], coreResults[0]);
            }
        }
    }
}

/// <summary>Binds C# parameter and result types to a function type (shared by typed exports and imports).</summary>
internal static class TypedSignature
{
    public static ComponentMarshaler<TParams>? BindParams<TParams>(ComponentFunctionType type)
    {
        var ps = type.Parameters;
        if (ps.Count == 0)
        {
            if (typeof(TParams) != typeof(ValueTuple))
                throw new ComponentTypeMismatchException($"{type} takes no parameters: use ValueTuple for TParams, not {MarshalerFactory.Describe(typeof(TParams))}");
            return null;
        }
        if (ps.Count == 1) return ComponentMarshaler.Create<TParams>(ps[0].Type);
        if (!MarshalerFactory.IsValueTuple(typeof(TParams)) || MarshalerFactory.TupleArity(typeof(TParams)) != ps.Count)
            throw new ComponentTypeMismatchException($"{type} takes {ps.Count} parameters: TParams must be a ValueTuple of {ps.Count} types, not {MarshalerFactory.Describe(typeof(TParams))}");
        return (ComponentMarshaler<TParams>)MarshalerFactory.CreateTuple(typeof(TParams), ComponentValueType.Tuple([.. ps.Select(p => p.Type)]));
    }

    public static ComponentMarshaler<TResult>? BindResult<TResult>(ComponentFunctionType type)
    {
        if (type.Result is { } r) return ComponentMarshaler.Create<TResult>(r);
        if (typeof(TResult) != typeof(ValueTuple))
            throw new ComponentTypeMismatchException($"{type} returns nothing: use ValueTuple for TResult, not {MarshalerFactory.Describe(typeof(TResult))}");
        return null;
    }
}
