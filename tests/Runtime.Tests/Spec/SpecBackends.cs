namespace WitSharp.Runtime.Tests.Spec;

/// <summary>Chooses the engine the scripts run on: WitSharp's own (the default), or Wasmtime as an
/// oracle when <c>WITSHARP_SPEC_BACKEND=wasmtime</c>.</summary>
internal static class SpecBackends
{
    public static bool UseOracle =>
        string.Equals(Environment.GetEnvironmentVariable("WITSHARP_SPEC_BACKEND"), "wasmtime", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh backend for one script (one store), or null with the reason execution cannot run.</summary>
    public static ISpecBackend? Create(out string? unavailable)
    {
        unavailable = null;
        if (UseOracle) return new WasmtimeSpecBackend();
        return new WitSharpSpecBackend();
    }
}
