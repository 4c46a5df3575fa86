using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Wasi;

/// <summary>Runs the committed C fixtures of tests/fixtures/wasi-p1 (built by its build.sh with clang
/// --target=wasm32-wasi) as WASI preview-1 commands, on WitSharp or on Wasmtime.Dotnet (the oracle), with
/// stdout and stderr captured in temporary files.</summary>
internal static class WasiFixtures
{
    public static string PathOf(string name) => Path.Combine(RepoPaths.Root, "tests", "fixtures", "wasi-p1", name + ".wasm");

    /// <summary>What a run observed: how <c>_start</c> ended, and the captured streams.</summary>
    public sealed record Outcome(int? ExitCode, string? Error, string Stdout, string Stderr, Exception? Exception = null);

    /// <summary>Runs <paramref name="name"/> on WitSharp; <paramref name="configure"/> adds to a configuration
    /// that already redirects stdout and stderr.</summary>
    public static Outcome Run(string name, Func<WasiConfiguration, WasiConfiguration> configure)
    {
        var stdout = Path.GetTempFileName();
        var stderr = Path.GetTempFileName();
        try
        {
            var engine = new Engine();
            var module = Module.FromFile(engine, PathOf(name));
            var linker = new Linker(engine);
            linker.DefineWasi();
            int? exit = null;
            string? error = null;
            Exception? exception = null;
            using (var store = new Store(engine))
            {
                store.SetWasiConfiguration(configure(new WasiConfiguration().WithStandardOutput(stdout).WithStandardError(stderr)));
                var instance = linker.Instantiate(store, module);
                try
                {
                    instance.GetAction("_start")!();
                }
                catch (WasmtimeException e)
                {
                    exit = e.ExitCode;
                    error = e.ExitCode is null ? e.GetType().Name : null;
                    exception = e;
                }
            }
            return new Outcome(exit, error, File.ReadAllText(stdout), File.ReadAllText(stderr), exception);
        }
        finally
        {
            File.Delete(stdout);
            File.Delete(stderr);
        }
    }

    /// <summary>Runs <paramref name="name"/> on Wasmtime.Dotnet 50.0.1 with the same kind of configuration.</summary>
    public static Outcome RunOnWasmtime(string name, Func<Wasmtime.WasiConfiguration, Wasmtime.WasiConfiguration> configure)
    {
        var stdout = Path.GetTempFileName();
        var stderr = Path.GetTempFileName();
        try
        {
            using var engine = new Wasmtime.Engine();
            using var module = Wasmtime.Module.FromFile(engine, PathOf(name));
            using var linker = new Wasmtime.Linker(engine);
            linker.DefineWasi();
            int? exit = null;
            string? error = null;
            using (var store = new Wasmtime.Store(engine))
            {
                store.SetWasiConfiguration(configure(new Wasmtime.WasiConfiguration().WithStandardOutput(stdout).WithStandardError(stderr)));
                var instance = linker.Instantiate(store, module);
                try
                {
                    instance.GetAction("_start")!();
                }
                catch (Wasmtime.WasmtimeException e)
                {
                    exit = e.ExitCode;
                    error = e.ExitCode is null ? e.GetType().Name : null;
                }
            }
            return new Outcome(exit, error, File.ReadAllText(stdout), File.ReadAllText(stderr));
        }
        finally
        {
            File.Delete(stdout);
            File.Delete(stderr);
        }
    }

    /// <summary>A fresh temporary directory holding <c>input.txt</c>, for the <c>files</c> fixture.</summary>
    public static string SandboxWithInput(string input)
    {
        var dir = Directory.CreateTempSubdirectory("witsharp-wasi-").FullName;
        File.WriteAllText(Path.Combine(dir, "input.txt"), input);
        return dir;
    }
}
