namespace WitSharp.Wit.Abi;

/// <summary>The <c>canonopt</c>s that change flattening: pointer width and the async ABI.</summary>
public sealed class AbiOptions
{
    /// <summary>Synchronous ABI over a 32-bit memory: the common case.</summary>
    public static readonly AbiOptions Default = new();

    /// <summary>The memory is a 64-bit memory: pointers and lengths are <c>i64</c> and 8 bytes.</summary>
    public bool Memory64 { get; init; }

    /// <summary>The <c>async</c> canonopt (CanonicalABI.md <c>flatten_functype</c>, <c>opts.async_</c>).</summary>
    public bool Async { get; init; }

    /// <summary>The <c>(callback …)</c> canonopt; only meaningful with <see cref="Async"/> on a lift.</summary>
    public bool Callback { get; init; }

    /// <summary>Byte size of a pointer (<c>ptr_size</c>).</summary>
    public int PointerSize => Memory64 ? 8 : 4;

    /// <summary>The flat type of a pointer (<c>ptr_type</c>).</summary>
    public FlatType PointerType => Memory64 ? FlatType.I64 : FlatType.I32;
}
