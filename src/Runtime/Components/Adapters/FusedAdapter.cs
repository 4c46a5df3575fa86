using System.Runtime.CompilerServices;
using WitSharp.Components.Typed;
using WitSharp.Core;
using WitSharp.Core.Compilation;

namespace WitSharp.Components.Adapters;

/// <summary>
/// The fused adapter of a <c>canon lower</c> whose target is another component's <c>canon lift</c>
/// (CanonicalABI.md "canon lower" calling "canon lift"): arguments move straight from the caller's flat values or
/// memory into the callee's, and the result straight back, following an <see cref="AdapterPlan"/> built once —
/// no <see cref="ComponentValue"/> in between. The call protocol is the dynamic path's: <c>may_leave</c> of the
/// caller checked (as <see cref="LoweredFunction"/> does), then <see cref="LiftedCall.Run"/>, shared with
/// <see cref="LiftedFuncItem"/> — the callee entered (<c>may_enter</c>, reentrance and lockdown rules of
/// <see cref="InstanceFlags"/>, planned once per adapter), realloc and post-return run with the callee's
/// <c>may_leave</c> cleared, borrow scopes checked at return and released after, and any error unwinding through
/// the callee locks it down. The caller enters through a flat host thunk (raw-bits arguments, no boxing).
/// </summary>
/// <remarks>Not used (the dynamic path runs instead) when both ends name the same linear memory — the spec's
/// lift-then-lower reads the whole source before any destination realloc, which a fused copy within one memory
/// could not reproduce — or when <see cref="AdapterPlan.For"/> does not cover a type.</remarks>
internal sealed unsafe class FusedAdapter
{
    private readonly LiftedFuncItem _callee;
    private readonly CanonicalOptions _callerOptions;
    private readonly AdapterPlan _plan;
    private readonly InstanceFlags _callerFlags;
    private readonly InstanceFlags _calleeFlags;
    private readonly AdapterSide _callerSide;
    private readonly AdapterSide _calleeSide;
    private readonly AdapterFrame _argumentFrame;
    private readonly AdapterFrame _resultFrame;
    private readonly bool _paramsInMemory;
    private readonly bool _resultsInMemory;
    private readonly bool _hasPostReturn;
    // Decided once from the plan: when every flat argument (or the result) crosses with its bits unchanged
    // (32- and 64-bit integers), the caller's slots are the callee's and no copier runs.
    private readonly bool _argumentsAsIs;
    private readonly bool _resultAsIs;
    private readonly int _returnPointerSlot;
    // The callee's entering_set from this caller and the reentrance rule, decided once (InstanceFlags.PlanEntry).
    private readonly int _entry;
    private FlatInvoker? _core;
    private string? _whereName;
    private string _where = "";

    private FusedAdapter(LiftedFuncItem callee, CanonicalOptions callerOptions, AdapterPlan plan)
    {
        _callee = callee;
        _callerOptions = callerOptions;
        _plan = plan;
        _callerFlags = callerOptions.Instance;
        _calleeFlags = callee.Flags;
        _callerSide = new AdapterSide(callerOptions, callee, " (lowered)");
        _calleeSide = new AdapterSide(callee.Options, callee, "");
        _argumentFrame = new AdapterFrame(_callerSide, _calleeSide);
        _resultFrame = new AdapterFrame(_calleeSide, _callerSide);
        _paramsInMemory = callee.ParamsInMemory;
        _resultsInMemory = callee.ResultsInMemory;
        _hasPostReturn = callee.Options.PostReturn is not null;
        _argumentsAsIs = !_paramsInMemory && !plan.HasHandles && plan.Parameters.IsFlatIdentity;
        _resultAsIs = plan.Result is null || (!_resultsInMemory && !plan.HasHandles && plan.Result.IsFlatIdentity);
        _returnPointerSlot = plan.CoreParameters.Length - 1;
        _entry = _calleeFlags.PlanEntry(_callerFlags);
    }

    /// <summary>The adapter as the core function the caller imports, or null when the direct path does not apply
    /// (see the remarks), and the caller of this method must build the dynamic one.</summary>
    public static Function? TryCreate(Store store, LiftedFuncItem callee, CanonicalOptions callerOptions)
    {
        if (callerOptions.Memory is { } a && callee.Options.Memory is { } b && ReferenceEquals(a.Instance, b.Instance)) return null;
        if (AdapterPlan.For(callee.Type) is not { } plan) return null;
        var adapter = new FusedAdapter(callee, callerOptions, plan);
        // A flat host function: the caller's core arguments arrive as raw bits in a stack buffer and the result
        // leaves as raw bits — no boxing, no allocation at the core boundary (docs/RATIONALE.md "Fused adapters
        // enter through a flat host thunk").
        var type = new FuncType([.. plan.CoreParameters.Select(k => k.ToValType())], [.. plan.CoreResults.Select(k => k.ToValType())]);
        return HostFunctions.CreateFlat(store, type, adapter.Call) is { } f ? new Function(store, f) : null;
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

    /// <summary>The core function the caller imports (<see cref="FlatHostCallback"/>): <paramref name="args"/> holds
    /// the lowered core signature's arguments, the return value is its result (if any) as raw bits.</summary>
    private ulong Call(ulong* args)
    {
        // The common case (arguments that cross as they are: integers) needs no scratch buffer; anything else,
        // including the may_leave trap, goes out of line so that this frame stays small.
        if (!_callerFlags.MayLeave | !_argumentsAsIs) return CallCopying(args);
        var movers = new AsIsMovers(this, args);
        return LiftedCall.Run(ref movers);
    }

    /// <summary>A call whose arguments go through the copiers, into a scratch buffer (or the callee's memory); also
    /// where a call the caller may not make traps.</summary>
    [SkipLocalsInit]
    private ulong CallCopying(ulong* args)
    {
        // CanonicalABI.md "canon lower": trap_if(not inst.may_leave) — e.g. an import called from realloc or post-return.
        if (!_callerFlags.MayLeave) throw CannotLeave();
        ulong* scratch = stackalloc ulong[CanonFuncType.MaxFlatParams];
        if (!_plan.HasHandles)
        {
            var movers = new PlanMovers(this, null, null, args, scratch);
            return LiftedCall.Run(ref movers);
        }
        return CallWithHandles(args, scratch);
    }

    /// <summary>A call whose values may carry handles: they move through the two instances' tables with the
    /// dynamic path's contexts, in the call's borrow scopes.</summary>
    private ulong CallWithHandles(ulong* args, ulong* scratch)
    {
        string where = Where;
        // The caller's lenders (own handles lent as borrows) are returned when the call ends, trap or not;
        // the callee's borrows are checked at return and released after (CanonicalABI.md Task.num_borrows).
        var callerScope = new CallBorrowScope();
        var calleeScope = new CallBorrowScope();
        try
        {
            var callerCx = new LiftLowerContext(_callerOptions, where + " (lowered)") { Instance = _callerFlags, Borrows = callerScope };
            var calleeCx = new LiftLowerContext(_callee.Options, where) { Instance = _calleeFlags, Borrows = calleeScope };
            var movers = new PlanMovers(this,
                [
                    new AdapterFrame(_callerSide, _calleeSide) { SrcHandles = callerCx, DstHandles = calleeCx },
                    new AdapterFrame(_calleeSide, _callerSide) { SrcHandles = calleeCx, DstHandles = callerCx },
                ],
                calleeScope, args, scratch);
            return LiftedCall.Run(ref movers);
        }
        finally
        {
            callerScope.Release();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TrapException CannotLeave() =>
        new(TrapCode.CannotLeaveComponent, $"{Where} (lowered): cannot leave component instance: imports may not be called from realloc or post-return");

    /// <summary>"lower_flat_values" of the callee from the caller's core arguments: slot by slot, or the caller's
    /// spilled tuple (checked) into the callee's (allocated by its realloc). Returns the callee's core arguments.</summary>
    private ulong* LowerArguments(AdapterFrame frame, ulong* args, ulong* scratch)
    {
        var parameters = _plan.Parameters;
        if (_paramsInMemory)
        {
            var tuple = _callee.Type.ParamTuple;
            uint sp = (uint)args[0];
            _callerSide.CheckRange(sp, tuple.Alignment, tuple.Size, "parameter");
            uint dp = _calleeSide.Reallocate(0, 0, tuple.Alignment, tuple.Size, "the spilled parameters");
            parameters.CopyMemory(frame, sp, dp);
            scratch[0] = dp;
            return scratch;
        }
        int count = parameters.FlatCount;
        parameters.CopyFlat(frame, new ReadOnlySpan<ulong>(args, count), new Span<ulong>(scratch, count));
        return scratch;
    }

    /// <summary>The callee's core result to the caller: the flat result slot (returned), or the value behind the
    /// returned pointer stored at the caller's return pointer (the last core argument).</summary>
    private ulong LiftResult(AdapterFrame frame, ulong* args, ulong r)
    {
        var result = _plan.Result!;
        if (_resultsInMemory)
        {
            var rt = _callee.Type.Result!;
            uint sp = (uint)r;
            _calleeSide.CheckRange(sp, rt.Alignment, rt.Size, "return");
            uint dp = (uint)args[_returnPointerSlot];
            _callerSide.CheckRange(dp, rt.Alignment, rt.Size, "return");
            result.CopyMemory(frame, sp, dp);
            return 0;
        }
        ulong to = 0;
        result.CopyFlat(frame, new ReadOnlySpan<ulong>(&r, 1), new Span<ulong>(&to, 1));
        return to;
    }

    /// <summary>The movers when the caller's flat arguments are the callee's (see <see cref="_argumentsAsIs"/>):
    /// nothing to lower, and the result copied only if it needs it.</summary>
    private readonly struct AsIsMovers(FusedAdapter adapter, ulong* args) : ILiftedCallMovers
    {
        public InstanceFlags Callee => adapter._calleeFlags;

        public int Entry => adapter._entry;

        public string Where => adapter.Where;

        public CallBorrowScope? Borrows => null;

        public bool HasPostReturn => adapter._hasPostReturn;

        public void Lower()
        {
        }

        public ulong CallCore() => (adapter._core ??= adapter._callee.CoreInvoker)(args);

        public ulong Lift(ulong result) => adapter._resultAsIs ? result : adapter.LiftResult(adapter._resultFrame, args, result);

        public void PostReturn(ulong result) => adapter._callee.PostReturnInvoker!(&result);
    }

    /// <summary>The plan's movers for <see cref="LiftedCall.Run"/>: <paramref name="frames"/> holds the call's
    /// argument and result frames and <paramref name="borrows"/> the callee's borrow scope when values carry
    /// handles (null: the adapter's own frames, no scope).</summary>
    private struct PlanMovers(FusedAdapter adapter, AdapterFrame[]? frames, CallBorrowScope? borrows, ulong* args, ulong* scratch)
        : ILiftedCallMovers
    {
        private ulong* _coreArgs;

        public readonly InstanceFlags Callee => adapter._calleeFlags;

        public readonly int Entry => adapter._entry;

        public readonly string Where => adapter.Where;

        public readonly CallBorrowScope? Borrows => borrows;

        public readonly bool HasPostReturn => adapter._hasPostReturn;

        // Used only when the arguments do not cross as they are (AsIsMovers covers the rest).
        public void Lower() => _coreArgs = adapter.LowerArguments(frames?[0] ?? adapter._argumentFrame, args, scratch);

        public readonly ulong CallCore() => (adapter._core ??= adapter._callee.CoreInvoker)(_coreArgs);

        public readonly ulong Lift(ulong result) =>
            adapter._resultAsIs ? result : adapter.LiftResult(frames?[1] ?? adapter._resultFrame, args, result);

        public readonly void PostReturn(ulong result) => adapter._callee.PostReturnInvoker!(&result);
    }
}
