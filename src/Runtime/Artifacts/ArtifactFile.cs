using System.IO.MemoryMappedFiles;

namespace WitSharp.Artifacts;

/// <summary>An artifact file mapped read-only for <c>DeserializeFile</c>. Mapping instead of reading means a load
/// touches only the pages it uses: with the code in the code cache, the header and payload (a few megabytes) and
/// not the code section (tens of megabytes for a large component; reading it all cost 40–90 ms, most of the load
/// budget). As with wasmtime's <c>deserialize_file</c>, the file must not be truncated while it is being loaded.</summary>
internal sealed unsafe class ArtifactFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private ArtifactFile(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* pointer, int length)
    {
        _map = map;
        _view = view;
        _pointer = pointer;
        _length = length;
    }

    /// <summary>The file's bytes, valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Bytes => new(_pointer, _length);

    public static ArtifactFile Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        long length = info.Exists ? info.Length : throw new FileNotFoundException($"no artifact file at {path}", path);
        if (length > int.MaxValue) throw new ArtifactException(ArtifactError.Corrupted, $"{path} is {length} bytes, larger than any artifact");
        // An empty file cannot be mapped; its (empty) bytes are rejected by the format check like any other.
        if (length == 0) return new ArtifactFile(null, null, null, 0);
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new ArtifactFile(map, view, pointer + view.PointerOffset, (int)length);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map!.Dispose();
    }
}
