using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID). On a shared 2-core machine wall
/// time includes waiting for a core; thread CPU time does not, which keeps single-threaded
/// measurements usable under load. Falls back to wall time where the clock is unavailable.
/// </summary>
internal static partial class CpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static readonly bool IsThreadCpuTime = OperatingSystem.IsLinux() && TryRead(out _);

    public static string Description => IsThreadCpuTime ? "thread CPU time" : "wall time";

    /// <summary>Seconds on the chosen clock (only differences are meaningful).</summary>
    public static double Now() =>
        IsThreadCpuTime && TryRead(out var seconds) ? seconds : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    private static bool TryRead(out double seconds)
    {
        try
        {
            if (clock_gettime(ClockThreadCpuTimeId, out var ts) == 0)
            {
                seconds = ts.Seconds + ts.Nanoseconds * 1e-9;
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        seconds = 0;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out Timespec time);
}
