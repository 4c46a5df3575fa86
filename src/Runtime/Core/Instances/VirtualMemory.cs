using System.Runtime.InteropServices;

namespace WitSharp.Core.Instances;

/// <summary>
/// Reserve-then-commit virtual memory for linear memories (docs/RATIONALE.md "Linear memory reservations"):
/// the address range for a memory's maximum is reserved inaccessible once (<c>mmap(PROT_NONE)</c> /
/// <c>VirtualAlloc(MEM_RESERVE)</c>) and <c>memory.grow</c> only makes the next pages accessible
/// (<c>mprotect</c> / <c>MEM_COMMIT</c>). Growing then neither copies nor zeroes: the kernel hands out zero pages
/// on first touch, so a memory grown to 4 GiB costs only the pages the guest writes. Where the platform calls
/// are unavailable <see cref="IsSupported"/> is false and memories fall back to <see cref="NativeMemory"/>.
/// </summary>
internal static unsafe partial class VirtualMemory
{
    public static readonly bool IsSupported = OperatingSystem.IsLinux() || OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    // Linux and macOS share PROT_*; MAP_ANONYMOUS differs (0x20 on Linux, 0x1000 on macOS). MAP_NORESERVE (Linux)
    // keeps the inaccessible reservation out of the commit charge.
    private const int ProtNone = 0, ProtReadWrite = 1 | 2;
    private const int MapPrivate = 0x02, MapNoReserveLinux = 0x4000;
    private static readonly int s_mapFlags = OperatingSystem.IsLinux() ? MapPrivate | 0x20 | MapNoReserveLinux : MapPrivate | 0x1000;
    private static readonly nint s_mapFailed = -1;

    private const uint MemReserve = 0x2000, MemCommit = 0x1000, MemRelease = 0x8000;
    private const uint PageNoAccess = 0x01, PageReadWrite = 0x04;

    /// <summary>Reserves <paramref name="bytes"/> of inaccessible address space; null when refused (for instance
    /// when address space is exhausted, ulimit -v).</summary>
    public static byte* Reserve(ulong bytes)
    {
        if (!IsSupported || bytes == 0) return null;
        try
        {
            if (OperatingSystem.IsWindows())
                return (byte*)VirtualAlloc(null, (nuint)bytes, MemReserve, PageNoAccess);
            nint p = mmap(null, (nuint)bytes, ProtNone, s_mapFlags, -1, 0);
            return p == s_mapFailed ? null : (byte*)p;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Makes <c>[start, start + bytes)</c> of a reservation readable and writable (zero-filled on first
    /// touch). False when the system refuses (commit limit).</summary>
    public static bool Commit(byte* start, ulong bytes)
    {
        if (bytes == 0) return true;
        if (OperatingSystem.IsWindows()) return VirtualAlloc(start, (nuint)bytes, MemCommit, PageReadWrite) != null;
        return mprotect(start, (nuint)bytes, ProtReadWrite) == 0;
    }

    /// <summary>Maps <paramref name="bytes"/> of readable, writable memory in one call. The kernel hands out its
    /// pages zeroed on first touch, so a fresh memory costs no <c>memset</c> and only the pages the guest uses (a
    /// <c>calloc</c> of 64 KiB is served from the heap and cleared eagerly: a third of a component's instantiation
    /// in docs/benchmarks.md). Null when unavailable or refused; free with <see cref="Release"/>.</summary>
    public static byte* Map(ulong bytes)
    {
        if (!IsSupported || bytes == 0) return null;
        try
        {
            if (OperatingSystem.IsWindows())
                return (byte*)VirtualAlloc(null, (nuint)bytes, MemReserve | MemCommit, PageReadWrite);
            // Without MAP_NORESERVE: these pages are accessible, so they belong in the commit charge.
            nint p = mmap(null, (nuint)bytes, ProtReadWrite, s_mapFlags & ~MapNoReserveLinux, -1, 0);
            return p == s_mapFailed ? null : (byte*)p;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Returns a whole reservation made by <see cref="Reserve"/> (or mapping made by <see cref="Map"/>)
    /// to the system.</summary>
    public static void Release(byte* start, ulong bytes)
    {
        if (OperatingSystem.IsWindows()) VirtualFree(start, 0, MemRelease);
        else munmap(start, (nuint)bytes);
    }

    private const int MadvPopulateWrite = 23;

    /// <summary>Faults in <c>[start, start + bytes)</c> of a mapping or committed reservation, writable, in one call
    /// (Linux 5.14+ <c>madvise(MADV_POPULATE_WRITE)</c>), ahead of a large copy into it: one system call instead of
    /// one page fault per 4 KiB page. The range must be page-aligned. Does nothing where unsupported.</summary>
    public static void Prefault(byte* start, ulong bytes)
    {
        if (!s_populateSupported || bytes == 0) return;
        try
        {
            if (madvise(start, (nuint)bytes, MadvPopulateWrite) != 0 && Marshal.GetLastPInvokeError() == 22 /* EINVAL: older kernel */)
                s_populateSupported = false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_populateSupported = false;
        }
    }

    private static bool s_populateSupported = OperatingSystem.IsLinux();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(void* addr, nuint length, int advice);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(void* addr, nuint length, int prot);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(void* addr, nuint length);

    [LibraryImport("kernel32", SetLastError = true)]
    private static partial void* VirtualAlloc(void* address, nuint size, uint allocationType, uint protect);

    [LibraryImport("kernel32", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool VirtualFree(void* address, nuint size, uint freeType);
}
