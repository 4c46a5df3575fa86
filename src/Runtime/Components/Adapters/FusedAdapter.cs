using WitSharp.Components.Typed;

namespace WitSharp.Components.Adapters;

/// <summary>
/// The fused adapter of a <c>canon lower</c> whose target is another component's <c>canon lift</c>
/// (CanonicalABI.md "canon lower" calling "canon lift"): arguments move straight from the caller's flat values or
/// memory into the callee's, and the result straight back, following an <see cref="AdapterPlan"/> built once —
/// no <see cref="ComponentValue"/> in between. The call protocol is the dynamic path's
/// (<see cref="LoweredFunction"/> + <see cref="LiftedFuncItem"/>): <c>may_leave</c> of the caller checked, the
/// callee entered (<c>may_enter</c>, reentrance and lockdown rules of <see cref="InstanceFlags"/>), realloc and
/// post-return run with the callee's <c>may_leave</c> cleared, borrow scopes checked at return and released after,
/// and any error unwinding through the callee locks it down.
/// </summary>
/// <remarks>Not used (the dynamic path runs instead) when both ends name the same linear memory — the spec's
/// lift-then-lower reads the whole source before any destination realloc, which a fused copy within one memory
/// could not reproduce — or when <see cref="AdapterPlan.For"/> does not cover a type.</remarks>
internal sealed unsafe class FusedAdapter
{
    private readonly LiftedFuncItem _callee;
    private readonly CanonicalOptions _callerOptions;
    private readonly AdapterPlan _plan;
    private readonly AdapterSide _callerSide;
    private readonly AdapterSide _calleeSide;
    private readonly AdapterFrame _argumentFrame;
    private readonly AdapterFrame _resultFrame;
    private readonly bool _paramsInMemory;
    private readonly bool _resultsInMemory;
    private readonly ValueKind _resultKind;
    private FlatInvoker? _core;
    private FlatInvoker? _postReturn;
    private string? _whereName;
    private string _where = "";

    private FusedAdapter(LiftedFuncItem callee, CanonicalOptions callerOptions, AdapterPlan plan)
    {
        _callee = callee;
        _callerOptions = callerOptions;
        _plan = plan;
        _callerSide = new AdapterSide(callerOptions, callee, " (lowered)");
        _calleeSide = new AdapterSide(callee.Options, callee, "");
        _argumentFrame = new AdapterFrame(_callerSide, _calleeSide);
        _resultFrame = new AdapterFrame(_calleeSide, _callerSide);
        _paramsInMemory = callee.ParamsInMemory;
        _resultsInMemory = callee.ResultsInMemory;
        _resultKind = !_resultsInMemory && callee.Type.FlatResults.Count == 1 ? callee.Type.FlatResults[0] : ValueKind.Int32;
    }

    /// <summary>The adapter as the core function the caller imports, or null when the direct path does not apply
    /// (see the remarks), and the caller of this method must build the dynamic one.</summary>
    public static Function? TryCreate(Store store, LiftedFuncItem callee, CanonicalOptions callerOptions)
    {
        if (callerOptions.Memory is { } a && callee.Options.Memory is { } b && ReferenceEquals(a.Instance, b.Instance)) return null;
        if (AdapterPlan.For(callee.Type) is not { } plan) return null;
        var adapter = new FusedAdapter(callee, callerOptions, plan);
        return Function.FromCallbackUnwrapped(store, adapter.Call, plan.CoreParameters, plan.CoreResults);
    }

    /// <summary>The callee's name for trap messages; rebuilt only if the function was (re)named after its export.</summary>
    private string Where
    {
        get
        {
            var name = _callee.Name;
            if (!ReferenceEquals(name, _whereName))
            {
                _where = $"`{name}`";
                _whereName = name;
            }
            return _where;
        }
    }

    private void Call(Caller _, ReadOnlySpan<ValueBox> args, Span<ValueBox> results)
    {
        var caller = _callerOptions.Instance;
        // CanonicalABI.md "canon lower": trap_if(not inst.may_leave) — e.g. an import called from realloc or post-return.
        if (!caller.MayLeave)
            throw new TrapException(TrapCode.CannotLeaveComponent,
                $"{Where} (lowered): cannot leave component instance: imports may not be called from realloc or post-return");
        Span<ulong> raw = stackalloc ulong[args.Length];
        for (int i = 0; i < raw.Length; i++) raw[i] = CoreSignature.FromBox(args[i]);
        if (!_plan.HasHandles)
        {
            Run(raw, results, null);
            return;
        }
        // The caller's lenders (own handles lent as borrows) are returned when the call ends, trap or not.
        var callerScope = new CallBorrowScope();
        try
        {
            Run(raw, results, callerScope);
        }
        finally
        {
            callerScope.Release();
        }
    }

    private void Run(Span<ulong> raw, Span<ValueBox> results, CallBorrowScope? callerScope)
    {
        var caller = _callerOptions.Instance;
        var callee = _callee.Flags;
        string where = Where;
        int entered = callee.Enter(caller, where);
        bool coreRunning = false;
        // CanonicalABI.md Task.num_borrows: the callee's borrows are checked at return and released after.
        var calleeScope = callerScope is null ? null : new CallBorrowScope();
        try
        {
            AdapterFrame argumentFrame = _argumentFrame, resultFrame = _resultFrame;
            if (calleeScope is not null)
            {
                var callerCx = new LiftLowerContext(_callerOptions, where + " (lowered)") { Instance = caller, Borrows = callerScope };
                var calleeCx = new LiftLowerContext(_callee.Options, where) { Instance = callee, Borrows = calleeScope };
                argumentFrame = new AdapterFrame(_callerSide, _calleeSide) { SrcHandles = callerCx, DstHandles = calleeCx };
                resultFrame = new AdapterFrame(_calleeSide, _callerSide) { SrcHandles = calleeCx, DstHandles = callerCx };
            }

            Span<ulong> flat = stackalloc ulong[CanonFuncType.MaxFlatParams];
            int count;
            var parameters = _plan.Parameters;
            if (_paramsInMemory)
            {
                // The caller's spilled tuple is checked, the callee's allocated by its realloc ("lower_flat_values").
                var tuple = _callee.Type.ParamTuple;
                uint sp = (uint)raw[0];
                _callerSide.CheckRange(sp, tuple.Alignment, tuple.Size, "parameter");
                uint dp = _calleeSide.Reallocate(0, 0, tuple.Alignment, tuple.Size, "the spilled parameters");
                parameters.CopyMemory(argumentFrame, sp, dp);
                flat[0] = dp;
                count = 1;
            }
            else
            {
                count = parameters.FlatCount;
                parameters.CopyFlat(argumentFrame, raw[..count], flat[..count]);
            }

            coreRunning = true;
            ulong r;
            fixed (ulong* p = flat) r = (_core ??= CoreInvokers.Create(_callee.Core))(p);

            if (_plan.Result is { } result)
            {
                if (_resultsInMemory)
                {
                    var rt = _callee.Type.Result!;
                    uint sp = (uint)r;
                    _calleeSide.CheckRange(sp, rt.Alignment, rt.Size, "return");
                    uint dp = (uint)raw[^1];
                    _callerSide.CheckRange(dp, rt.Alignment, rt.Size, "return");
                    result.CopyMemory(resultFrame, sp, dp);
                }
                else
                {
                    Span<ulong> from = [r];
                    Span<ulong> to = stackalloc ulong[1];
                    result.CopyFlat(resultFrame, from, to);
                    results[0] = CoreSignature.ToBox(to[0], _resultKind);
                }
            }
            calleeScope?.CheckReturn(where);

            if (_callee.Options.PostReturn is { } postReturn)
            {
                // post-return runs with the core results and may_leave cleared (CanonicalABI.md "canon lift").
                callee.MayLeave = false;
                try
                {
                    (_postReturn ??= CoreInvokers.Create(postReturn))(&r);
                }
                finally
                {
                    callee.MayLeave = true;
                }
            }
        }
        // As LiftedFuncItem: an error unwinding through the call locks the callee down (Explainer.md "Component
        // Invariants" 1); only a host argument error before the core function ran does not (none arise here).
        catch (Exception e) when (coreRunning || e is not ArgumentException)
        {
            callee.Poison(entered, e);
            throw;
        }
        finally
        {
            calleeScope?.Release();
            callee.Leave(entered);
        }
    }
}
