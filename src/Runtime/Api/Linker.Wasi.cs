namespace WitSharp;

public sealed partial class Linker
{
    /// <summary>Defines the WASI preview-1 functions (<c>wasi_snapshot_preview1</c>) for core modules such as
    /// those built by <c>clang --target=wasm32-wasi</c> (wasmtime-dotnet <c>Linker.DefineWasi</c>). A store that
    /// runs them must be given a <see cref="WasiConfiguration"/> with <see cref="Store.SetWasiConfiguration"/>.
    /// A guest's <c>proc_exit</c> surfaces as a <see cref="WasiExitException"/> carrying the exit code.</summary>
    /// <exception cref="WasmtimeException">A WASI function is already defined and <see cref="AllowShadowing"/> is off.</exception>
    public void DefineWasi() => Wasi.WasiImports.Define(this);
}
