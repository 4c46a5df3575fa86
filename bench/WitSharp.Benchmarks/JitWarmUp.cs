using System.Diagnostics;

namespace Benchmarks;

/// <summary>Warm-up until the JIT has settled. Under load the background tier-1 recompilations (after the
/// instrumented Dynamic PGO tier) land seconds late, so a fixed warm-up measured whichever row ran first partly in
/// tier-0/instrumented code (2–3x slower; with DOTNET_TieredPGO=0 the rows were equal).</summary>
internal static class JitWarmUp
{
    /// <summary>Runs <paramref name="body"/> for at least <paramref name="minimumSeconds"/>, then until no method was
    /// JIT-compiled for <paramref name="quietSeconds"/>, at most <paramref name="maximumSeconds"/> in all.</summary>
    public static void Run(Action body, double minimumSeconds, double quietSeconds, double maximumSeconds)
    {
        var warm = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        do
        {
            body();
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }
        while (warm.Elapsed.TotalSeconds < minimumSeconds || (quiet.Elapsed.TotalSeconds < quietSeconds && warm.Elapsed.TotalSeconds < maximumSeconds));
    }
}
