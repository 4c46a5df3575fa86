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

    /// <summary>The wasm frames the error unwound through, innermost first (host frames omitted); empty when
    /// the error was not raised while guest code ran (compile and link errors).</summary>
    public IReadOnlyList<TrapFrame>? Frames => _frames ??= Backtrace.FromException(this);

    /// <summary>The exit code when the error is a guest's WASI <c>proc_exit</c> (see <see cref="WasiExitException"/>);
    /// <see langword="null"/> for every other error.</summary>
    public virtual int? ExitCode => null;
}
