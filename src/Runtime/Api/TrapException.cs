namespace WitSharp;

/// <summary>Guest code trapped (wasmtime-dotnet <c>TrapException</c>). <see cref="Exception.Message"/> is the
/// spec's wording (for example <c>integer divide by zero</c>); <see cref="WasmtimeException.Frames"/> is the wasm backtrace,
/// innermost first, named from the module's name section.</summary>
public sealed class TrapException : WasmtimeException
{
    /// <summary>Creates a trap with no trap code (<see cref="TrapCode.Undefined"/>), as wasmtime-dotnet's
    /// parameterless constructor does.</summary>
    public TrapException() : this(TrapCode.Undefined, "wasm trap") { }

    /// <summary>Creates a trap of <paramref name="type"/> with <paramref name="message"/>.</summary>
    public TrapException(TrapCode type, string message) : base(message) => Type = type;

    /// <summary>Creates a trap of <paramref name="type"/> with the spec's message for it.</summary>
    public TrapException(TrapCode type) : this(type, DefaultMessage(type)) { }

    /// <summary>Why the guest trapped.</summary>
    public TrapCode Type { get; }

    /// <summary>The spec test suite's wording for a trap code.</summary>
    public static string DefaultMessage(TrapCode type) => type switch
    {
        TrapCode.StackOverflow => "call stack exhausted",
        TrapCode.MemoryOutOfBounds => "out of bounds memory access",
        TrapCode.HeapMisaligned => "unaligned atomic",
        TrapCode.TableOutOfBounds => "out of bounds table access",
        TrapCode.IndirectCallToNull => "uninitialized element",
        TrapCode.BadSignature => "indirect call type mismatch",
        TrapCode.IntegerOverflow => "integer overflow",
        TrapCode.IntegerDivisionByZero => "integer divide by zero",
        TrapCode.BadConversionToInteger => "invalid conversion to integer",
        TrapCode.Unreachable => "unreachable",
        TrapCode.Interrupt => "interrupt",
        TrapCode.OutOfFuel => "all fuel consumed by WebAssembly",
        _ => type.ToString(),
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        var frames = Frames;
        if (frames is null || frames.Count == 0) return base.ToString();
        var sb = new System.Text.StringBuilder();
        sb.Append("wasm trap: ").AppendLine(Message).AppendLine("wasm backtrace:");
        for (int i = 0; i < frames.Count; i++)
            sb.Append("  ").Append(i).Append(": ").AppendLine(frames[i].ToString());
        sb.Append(base.ToString());
        return sb.ToString();
    }
}

/// <summary>One wasm frame of a trap backtrace (wasmtime-dotnet <c>TrapFrame</c>).</summary>
public sealed class TrapFrame
{
    internal TrapFrame(string? moduleName, string? functionName, int functionIndex)
    {
        ModuleName = moduleName;
        FunctionName = functionName;
        FunctionIndex = functionIndex;
    }

    /// <summary>The module's name (name section, else the name given when it was created).</summary>
    public string? ModuleName { get; }

    /// <summary>The function's name from the name section, or null.</summary>
    public string? FunctionName { get; }

    /// <summary>The function's index in its module's function index space.</summary>
    public int FunctionIndex { get; }

    /// <summary>Byte offset inside the function; not tracked by this engine (always 0).</summary>
    public int FunctionOffset => 0;

    /// <summary>Byte offset inside the module; not tracked by this engine (always 0).</summary>
    public int ModuleOffset => 0;

    /// <inheritdoc/>
    public override string ToString() => $"{ModuleName ?? "<module>"}!{FunctionName ?? $"<wasm function {FunctionIndex}>"}";
}
