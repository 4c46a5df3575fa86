using System.Collections.Generic;

namespace WitSharp.Wit.Abi;

/// <summary>A core value type a component value flattens to (CanonicalABI.md "Flattening": the
/// strings <c>'i32'</c>, <c>'i64'</c>, <c>'f32'</c>, <c>'f64'</c> of <c>flatten_type</c>).</summary>
public enum FlatType : byte
{
    I32,
    I64,
    F32,
    F64,
}

/// <summary>Which side of the boundary a core signature is for (CanonicalABI.md <c>flatten_functype</c>'s
/// <c>context</c>): the signature of the core function a <c>canon lift</c> wraps, or of the core function a
/// <c>canon lower</c> produces.</summary>
public enum AbiContext : byte
{
    /// <summary>The callee is the core export being lifted: spilled results are returned as a pointer.</summary>
    Lift,

    /// <summary>The core import produced by lowering: spilled results are written through an extra pointer parameter.</summary>
    Lower,
}

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

/// <summary>The core signature of a component function after flattening (CanonicalABI.md
/// <c>flatten_functype</c>).</summary>
public sealed class FlatSignature
{
    internal FlatSignature(IReadOnlyList<FlatType> parameters, IReadOnlyList<FlatType> results, bool paramsInMemory, bool resultsInMemory)
    {
        Params = parameters;
        Results = results;
        ParamsInMemory = paramsInMemory;
        ResultsInMemory = resultsInMemory;
    }

    /// <summary>The core parameter types.</summary>
    public IReadOnlyList<FlatType> Params { get; }

    /// <summary>The core result types.</summary>
    public IReadOnlyList<FlatType> Results { get; }

    /// <summary>The parameters did not fit (more than <see cref="CanonicalAbi.MaxFlatParams"/>, or
    /// <see cref="CanonicalAbi.MaxFlatAsyncParams"/> for an async lower): they are stored in memory as a tuple
    /// (<see cref="CanonicalAbi.LayoutOf"/> of the parameter types) and the first core parameter is its address.</summary>
    public bool ParamsInMemory { get; }

    /// <summary>The results live in memory: on a lift the core function returns their address; on a lower the
    /// last core parameter is the address the caller provides. Always false for an async lift, whose
    /// results go through <c>task.return</c>.</summary>
    public bool ResultsInMemory { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        "(" + string.Join(" ", Names(Params)) + ") -> (" + string.Join(" ", Names(Results)) + ")";

    private static IEnumerable<string> Names(IReadOnlyList<FlatType> ts)
    {
        foreach (var t in ts) yield return t.ToString().ToLowerInvariant();
    }
}
