using System.Runtime.Intrinsics;

namespace WitSharp;

/// <summary>A 128-bit SIMD value (wasmtime-dotnet <c>V128</c>), bytes in little-endian lane order.</summary>
public readonly struct V128 : IEquatable<V128>
{
    private readonly Vector128<byte> _value;

    /// <summary>All 128 bits set.</summary>
    public static readonly V128 AllBitsSet = new(Vector128<byte>.AllBitsSet);

    /// <summary>Creates a value from 16 bytes.</summary>
    public V128(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16) throw new ArgumentException("a v128 has exactly 16 bytes", nameof(bytes));
        _value = Vector128.Create(bytes);
    }

    /// <summary>Creates a value from 16 bytes, lane 0 first.</summary>
    public V128(byte b0, byte b1, byte b2, byte b3, byte b4, byte b5, byte b6, byte b7,
        byte b8, byte b9, byte b10, byte b11, byte b12, byte b13, byte b14, byte b15)
        => _value = Vector128.Create(b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15);

    internal V128(Vector128<byte> value) => _value = value;

    internal Vector128<byte> Value => _value;

    /// <summary>The 16 bytes (a copy).</summary>
    public ReadOnlySpan<byte> AsSpan()
    {
        var bytes = new byte[16];
        _value.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Copies the 16 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination) => _value.CopyTo(destination);

    /// <inheritdoc/>
    public bool Equals(V128 other) => _value.Equals(other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is V128 v && Equals(v);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => _value.ToString();

    /// <summary>Value equality.</summary>
    public static bool operator ==(V128 left, V128 right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(V128 left, V128 right) => !left.Equals(right);
}
