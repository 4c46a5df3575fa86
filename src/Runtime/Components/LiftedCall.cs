namespace WitSharp.Components;

/// <summary>
/// One synchronous call into a lifted function, seen from <see cref="LiftedCall.Run"/>: who is called, and how the
/// arguments reach the callee's core function and how its result leaves. The implementations differ in what the
/// values are on the caller's side (<see cref="ComponentValue"/>s in <see cref="LiftedFuncItem"/>, another
/// component's flat values or memory in the fused adapter).
/// </summary>
/// <remarks>Implemented by structs, so <see cref="LiftedCall.Run"/> is specialized per implementation: the members
/// are inlined, and a member that is constant for an implementation (no borrow scope, no post-return) removes its
/// branch from the protocol.</remarks>
internal interface ILiftedCallMovers
{
    /// <summary>The callee's instance.</summary>
    InstanceFlags Callee { get; }

    /// <summary>The callee's entry planned for this caller (<see cref="InstanceFlags.PlanEntry"/>: per call from
    /// the host, once per fused adapter).</summary>
    int Entry { get; }

    /// <summary>The callee's name for trap messages; read only when one is raised.</summary>
    string Where { get; }

    /// <summary>The callee's borrow scope for this call (CanonicalABI.md <c>Task.num_borrows</c>), or null when the
    /// function type carries no handles.</summary>
    CallBorrowScope? Borrows { get; }

    /// <summary>True when the callee has a <c>post-return</c>.</summary>
    bool HasPostReturn { get; }

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
/// (<c>may_enter</c>, the suites' reentrance rule and lockdown, <see cref="InstanceFlags.TryEnter"/>); the
/// arguments are lowered, the core function runs, the result is lifted; the callee's borrows are checked at return
/// (<c>Task.return_</c>); <c>post-return</c> runs with the callee's <c>may_leave</c> cleared; the borrow scope is
/// released and the callee left whatever happens, and an error unwinding through the call locks the callee down
/// (Explainer.md "Component Invariants" 1) — except a host argument rejected while lowering, before the core
/// function ran. Shared by <see cref="LiftedFuncItem.Call"/> and the fused adapters (Adapters/FusedAdapter.cs).
/// </summary>
internal static class LiftedCall
{
    /// <summary>Runs one call; returns <see cref="ILiftedCallMovers.Lift"/>'s value.</summary>
    public static ulong Run<TMovers>(ref TMovers movers)
        where TMovers : struct, ILiftedCallMovers
    {
        var callee = movers.Callee;
        int entered = callee.TryEnter(movers.Entry);
        if (entered < 0) entered = callee.Enter(movers.Entry, movers.Where); // raises the trap
        bool coreRunning = false; // see the catch below
        try
        {
            movers.Lower();
            coreRunning = true;
            ulong result = movers.CallCore();
            ulong lifted = movers.Lift(result);
            movers.Borrows?.CheckReturn(movers.Where);
            if (movers.HasPostReturn) PostReturn(ref movers, callee, result);
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
            movers.Borrows?.Release();
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
