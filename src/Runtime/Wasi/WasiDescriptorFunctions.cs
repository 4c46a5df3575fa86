namespace WitSharp.Wasi;

/// <summary>Descriptor operations (WASI preview-1 <c>fd_*</c>): reading, writing, seeking, status, preopen
/// names and directory listing.</summary>
internal static class WasiDescriptorFunctions
{
    /// <summary>witx <c>$rights</c>: every right defined by preview 1 (this host does not narrow rights;
    /// read-only preopens are enforced by the operations themselves, as wasmtime does).</summary>
    public const ulong AllRights = (1UL << 30) - 1;
    private const ulong SeekAndTell = (1UL << 2) | (1UL << 5);
    private const ushort AppendFlag = 1;

    public static int Write(WasiContext c, GuestMemory m, int fd, int iovs, int count, int writtenPtr, long? at = null)
    {
        var d = c.Get(fd);
        ulong total = 0;
        foreach (var (ptr, len) in m.IoVecs(iovs, count))
        {
            var data = m.Slice(ptr, len);
            switch (d)
            {
                case WasiStream s when at is null:
                    if (!s.Write(data)) return Errno.Io;
                    break;
                case WasiFile f:
                    if (!f.Stream.CanWrite) return Errno.Badf;
                    if (at is long offset) f.Stream.Position = offset + (long)total;
                    else if (f.Append) f.Stream.Seek(0, SeekOrigin.End);
                    f.Stream.Write(data);
                    break;
                case WasiDirectory: return Errno.IsDir;
                default: return Errno.Spipe;
            }
            total += len;
        }
        if (d is WasiFile file) file.Stream.Flush();
        m.WriteU32((uint)writtenPtr, (uint)total);
        return Errno.Success;
    }

    public static int PWrite(WasiContext c, GuestMemory m, int fd, int iovs, int count, long offset, int writtenPtr)
    {
        if (c.Get(fd) is not WasiFile f) return c.Get(fd) is WasiDirectory ? Errno.IsDir : Errno.Spipe;
        if (offset < 0) return Errno.Inval;
        long saved = f.Stream.Position;
        try { return Write(c, m, fd, iovs, count, writtenPtr, offset); }
        finally { f.Stream.Position = saved; }
    }

    public static int Read(WasiContext c, GuestMemory m, int fd, int iovs, int count, int readPtr)
    {
        var d = c.Get(fd);
        ulong total = 0;
        foreach (var (ptr, len) in m.IoVecs(iovs, count))
        {
            var buffer = m.Slice(ptr, len);
            int got = d switch
            {
                WasiStream s => s.Read(buffer),
                WasiFile f => f.Stream.CanRead ? f.Stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) : throw new WasiErrnoException(Errno.Badf),
                WasiDirectory => throw new WasiErrnoException(Errno.IsDir),
                _ => throw new WasiErrnoException(Errno.Badf),
            };
            total += (uint)got;
            if (got < buffer.Length) break; // a short read ends the call, as readv(2) does
        }
        m.WriteU32((uint)readPtr, (uint)total);
        return Errno.Success;
    }

    public static int PRead(WasiContext c, GuestMemory m, int fd, int iovs, int count, long offset, int readPtr)
    {
        if (c.Get(fd) is not WasiFile f) return c.Get(fd) is WasiDirectory ? Errno.IsDir : Errno.Spipe;
        if (offset < 0) return Errno.Inval;
        long saved = f.Stream.Position;
        f.Stream.Position = offset;
        try { return Read(c, m, fd, iovs, count, readPtr); }
        finally { f.Stream.Position = saved; }
    }

    public static int Seek(WasiContext c, GuestMemory m, int fd, long offset, int whence, int resultPtr)
    {
        var f = c.Get(fd) as WasiFile ?? throw new WasiErrnoException(c.Get(fd) is WasiDirectory ? Errno.Badf : Errno.Spipe);
        var origin = whence switch
        {
            0 => SeekOrigin.Begin,
            1 => SeekOrigin.Current,
            2 => SeekOrigin.End,
            _ => throw new WasiErrnoException(Errno.Inval),
        };
        long basis = origin switch { SeekOrigin.Begin => 0, SeekOrigin.Current => f.Stream.Position, _ => f.Stream.Length };
        if (basis + offset < 0) return Errno.Inval;
        m.WriteU64((uint)resultPtr, (ulong)f.Stream.Seek(offset, origin));
        return Errno.Success;
    }

    public static int Tell(WasiContext c, GuestMemory m, int fd, int resultPtr)
    {
        var f = c.Get(fd) as WasiFile ?? throw new WasiErrnoException(Errno.Spipe);
        m.WriteU64((uint)resultPtr, (ulong)f.Stream.Position);
        return Errno.Success;
    }

    /// <summary><c>fd_fdstat_get</c>: 24 bytes: filetype u8 @0, flags u16 @2, rights base u64 @8, inheriting u64 @16.</summary>
    public static int FdstatGet(WasiContext c, GuestMemory m, int fd, int resultPtr)
    {
        var d = c.Get(fd);
        m.Slice((uint)resultPtr, 24).Clear();
        m.WriteU8((uint)resultPtr, d.FileType);
        m.WriteU16((uint)resultPtr + 2, d.Flags);
        // Streams have no seek/tell rights, which is how wasi-libc's isatty recognises a terminal-like stream.
        m.WriteU64((uint)resultPtr + 8, d is WasiStream ? AllRights & ~SeekAndTell : AllRights);
        m.WriteU64((uint)resultPtr + 16, AllRights);
        return Errno.Success;
    }

    public static int FdstatSetFlags(WasiContext c, int fd, int flags)
    {
        var d = c.Get(fd);
        if (d is WasiFile f) f.Append = (flags & AppendFlag) != 0;
        else if ((flags & AppendFlag) != 0) return Errno.Inval;
        return Errno.Success;
    }

    /// <summary><c>fd_filestat_get</c>.</summary>
    public static int FilestatGet(WasiContext c, GuestMemory m, int fd, int resultPtr)
    {
        switch (c.Get(fd))
        {
            case WasiFile f:
                f.Stream.Flush();
                WriteFilestat(m, resultPtr, new FileInfo(f.Stream.Name));
                break;
            case WasiDirectory dir:
                WriteFilestat(m, resultPtr, new DirectoryInfo(dir.HostPath));
                break;
            default:
                m.Slice((uint)resultPtr, 64).Clear();
                m.WriteU8((uint)resultPtr + 16, FileType.CharacterDevice);
                m.WriteU64((uint)resultPtr + 24, 1);
                break;
        }
        return Errno.Success;
    }

    /// <summary>witx <c>$filestat</c>, 64 bytes: dev @0, ino @8, filetype u8 @16, nlink @24, size @32,
    /// atim @40, mtim @48, ctim @56 (times in ns since the Unix epoch).</summary>
    public static void WriteFilestat(GuestMemory m, int at, FileSystemInfo info)
    {
        if (!info.Exists) throw new WasiErrnoException(Errno.NoEnt);
        uint p = (uint)at;
        m.Slice(p, 64).Clear();
        m.WriteU64(p + 8, (ulong)(uint)info.FullName.GetHashCode(StringComparison.Ordinal));
        m.WriteU8(p + 16, TypeOf(info));
        m.WriteU64(p + 24, 1);
        m.WriteU64(p + 32, info is FileInfo file ? (ulong)file.Length : 4096);
        m.WriteU64(p + 40, Nanoseconds(info.LastAccessTimeUtc));
        m.WriteU64(p + 48, Nanoseconds(info.LastWriteTimeUtc));
        m.WriteU64(p + 56, Nanoseconds(info.LastWriteTimeUtc));
    }

    public static byte TypeOf(FileSystemInfo info) =>
        info.LinkTarget is not null ? FileType.SymbolicLink
        : info.Attributes.HasFlag(FileAttributes.Directory) ? FileType.Directory
        : FileType.RegularFile;

    private static ulong Nanoseconds(DateTime utc) => utc < DateTime.UnixEpoch ? 0 : (ulong)(utc - DateTime.UnixEpoch).Ticks * 100;

    public static int FilestatSetSize(WasiContext c, int fd, long size)
    {
        var f = c.Get(fd) as WasiFile ?? throw new WasiErrnoException(Errno.Badf);
        if (size < 0) return Errno.Inval;
        if (!f.Stream.CanWrite) return Errno.Badf;
        f.Stream.SetLength(size);
        return Errno.Success;
    }

    public static int Sync(WasiContext c, int fd)
    {
        if (c.Get(fd) is WasiFile f) f.Stream.Flush(flushToDisk: true);
        return Errno.Success;
    }

    /// <summary><c>fd_advise</c>: advice is only a hint; the descriptor must be a file.</summary>
    public static int Advise(WasiContext c, int fd, long offset, long length, int advice)
    {
        if (c.Get(fd) is not WasiFile) return Errno.Badf;
        return offset < 0 || length < 0 || advice is < 0 or > 5 ? Errno.Inval : Errno.Success;
    }

    /// <summary><c>fd_prestat_get</c>: 8 bytes: tag u8 @0 (0 = directory), name length u32 @4.</summary>
    public static int PrestatGet(WasiContext c, GuestMemory m, int fd, int resultPtr)
    {
        if (c.Get(fd) is not WasiDirectory { GuestName: { } name }) return Errno.Badf;
        m.Slice((uint)resultPtr, 8).Clear();
        m.WriteU32((uint)resultPtr + 4, (uint)System.Text.Encoding.UTF8.GetByteCount(name));
        return Errno.Success;
    }

    public static int PrestatDirName(WasiContext c, GuestMemory m, int fd, int buffer, int length)
    {
        if (c.Get(fd) is not WasiDirectory { GuestName: { } name }) return Errno.Badf;
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        if ((uint)length < bytes.Length) return Errno.NameTooLong;
        bytes.CopyTo(m.Slice(buffer, bytes.Length));
        return Errno.Success;
    }

    /// <summary><c>fd_readdir</c>: <c>.</c>, <c>..</c>, then the entries in ordinal order, each a 24-byte
    /// <c>$dirent</c> (next cookie u64 @0, inode u64 @8, name length u32 @16, type u8 @20) and its name,
    /// starting at entry number <paramref name="cookie"/>. A full buffer is returned filled to the end,
    /// which tells the guest to call again with a larger one.</summary>
    public static int ReadDir(WasiContext c, GuestMemory m, int fd, int buffer, int length, long cookie, int usedPtr)
    {
        var dir = c.Get(fd) as WasiDirectory ?? throw new WasiErrnoException(Errno.NotDir);
        var info = new DirectoryInfo(dir.HostPath);
        var entries = new List<(string Name, byte Type)> { (".", FileType.Directory), ("..", FileType.Directory) };
        entries.AddRange(info.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (e.Name, TypeOf(e))));
        var output = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        for (long i = Math.Max(cookie, 0); i < entries.Count; i++)
        {
            var name = System.Text.Encoding.UTF8.GetBytes(entries[(int)i].Name);
            header.Clear();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)(i + 1));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(header[8..], (ulong)i + 1);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)name.Length);
            header[20] = entries[(int)i].Type;
            output.Write(header);
            output.Write(name);
            if (output.Length >= (uint)length) break;
        }
        int used = (int)Math.Min(output.Length, (uint)length);
        output.GetBuffer().AsSpan(0, used).CopyTo(m.Slice(buffer, used));
        m.WriteU32((uint)usedPtr, (uint)used);
        return Errno.Success;
    }
}
