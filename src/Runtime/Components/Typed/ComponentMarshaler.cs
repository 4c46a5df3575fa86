namespace WitSharp.Components;

/// <summary>
/// Lowers C# values of type <typeparamref name="T"/> into a guest and lifts them back, for one component value
/// type (<see cref="Type"/>), without going through <see cref="ComponentValue"/> (the typed fast path).
/// Obtain one with <see cref="ComponentMarshaler.Create{T}"/>; the runtime picks one for every parameter and
/// result when a typed function or typed host import is bound, so the type check happens once.
/// </summary>
/// <remarks>
/// <para>Flat values (CanonicalABI.md "Flattening") travel as raw little-endian bits in <c>ulong</c> slots:
/// i32 zero-extended, f32 as its 32-bit pattern, f64 as its 64-bit pattern. This makes the variant
/// <c>join</c> coercions of "flatten_variant" plain truncations and zero-extensions: a payload is lowered
/// into the slots after the discriminant as if they had its own types, and unused slots are left 0.</para>
/// <para>Implementations must trap (via <see cref="CanonicalContext.Trap"/> or the context's bounds and
/// alignment checks) on every invalid value the spec rejects when lifting: bool is any non-zero i32,
/// a char outside the Unicode scalar values, a discriminant out of range, invalid UTF-8/UTF-16, a list or string
/// outside memory or misaligned.</para>
/// </remarks>
/// <typeparam name="T">The C# representation.</typeparam>
public abstract class ComponentMarshaler<T>
{
    /// <summary>Creates a marshaler for <paramref name="type"/>; caches its layout.</summary>
    protected ComponentMarshaler(ComponentValueType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
        FlatCount = type.FlatCount;
        Size = type.Size;
        Alignment = type.Alignment;
    }

    /// <summary>The component value type this marshaler handles.</summary>
    public ComponentValueType Type { get; }

    /// <summary>Number of flat slots (<c>flatten_type</c>) that <see cref="LowerFlat"/> writes and <see cref="LiftFlat"/> reads.</summary>
    public int FlatCount { get; }

    /// <summary>Byte size in linear memory (<c>elem_size</c>).</summary>
    public int Size { get; }

    /// <summary>Alignment in linear memory.</summary>
    public int Alignment { get; }

    /// <summary>Writes the <see cref="FlatCount"/> flat slots of <paramref name="value"/> to the start of
    /// <paramref name="flat"/> (CanonicalABI.md "lower_flat"). Strings and lists are copied into guest memory
    /// obtained from <see cref="CanonicalContext.Allocate"/>.</summary>
    public abstract void LowerFlat(CanonicalContext cx, in T value, Span<ulong> flat);

    /// <summary>Stores <paramref name="value"/> at guest address <paramref name="ptr"/>, which is aligned to
    /// <see cref="Alignment"/> and has <see cref="Size"/> bytes (CanonicalABI.md "store").</summary>
    public abstract void Store(CanonicalContext cx, in T value, uint ptr);

    /// <summary>Reads a value from the first <see cref="FlatCount"/> slots of <paramref name="flat"/>
    /// (CanonicalABI.md "lift_flat").</summary>
    public abstract T LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat);

    /// <summary>Reads a value from guest address <paramref name="ptr"/>, aligned to <see cref="Alignment"/>
    /// (CanonicalABI.md "load").</summary>
    public abstract T Load(CanonicalContext cx, uint ptr);
}

/// <summary>Creates the built-in <see cref="ComponentMarshaler{T}"/>s.</summary>
public static class ComponentMarshaler
{
    /// <summary>
    /// The marshaler between the C# type <typeparamref name="T"/> and the component value type
    /// <paramref name="type"/>, following the mapping of DESIGN.md "Type mapping":
    /// <list type="bullet">
    /// <item><c>bool</c>, integers, floats → <see cref="bool"/>, <see cref="sbyte"/>/<see cref="byte"/>,
    /// <see cref="short"/>/<see cref="ushort"/>, <see cref="int"/>/<see cref="uint"/>, <see cref="long"/>/<see cref="ulong"/>,
    /// <see cref="float"/>, <see cref="double"/>; <c>char</c> → <see cref="System.Text.Rune"/>; <c>string</c> → <see cref="string"/>.</item>
    /// <item><c>list&lt;E&gt;</c> → <c>E[]</c> (one block copy for lists of numbers), or <see cref="ReadOnlyMemory{E}"/>
    /// of numbers (lowering only copies once; lifting allocates an array).</item>
    /// <item><c>tuple&lt;…&gt;</c> → <see cref="ValueTuple"/> of the same arity (up to 7).</item>
    /// <item><c>option&lt;E&gt;</c> → <see cref="Option{T}"/>, <see cref="Nullable{E}"/> for value types, or a
    /// nullable reference (null is <c>none</c>) when E is not itself an option.</item>
    /// <item><c>result&lt;O, E&gt;</c> → <see cref="Result{TOk, TError}"/>, with <see cref="ValueTuple"/> for an absent payload.</item>
    /// <item><c>enum</c> → any C# enum (case index = underlying value 0..n-1); <c>flags</c> → a C# enum whose
    /// bit <c>i</c> is label <c>i</c>.</item>
    /// <item><c>own&lt;R&gt;</c>/<c>borrow&lt;R&gt;</c> → <see cref="ResourceAny"/>, or <see cref="Resource{T}"/> for a
    /// host-defined resource type <see cref="ResourceType.Host{T}"/> (only for handle types taken from a function's
    /// run-time type, i.e. typed functions and typed host imports).</item>
    /// <item><c>record</c>/<c>variant</c> (and anything else) → a type implementing <see cref="IComponentType{TSelf}"/>
    /// whose <see cref="IComponentType{TSelf}.ComponentType"/> equals <paramref name="type"/>.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ComponentTypeMismatchException">No mapping exists between the two types.</exception>
    public static ComponentMarshaler<T> Create<T>(ComponentValueType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return (ComponentMarshaler<T>)Typed.MarshalerFactory.Create(typeof(T), type);
    }
}

/// <summary>
/// Implemented by source-generated records, variants (and any other user type) so the typed path can lower and
/// lift them with no boxing: the generator emits these static members and the runtime binds them once through
/// <see cref="ComponentMarshaler.Create{T}"/>. Fields of built-in types are marshaled with cached
/// <see cref="ComponentMarshaler{T}"/>s (e.g. <c>static readonly ComponentMarshaler&lt;string&gt; Name =
/// ComponentMarshaler.Create&lt;string&gt;(ComponentValueType.String);</c>), fields of generated types by calling
/// their static members directly. Layout constants (sizes, field offsets, payload offset, flat counts) are those
/// of <see cref="ComponentType"/> (<see cref="ComponentValueType.Size"/>, <see cref="ComponentValueType.GetFieldOffset"/>,
/// <see cref="ComponentValueType.PayloadOffset"/>, <see cref="ComponentValueType.FlatCount"/>).
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IComponentType<TSelf> where TSelf : IComponentType<TSelf>
{
    /// <summary>The component value type this C# type represents (checked against the export's type once, when bound).</summary>
    static abstract ComponentValueType ComponentType { get; }

    /// <summary>See <see cref="ComponentMarshaler{T}.LowerFlat"/>: writes <c>ComponentType.FlatCount</c> slots.</summary>
    static abstract void LowerFlat(CanonicalContext cx, in TSelf value, Span<ulong> flat);

    /// <summary>See <see cref="ComponentMarshaler{T}.Store"/>.</summary>
    static abstract void Store(CanonicalContext cx, in TSelf value, uint ptr);

    /// <summary>See <see cref="ComponentMarshaler{T}.LiftFlat"/>.</summary>
    static abstract TSelf LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat);

    /// <summary>See <see cref="ComponentMarshaler{T}.Load"/>.</summary>
    static abstract TSelf Load(CanonicalContext cx, uint ptr);

    /// <summary>
    /// Optional hook, preferred by the runtime whenever it binds this type to a function's parameter or result:
    /// the marshaler for <paramref name="bound"/>, the value type taken from the bound function's run-time type.
    /// Types whose contents include <c>own</c>/<c>borrow</c> handles implement it, because a handle's transfer
    /// needs the run-time resource type (CanonicalABI.md "lift_own", "lower_own"), which <see cref="ComponentType"/>
    /// (a static description) cannot carry; they create their field marshalers from <paramref name="bound"/>'s
    /// fields or cases with <see cref="ComponentMarshaler.Create{T}"/>, which checks each of them. The default,
    /// <see langword="null"/>, means "use the other static members", after <see cref="ComponentType"/> has been
    /// checked to equal <paramref name="bound"/>.
    /// </summary>
    /// <param name="bound">The component value type this C# type is being bound to.</param>
    /// <returns>A marshaler whose <see cref="ComponentMarshaler{T}.Type"/> equals <paramref name="bound"/>, or
    /// <see langword="null"/> to use the static members.</returns>
    /// <exception cref="ComponentTypeMismatchException">This C# type does not map <paramref name="bound"/>.</exception>
    static virtual ComponentMarshaler<TSelf>? CreateMarshaler(ComponentValueType bound) => null;
}

/// <summary>A C# type used with a typed function, typed host import or <see cref="ComponentMarshaler.Create{T}"/>
/// does not match the component value type it is bound to. Raised once, at binding time.</summary>
public sealed class ComponentTypeMismatchException : WasmException
{
    /// <summary>Creates the exception.</summary>
    public ComponentTypeMismatchException(string message) : base(message) { }
}
