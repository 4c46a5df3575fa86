namespace WitSharp.Runtime.Tests.Compat;

/// <summary>Programs in <see cref="CompatPrograms"/> that do not yet migrate unchanged, each with the exact
/// API gap it exposes. The tests assert the gap is still exactly this one, so closing a gap makes a test fail
/// until its entry is removed here (the list cannot silently go stale).</summary>
internal static class CompatGaps
{
    /// <summary>Programs that do not compile against WitSharp after the namespace swap; value = the missing
    /// member names every compile error must mention.</summary>
    public static readonly IReadOnlyDictionary<string, string> DoesNotCompile = new Dictionary<string, string>
    {
    };

    /// <summary>Programs that compile against both but behave differently; value = why.</summary>
    public static readonly IReadOnlyDictionary<string, string> BehavesDifferently = new Dictionary<string, string>
    {
        // wasmtime 50 enables multi-memory by default; WitSharp rejects a module with two memories
        // (InvalidException "multiple memories").
        ["MultiMemory"] = "multi-memory modules are rejected",
    };
}
