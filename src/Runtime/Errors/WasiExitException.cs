namespace WitSharp;

/// <summary>A guest called WASI <c>proc_exit</c> (wasmtime's <c>I32Exit</c>): execution stopped with
/// <see cref="WasmtimeException.ExitCode"/>. An exit code of 0 is a successful exit, but it still unwinds
/// the call that ran the guest, as in wasmtime.</summary>
public sealed class WasiExitException : WasmtimeException
{
    /// <summary>Creates the exception for exit code <paramref name="exitCode"/>.</summary>
    public WasiExitException(int exitCode) : base($"Exited with i32 exit status {exitCode}")
    {
        Code = exitCode;
        GuestCause = $"Exited with i32 exit status {exitCode}";
    }

    /// <summary>The exit code the guest passed to <c>proc_exit</c>.</summary>
    public int Code { get; }

    /// <inheritdoc/>
    public override int? ExitCode => Code;
}
