namespace WitSharp.Core.Instances;

/// <summary>
/// A module's memory image as an anonymous in-memory file (Linux <c>memfd</c>) laid out as the memory itself, whose
/// large runs are mapped copy-on-write over a fresh memory at instantiation instead of being copied (wasmtime's
/// copy-on-write memory images, <c>MemoryImageSlot::instantiate</c>): instantiation then neither zero-fills nor copies
/// those pages, reads share the file's pages across instances, and a page is copied only when an instance first
/// writes it. Where memfd is unavailable (Windows, macOS) or refused, <see cref="Create"/> returns null and the image
/// is copied as before
/// (docs/RATIONALE.md "Linear memory: heap block or mapping, net GC pressure, copy-on-write images").
/// </summary>
internal sealed unsafe class MemoryImageFile
{
    private readonly int _fd;

    private MemoryImageFile(int fd) => _fd = fd;

    /// <summary>The file holding every run of <paramref name="runs"/> at its offset (zeros between), or null.</summary>
    public static MemoryImageFile? Create(MemoryImage.Run[] runs)
    {
        if (runs.Length == 0) return null;
        ulong page = (ulong)Environment.SystemPageSize;
        var last = runs[^1];
        ulong size = ((ulong)last.Offset + (ulong)last.Bytes.Length + page - 1) & ~(page - 1);
        int fd = VirtualMemory.CreateFile("witsharp-memory-image", size);
        if (fd < 0) return null;
        foreach (var run in runs)
        {
            if (!VirtualMemory.WriteFile(fd, run.Bytes, run.Offset))
            {
                VirtualMemory.CloseFile(fd);
                return null;
            }
        }
        return new MemoryImageFile(fd);
    }

    /// <summary>Maps the pages covering <paramref name="run"/> from the file over the same offsets of
    /// <paramref name="memory"/> (a fresh mapping or reservation). The page-rounded edges hold exactly what the memory
    /// must hold there: the file has every run at its offset and zeros elsewhere, as a fresh memory with the image
    /// applied. False, with the memory unchanged, when the mapping is refused.</summary>
    public bool TryMap(MemoryInstance memory, MemoryImage.Run run)
    {
        ulong page = (ulong)Environment.SystemPageSize;
        ulong first = run.Offset & ~(page - 1);
        ulong end = ((ulong)run.Offset + (ulong)run.Bytes.Length + page - 1) & ~(page - 1);
        // A fresh memory is a whole number of wasm pages, so a page-rounded run inside it stays inside it.
        if (end > memory.Length || !memory.IsPageBacked) return false;
        // Not prefaulted (MADV_POPULATE_WRITE would copy every page now): measured, that made instantiation plus the
        // first call slower than copying, while leaving the copies to the guest's first writes made it faster.
        return VirtualMemory.MapFileAt(memory.Base + first, end - first, _fd, first);
    }

    ~MemoryImageFile() => VirtualMemory.CloseFile(_fd);
}
