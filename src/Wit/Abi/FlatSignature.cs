using System.Collections.Generic;

namespace WitSharp.Wit.Abi;

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
