namespace WitSharp.Components;

/// <summary>
/// The four handle transfers of the canonical ABI (CanonicalABI.md "lift_own", "lift_borrow", "lower_own",
/// "lower_borrow") on a component instance's handle table, without <see cref="ComponentValue"/> boxing, so the
/// dynamic path (<see cref="LiftLowerContext"/>) and typed paths share one implementation. Guest errors trap;
/// a host value of the wrong type or state is an <see cref="ArgumentException"/>.
/// </summary>
internal static class HandleTransfer
{
    /// <summary>lift_own: removes an owned handle from <paramref name="instance"/>'s table; the caller takes it.</summary>
    public static ResourceAny LiftOwn(InstanceFlags instance, ResourceTypeEntry resource, uint index, string where)
    {
        var type = resource.Type;
        var h = instance.Handles.Get(index, type);
        // An own that is lent out, or a borrow, cannot move (checked before removing: a trap leaves the table as it was).
        if (!h.Own) throw new TrapException(TrapCode.Undefined, $"{where}: handle index {index} is a borrow, not an owned handle");
        if (h.NumLends != 0) throw new TrapException(TrapCode.Undefined, "cannot remove owned resource while borrowed");
        instance.Handles.Remove(index);
        return new ResourceAny(type, h.Rep, true, resource.Destructor, null);
    }

    /// <summary>lift_borrow: the handle stays in the table, lent until <paramref name="scope"/> ends.</summary>
    public static ResourceAny LiftBorrow(InstanceFlags instance, CallBorrowScope scope, ResourceTypeEntry resource, uint index)
    {
        var type = resource.Type;
        var h = instance.Handles.Get(index, type);
        scope.AddLender(h);
        return new ResourceAny(type, h.Rep, false, null, scope);
    }

    /// <summary>lower_own: moves a host-held owned handle into <paramref name="instance"/>'s table.</summary>
    public static uint LowerOwn(InstanceFlags instance, ResourceTypeEntry resource, ResourceAny value, string where)
    {
        var type = CheckType(resource, value, where);
        value.Move(where);
        return instance.Handles.Add(new ResourceHandle(type, value.Rep, own: true, borrowScope: null));
    }

    /// <summary>lower_borrow: lends <paramref name="value"/> to the callee for the call of <paramref name="scope"/>.
    /// The implementing instance receives the representation itself; any other gets a borrow handle that it must
    /// drop before returning.</summary>
    public static uint LowerBorrow(InstanceFlags instance, CallBorrowScope scope, ResourceTypeEntry resource, ResourceAny value, string where)
    {
        var type = CheckType(resource, value, where);
        value.CheckLendable(where);
        if (value.Owned) scope.AddLender(value);
        if (type.Implementation == instance) return value.Rep;
        scope.NumBorrows++;
        return instance.Handles.Add(new ResourceHandle(type, value.Rep, own: false, borrowScope: scope));
    }

    private static ResourceType CheckType(ResourceTypeEntry resource, ResourceAny value, string where)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = resource.Type;
        if (value.Type != type) throw new ArgumentException($"{where}: expected a handle to {type}, got one to {value.Type}");
        return type;
    }
}
