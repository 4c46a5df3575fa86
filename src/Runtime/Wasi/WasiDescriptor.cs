namespace WitSharp.Wasi;

/// <summary>witx <c>$filetype</c> values.</summary>
internal static class FileType
{
    public const byte Unknown = 0;
    public const byte CharacterDevice = 2;
    public const byte Directory = 3;
    public const byte RegularFile = 4;
    public const byte SymbolicLink = 7;
}

/// <summary>One entry of a guest's descriptor table (witx <c>$fd</c>).</summary>
internal abstract class WasiDescriptor : IDisposable
{
    public abstract byte FileType { get; }

    /// <summary>witx <c>$fdflags</c> currently set (only <c>append</c> is tracked).</summary>
    public virtual ushort Flags => 0;

    public abstract void Dispose();
}

/// <summary>A standard stream: stdin read from a stream (or empty), stdout/stderr written to a stream, to a
/// callback, or discarded.</summary>
internal sealed class WasiStream(Stream? stream, WasiOutputCallback? sink, bool ownsStream) : WasiDescriptor
{
    private bool _broken;

    public override byte FileType => Wasi.FileType.CharacterDevice;

    public int Read(Span<byte> buffer) => stream is { CanRead: true } s ? s.Read(buffer) : 0;

    /// <summary>Writes all of <paramref name="data"/>; false once a callback has thrown (the stream is then closed).</summary>
    public bool Write(ReadOnlySpan<byte> data)
    {
        if (_broken) return false;
        if (sink is not null)
        {
            try
            {
                sink(data);
            }
            catch (Exception)
            {
                // wasmtime-dotnet: the exception is discarded and the stream closed.
                _broken = true;
                return false;
            }
            return true;
        }
        if (stream is { CanWrite: true } s)
        {
            s.Write(data);
            s.Flush();
        }
        return true;
    }

    public override void Dispose()
    {
        if (ownsStream) stream?.Dispose();
    }
}

/// <summary>An open regular file.</summary>
internal sealed class WasiFile(FileStream stream, bool append) : WasiDescriptor
{
    public FileStream Stream { get; } = stream;

    public bool Append { get; set; } = append;

    public override byte FileType => Wasi.FileType.RegularFile;

    public override ushort Flags => Append ? (ushort)1 : (ushort)0;

    public override void Dispose() => Stream.Dispose();
}

/// <summary>An open directory inside a preopen: its host path, the preopen's root (the sandbox boundary) and
/// whether changes are allowed. <see cref="GuestName"/> is set for the preopened root itself.</summary>
internal sealed class WasiDirectory(string hostPath, string root, bool mutable, string? guestName) : WasiDescriptor
{
    public string HostPath { get; } = hostPath;
    public string Root { get; } = root;
    public bool Mutable { get; } = mutable;
    public string? GuestName { get; } = guestName;

    public override byte FileType => Wasi.FileType.Directory;

    /// <summary>Nothing to release: a directory descriptor holds only paths.</summary>
    public override void Dispose() { }
}
