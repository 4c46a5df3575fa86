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
        // Trap codes and the fact of a trap match for all 8 probes, but: (1) TrapFrame.FunctionName is the
        // export name ("unreachable", "div") where wasmtime reports the name-section name ("inner") or an empty name for unnamed functions; (2) the
        // stack-overflow backtrace has ~10,900 frames where wasmtime reports 20.
        ["Traps"] = "TrapFrame.FunctionName source, stack-overflow frame count",
        // wasmtime 50 enables multi-memory by default; WitSharp rejects a module with two memories
        // (InvalidException "multiple memories").
        ["MultiMemory"] = "multi-memory modules are rejected",
        // (1) TrapException.Message: wasmtime-dotnet's is "error while executing at wasm backtrace:\n …" with
        // the trap description after the backtrace; WitSharp's is just the description ("integer divide by
        // zero", "unreachable"). (2) An exception thrown by a host callback: wasmtime-dotnet surfaces a
        // WasmtimeException whose InnerException is the original; WitSharp rethrows the original itself.
        ["TrapMessagesAndHostExceptions"] = "trap message text; host exceptions are not wrapped",
    };
}
