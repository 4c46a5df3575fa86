namespace WitSharp;

/// <summary>Guest code trapped (wasmtime-dotnet <c>TrapException</c>). For a trap raised by guest code,
/// <see cref="Exception.Message"/> is wasmtime's text (the wasm backtrace, then <c>Caused by: wasm trap: …</c>)
/// and <see cref="Reason"/> the spec's wording (for example <c>integer divide by zero</c>);
/// <see cref="WasmtimeException.Frames"/> is the wasm backtrace, innermost first, named from the module's name section.</summary>
public sealed class TrapException : WasmtimeException
{
    /// <summary>Creates a trap with no trap code (<see cref="TrapCode.Undefined"/>), as wasmtime-dotnet's
    /// parameterless constructor does.</summary>
    public TrapException() : this(TrapCode.Undefined, "wasm trap") { }

    /// <summary>Creates a trap with no trap code and <paramref name="message"/> (wasmtime-dotnet's constructor).</summary>
    public TrapException(string message) : this(TrapCode.Undefined, message) { }

    /// <summary>Creates a trap with no trap code, <paramref name="message"/> and the exception that caused it.</summary>
    public TrapException(string message, Exception? inner) : base(message, inner)
    {
        Type = TrapCode.Undefined;
        Reason = message;
    }

    /// <summary>Creates a trap of <paramref name="type"/> with <paramref name="message"/>, used as given.</summary>
    public TrapException(TrapCode type, string message) : base(message)
    {
        Type = type;
        Reason = message;
    }

    /// <summary>Creates the trap guest code raises for <paramref name="type"/>: <see cref="Reason"/> is the spec's
    /// wording and <see cref="Exception.Message"/> wasmtime's text with the backtrace.</summary>
    public TrapException(TrapCode type) : this(type, DefaultMessage(type)) => GuestCause = "wasm trap: " + WasmtimeDescription(type);

    /// <summary>A trap raised by guest code with a more specific spec wording than the code's default.</summary>
    internal static TrapException FromGuest(TrapCode type, string reason) =>
        new(type, reason) { GuestCause = "wasm trap: " + WasmtimeDescription(type) };

    /// <summary>Why the guest trapped.</summary>
    public TrapCode Type { get; }

    /// <summary>The trap's reason without the backtrace: the spec test suite's wording for traps raised by
    /// guest code (<c>integer divide by zero</c>, <c>undefined element</c>), else the message given.</summary>
    public string Reason { get; }

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

    /// <summary>wasmtime's wording for a trap code (its <c>Trap</c> display text), where it differs from the spec's.</summary>
    internal static string WasmtimeDescription(TrapCode type) => type switch
    {
        TrapCode.TableOutOfBounds => "undefined element: out of bounds table access",
        TrapCode.Unreachable => "wasm `unreachable` instruction executed",
        TrapCode.AtomicWaitNonSharedMemory => "atomic wait on non-shared memory",
        TrapCode.NullReference => "null reference",
        TrapCode.ArrayOutOfBounds => "out of bounds array access",
        TrapCode.AllocationTooLarge => "allocation size too large",
        TrapCode.CastFailure => "cast failure",
        _ => DefaultMessage(type),
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        var frames = Frames;
        if (frames is null || frames.Count == 0) return base.ToString();
        var sb = new System.Text.StringBuilder();
        sb.Append("wasm trap: ").AppendLine(Reason).AppendLine("wasm backtrace:");
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

    /// <summary>The module's name from the name section, or null (as wasmtime; not the name given at creation).</summary>
    public string? ModuleName { get; }

    /// <summary>The function's name from the name section, or null for an unnamed function (as wasmtime;
    /// export names are not used).</summary>
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
