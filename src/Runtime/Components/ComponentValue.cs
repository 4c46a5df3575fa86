using System.Collections.ObjectModel;

namespace WitSharp.Components;

/// <summary>The kind of a <see cref="ComponentValue"/> (mirrors Wasmtime.Components.ComponentValueKind).</summary>
public enum ComponentValueKind
{
    /// <summary><c>bool</c>.</summary>
    Bool,
    /// <summary><c>s8</c>.</summary>
    S8,
    /// <summary><c>u8</c>.</summary>
    U8,
    /// <summary><c>s16</c>.</summary>
    S16,
    /// <summary><c>u16</c>.</summary>
    U16,
    /// <summary><c>s32</c>.</summary>
    S32,
    /// <summary><c>u32</c>.</summary>
    U32,
    /// <summary><c>s64</c>.</summary>
    S64,
    /// <summary><c>u64</c>.</summary>
    U64,
    /// <summary><c>f32</c>.</summary>
    F32,
    /// <summary><c>f64</c>.</summary>
    F64,
    /// <summary><c>char</c> (a Unicode scalar value).</summary>
    Char,
    /// <summary><c>string</c>.</summary>
    String,
    /// <summary><c>list&lt;T&gt;</c>.</summary>
    List,
    /// <summary><c>record</c>.</summary>
    Record,
    /// <summary><c>tuple</c>.</summary>
    Tuple,
    /// <summary><c>variant</c>.</summary>
    Variant,
    /// <summary><c>enum</c>.</summary>
    Enum,
    /// <summary><c>option&lt;T&gt;</c>.</summary>
    Option,
    /// <summary><c>result&lt;T, E&gt;</c>.</summary>
    Result,
    /// <summary><c>flags</c>.</summary>
    Flags,
    /// <summary><c>own</c>/<c>borrow</c> resource handle (<see cref="ComponentValue.AsResource"/>).</summary>
    Resource,
    /// <summary><c>map&lt;K, V&gt;</c> (not supported yet).</summary>
    Map,
}

/// <summary>
/// A component-model value for the dynamic call path (shaped like Wasmtime.Components.ComponentValue so code
/// moves over by changing the namespace). Values are immutable; the WIT type they are checked against comes
/// from the function signature at call time.
/// </summary>
public sealed class ComponentValue
{
    private static readonly IReadOnlyList<ComponentValue> NoItems = [];
    private static readonly ComponentValue NoneValue = new(ComponentValueKind.Option);

    private ComponentValue(ComponentValueKind kind) => Kind = kind;

    /// <summary>The kind of value.</summary>
    public ComponentValueKind Kind { get; }

    /// <summary>Bits of an integer, bool (0/1) or char (scalar value); signed kinds are sign-extended.</summary>
    public long Integer { get; private init; }

    /// <summary>The value of an <c>f32</c> or <c>f64</c>.</summary>
    public double Real { get; private init; }

    /// <summary>The string of a <c>string</c>, or the case name of an <c>enum</c> / <c>variant</c>.</summary>
    public string? Text { get; private init; }

    /// <summary>Elements of a list or tuple.</summary>
    public IReadOnlyList<ComponentValue> Items { get; private init; } = NoItems;

    /// <summary>Fields of a record, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, ComponentValue>> Fields { get; private init; } = [];

    /// <summary>Set flag names of a <c>flags</c> value, in input order.</summary>
    public IReadOnlyList<string> FlagNames { get; private init; } = [];

    /// <summary>True for <c>some</c> options, <c>ok</c> results and <c>own</c> handles.</summary>
    public bool Flag { get; private init; }

    /// <summary>The payload of an option, result or variant, or null when there is none.</summary>
    public ComponentValue? Payload { get; private init; }

    /// <summary>The handle of an <c>own</c> or <c>borrow</c> value.</summary>
    private ResourceAny? Handle { get; init; }

    /// <summary>True for <c>some</c>.</summary>
    public bool IsSome => Kind == ComponentValueKind.Option && Flag;

    /// <summary>True for <c>ok</c>.</summary>
    public bool IsOk => Kind == ComponentValueKind.Result && Flag;

    /// <summary>A <c>bool</c>.</summary>
    public static ComponentValue Bool(bool value) => new(ComponentValueKind.Bool) { Integer = value ? 1 : 0 };
    /// <summary>An <c>s8</c>.</summary>
    public static ComponentValue S8(sbyte value) => new(ComponentValueKind.S8) { Integer = value };
    /// <summary>A <c>u8</c>.</summary>
    public static ComponentValue U8(byte value) => new(ComponentValueKind.U8) { Integer = value };
    /// <summary>An <c>s16</c>.</summary>
    public static ComponentValue S16(short value) => new(ComponentValueKind.S16) { Integer = value };
    /// <summary>A <c>u16</c>.</summary>
    public static ComponentValue U16(ushort value) => new(ComponentValueKind.U16) { Integer = value };
    /// <summary>An <c>s32</c>.</summary>
    public static ComponentValue S32(int value) => new(ComponentValueKind.S32) { Integer = value };
    /// <summary>A <c>u32</c>.</summary>
    public static ComponentValue U32(uint value) => new(ComponentValueKind.U32) { Integer = value };
    /// <summary>An <c>s64</c>.</summary>
    public static ComponentValue S64(long value) => new(ComponentValueKind.S64) { Integer = value };
    /// <summary>A <c>u64</c>.</summary>
    public static ComponentValue U64(ulong value) => new(ComponentValueKind.U64) { Integer = unchecked((long)value) };
    /// <summary>An <c>f32</c>.</summary>
    public static ComponentValue F32(float value) => new(ComponentValueKind.F32) { Real = value };
    /// <summary>An <c>f64</c>.</summary>
    public static ComponentValue F64(double value) => new(ComponentValueKind.F64) { Real = value };

    /// <summary>A <c>char</c> from a Unicode scalar value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a scalar value (surrogate or above 0x10FFFF).</exception>
    public static ComponentValue Char(uint scalar)
    {
        if (scalar >= 0x110000 || scalar is >= 0xD800 and <= 0xDFFF)
            throw new ArgumentOutOfRangeException(nameof(scalar), $"0x{scalar:x} is not a Unicode scalar value");
        return new(ComponentValueKind.Char) { Integer = scalar };
    }

    /// <summary>A <c>char</c> from a UTF-16 code unit that is not a surrogate.</summary>
    public static ComponentValue Char(char value) => Char((uint)value);

    /// <summary>A <c>string</c>.</summary>
    public static ComponentValue String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ComponentValueKind.String) { Text = value };
    }

    /// <summary>A <c>list</c>.</summary>
    public static ComponentValue List(IReadOnlyList<ComponentValue> items) =>
        new(ComponentValueKind.List) { Items = Checked(items) };

    /// <summary>A <c>list</c>.</summary>
    public static ComponentValue List(params ComponentValue[] items) => List((IReadOnlyList<ComponentValue>)items);

    /// <summary>A <c>tuple</c>.</summary>
    public static ComponentValue Tuple(IReadOnlyList<ComponentValue> items) =>
        new(ComponentValueKind.Tuple) { Items = Checked(items) };

    /// <summary>A <c>tuple</c>.</summary>
    public static ComponentValue Tuple(params ComponentValue[] items) => Tuple((IReadOnlyList<ComponentValue>)items);

    /// <summary>A <c>record</c> with fields in declaration order.</summary>
    public static ComponentValue Record(IReadOnlyList<KeyValuePair<string, ComponentValue>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(ComponentValueKind.Record) { Fields = [.. fields] };
    }

    /// <summary>A <c>record</c> with fields in declaration order.</summary>
    public static ComponentValue Record(params (string Name, ComponentValue Value)[] fields) =>
        Record(fields.Select(f => new KeyValuePair<string, ComponentValue>(f.Name, f.Value)).ToArray());

    /// <summary>A <c>variant</c> case with an optional payload.</summary>
    public static ComponentValue Variant(string caseName, ComponentValue? payload = null)
    {
        ArgumentNullException.ThrowIfNull(caseName);
        return new(ComponentValueKind.Variant) { Text = caseName, Payload = payload };
    }

    /// <summary>An <c>enum</c> case.</summary>
    public static ComponentValue Enum(string caseName)
    {
        ArgumentNullException.ThrowIfNull(caseName);
        return new(ComponentValueKind.Enum) { Text = caseName };
    }

    /// <summary>A <c>flags</c> value: the names of the flags that are set.</summary>
    public static ComponentValue Flags(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new(ComponentValueKind.Flags) { FlagNames = new ReadOnlyCollection<string>([.. names]) };
    }

    /// <summary>A <c>flags</c> value: the names of the flags that are set.</summary>
    public static ComponentValue Flags(params string[] names) => Flags((IReadOnlyList<string>)names);

    /// <summary><c>some(value)</c>.</summary>
    public static ComponentValue Some(ComponentValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ComponentValueKind.Option) { Flag = true, Payload = value };
    }

    /// <summary><c>none</c>.</summary>
    public static ComponentValue None() => NoneValue;

    /// <summary><c>ok(value)</c>; null for a result without an ok type.</summary>
    public static ComponentValue Ok(ComponentValue? value = null) => new(ComponentValueKind.Result) { Flag = true, Payload = value };

    /// <summary><c>err(value)</c>; null for a result without an error type.</summary>
    public static ComponentValue Err(ComponentValue? value = null) => new(ComponentValueKind.Result) { Flag = false, Payload = value };

    /// <summary>An <c>own&lt;T&gt;</c> value: passing it to a function moves the owned handle into the callee.</summary>
    /// <exception cref="ArgumentException">The handle is a borrow.</exception>
    public static ComponentValue Own(ResourceAny resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!resource.Owned) throw new ArgumentException("a borrowed resource cannot be an `own` value", nameof(resource));
        return new(ComponentValueKind.Resource) { Flag = true, Handle = resource };
    }

    /// <summary>An <c>own&lt;T&gt;</c> value of a host-defined resource.</summary>
    public static ComponentValue Own<T>(Resource<T> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Own(resource.ToResourceAny());
    }

    /// <summary>A <c>borrow&lt;T&gt;</c> value: an owned handle is lent for the call, a borrowed one passed on.</summary>
    public static ComponentValue Borrow(ResourceAny resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new(ComponentValueKind.Resource) { Flag = false, Handle = resource };
    }

    /// <summary>A <c>borrow&lt;T&gt;</c> value of a host-defined resource.</summary>
    public static ComponentValue Borrow<T>(Resource<T> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Borrow(resource.ToResourceAny());
    }

    /// <summary>The handle of an <c>own</c> or <c>borrow</c> value.</summary>
    public ResourceAny AsResource() => Expect(ComponentValueKind.Resource).Handle!;

    /// <summary>The typed handle of an <c>own</c> or <c>borrow</c> value of a host-defined resource.</summary>
    /// <exception cref="InvalidCastException">The resource is not of type <see cref="ResourceType.Host{T}"/>.</exception>
    public Resource<T> AsResource<T>() => AsResource().ToResource<T>();

    /// <summary>The value of a <c>bool</c>.</summary>
    public bool AsBool() => Expect(ComponentValueKind.Bool).Integer != 0;
    /// <summary>The value of an <c>s8</c>.</summary>
    public sbyte AsS8() => (sbyte)Expect(ComponentValueKind.S8).Integer;
    /// <summary>The value of a <c>u8</c>.</summary>
    public byte AsU8() => (byte)Expect(ComponentValueKind.U8).Integer;
    /// <summary>The value of an <c>s16</c>.</summary>
    public short AsS16() => (short)Expect(ComponentValueKind.S16).Integer;
    /// <summary>The value of a <c>u16</c>.</summary>
    public ushort AsU16() => (ushort)Expect(ComponentValueKind.U16).Integer;
    /// <summary>The value of an <c>s32</c>.</summary>
    public int AsS32() => (int)Expect(ComponentValueKind.S32).Integer;
    /// <summary>The value of a <c>u32</c>.</summary>
    public uint AsU32() => (uint)Expect(ComponentValueKind.U32).Integer;
    /// <summary>The value of an <c>s64</c>.</summary>
    public long AsS64() => Expect(ComponentValueKind.S64).Integer;
    /// <summary>The value of a <c>u64</c>.</summary>
    public ulong AsU64() => unchecked((ulong)Expect(ComponentValueKind.U64).Integer);
    /// <summary>The value of an <c>f32</c>.</summary>
    public float AsF32() => (float)Expect(ComponentValueKind.F32).Real;
    /// <summary>The value of an <c>f64</c>.</summary>
    public double AsF64() => Expect(ComponentValueKind.F64).Real;
    /// <summary>The scalar value of a <c>char</c>.</summary>
    public uint AsChar() => (uint)Expect(ComponentValueKind.Char).Integer;
    /// <summary>The value of a <c>string</c>.</summary>
    public string AsString() => Expect(ComponentValueKind.String).Text!;
    /// <summary>The case name of a <c>variant</c>.</summary>
    public string AsVariant() => Expect(ComponentValueKind.Variant).Text!;
    /// <summary>The case name of an <c>enum</c>.</summary>
    public string AsEnum() => Expect(ComponentValueKind.Enum).Text!;
    /// <summary>The set flag names of a <c>flags</c> value.</summary>
    public IReadOnlyList<string> AsFlags() => Expect(ComponentValueKind.Flags).FlagNames;
    /// <summary>The elements of a <c>list</c>.</summary>
    public IReadOnlyList<ComponentValue> AsList() => Expect(ComponentValueKind.List).Items;
    /// <summary>The elements of a <c>tuple</c>.</summary>
    public IReadOnlyList<ComponentValue> AsTuple() => Expect(ComponentValueKind.Tuple).Items;
    /// <summary>The fields of a <c>record</c>, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, ComponentValue>> AsRecord() => Expect(ComponentValueKind.Record).Fields;

    /// <summary>The value of the record field <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public ComponentValue Field(string name) =>
        TryGetField(name, out var v) ? v : throw new KeyNotFoundException($"record has no field `{name}`");

    /// <summary>Looks up the record field <paramref name="name"/>.</summary>
    public bool TryGetField(string name, out ComponentValue value)
    {
        foreach (var f in Expect(ComponentValueKind.Record).Fields)
        {
            if (f.Key == name) { value = f.Value; return true; }
        }
        value = null!;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ComponentValueKind.Bool => Integer != 0 ? "true" : "false",
        ComponentValueKind.U64 => unchecked((ulong)Integer).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ComponentValueKind.F32 or ComponentValueKind.F64 => Real.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        ComponentValueKind.Char => $"'{char.ConvertFromUtf32((int)Integer)}'",
        ComponentValueKind.String => "\"" + Text + "\"",
        ComponentValueKind.List => "[" + string.Join(", ", Items) + "]",
        ComponentValueKind.Tuple => "(" + string.Join(", ", Items) + ")",
        ComponentValueKind.Record => "{" + string.Join(", ", Fields.Select(f => f.Key + ": " + f.Value)) + "}",
        ComponentValueKind.Variant => Payload is null ? Text! : $"{Text}({Payload})",
        ComponentValueKind.Enum => Text!,
        ComponentValueKind.Flags => "{" + string.Join(", ", FlagNames) + "}",
        ComponentValueKind.Option => Flag ? $"some({Payload})" : "none",
        ComponentValueKind.Result => (Flag ? "ok" : "err") + (Payload is null ? "" : $"({Payload})"),
        ComponentValueKind.Resource => $"{(Flag ? "own" : "borrow")}<{Handle!.Type.Name}>({Handle.Rep})",
        _ => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private ComponentValue Expect(ComponentValueKind kind) =>
        Kind == kind ? this : throw new InvalidOperationException($"the value is a {Kind}, not a {kind}");

    private static IReadOnlyList<ComponentValue> Checked(IReadOnlyList<ComponentValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var i in items) ArgumentNullException.ThrowIfNull(i, nameof(items));
        return [.. items];
    }
}
