using System.Diagnostics.CodeAnalysis;

namespace WitSharp;

/// <summary>The value of a WIT <c>option&lt;T&gt;</c> where <c>T?</c> cannot tell the cases apart: the outer
/// level of a nested option (<c>option&lt;option&lt;T&gt;&gt;</c> is <c>Option&lt;T?&gt;</c>, so
/// <c>Some(null)</c> and <c>None</c> stay distinct). Plain options map to <c>T?</c>.</summary>
/// <typeparam name="T">The payload.</typeparam>
public readonly struct Option<T> : IEquatable<Option<T>>
{
    private readonly T _value;

    private Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>The empty case (also <c>default</c>).</summary>
    public static Option<T> None => default;

    /// <summary>The case with a payload.</summary>
    public static Option<T> Some(T value) => new(value);

    /// <summary>Whether there is a payload.</summary>
    public bool HasValue { get; }

    /// <summary>The payload; raises <see cref="InvalidOperationException"/> for <see cref="None"/>.</summary>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The option has no value.");

    /// <summary>Gets the payload if there is one.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return HasValue;
    }

    /// <inheritdoc/>
    public bool Equals(Option<T> other) =>
        HasValue == other.HasValue && (!HasValue || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Option<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HasValue ? HashCode.Combine(1, _value) : 0;

    /// <summary><c>Some(value)</c> or <c>None</c>.</summary>
    public override string ToString() => HasValue ? "Some(" + _value + ")" : "None";

    /// <summary>Equality.</summary>
    public static bool operator ==(Option<T> left, Option<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Option<T> left, Option<T> right) => !left.Equals(right);
}
