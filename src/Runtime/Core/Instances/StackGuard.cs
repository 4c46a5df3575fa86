using System.Runtime.CompilerServices;

namespace WitSharp.Core.Instances;

/// <summary>Host→guest entry bookkeeping for the stack-overflow check. .NET cannot catch a real stack
/// overflow, so compiled functions compare the address of a local with <see cref="StoreState.StackLimit"/>
/// at entry and trap with <see cref="TrapCode.StackOverflow"/> (DESIGN.md "Stack overflow cannot be caught").
/// Every host→guest entry checks that the limit lies at most one budget below the current stack
/// pointer; otherwise (first call, a shallower entry, another thread) it moves the limit to "here minus
/// the budget". Nested entries (guest→host→guest) are deeper, keep the outer limit and so stay bounded.
/// Nothing needs undoing on exit, so entries need no try/finally.</summary>
internal static class StackGuard
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Enter(StoreState store)
    {
        byte marker = 0;
        nuint here = (nuint)(&marker);
        if (here - store.StackLimit > store.StackBudget) Reset(store, here);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Reset(StoreState store, nuint here)
    {
        int thread = Environment.CurrentManagedThreadId;
        // Below the limit on the thread that set it: a nested entry past the budget.
        if (here < store.StackLimit && store.StackLimitThread == thread)
            throw new TrapException(TrapCode.StackOverflow);
        store.StackLimit = here > store.StackBudget ? here - store.StackBudget : 1;
        store.StackLimitThread = thread;
    }
}
