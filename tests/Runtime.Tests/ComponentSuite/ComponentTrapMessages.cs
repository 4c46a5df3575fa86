namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>Whether a trap matches the text an <c>assert_trap</c> expects. The corpora word traps as the
/// reference implementations do (the component model's Python definitions, wasmtime); our runtime raises
/// <see cref="TrapException"/>s with a <see cref="TrapCode"/> and its own wording. A trap matches when its
/// message contains the expected text (as wasmtime's runner checks) or when its code is one the expected
/// text denotes in the table below.</summary>
internal static class ComponentTrapMessages
{
    /// <summary>Expected text (or its beginning) → trap codes that mean the same failure.</summary>
    private static readonly (string Text, TrapCode[] Codes)[] s_table =
    [
        ("unreachable", [TrapCode.Unreachable]),
        ("wasm `unreachable` instruction executed", [TrapCode.Unreachable]),
        ("cannot leave component instance", [TrapCode.CannotLeaveComponent]),
        ("cannot enter component instance", [TrapCode.CannotEnterComponent]),
        ("string content out-of-bounds", [TrapCode.StringOutOfBounds, TrapCode.MemoryOutOfBounds]),
        ("string pointer/length out of bounds of memory", [TrapCode.StringOutOfBounds, TrapCode.MemoryOutOfBounds]),
        ("list content out-of-bounds", [TrapCode.ListOutOfBounds, TrapCode.MemoryOutOfBounds]),
        ("realloc return: beyond end of memory", [TrapCode.MemoryOutOfBounds, TrapCode.StringOutOfBounds, TrapCode.ListOutOfBounds]),
        ("out of bounds memory access", [TrapCode.MemoryOutOfBounds]),
        ("unaligned pointer", [TrapCode.UnalignedPointer, TrapCode.HeapMisaligned]),
        ("string pointer not aligned", [TrapCode.UnalignedPointer, TrapCode.HeapMisaligned]),
        ("realloc return: result not aligned", [TrapCode.UnalignedPointer, TrapCode.HeapMisaligned]),
        ("invalid variant discriminant", [TrapCode.InvalidDiscriminant]),
        ("discriminant", [TrapCode.InvalidDiscriminant]),
        ("invalid `char` bit pattern", [TrapCode.InvalidChar]),
        ("uncaught exception", [TrapCode.UncaughtException]),
        ("integer divide by zero", [TrapCode.IntegerDivisionByZero]),
        ("integer overflow", [TrapCode.IntegerOverflow]),
    ];

    /// <summary>Distinctive words of messages whose failure has no trap code of its own (invalid string
    /// encodings, handle-table errors): the actual message must contain one of them.</summary>
    private static readonly (string Text, string[] Words)[] s_words =
    [
        ("invalid utf-8", ["utf-8", "utf8"]),
        ("incomplete utf-8", ["utf-8", "utf8"]),
        ("invalid utf-16", ["utf-16", "utf16"]),
        ("unknown handle index", ["handle"]),
        ("handle index", ["handle"]),
        ("cannot remove owned resource while borrowed", ["borrow"]),
        ("borrow", ["borrow"]),
    ];

    /// <summary>True when a trap of <paramref name="code"/> with <paramref name="message"/> satisfies an
    /// <c>assert_trap</c> expecting <paramref name="expected"/>.</summary>
    public static bool Matches(string expected, TrapCode code, string message)
    {
        var text = expected.StartsWith("wasm trap: ", StringComparison.Ordinal) ? expected["wasm trap: ".Length..] : expected;
        if (message.Contains(text, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var (t, codes) in s_table)
        {
            if (text.StartsWith(t, StringComparison.Ordinal) && codes.Contains(code)) return true;
        }
        foreach (var (t, words) in s_words)
        {
            if (text.StartsWith(t, StringComparison.Ordinal) && words.Any(w => message.Contains(w, StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }
}
