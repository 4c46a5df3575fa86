namespace WitSharp.Wasi;

/// <summary>Path operations relative to a directory descriptor (WASI preview-1 <c>path_*</c>), all resolved
/// through <see cref="WasiPaths"/> so that they stay inside the preopen.</summary>
internal static class WasiPathFunctions
{
    // witx $oflags and $rights bits used here
    private const int Creat = 1, DirectoryFlag = 2, Excl = 4, Trunc = 8;
    private const ulong FdRead = 1UL << 1, FdWrite = 1UL << 6;
    private const int AppendFlag = 1;

    private static (WasiDirectory Dir, string HostPath) Resolve(WasiContext c, GuestMemory m, int fd, int path, int length)
    {
        var dir = c.Get(fd) as WasiDirectory ?? throw new WasiErrnoException(c.Get(fd) is WasiFile ? Errno.NotDir : Errno.Badf);
        return (dir, WasiPaths.Resolve(dir, m.ReadString(path, length)));
    }

    private static void RequireMutable(WasiDirectory dir)
    {
        if (!dir.Mutable) throw new WasiErrnoException(Errno.Perm);
    }

    /// <summary><c>path_open</c>.</summary>
    public static int Open(WasiContext c, GuestMemory m, int fd, int path, int length, int oflags, long rightsBase, int fdflags, int resultPtr)
    {
        var (dir, host) = Resolve(c, m, fd, path, length);
        bool isDir = Directory.Exists(host), isFile = File.Exists(host);
        bool write = ((ulong)rightsBase & FdWrite) != 0 || (oflags & (Creat | Trunc)) != 0 || (fdflags & AppendFlag) != 0;
        if ((oflags & DirectoryFlag) != 0 || (isDir && !write))
        {
            if ((oflags & (Creat | Trunc)) != 0 && (oflags & DirectoryFlag) != 0) return Errno.Inval;
            if (!isDir) return isFile ? Errno.NotDir : Errno.NoEnt;
            if ((oflags & Excl) != 0) return Errno.Exist;
            m.WriteU32((uint)resultPtr, (uint)c.Add(new WasiDirectory(host, dir.Root, dir.Mutable, null)));
            return Errno.Success;
        }
        if (isDir) return Errno.IsDir;
        if (write) RequireMutable(dir);
        if (!isFile && (oflags & Creat) == 0) return Errno.NoEnt;
        if (!isFile && !Directory.Exists(Path.GetDirectoryName(host))) return Errno.NoEnt;
        var mode = (oflags & (Creat | Excl | Trunc)) switch
        {
            var o when (o & Creat) != 0 && (o & Excl) != 0 => FileMode.CreateNew,
            var o when (o & Creat) != 0 && (o & Trunc) != 0 => FileMode.Create,
            var o when (o & Creat) != 0 => FileMode.OpenOrCreate,
            var o when (o & Trunc) != 0 => FileMode.Truncate,
            _ => FileMode.Open,
        };
        bool read = ((ulong)rightsBase & FdRead) != 0 || !write;
        var access = read && write ? FileAccess.ReadWrite : write ? FileAccess.Write : FileAccess.Read;
        var stream = new FileStream(host, mode, access, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        m.WriteU32((uint)resultPtr, (uint)c.Add(new WasiFile(stream, (fdflags & AppendFlag) != 0)));
        return Errno.Success;
    }

    public static int FilestatGet(WasiContext c, GuestMemory m, int fd, int path, int length, int resultPtr)
    {
        var (_, host) = Resolve(c, m, fd, path, length);
        FileSystemInfo info = Directory.Exists(host) ? new DirectoryInfo(host) : new FileInfo(host);
        WasiDescriptorFunctions.WriteFilestat(m, resultPtr, info);
        return Errno.Success;
    }

    public static int CreateDirectory(WasiContext c, GuestMemory m, int fd, int path, int length)
    {
        var (dir, host) = Resolve(c, m, fd, path, length);
        RequireMutable(dir);
        if (Directory.Exists(host) || File.Exists(host)) return Errno.Exist;
        if (!Directory.Exists(Path.GetDirectoryName(host))) return Errno.NoEnt;
        Directory.CreateDirectory(host);
        return Errno.Success;
    }

    public static int UnlinkFile(WasiContext c, GuestMemory m, int fd, int path, int length)
    {
        var (dir, host) = Resolve(c, m, fd, path, length);
        RequireMutable(dir);
        if (Directory.Exists(host)) return Errno.IsDir;
        if (!File.Exists(host)) return Errno.NoEnt;
        File.Delete(host);
        return Errno.Success;
    }

    public static int RemoveDirectory(WasiContext c, GuestMemory m, int fd, int path, int length)
    {
        var (dir, host) = Resolve(c, m, fd, path, length);
        RequireMutable(dir);
        if (host == dir.Root) return Errno.Perm;
        if (File.Exists(host)) return Errno.NotDir;
        if (!Directory.Exists(host)) return Errno.NoEnt;
        if (Directory.EnumerateFileSystemEntries(host).Any()) return Errno.NotEmpty;
        Directory.Delete(host);
        return Errno.Success;
    }

    /// <summary><c>path_rename</c>, with POSIX <c>rename(2)</c> semantics: an existing target file is
    /// replaced; a directory may replace an empty directory.</summary>
    public static int Rename(WasiContext c, GuestMemory m, int fd, int oldPath, int oldLength, int newFd, int newPath, int newLength)
    {
        var (fromDir, from) = Resolve(c, m, fd, oldPath, oldLength);
        var (toDir, to) = Resolve(c, m, newFd, newPath, newLength);
        RequireMutable(fromDir);
        RequireMutable(toDir);
        if (from == fromDir.Root || to == toDir.Root) return Errno.Perm;
        if (!Directory.Exists(Path.GetDirectoryName(to))) return Errno.NoEnt;
        if (File.Exists(from))
        {
            if (Directory.Exists(to)) return Errno.IsDir;
            File.Move(from, to, overwrite: true);
            return Errno.Success;
        }
        if (!Directory.Exists(from)) return Errno.NoEnt;
        if (File.Exists(to)) return Errno.NotDir;
        if (WasiPaths.Inside(from, to) && from != to) return Errno.Inval;
        if (Directory.Exists(to))
        {
            if (Directory.EnumerateFileSystemEntries(to).Any()) return Errno.NotEmpty;
            Directory.Delete(to);
        }
        Directory.Move(from, to);
        return Errno.Success;
    }

    /// <summary><c>path_readlink</c>: the link's target text, truncated to the buffer as readlink(2) does.</summary>
    public static int ReadLink(WasiContext c, GuestMemory m, int fd, int path, int length, int buffer, int bufferLength, int usedPtr)
    {
        var (_, host) = Resolve(c, m, fd, path, length);
        FileSystemInfo info = new FileInfo(host);
        if (!info.Exists && !Directory.Exists(host)) return Errno.NoEnt;
        var target = info.LinkTarget ?? new DirectoryInfo(host).LinkTarget;
        if (target is null) return Errno.Inval;
        var bytes = System.Text.Encoding.UTF8.GetBytes(target);
        int used = Math.Min(bytes.Length, Math.Max(bufferLength, 0));
        bytes.AsSpan(0, used).CopyTo(m.Slice(buffer, used));
        m.WriteU32((uint)usedPtr, (uint)used);
        return Errno.Success;
    }
}
