namespace WitSharp.Components;

/// <summary>Lifting and lowering of <c>own</c> and <c>borrow</c> handles (CanonicalABI.md "lift_own",
/// "lift_borrow", "lower_own", "lower_borrow"), against the handle table of <see cref="Instance"/> and the
/// borrow bookkeeping of the call in progress (<see cref="Borrows"/>).</summary>
internal sealed partial class LiftLowerContext
{
    /// <summary>The component instance whose handle table the handles index (<c>cx.inst</c>).</summary>
    internal InstanceFlags? Instance { get; init; }

    /// <summary>The call's borrow scope (<c>cx.borrow_scope</c>).</summary>
    internal CallBorrowScope? Borrows { get; init; }

    private InstanceFlags HandleInstance =>
        Instance ?? throw new ComponentException($"{Where}: resource handles cannot cross this call (no component instance context)");

    private CallBorrowScope BorrowScope =>
        Borrows ?? throw new ComponentException($"{Where}: borrow handles cannot cross this call (no call scope)");

    /// <summary>Lifts handle index <paramref name="index"/> of the instance's table into a host-visible value.</summary>
    internal ComponentValue LiftHandle(HandleCanonType t, uint index)
    {
        var handles = HandleInstance.Handles;
        var type = t.Resource.Type;
        var h = handles.Get(index, type);
        if (t.IsOwn)
        {
            // lift_own: the handle leaves the caller's table; an own that is lent out, or a borrow, cannot move.
            if (!h.Own) throw new TrapException(TrapCode.Undefined, $"{Where}: handle index {index} is a borrow, not an owned handle");
            if (h.NumLends != 0) throw new TrapException(TrapCode.Undefined, "cannot remove owned resource while borrowed");
            handles.Remove(index);
            return ComponentValue.Own(new ResourceAny(type, h.Rep, true, t.Resource.Destructor, null));
        }
        // lift_borrow: the handle stays, lent to the callee until the call ends.
        var scope = BorrowScope;
        scope.AddLender(h);
        return ComponentValue.Borrow(new ResourceAny(type, h.Rep, false, null, scope));
    }

    /// <summary>Lowers a handle value into the instance's table; returns the i32 the callee sees.</summary>
    internal uint LowerHandle(ComponentValue v, HandleCanonType t)
    {
        var any = v.AsResource();
        var instance = HandleInstance;
        var type = t.Resource.Type;
        if (any.Type != type)
            throw new ArgumentException($"{Where}: expected a handle to {type}, got one to {any.Type}");
        if (t.IsOwn)
        {
            any.Move(Where);
            return instance.Handles.Add(new ResourceHandle(type, any.Rep, own: true, borrowScope: null));
        }
        any.CheckLendable(Where);
        var scope = BorrowScope;
        if (any.Owned) scope.AddLender(any);
        // lower_borrow: the implementing instance gets its own representation, not a handle.
        if (type.Implementation == instance) return any.Rep;
        scope.NumBorrows++;
        return instance.Handles.Add(new ResourceHandle(type, any.Rep, own: false, borrowScope: scope));
    }
}
