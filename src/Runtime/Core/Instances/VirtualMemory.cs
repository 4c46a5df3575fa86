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

    private const int MapFixed = 0x10, MfdCloexec = 1;

    /// <summary>A new anonymous in-memory file of <paramref name="bytes"/> (Linux <c>memfd_create</c>, zero-filled,
    /// sparse), or -1 where unavailable or refused. Close with <see cref="CloseFile"/>.</summary>
    public static int CreateFile(string name, ulong bytes)
    {
        if (!OperatingSystem.IsLinux() || bytes == 0) return -1;
        try
        {
            int fd = memfd_create(name, MfdCloexec);
            if (fd < 0) return -1;
            if (ftruncate(fd, (long)bytes) != 0)
            {
                close(fd);
                return -1;
            }
            return fd;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/> of a file made by
    /// <see cref="CreateFile"/>; false when the write is refused or short.</summary>
    public static bool WriteFile(int fd, ReadOnlySpan<byte> data, ulong offset)
    {
        fixed (byte* p = data)
        {
            ulong done = 0;
            while (done < (ulong)data.Length)
            {
                nint n = pwrite(fd, p + done, (nuint)((ulong)data.Length - done), (long)(offset + done));
                if (n <= 0) return false;
                done += (ulong)n;
            }
        }
        return true;
    }

    /// <summary>Maps <c>[offset, offset + bytes)</c> of file <paramref name="fd"/> copy-on-write, readable and
    /// writable, exactly at <paramref name="at"/>, replacing the pages there (<c>MAP_PRIVATE | MAP_FIXED</c>): reads
    /// share the file's pages, a write copies the page for this mapping only. <paramref name="at"/> must lie in a
    /// mapping or reservation owned by the caller, which releasing it also unmaps. False when refused: the range
    /// then holds fresh zero pages again (a failed <c>MAP_FIXED</c> may already have removed the old ones, so they
    /// are mapped anew; <see cref="OutOfMemoryException"/> if even that is refused).</summary>
    public static bool MapFileAt(byte* at, ulong bytes, int fd, ulong offset)
    {
        if (!OperatingSystem.IsLinux()) return false;
        nint p = mmap(at, (nuint)bytes, ProtReadWrite, MapPrivate | MapFixed, fd, (nint)offset);
        if (p == (nint)at) return true;
        if (p != s_mapFailed) munmap((void*)p, (nuint)bytes);
        if (mmap(at, (nuint)bytes, ProtReadWrite, s_mapFlags | MapFixed, -1, 0) != (nint)at)
            throw new OutOfMemoryException("a linear memory's pages could not be mapped again after a refused image mapping");
        return false;
    }

    /// <summary>Closes a file made by <see cref="CreateFile"/> (its mappings stay valid).</summary>
    public static void CloseFile(int fd)
    {
        if (fd >= 0) close(fd);
    }

    [LibraryImport("libc", EntryPoint = "memfd_create", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int memfd_create(string name, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ftruncate(int fd, long length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint pwrite(int fd, void* buffer, nuint count, long offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

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
