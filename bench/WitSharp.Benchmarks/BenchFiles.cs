namespace Benchmarks;

/// <summary>Finds the benchmark inputs (bench/kernels) from the repository root, wherever the app runs.</summary>
internal static class BenchFiles
{
    private static readonly Lazy<string> KernelsDirectory = new(FindKernelsDirectory);

    /// <summary>bench/kernels/kernels.wasm (committed).</summary>
    public static string KernelsWasm => Path.Combine(KernelsDirectory.Value, "kernels.wasm");

    /// <summary>bench/kernels/calls.wasm (committed): nop, add, call_host and the host.inc import.</summary>
    public static string CallsWasm => Path.Combine(KernelsDirectory.Value, "calls.wasm");

    /// <summary>bench/kernels/native/libkernels.so, built by build.sh (not committed).</summary>
    public static string NativeLibrary => Path.Combine(KernelsDirectory.Value, "native", "libkernels.so");

    /// <summary>bench/kernels/native/large.wasm, a generated ~2.7 MiB module built by build.sh (not committed).</summary>
    public static string LargeWasm => Path.Combine(KernelsDirectory.Value, "native", "large.wasm");

    private static string FindKernelsDirectory()
    {
        // BenchmarkDotNet and `dotnet run` start from different directories: walk up from both.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "kernels");
                if (File.Exists(Path.Combine(candidate, "kernels.wasm")))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("bench/kernels/kernels.wasm not found above " + AppContext.BaseDirectory);
    }
}
