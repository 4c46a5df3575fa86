namespace WitSharp;

/// <summary>A WebAssembly value of any kind for the dynamic call path (wasmtime-dotnet <c>ValueBox</c>):
/// arguments of <see cref="Function.Invoke(ValueBox[])"/> and of untyped host callbacks.</summary>
public readonly struct ValueBox
{
    private readonly long _bits;
    private readonly V128 _v128;
    private readonly object? _ref;

    private ValueBox(ValueKind kind, long bits, V128 v128, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _v128 = v128;
        _ref = reference;
    }

    /// <summary>The kind of value held.</summary>
    public ValueKind Kind { get; }

    /// <summary>Boxes an i32.</summary>
    public static implicit operator ValueBox(int value) => new(ValueKind.Int32, value, default, null);

    /// <summary>Boxes an i64.</summary>
    public static implicit operator ValueBox(long value) => new(ValueKind.Int64, value, default, null);

    /// <summary>Boxes an f32 (bit pattern kept, NaN payloads included).</summary>
    public static implicit operator ValueBox(float value) => new(ValueKind.Float32, BitConverter.SingleToInt32Bits(value), default, null);

    /// <summary>Boxes an f64 (bit pattern kept, NaN payloads included).</summary>
    public static implicit operator ValueBox(double value) => new(ValueKind.Float64, BitConverter.DoubleToInt64Bits(value), default, null);

    /// <summary>Boxes a v128.</summary>
    public static implicit operator ValueBox(V128 value) => new(ValueKind.V128, 0, value, null);

    /// <summary>Boxes a funcref (null for the null reference).</summary>
    public static implicit operator ValueBox(Function? value) => new(ValueKind.FuncRef, 0, default, value);

    /// <summary>Boxes a string as an externref.</summary>
    public static implicit operator ValueBox(string? value) => new(ValueKind.ExternRef, 0, default, value);

    /// <summary>Boxes any object as an externref (null for the null reference).</summary>
    public static ValueBox AsBox<T>(T value) => value switch
    {
        int i => i,
        long l => l,
        float f => f,
        double d => d,
        V128 v => v,
        Function fn => fn,
        _ => new(ValueKind.ExternRef, 0, default, value),
    };

    /// <summary>Creates a null reference of <paramref name="kind"/> (FuncRef or ExternRef).</summary>
    public static ValueBox Null(ValueKind kind) => new(kind, 0, default, null);

    /// <summary>The i32 value.</summary>
    public int AsInt32() => Kind == ValueKind.Int32 ? (int)_bits : throw Mismatch(ValueKind.Int32);

    /// <summary>The i64 value.</summary>
    public long AsInt64() => Kind == ValueKind.Int64 ? _bits : throw Mismatch(ValueKind.Int64);

    /// <summary>The f32 value.</summary>
    public float AsSingle() => Kind == ValueKind.Float32 ? BitConverter.Int32BitsToSingle((int)_bits) : throw Mismatch(ValueKind.Float32);

    /// <summary>The f64 value.</summary>
    public double AsDouble() => Kind == ValueKind.Float64 ? BitConverter.Int64BitsToDouble(_bits) : throw Mismatch(ValueKind.Float64);

    /// <summary>The v128 value.</summary>
    public V128 AsV128() => Kind == ValueKind.V128 ? _v128 : throw Mismatch(ValueKind.V128);

    /// <summary>The funcref value (null for the null reference).</summary>
    public Function? AsFunction(Store store) => Kind == ValueKind.FuncRef ? (Function?)_ref : throw Mismatch(ValueKind.FuncRef);

    /// <summary>The value as <typeparamref name="T"/> (externref contents, or a number of the matching kind).</summary>
    public T? As<T>() => (T?)ToObject();

    /// <summary>The value as a boxed C# object: int, long, float, double, V128, Function or the externref object.</summary>
    public object? ToObject() => Kind switch
    {
        ValueKind.Int32 => (int)_bits,
        ValueKind.Int64 => _bits,
        ValueKind.Float32 => BitConverter.Int32BitsToSingle((int)_bits),
        ValueKind.Float64 => BitConverter.Int64BitsToDouble(_bits),
        ValueKind.V128 => _v128,
        _ => _ref,
    };

    private InvalidCastException Mismatch(ValueKind wanted) => new($"value is {Kind}, not {wanted}");
}
