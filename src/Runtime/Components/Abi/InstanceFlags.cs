using System.Runtime.CompilerServices;

namespace WitSharp.Components;

/// <summary>
/// The reentrance state of one component instance (CanonicalABI.md "Component Instances": <c>may_enter</c>,
/// <c>may_leave</c>, <c>parent</c>). A call into a lifted export enters the instance and every ancestor it does
/// not share with the caller (<c>entering_set</c>); none of them may already be entered. <c>may_leave</c> is
/// cleared while <c>realloc</c> and <c>post-return</c> run, so calling an import from them traps.
/// </summary>
internal sealed class InstanceFlags
{
    private readonly InstanceFlags[] _selfAndAncestors;

    public InstanceFlags(InstanceFlags? parent = null)
    {
        Parent = parent;
        var chain = new List<InstanceFlags> { this };
        for (var p = parent; p is not null; p = p.Parent) chain.Add(p);
        _selfAndAncestors = [.. chain];
    }

    /// <summary>The instance that created this one by <c>instantiate</c>, or null for the root.</summary>
    public InstanceFlags? Parent { get; }

    /// <summary>False while a call into this instance (or a nested instance of it) is in progress.</summary>
    public bool MayEnter { get; private set; } = true;

    /// <summary>False while <c>realloc</c> or <c>post-return</c> runs: imports may not be called.</summary>
    public bool MayLeave { get; set; } = true;

    /// <summary>Set once a trap (or any other error) has unwound through a call into this instance: the
    /// "lockdown" state of Explainer.md "Component Invariants" 1. Every later call into it, or into an instance it
    /// contains, traps.</summary>
    public bool Poisoned => _poisonedBy is not null;

    // The message of the error that locked the instance down, quoted by later entry attempts.
    private string? _poisonedBy;

    /// <summary>The instance's handle table (CanonicalABI.md <c>ComponentInstance.handles</c>; Resources/).</summary>
    public ResourceHandleTable Handles { get; } = new();

    /// <summary>CanonicalABI.md <c>Store.lift</c>: <c>trap_if(not inst.may_enter_from(caller))</c>, then
    /// <c>enter_from(caller)</c>. Returns how many instances were entered, for <see cref="Leave"/>.</summary>
    public int Enter(InstanceFlags? caller, string where) => Enter(PlanEntry(caller), where);

    /// <summary>The part of <see cref="Enter(InstanceFlags?, string)"/> that depends only on who the caller is
    /// (the instance tree does not change after instantiation), decided once by callers with a fixed caller (fused
    /// adapters): the <c>entering_set</c> size, or <see cref="ForbiddenEntry"/>.</summary>
    public int PlanEntry(InstanceFlags? caller)
    {
        // "For now" rule of the component-model and wasmtime test suites (async/trap-on-reenter.wast, adapter.wast):
        // a component calling into itself, into an ancestor or into a descendant traps, although entering_set
        // alone would allow donut wrapping.
        if (caller is not null
            && (Array.IndexOf(_selfAndAncestors, caller) >= 0 || Array.IndexOf(caller._selfAndAncestors, this) >= 0))
            return ForbiddenEntry;
        return EnteringCount(caller);
    }

    /// <summary>A <see cref="PlanEntry"/> result: the caller may never enter this instance.</summary>
    public const int ForbiddenEntry = -1;

    /// <summary><see cref="Enter(InstanceFlags?, string)"/> with its caller-dependent part planned by
    /// <see cref="PlanEntry"/>: lockdown and <c>may_enter</c> are checked on every call.</summary>
    public int Enter(int plan, string where)
    {
        int entered = TryEnter(plan);
        if (entered >= 0) return entered;
        if (plan == ForbiddenEntry) throw Forbidden(where);
        return EnterCount(plan, where); // raises the trap of the first rule broken, in its order
    }

    /// <summary><see cref="Enter(int, string)"/> without the trap: returns -1, having entered nothing, when the
    /// call may not enter (the caller then calls <see cref="Enter(int, string)"/> for the trap, so that the name of
    /// the function is only needed then).</summary>
    /// <remarks>The checks and the entry in one short pass, inlined into the callers; on a failure the entries
    /// made so far are undone.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int TryEnter(int plan)
    {
        var chain = _selfAndAncestors;
        if ((uint)plan > (uint)chain.Length) return -1;
        foreach (var f in chain)
        {
            if (f._poisonedBy is not null) return -1;
        }
        for (int i = 0; i < plan; i++)
        {
            var f = chain[i];
            if (!f.MayEnter) return Undo(i);
            f.MayEnter = false;
        }
        return plan;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Undo(int entered)
    {
        Leave(entered);
        return -1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrapException Forbidden(string where) =>
        new(TrapCode.CannotEnterComponent, $"{where}: cannot enter component instance: a component may not call into itself, its parent or its child");

    /// <summary>CanonicalABI.md "canon resource.drop": a destructor runs as <c>Store.lift(dtor, ..., rt.impl)</c>
    /// called from the dropping instance, so entering checks lockdown and <c>may_enter_from(caller)</c> only: a
    /// component dropping a resource it implements enters nothing, and the suites' rule against calling into
    /// oneself, a parent or a child (<see cref="PlanEntry"/>) is about lifted exports.</summary>
    public int EnterFrom(InstanceFlags? caller, string where) => EnterCount(EnteringCount(caller), where);

    /// <summary>Lockdown and <c>may_enter</c> checks, then <c>enter_from</c> for an <c>entering_set</c> of
    /// <paramref name="n"/> instances.</summary>
    private int EnterCount(int n, string where)
    {
        // Explainer.md "Component Invariants" 1: after a trap it is no longer possible to observe the instance's
        // internal state, nor that of the instances it contains (wasmtime: "cannot enter component instance").
        for (int i = 0; i < _selfAndAncestors.Length; i++)
        {
            if (_selfAndAncestors[i]._poisonedBy is { } earlier)
                throw new TrapException(TrapCode.CannotEnterComponent,
                    $"{where}: cannot enter component instance: it is locked down after an earlier trap ({earlier})");
        }
        for (int i = 0; i < n; i++)
        {
            if (!_selfAndAncestors[i].MayEnter)
                throw new TrapException(TrapCode.CannotEnterComponent,
                    $"{where}: cannot enter component instance: a call into it (or into an instance containing it) is still in progress");
        }
        for (int i = 0; i < n; i++) _selfAndAncestors[i].MayEnter = false;
        return n;
    }

    /// <summary><c>leave_to(caller)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Leave(int entered)
    {
        var chain = _selfAndAncestors;
        for (int i = 0; i < entered; i++) chain[i].MayEnter = true;
    }

    /// <summary>Locks down the instances a call entered (the <paramref name="entered"/> count returned by
    /// <see cref="Enter(int, string)"/>) after <paramref name="error"/> unwound through it; the caller still calls
    /// <see cref="Leave"/>. Like wasmtime, any error poisons, not only a trap (docs/RATIONALE.md "Component lockdown
    /// after a trap").</summary>
    public void Poison(int entered, Exception error)
    {
        string message = error.Message;
        for (int i = 0; i < entered; i++) _selfAndAncestors[i]._poisonedBy ??= message;
    }

    /// <summary><c>entering_set</c>: self and ancestors minus the caller's self and ancestors. Ancestor chains
    /// share a suffix, so the set is a prefix of <see cref="_selfAndAncestors"/>.</summary>
    private int EnteringCount(InstanceFlags? caller)
    {
        if (caller is null) return _selfAndAncestors.Length;
        for (int i = 0; i < _selfAndAncestors.Length; i++)
        {
            if (Array.IndexOf(caller._selfAndAncestors, _selfAndAncestors[i]) >= 0) return i;
        }
        return _selfAndAncestors.Length;
    }
}
