using System.Diagnostics;
using System.Security.Cryptography;

namespace WitSharp.Wasi;

/// <summary>Arguments, environment, clocks, randomness, exit and yield (WASI preview-1 <c>args_*</c>,
/// <c>environ_*</c>, <c>clock_*</c>, <c>random_get</c>, <c>proc_exit</c>, <c>sched_yield</c>).</summary>
internal static class WasiEnvironmentFunctions
{
    // witx $clockid
    public const int Realtime = 0, Monotonic = 1, ProcessCpuTime = 2, ThreadCpuTime = 3;

    /// <summary><c>args_sizes_get</c>/<c>environ_sizes_get</c>: count and total size including NULs.</summary>
    public static int SizesGet(IReadOnlyList<byte[]> strings, GuestMemory m, int countPtr, int sizePtr)
    {
        m.WriteU32((uint)countPtr, (uint)strings.Count);
        m.WriteU32((uint)sizePtr, (uint)strings.Sum(s => s.Length + 1));
        return Errno.Success;
    }

    /// <summary><c>args_get</c>/<c>environ_get</c>: a pointer array and NUL-terminated strings.</summary>
    public static int Get(IReadOnlyList<byte[]> strings, GuestMemory m, int pointers, int buffer)
    {
        uint at = (uint)buffer;
        for (int i = 0; i < strings.Count; i++)
        {
            m.WriteU32((uint)pointers + (uint)i * 4, at);
            var target = m.Slice(at, (uint)strings[i].Length + 1);
            strings[i].CopyTo(target);
            target[^1] = 0;
            at += (uint)strings[i].Length + 1;
        }
        return Errno.Success;
    }

    public static int ClockResGet(GuestMemory m, int id, int resultPtr)
    {
        ulong ns = id switch
        {
            Realtime => 100, // DateTime ticks
            Monotonic => Math.Max(1UL, 1_000_000_000UL / (ulong)Stopwatch.Frequency),
            ProcessCpuTime or ThreadCpuTime => 100,
            _ => throw new WasiErrnoException(Errno.Inval),
        };
        m.WriteU64((uint)resultPtr, ns);
        return Errno.Success;
    }

    public static int ClockTimeGet(GuestMemory m, int id, int resultPtr)
    {
        m.WriteU64((uint)resultPtr, Now(id));
        return Errno.Success;
    }

    /// <summary>The clock's current value in nanoseconds, or EINVAL for an unknown clock.</summary>
    public static ulong Now(int id) => id switch
    {
        Realtime => (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100,
        Monotonic => (ulong)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency)),
        ProcessCpuTime or ThreadCpuTime => (ulong)Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100,
        _ => throw new WasiErrnoException(Errno.Inval),
    };

    public static int RandomGet(GuestMemory m, int buffer, int length)
    {
        RandomNumberGenerator.Fill(m.Slice(buffer, length));
        return Errno.Success;
    }

    /// <summary><c>proc_exit</c>: unwinds the guest with the exit code (wasmtime's <c>I32Exit</c>).</summary>
    public static void ProcExit(int code) => throw new WasiExitException(code);

    public static int SchedYield()
    {
        Thread.Yield();
        return Errno.Success;
    }
}
