namespace WitSharp.Components;

/// <summary>
/// The value movers of one synchronous call into a lifted function: how the arguments reach the callee's core
/// function and how its result leaves. <see cref="LiftedCall.Run"/> wraps them in the protocol every such call
/// follows; the implementations differ in what the values are on the caller's side (<see cref="ComponentValue"/>s
/// in <see cref="LiftedFuncItem"/>, another component's flat values or memory in the fused adapter).
/// </summary>
/// <remarks>Implemented by structs, so <see cref="LiftedCall.Run"/> is specialized per mover and the protocol adds
/// no indirect call.</remarks>
internal interface ILiftedCallMovers
{
    /// <summary>Lowers the arguments into the callee (CanonicalABI.md "lower_flat_values": flat, or spilled into
    /// memory allocated by the callee's realloc).</summary>
    void Lower();

    /// <summary>Calls the callee's core function with the lowered arguments; returns its result as raw bits
    /// (0 when it has none).</summary>
    ulong CallCore();

    /// <summary>Lifts the core result (CanonicalABI.md "lift_flat_values": flat, or from the returned pointer) and
    /// hands it to the caller; returns what <see cref="LiftedCall.Run"/> returns (the caller's flat result, for a
    /// fused adapter).</summary>
    ulong Lift(ulong result);

    /// <summary>Runs the callee's <c>post-return</c> with the core result (called only when it has one).</summary>
    void PostReturn(ulong result);
}

/// <summary>
/// The protocol of a synchronous call into a lifted function, whatever moves the values (CanonicalABI.md
/// "canon lift", "canon lower"; Explainer.md "Component Invariants"): the callee is entered from the caller
/// (<c>may_enter</c>, the suites' reentrance rule and lockdown, <see cref="InstanceFlags.Enter(int, string)"/>); the arguments
/// are lowered, the core function runs, the result is lifted; the callee's borrows are checked at return
/// (<c>Task.return_</c>); <c>post-return</c> runs with the callee's <c>may_leave</c> cleared; the borrow scope is
/// released and the callee left whatever happens, and an error unwinding through the call locks the callee down
/// (Explainer.md "Component Invariants" 1) — except a host argument rejected while lowering, before the core
/// function ran.
/// </summary>
internal static class LiftedCall
{
    /// <summary>Runs one call of <paramref name="callee"/> from the caller for which <paramref name="entry"/> was
    /// planned (<see cref="InstanceFlags.PlanEntry"/>: per call for the host, once for a fused adapter).
    /// <paramref name="where"/> names the callee in trap messages; <paramref name="borrows"/> is the callee's
    /// borrow scope, or null when the function type carries no handles.</summary>
    public static ulong Run<TMovers>(ref TMovers movers, InstanceFlags callee, int entry, string where,
        bool hasPostReturn, CallBorrowScope? borrows)
        where TMovers : struct, ILiftedCallMovers
    {
        int entered = callee.Enter(entry, where);
        bool coreRunning = false; // see the catch below
        try
        {
            movers.Lower();
            coreRunning = true;
            ulong result = movers.CallCore();
            ulong lifted = movers.Lift(result);
            borrows?.CheckReturn(where);
            if (hasPostReturn) PostReturn(ref movers, callee, result);
            return lifted;
        }
        // Explainer.md "Component Invariants" 1: a trap, or any other error, unwinding through the call locks the
        // instance down; only a host argument rejected while lowering, before the core function ran, does not.
        catch (Exception e) when (coreRunning || e is not ArgumentException)
        {
            callee.Poison(entered, e);
            throw;
        }
        finally
        {
            borrows?.Release();
            callee.Leave(entered);
        }
    }

    /// <summary>CanonicalABI.md "canon lift": post-return sees the core result once the caller has the lifted one,
    /// and runs with may_leave cleared. (Out of line: most functions have none, and the nested protected region
    /// would cost every call.)</summary>
    private static void PostReturn<TMovers>(ref TMovers movers, InstanceFlags callee, ulong result)
        where TMovers : struct, ILiftedCallMovers
    {
        callee.MayLeave = false;
        try
        {
            movers.PostReturn(result);
        }
        finally
        {
            callee.MayLeave = true;
        }
    }
}
