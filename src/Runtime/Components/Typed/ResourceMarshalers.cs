using System.Buffers.Binary;

namespace WitSharp.Components.Typed;

/// <summary>
/// <c>own&lt;R&gt;</c> / <c>borrow&lt;R&gt;</c> ↔ <see cref="ResourceAny"/> (CanonicalABI.md "lift_own",
/// "lift_borrow", "lower_own", "lower_borrow"): a handle is one i32, the index in the handle table of the
/// instance of the canonical options. The transfers are <see cref="HandleTransfer"/>, shared with the dynamic
/// path; borrows use the scope the typed call installed in <see cref="CanonicalContext.Borrows"/>.
/// </summary>
internal sealed class ResourceAnyMarshaler : ComponentMarshaler<ResourceAny>
{
    private readonly ResourceTypeEntry _entry;
    private readonly bool _own;

    public ResourceAnyMarshaler(ComponentValueType type) : base(type)
    {
        _entry = type.HandleEntry ?? throw new ComponentTypeMismatchException($"the handle type {type} names no run-time resource type");
        _own = !type.IsBorrow;
    }

    public override void LowerFlat(CanonicalContext cx, in ResourceAny value, Span<ulong> flat) => flat[0] = Lower(cx, value);

    public override void Store(CanonicalContext cx, in ResourceAny value, uint ptr)
    {
        uint index = Lower(cx, value);
        BinaryPrimitives.WriteUInt32LittleEndian(cx.GetSpan(ptr, 4), index);
    }

    public override ResourceAny LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Lift(cx, (uint)flat[0]);

    public override ResourceAny Load(CanonicalContext cx, uint ptr) =>
        Lift(cx, BinaryPrimitives.ReadUInt32LittleEndian(cx.GetSpan(ptr, 4)));

    private uint Lower(CanonicalContext cx, ResourceAny value) =>
        _own
            ? HandleTransfer.LowerOwn(cx.Options.Instance, _entry, value, cx.Where)
            : HandleTransfer.LowerBorrow(cx.Options.Instance, Scope(cx), _entry, value, cx.Where);

    private ResourceAny Lift(CanonicalContext cx, uint index) =>
        _own
            ? HandleTransfer.LiftOwn(cx.Options.Instance, _entry, index, cx.Where)
            : HandleTransfer.LiftBorrow(cx.Options.Instance, Scope(cx), _entry, index);

    private static CallBorrowScope Scope(CanonicalContext cx) =>
        cx.Borrows ?? throw new ComponentException($"{cx.Where}: borrow handles cannot cross this call (no call scope)");
}

/// <summary><c>own&lt;R&gt;</c> / <c>borrow&lt;R&gt;</c> ↔ <see cref="Resource{T}"/> for a host-defined resource
/// type <see cref="ResourceType.Host{T}"/>: the <see cref="ResourceAny"/> transfer plus a type check.</summary>
internal sealed class ResourceMarshaler<T>(ComponentValueType type) : ComponentMarshaler<Resource<T>>(type)
{
    private readonly ResourceAnyMarshaler _any = new(type);

    public override void LowerFlat(CanonicalContext cx, in Resource<T> value, Span<ulong> flat)
    {
        ArgumentNullException.ThrowIfNull(value);
        _any.LowerFlat(cx, value.Any, flat);
    }

    public override void Store(CanonicalContext cx, in Resource<T> value, uint ptr)
    {
        ArgumentNullException.ThrowIfNull(value);
        _any.Store(cx, value.Any, ptr);
    }

    public override Resource<T> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => _any.LiftFlat(cx, flat).ToResource<T>();

    public override Resource<T> Load(CanonicalContext cx, uint ptr) => _any.Load(cx, ptr).ToResource<T>();
}

/// <summary>Bind-time facts about handle types in a signature.</summary>
internal static class HandleTypes
{
    /// <summary>True when <paramref name="type"/> contains an <c>own</c> or <c>borrow</c> anywhere: only such
    /// signatures pay for a <see cref="CallBorrowScope"/> per call.</summary>
    public static bool Contain(ComponentValueType? type) =>
        type is not null
        && (type.Kind == ComponentValueKind.Resource
            || Contain(type.ElementType)
            || type.Fields.Any(f => Contain(f.Type))
            || type.Cases.Any(c => Contain(c.Type)));

    /// <summary>True when a parameter or the result of <paramref name="type"/> contains a handle.</summary>
    public static bool Contain(ComponentFunctionType type) =>
        type.Parameters.Any(p => Contain(p.Type)) || Contain(type.Result);
}
