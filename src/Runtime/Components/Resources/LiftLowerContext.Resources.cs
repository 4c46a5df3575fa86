namespace WitSharp.Components;

/// <summary>Lifting and lowering of <c>own</c> and <c>borrow</c> values in the dynamic path, against the handle
/// table of <see cref="Instance"/> and the borrow bookkeeping of the call in progress (<see cref="Borrows"/>);
/// the transfers themselves are <see cref="HandleTransfer"/>.</summary>
internal sealed partial class LiftLowerContext
{
    /// <summary>The component instance whose handle table the handles index (<c>cx.inst</c>); defaults to the
    /// instance of the canonical options.</summary>
    internal InstanceFlags? Instance { get; init; }

    /// <summary>The call's borrow scope (<c>cx.borrow_scope</c>).</summary>
    internal CallBorrowScope? Borrows { get; init; }

    private InstanceFlags HandleInstance => Instance ?? Options.Instance;

    private CallBorrowScope BorrowScope =>
        Borrows ?? throw new ComponentException($"{Where}: borrow handles cannot cross this call (no call scope)");

    /// <summary>Lifts handle index <paramref name="index"/> of the instance's table into a host-visible value.</summary>
    internal ComponentValue LiftHandle(HandleCanonType t, uint index) =>
        t.IsOwn
            ? ComponentValue.Own(HandleTransfer.LiftOwn(HandleInstance, t.Resource, index, Where))
            : ComponentValue.Borrow(HandleTransfer.LiftBorrow(HandleInstance, BorrowScope, t.Resource, index));

    /// <summary>Lowers a handle value into the instance's table; returns the i32 the callee sees.</summary>
    internal uint LowerHandle(ComponentValue v, HandleCanonType t) =>
        t.IsOwn
            ? HandleTransfer.LowerOwn(HandleInstance, t.Resource, v.AsResource(), Where)
            : HandleTransfer.LowerBorrow(HandleInstance, BorrowScope, t.Resource, v.AsResource(), Where);
}
