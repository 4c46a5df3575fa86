using System.Runtime.CompilerServices;

namespace WitSharp.Core.Instances;

/// <summary>Host→guest entry bookkeeping for the stack-overflow check. .NET cannot catch a real stack
/// overflow, so compiled functions compare the address of a local with <see cref="StoreState.StackLimit"/>
/// at entry and trap with <see cref="TrapCode.StackOverflow"/> (DESIGN.md "Stack overflow cannot be caught").
/// The outermost entry sets the limit to "here minus the budget"; nested entries (guest→host→guest)
/// keep the outer limit so ping-pong recursion is bounded too.</summary>
internal static class StackGuard
{
    /// <summary>Called before entering guest code; returns the value to hand back to <see cref="Exit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe nuint Enter(StoreState store)
    {
        nuint saved = store.StackLimit;
        if (saved == 0)
        {
            byte marker = 0;
            nuint here = (nuint)(&marker);
            store.StackLimit = here > store.StackBudget ? here - store.StackBudget : 1;
        }
        return saved;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(StoreState store, nuint saved) => store.StackLimit = saved;
}
