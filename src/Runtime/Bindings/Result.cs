using System.Diagnostics.CodeAnalysis;

namespace WitSharp;

/// <summary>The value of a WIT <c>result&lt;T, E&gt;</c>: either <see cref="Ok(TOk)"/> or <see cref="Err(TError)"/>.
/// A side that WIT leaves out is <see cref="ValueTuple"/> (C#'s unit type).</summary>
/// <remarks>Pattern-matchable through <see cref="Deconstruct"/> and the <see cref="IsOk"/>/<see cref="IsErr"/>
/// properties:
/// <code>
/// switch (r)
/// {
///     case { IsOk: true, Value: var v }: …
///     case { IsErr: true, Error: var e }: …
/// }
/// </code>
/// A <c>default</c> value is <c>Ok(default)</c>, matching the canonical ABI's zero discriminant.</remarks>
/// <typeparam name="TOk">The ok payload.</typeparam>
/// <typeparam name="TError">The error payload.</typeparam>
public readonly struct Result<TOk, TError> : IEquatable<Result<TOk, TError>>
{
    private readonly TOk _value;
    private readonly TError _error;

    private Result(bool isErr, TOk value, TError error)
    {
        IsErr = isErr;
        _value = value;
        _error = error;
    }

    /// <summary>Whether this is the error case.</summary>
    public bool IsErr { get; }

    /// <summary>Whether this is the ok case.</summary>
    public bool IsOk => !IsErr;

    /// <summary>The ok payload; <c>default</c> in the error case (use <see cref="TryGetValue"/> to tell).</summary>
    public TOk Value => _value;

    /// <summary>The error payload; <c>default</c> in the ok case.</summary>
    public TError Error => _error;

    /// <summary>The ok case.</summary>
    public static Result<TOk, TError> Ok(TOk value) => new(false, value, default!);

    /// <summary>The error case.</summary>
    public static Result<TOk, TError> Err(TError error) => new(true, default!, error);

    /// <summary>Gets the ok payload when this is the ok case.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out TOk value)
    {
        value = _value;
        return !IsErr;
    }

    /// <summary>Gets the error payload when this is the error case.</summary>
    public bool TryGetError([MaybeNullWhen(false)] out TError error)
    {
        error = _error;
        return IsErr;
    }

    /// <summary>The ok payload, or raises <see cref="ResultException{TError}"/> with the error payload.</summary>
    public TOk Unwrap() => IsErr ? throw new ResultException<TError>(_error) : _value;

    /// <summary>Deconstructs into (isOk, value, error) for positional patterns.</summary>
    public void Deconstruct(out bool isOk, out TOk value, out TError error)
    {
        isOk = !IsErr;
        value = _value;
        error = _error;
    }

    /// <inheritdoc/>
    public bool Equals(Result<TOk, TError> other) =>
        IsErr == other.IsErr &&
        (IsErr ? EqualityComparer<TError>.Default.Equals(_error, other._error) : EqualityComparer<TOk>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Result<TOk, TError> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsErr ? HashCode.Combine(1, _error) : HashCode.Combine(0, _value);

    /// <summary><c>Ok(value)</c> or <c>Err(error)</c>.</summary>
    public override string ToString() => IsErr ? "Err(" + _error + ")" : "Ok(" + _value + ")";

    /// <summary>Equality.</summary>
    public static bool operator ==(Result<TOk, TError> left, Result<TOk, TError> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Result<TOk, TError> left, Result<TOk, TError> right) => !left.Equals(right);
}
