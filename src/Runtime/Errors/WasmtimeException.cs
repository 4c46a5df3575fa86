using WitSharp.Core.Compilation;

namespace WitSharp;

/// <summary>Base of every error the core runtime raises: traps (<see cref="TrapException"/>), malformed or
/// invalid modules (<see cref="MalformedException"/>, <see cref="InvalidException"/>), link failures
/// (<see cref="LinkException"/>) and misuse of the embedding API. Named after wasmtime-dotnet's
/// <c>WasmtimeException</c> so that <c>catch (WasmtimeException)</c> in a migrated program compiles and catches
/// the same failures; it derives from <see cref="WasmException"/>, which stays the one base of all WitSharp
/// errors (component-level and WIT errors included).</summary>
public class WasmtimeException : WasmException
{
    /// <summary>Creates the exception with a generic message (wasmtime-dotnet has this constructor).</summary>
    public WasmtimeException() : base("a WebAssembly operation failed") { }

    /// <summary>Creates the exception with a message.</summary>
    public WasmtimeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public WasmtimeException(string message, Exception? inner) : base(message, inner) { }

    private IReadOnlyList<TrapFrame>? _frames;
    private string? _message;

    /// <summary>wasmtime keeps at most this many frames (the innermost) in an error's backtrace.</summary>
    internal const int MaxFrames = 20;

    /// <summary>The wasm frames the error unwound through, innermost first (host frames omitted), at most the
    /// innermost 20 as in wasmtime; empty when the error was not raised while guest code ran (compile and link
    /// errors).</summary>
    public IReadOnlyList<TrapFrame>? Frames => _frames ??= Backtrace.FromException(this) is var all && all.Count > MaxFrames ? [.. all.Take(MaxFrames)] : all;

    /// <summary>For errors raised while guest code ran (traps, host callback failures, WASI exit): the cause
    /// as wasmtime words it (<c>wasm trap: integer divide by zero</c>). When set, <see cref="Message"/> is
    /// wasmtime's text: the backtrace, then the cause.</summary>
    internal string? GuestCause { get; init; }

    /// <summary>The error's message. For an error raised while guest code ran, wasmtime-dotnet's text:
    /// <c>error while executing at wasm backtrace:</c>, one line per frame, then <c>Caused by:</c> and the
    /// cause (frame lines carry no byte offsets, which this engine does not track). Read it after the
    /// exception was caught: the backtrace is the part of the stack it unwound through.</summary>
    public override string Message => GuestCause is null ? base.Message : _message ??= FormatGuestMessage(Frames!, GuestCause);

    /// <summary>wasmtime's <c>WasmBacktrace</c> display followed by anyhow's "Caused by" section.</summary>
    private static string FormatGuestMessage(IReadOnlyList<TrapFrame> frames, string cause)
    {
        if (frames.Count == 0) return cause;
        var sb = new System.Text.StringBuilder("error while executing at wasm backtrace:");
        for (int i = 0; i < frames.Count; i++)
            sb.Append('\n').Append($"  {i,3}: ").Append(frames[i].ModuleName ?? "<unknown>").Append('!')
              .Append(frames[i].FunctionName ?? $"<wasm function {frames[i].FunctionIndex}>");
        return sb.Append("\n\nCaused by:\n    ").Append(cause).Append('\n').ToString();
    }

    /// <summary>The exit code when the error is a guest's WASI <c>proc_exit</c> (see <see cref="WasiExitException"/>);
    /// <see langword="null"/> for every other error.</summary>
    public virtual int? ExitCode => null;
}
