namespace Benchmarks;

/// <summary>Creates every side that can run on this machine, in report order.</summary>
internal static class Sides
{
    /// <summary>True when the project was built with the WitSharp engine (see the csproj's WitSharpEngine switch).</summary>
    public const bool WitSharpEnabled =
#if WITSHARP_ENGINE
        true;
#else
        false;
#endif

    public static List<EngineSide> CreateAll(TextWriter log)
    {
        var sides = new List<EngineSide>();
        var native = NativeSide.TryLoad();
        if (native is null)
        {
            log.WriteLine($"native: {BenchFiles.NativeLibrary} not found (run bench/kernels/build.sh); native column skipped");
        }
        else
        {
            sides.Add(native);
        }

        sides.Add(new WasmtimeSide());
#if WITSHARP_ENGINE
        try
        {
            sides.Add(new WitSharpSide());
        }
        catch (Exception e)
        {
            log.WriteLine($"WitSharp: setup failed: {e.GetType().Name}: {e.Message}");
        }
#else
        log.WriteLine("WitSharp: not built in (build with -p:WitSharpEngine=true)");
#endif
        return sides;
    }
}
