using System.Runtime.CompilerServices;

namespace WitSharp.Components.Typed;

// option, result, enum and flags (CanonicalABI.md "lower_flat_variant", "store_variant", "lift_flat_variant",
// "load_variant", "pack_flags_into_int"). Discriminants of option and result are one byte; payloads start at
// PayloadOffset in memory and at flat slot 1; flat slots a case does not use are written as 0.

internal static class Variants
{
    public static uint LoadDiscriminant(CanonicalContext cx, uint ptr, int size) => size switch
    {
        1 => cx.GetRef(ptr, 1),
        2 => Le.U32(Unsafe.ReadUnaligned<ushort>(ref cx.GetRef(ptr, 2))),
        _ => Le.U32(Unsafe.ReadUnaligned<uint>(ref cx.GetRef(ptr, 4))),
    };

    public static void StoreDiscriminant(CanonicalContext cx, uint ptr, int size, uint value)
    {
        switch (size)
        {
            case 1: cx.GetRef(ptr, 1) = (byte)value; break;
            case 2: Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 2), BitConverter.IsLittleEndian ? (ushort)value : (ushort)((value >> 8) | (value << 8))); break;
            default: Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 4), Le.U32(value)); break;
        }
    }

    public static TrapException BadDiscriminant(CanonicalContext cx, string what, uint value, int cases) =>
        cx.Trap($"invalid {what} discriminant {value} ({cases} cases)");
}

/// <summary><c>option&lt;T&gt;</c> ↔ <see cref="Option{T}"/>.</summary>
internal sealed class OptionMarshaler<T>(ComponentValueType type, ComponentMarshaler<T> payload) : ComponentMarshaler<Option<T>>(type)
{
    private readonly int _payloadOffset = type.PayloadOffset;

    public override void LowerFlat(CanonicalContext cx, in Option<T> value, Span<ulong> flat)
    {
        if (value.HasValue) { flat[0] = 1; payload.LowerFlat(cx, value.Value, flat[1..]); }
        else flat[..FlatCount].Clear();
    }

    public override void Store(CanonicalContext cx, in Option<T> value, uint ptr)
    {
        cx.GetRef(ptr, 1) = value.HasValue ? (byte)1 : (byte)0;
        if (value.HasValue) payload.Store(cx, value.Value, ptr + (uint)_payloadOffset);
    }

    public override Option<T> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (uint)flat[0] switch
    {
        0 => Option<T>.None,
        1 => Option<T>.Some(payload.LiftFlat(cx, flat[1..])),
        var d => throw Variants.BadDiscriminant(cx, "option", d, 2),
    };

    public override Option<T> Load(CanonicalContext cx, uint ptr) => (uint)cx.GetRef(ptr, 1) switch
    {
        0 => Option<T>.None,
        1 => Option<T>.Some(payload.Load(cx, ptr + (uint)_payloadOffset)),
        var d => throw Variants.BadDiscriminant(cx, "option", d, 2),
    };
}

/// <summary><c>option&lt;T&gt;</c> ↔ <see cref="Nullable{T}"/> for value types.</summary>
internal sealed class NullableMarshaler<T>(ComponentValueType type, ComponentMarshaler<T> payload) : ComponentMarshaler<T?>(type) where T : struct
{
    private readonly OptionMarshaler<T> _inner = new(type, payload);

    public override void LowerFlat(CanonicalContext cx, in T? value, Span<ulong> flat) =>
        _inner.LowerFlat(cx, value is { } v ? Option<T>.Some(v) : Option<T>.None, flat);

    public override void Store(CanonicalContext cx, in T? value, uint ptr) =>
        _inner.Store(cx, value is { } v ? Option<T>.Some(v) : Option<T>.None, ptr);

    public override T? LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        _inner.LiftFlat(cx, flat) is { HasValue: true } o ? o.Value : null;

    public override T? Load(CanonicalContext cx, uint ptr) =>
        _inner.Load(cx, ptr) is { HasValue: true } o ? o.Value : null;
}

/// <summary><c>option&lt;T&gt;</c> ↔ a nullable reference (null is <c>none</c>); only when T is not itself an option.</summary>
internal sealed class NullableReferenceMarshaler<T>(ComponentValueType type, ComponentMarshaler<T> payload) : ComponentMarshaler<T?>(type) where T : class
{
    private readonly OptionMarshaler<T> _inner = new(type, payload);

    public override void LowerFlat(CanonicalContext cx, in T? value, Span<ulong> flat) =>
        _inner.LowerFlat(cx, value is null ? Option<T>.None : Option<T>.Some(value), flat);

    public override void Store(CanonicalContext cx, in T? value, uint ptr) =>
        _inner.Store(cx, value is null ? Option<T>.None : Option<T>.Some(value), ptr);

    public override T? LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        _inner.LiftFlat(cx, flat) is { HasValue: true } o ? o.Value : null;

    public override T? Load(CanonicalContext cx, uint ptr) =>
        _inner.Load(cx, ptr) is { HasValue: true } o ? o.Value : null;
}

/// <summary><c>result&lt;O, E&gt;</c> ↔ <see cref="Result{TOk, TError}"/>; an absent payload is <see cref="ValueTuple"/>
/// (its marshaler is null).</summary>
internal sealed class ResultMarshaler<TOk, TError>(ComponentValueType type, ComponentMarshaler<TOk>? ok, ComponentMarshaler<TError>? error)
    : ComponentMarshaler<Result<TOk, TError>>(type)
{
    private readonly int _payloadOffset = type.PayloadOffset;

    public override void LowerFlat(CanonicalContext cx, in Result<TOk, TError> value, Span<ulong> flat)
    {
        flat[..FlatCount].Clear();
        if (value.IsErr) { flat[0] = 1; error?.LowerFlat(cx, value.Error, flat[1..]); }
        else ok?.LowerFlat(cx, value.Value, flat[1..]);
    }

    public override void Store(CanonicalContext cx, in Result<TOk, TError> value, uint ptr)
    {
        cx.GetRef(ptr, 1) = value.IsErr ? (byte)1 : (byte)0;
        if (value.IsErr) error?.Store(cx, value.Error, ptr + (uint)_payloadOffset);
        else ok?.Store(cx, value.Value, ptr + (uint)_payloadOffset);
    }

    public override Result<TOk, TError> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (uint)flat[0] switch
    {
        0 => Result<TOk, TError>.Ok(ok is null ? default! : ok.LiftFlat(cx, flat[1..])),
        1 => Result<TOk, TError>.Err(error is null ? default! : error.LiftFlat(cx, flat[1..])),
        var d => throw Variants.BadDiscriminant(cx, "result", d, 2),
    };

    public override Result<TOk, TError> Load(CanonicalContext cx, uint ptr) => (uint)cx.GetRef(ptr, 1) switch
    {
        0 => Result<TOk, TError>.Ok(ok is null ? default! : ok.Load(cx, ptr + (uint)_payloadOffset)),
        1 => Result<TOk, TError>.Err(error is null ? default! : error.Load(cx, ptr + (uint)_payloadOffset)),
        var d => throw Variants.BadDiscriminant(cx, "result", d, 2),
    };
}

/// <summary><c>enum</c> ↔ a C# enum whose values 0..n-1 are the cases in order.</summary>
internal sealed class EnumMarshaler<T>(ComponentValueType type) : ComponentMarshaler<T>(type) where T : struct, Enum
{
    private readonly int _count = type.Names.Count;
    private readonly int _discriminantSize = type.DiscriminantSize;

    public override void LowerFlat(CanonicalContext cx, in T value, Span<ulong> flat) => flat[0] = Check(cx, value);
    public override void Store(CanonicalContext cx, in T value, uint ptr) => Variants.StoreDiscriminant(cx, ptr, _discriminantSize, Check(cx, value));
    public override T LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Lift(cx, (uint)flat[0]);
    public override T Load(CanonicalContext cx, uint ptr) => Lift(cx, Variants.LoadDiscriminant(cx, ptr, _discriminantSize));

    private uint Check(CanonicalContext cx, T value)
    {
        ulong v = EnumBits.ToBits(value);
        return v < (ulong)_count ? (uint)v : throw new ArgumentException($"{cx.Where}: {value} is not a case of {Type}");
    }

    private T Lift(CanonicalContext cx, uint d) =>
        d < (uint)_count ? EnumBits.FromBits<T>(d) : throw Variants.BadDiscriminant(cx, "enum", d, _count);
}

/// <summary><c>flags</c> ↔ a C# enum whose bit i is label i (CanonicalABI.md: bits past the last label are
/// ignored when lifting and must be zero when lowering).</summary>
internal sealed class FlagsMarshaler<T>(ComponentValueType type) : ComponentMarshaler<T>(type) where T : struct, Enum
{
    private readonly uint _mask = type.Names.Count == 32 ? uint.MaxValue : (1u << type.Names.Count) - 1;

    public override void LowerFlat(CanonicalContext cx, in T value, Span<ulong> flat) => flat[0] = Check(cx, value);
    public override void Store(CanonicalContext cx, in T value, uint ptr) => Variants.StoreDiscriminant(cx, ptr, Size, Check(cx, value));
    public override T LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => EnumBits.FromBits<T>((uint)flat[0] & _mask);
    public override T Load(CanonicalContext cx, uint ptr) => EnumBits.FromBits<T>(Variants.LoadDiscriminant(cx, ptr, Size) & _mask);

    private uint Check(CanonicalContext cx, T value)
    {
        ulong v = EnumBits.ToBits(value);
        return (v & ~(ulong)_mask) == 0 ? (uint)v : throw new ArgumentException($"{cx.Where}: {value} sets bits that are not labels of {Type}");
    }
}

/// <summary>Enum ↔ integer without boxing, for any underlying type.</summary>
internal static class EnumBits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ToBits<T>(T value) where T : struct, Enum => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, byte>(ref value),
        2 => Unsafe.As<T, ushort>(ref value),
        4 => Unsafe.As<T, uint>(ref value),
        _ => Unsafe.As<T, ulong>(ref value),
    };

    // Little endian (the only byte order the marshalers support): the low bytes of the ulong are the enum's value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FromBits<T>(uint bits) where T : struct, Enum
    {
        ulong wide = bits;
        return Unsafe.As<ulong, T>(ref wide);
    }
}

/// <summary>Binds a type implementing <see cref="IComponentType{TSelf}"/> (source-generated records and variants).</summary>
internal sealed class GeneratedMarshaler<T>() : ComponentMarshaler<T>(T.ComponentType) where T : IComponentType<T>
{
    public override void LowerFlat(CanonicalContext cx, in T value, Span<ulong> flat) => T.LowerFlat(cx, value, flat);
    public override void Store(CanonicalContext cx, in T value, uint ptr) => T.Store(cx, value, ptr);
    public override T LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => T.LiftFlat(cx, flat);
    public override T Load(CanonicalContext cx, uint ptr) => T.Load(cx, ptr);
}
