namespace WitSharp;

public sealed partial class Global
{
    /// <summary>Wraps this global as a typed accessor (wasmtime-dotnet <c>Global.Wrap&lt;T&gt;</c>). Returns
    /// <see langword="null"/> when <typeparamref name="T"/> does not match the global's value type: <c>int</c>
    /// for i32, <c>long</c> for i64, <c>float</c> for f32, <c>double</c> for f64, <see cref="V128"/> for v128,
    /// <see cref="Function"/> for funcref and <c>object</c> for externref.</summary>
    /// <typeparam name="T">The CLR type of the global's value.</typeparam>
    public Accessor<T>? Wrap<T>() => Matches(typeof(T), Kind) ? new Accessor<T>(this) : null;

    // The same CLR-type ↔ value-type pairing wasmtime-dotnet's ValueRaw converters use.
    private static bool Matches(Type t, ValueKind kind) => kind switch
    {
        ValueKind.Int32 => t == typeof(int),
        ValueKind.Int64 => t == typeof(long),
        ValueKind.Float32 => t == typeof(float),
        ValueKind.Float64 => t == typeof(double),
        ValueKind.V128 => t == typeof(V128),
        ValueKind.FuncRef => t == typeof(Function),
        ValueKind.ExternRef => t == typeof(object),
        _ => false,
    };

    /// <summary>A typed view of a <see cref="Global"/> (wasmtime-dotnet <c>Global.Accessor&lt;T&gt;</c>); reads
    /// and writes go to the same global, so changes through either are visible through both.</summary>
    /// <typeparam name="T">The CLR type of the global's value.</typeparam>
    public sealed class Accessor<T>
    {
        internal Accessor(Global global) => Global = global;

        internal Global Global { get; }

        /// <summary>Whether the global can be set.</summary>
        public Mutability Mutability => Global.Mutability;

        /// <summary>Gets the value of the global.</summary>
        public T GetValue() => Global.GetValue() is T value ? value : default!;

        /// <summary>Sets the value of the global.</summary>
        /// <exception cref="InvalidOperationException">The global is immutable.</exception>
        public void SetValue(T value) => Global.SetValue(value);
    }
}
