using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// The resource built-ins as core functions of the instance that defines them (CanonicalABI.md
/// "canon resource.new", "canon resource.drop", "canon resource.rep"): each works on that instance's handle
/// table. <c>resource.new</c> and <c>resource.drop</c> may not be called while the instance may not leave
/// (during post-return or realloc); <c>resource.rep</c> may (it is exempt from the check in the spec).
/// </summary>
internal static class ResourceBuiltins
{
    public static Function Create(Store store, CanonDefinition c, ResourceTypeEntry resource, InstanceFlags instance) => c.Kind switch
    {
        CanonKind.ResourceNew => Function.FromCallback(store, (int rep) => New(instance, resource, unchecked((uint)rep))),
        CanonKind.ResourceDrop => Function.FromCallback(store, (int index) => Drop(instance, resource, unchecked((uint)index))),
        CanonKind.ResourceRep => Function.FromCallback(store, (int index) => Rep(instance, resource, unchecked((uint)index))),
        _ => throw new ComponentException($"`{c.Kind}` is not a resource built-in", c.Offset),
    };

    private static int New(InstanceFlags instance, ResourceTypeEntry resource, uint rep)
    {
        CheckMayLeave(instance, "resource.new");
        return unchecked((int)instance.Handles.Add(new ResourceHandle(resource.Type, rep, own: true, borrowScope: null)));
    }

    private static void Drop(InstanceFlags instance, ResourceTypeEntry resource, uint index)
    {
        CheckMayLeave(instance, "resource.drop");
        var h = instance.Handles.Get(index, resource.Type);
        // Checked before removing so a trapping drop leaves the table as it was.
        if (h.NumLends != 0) throw new TrapException(TrapCode.Undefined, "cannot remove owned resource while borrowed");
        instance.Handles.Remove(index);
        if (h.Own)
        {
            resource.Destructor?.Run(h.Rep, instance);
        }
        else
        {
            h.BorrowScope!.NumBorrows--;
        }
    }

    private static int Rep(InstanceFlags instance, ResourceTypeEntry resource, uint index) =>
        unchecked((int)instance.Handles.Get(index, resource.Type).Rep);

    private static void CheckMayLeave(InstanceFlags instance, string what)
    {
        if (!instance.MayLeave)
            throw new TrapException(TrapCode.CannotLeaveComponent, $"cannot leave component instance: `{what}` called during post-return or realloc");
    }
}
