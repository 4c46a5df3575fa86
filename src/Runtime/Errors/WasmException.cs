namespace WitSharp;

/// <summary>Base of every error WitSharp raises for bad input or a failed guest operation.</summary>
public class WasmException : Exception
{
    public WasmException(string message) : base(message) { }
    public WasmException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The bytes or text are not a well-formed module (spec: "malformed"). Carries the byte offset
/// (binary) or line and column (text) where reading stopped.</summary>
public sealed class MalformedException : WasmtimeException
{
    /// <summary>Byte offset in the binary, or -1 when the error came from text.</summary>
    public long Offset { get; }
    /// <summary>1-based line in the text, or 0 for binary input.</summary>
    public int Line { get; }
    /// <summary>1-based column in the text, or 0 for binary input.</summary>
    public int Column { get; }

    public MalformedException(string reason, long offset)
        : base($"{reason} (at byte offset 0x{offset:x})")
    {
        Reason = reason;
        Offset = offset;
    }

    public MalformedException(string reason, int line, int column)
        : base($"{reason} (at {line}:{column})")
    {
        Reason = reason;
        Offset = -1;
        Line = line;
        Column = column;
    }

    /// <summary>The reason without the location, as the spec tests phrase it.</summary>
    public string Reason { get; }
}

/// <summary>The module is well-formed but fails validation (spec: "invalid").</summary>
public sealed class InvalidException : WasmtimeException
{
    /// <summary>Index of the function being validated, or -1 outside function bodies.</summary>
    public int FunctionIndex { get; }
    /// <summary>Byte offset of the offending instruction in the module, or -1.</summary>
    public long Offset { get; }
    public string Reason { get; }

    public InvalidException(string reason, int functionIndex = -1, long offset = -1)
        : base(Format(reason, functionIndex, offset))
    {
        Reason = reason;
        FunctionIndex = functionIndex;
        Offset = offset;
    }

    private static string Format(string reason, int functionIndex, long offset) =>
        functionIndex >= 0 ? $"{reason} (in function {functionIndex} at byte offset 0x{offset:x})"
        : offset >= 0 ? $"{reason} (at byte offset 0x{offset:x})"
        : reason;
}

/// <summary>An import could not be satisfied or had the wrong type (spec: "unlinkable").</summary>
public sealed class LinkException : WasmtimeException
{
    public LinkException(string message) : base(message) { }
}
