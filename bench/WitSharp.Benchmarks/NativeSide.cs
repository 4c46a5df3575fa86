using System.Runtime.InteropServices;

namespace Benchmarks;

/// <summary>The kernels compiled natively (clang -O2) and called through unmanaged function pointers.</summary>
internal sealed unsafe class NativeSide : EngineSide
{
    private readonly IntPtr _library;

    private NativeSide(IntPtr library) => _library = library;

    public override string Name => "native";

    /// <summary>Loads bench/kernels/native/libkernels.so, or returns null when build.sh has not built it.</summary>
    public static NativeSide? TryLoad()
    {
        var path = BenchFiles.NativeLibrary;
        return File.Exists(path) && NativeLibrary.TryLoad(path, out var handle) ? new NativeSide(handle) : null;
    }

    /// <summary>The raw entry point, so benchmarks can call it without a delegate in between.</summary>
    public delegate* unmanaged<int, uint> EntryPoint(string name) =>
        (delegate* unmanaged<int, uint>)NativeLibrary.GetExport(_library, name);

    public override Func<int, int>? Kernel(string name)
    {
        var entry = EntryPoint(name);
        return n => (int)entry(n);
    }

    // The library stays loaded for the life of the process: unloading under a running benchmark
    // host gains nothing.
}
