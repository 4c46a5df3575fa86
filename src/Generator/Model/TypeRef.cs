namespace WitSharp.Generator.Model;

/// <summary>What a WIT type use is, as far as converting a value of it between C# and the runtime needs
/// (CanonicalABI.md "Despecialization": option/result/enum/tuple keep their own kinds because they have their
/// own C# shapes).</summary>
internal enum RefKind
{
    Bool,
    S8,
    U8,
    S16,
    U16,
    S32,
    U32,
    S64,
    U64,
    F32,
    F64,
    Char,
    String,

    /// <summary><c>list&lt;T&gt;</c> (and fixed-size lists): <c>Args[0]</c> is the element.</summary>
    List,

    /// <summary><c>option&lt;T&gt;</c>: <c>Args[0]</c> is the payload; <c>CsType</c> tells <c>T?</c> from <c>Option&lt;T&gt;</c>.</summary>
    Option,

    /// <summary><c>result&lt;T, E&gt;</c>: <c>Args</c> are ok and error, <see cref="Unit"/> where WIT leaves one out.</summary>
    Result,

    /// <summary><c>tuple&lt;…&gt;</c>.</summary>
    Tuple,

    /// <summary>An absent result side (<c>ValueTuple</c> in C#).</summary>
    Unit,

    /// <summary>A declared record; <c>CsType</c> names its <see cref="TypeModel"/>.</summary>
    Record,

    /// <summary>A declared variant.</summary>
    Variant,

    /// <summary>A declared enum.</summary>
    Enum,

    /// <summary>A declared flags type.</summary>
    Flags,

    /// <summary>An owned resource handle (<c>own&lt;R&gt;</c>, or the resource name used as a type).</summary>
    Own,

    /// <summary>A borrowed resource handle (<c>borrow&lt;R&gt;</c>).</summary>
    Borrow,

    /// <summary><c>map&lt;K, V&gt;</c>: <c>Args</c> are key and value.</summary>
    Map,

    /// <summary>A type the bindings cannot carry yet (future, stream, error-context); rendered as <c>object</c>.</summary>
    Unsupported,
}

/// <summary>A WIT type use: its kind, its rendered C# type (fully qualified) and its type arguments. Declared
/// types are referred to by <see cref="CsType"/>, which names exactly one generated declaration.</summary>
internal sealed record TypeRef(RefKind Kind, string CsType, EquatableArray<TypeRef> Args)
{
    public static TypeRef Simple(RefKind kind, string csType) => new(kind, csType, EquatableArray<TypeRef>.Empty);
}
