using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WitSharp.Artifacts;

/// <summary>Compiles a saved assembly of compiled modules to ReadyToRun native code with crossgen2, the .NET SDK's
/// ahead-of-time compiler (package <c>Microsoft.NETCore.App.Crossgen2.&lt;rid&gt;</c>). The image keeps its IL, so
/// it stays correct where its native code cannot be used (another OS or architecture, a load from bytes): the
/// runtime then JIT-compiles, as for an IL-only artifact. Native code is what makes a large component's first call
/// fast after a load: the componentize-js component's first call JIT-compiles ~1.3 s of SpiderMonkey otherwise
/// (docs/RATIONALE.md "Precompiled artifacts"). The runtime library cannot ship crossgen2 (a 40 MB
/// per-platform tool), so the caller names it (<see cref="Config.WithReadyToRunCompiler"/>; the MSBuild
/// <c>Precompile="true"</c> feature downloads and passes it).</summary>
internal static class ReadyToRunCompiler
{
    /// <summary>The platform this process runs on, as recorded with a ReadyToRun image ("linux-x64").</summary>
    public static string Platform { get; } = $"{TargetOs()}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";

    /// <summary>Compiles <paramref name="image"/> (an IL assembly named <paramref name="assemblyName"/>) for this
    /// process's platform against this process's shared framework and WitSharp runtime — the ones the artifact is
    /// bound to by its runtime version.</summary>
    /// <exception cref="InvalidOperationException">crossgen2 is missing or failed (its output is quoted).</exception>
    public static byte[] Compile(string crossgen2, byte[] image, string assemblyName)
    {
        if (!File.Exists(crossgen2))
            throw new InvalidOperationException($"the ReadyToRun compiler was not found at {crossgen2} (Config.WithReadyToRunCompiler)");
        string runtime = typeof(ReadyToRunCompiler).Assembly.Location;
        if (runtime.Length == 0)
            throw new InvalidOperationException("ReadyToRun compilation needs WitSharp.dll on disk (it is a reference of the compiled code); this process loaded it from a single-file bundle");
        var work = Directory.CreateTempSubdirectory("witsharp-r2r-");
        try
        {
            string input = Path.Combine(work.FullName, assemblyName + ".dll");
            string output = Path.Combine(work.FullName, "out", assemblyName + ".dll");
            File.WriteAllBytes(input, image);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            bool managed = crossgen2.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
            var psi = new ProcessStartInfo(managed ? "dotnet" : crossgen2)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (managed) psi.ArgumentList.Add(crossgen2);
            foreach (var arg in (string[])[
                input, "-o:" + output,
                "-r:" + Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"), "-r:" + runtime,
                "--targetos:" + TargetOs(), "--targetarch:" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
                "-O"])
                psi.ArgumentList.Add(arg);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {crossgen2}");
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException($"crossgen2 failed with exit code {process.ExitCode}: {stderr.Result.Trim()} {stdout.Trim()}".Trim());
            return File.ReadAllBytes(output);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is harmless; the artifact is what matters.
            }
        }
    }

    private static string TargetOs() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
}
