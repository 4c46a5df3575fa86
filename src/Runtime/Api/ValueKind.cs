using WitSharp.Core;

namespace WitSharp;

/// <summary>The kind of a WebAssembly value (wasmtime-dotnet <c>ValueKind</c>).</summary>
public enum ValueKind
{
    /// <summary>i32, a C# <see cref="int"/>.</summary>
    Int32,
    /// <summary>i64, a C# <see cref="long"/>.</summary>
    Int64,
    /// <summary>f32, a C# <see cref="float"/>.</summary>
    Float32,
    /// <summary>f64, a C# <see cref="double"/>.</summary>
    Float64,
    /// <summary>v128, a <see cref="WitSharp.V128"/>.</summary>
    V128,
    /// <summary>funcref, a <see cref="Function"/> (null for the null reference).</summary>
    FuncRef,
    /// <summary>externref, any host object (null for the null reference).</summary>
    ExternRef,
    /// <summary>anyref, from the GC proposal. Present so code naming wasmtime-dotnet's member compiles; WitSharp
    /// does not implement GC, so no module value has this kind and host definitions using it are rejected
    /// with <see cref="NotSupportedException"/>.</summary>
    AnyRef,
}

/// <summary>Whether a global can be written (wasmtime-dotnet <c>Mutability</c>). A struct with two values,
/// as in wasmtime-dotnet, so that its <c>Equals(Mutability)</c> exists for migrated code.</summary>
public readonly struct Mutability : IEquatable<Mutability>
{
    private readonly bool _mutable;

    private Mutability(bool mutable) => _mutable = mutable;

    /// <summary>The global is constant.</summary>
    public static readonly Mutability Immutable = new(false);

    /// <summary>The global can be set.</summary>
    public static readonly Mutability Mutable = new(true);

    /// <inheritdoc/>
    public bool Equals(Mutability other) => _mutable == other._mutable;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Mutability other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _mutable ? 1 : 0;

    /// <summary><c>Immutable</c> or <c>Mutable</c>.</summary>
    public override string ToString() => _mutable ? "Mutable" : "Immutable";

    /// <summary>Equality.</summary>
    public static bool operator ==(Mutability left, Mutability right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Mutability left, Mutability right) => !left.Equals(right);
}

/// <summary>The element kind of a table (wasmtime-dotnet <c>TableKind</c>).</summary>
public enum TableKind
{
    /// <summary>Function references.</summary>
    FuncRef,
    /// <summary>External references.</summary>
    ExternRef,
}

internal static class ValueKindMapping
{
    public static ValueKind ToKind(this ValType t) => t switch
    {
        ValType.I32 => ValueKind.Int32,
        ValType.I64 => ValueKind.Int64,
        ValType.F32 => ValueKind.Float32,
        ValType.F64 => ValueKind.Float64,
        ValType.V128 => ValueKind.V128,
        ValType.FuncRef => ValueKind.FuncRef,
        _ => ValueKind.ExternRef,
    };

    public static ValType ToValType(this ValueKind k) => k switch
    {
        ValueKind.Int32 => ValType.I32,
        ValueKind.Int64 => ValType.I64,
        ValueKind.Float32 => ValType.F32,
        ValueKind.Float64 => ValType.F64,
        ValueKind.V128 => ValType.V128,
        ValueKind.FuncRef => ValType.FuncRef,
        ValueKind.ExternRef => ValType.ExternRef,
        ValueKind.AnyRef => throw new NotSupportedException("anyref needs the GC proposal, which WitSharp does not implement"),
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    /// <summary>The C# type of a value kind on the typed path (funcref: <see cref="Function"/>).</summary>
    public static Type ClrType(this ValueKind k) => k switch
    {
        ValueKind.Int32 => typeof(int),
        ValueKind.Int64 => typeof(long),
        ValueKind.Float32 => typeof(float),
        ValueKind.Float64 => typeof(double),
        ValueKind.V128 => typeof(V128),
        ValueKind.FuncRef => typeof(Function),
        _ => typeof(object),
    };
}
