namespace WitSharp.Wasi;

/// <summary>Resolves a guest path relative to a directory descriptor without leaving its preopen (the WASI
/// capability model: a guest reaches only what it was given). Absolute paths, <c>..</c> that would climb
/// above the preopen, and symbolic links whose target lies outside it fail with <c>EPERM</c>, as in wasmtime.</summary>
internal static class WasiPaths
{
    public static string Resolve(WasiDirectory dir, string path)
    {
        if (path.Length == 0) throw new WasiErrnoException(Errno.NoEnt);
        if (path.Contains('\0')) throw new WasiErrnoException(Errno.Inval);
        if (path[0] == '/' || Path.IsPathRooted(path)) throw new WasiErrnoException(Errno.Perm);
        var root = dir.Root;
        var parts = new List<string>(Relative(root, dir.HostPath));
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) throw new WasiErrnoException(Errno.Perm);
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            if (segment.Contains('\\') && Path.DirectorySeparatorChar == '\\') throw new WasiErrnoException(Errno.Perm);
            parts.Add(segment);
            // A symbolic link on the way may point anywhere: its final target must stay inside the preopen.
            CheckLink(root, Path.Combine([root, .. parts]));
        }
        return parts.Count == 0 ? root : Path.Combine([root, .. parts]);
    }

    /// <summary>Fails when <paramref name="hostPath"/> is a symbolic link resolving outside <paramref name="root"/>.</summary>
    private static void CheckLink(string root, string hostPath)
    {
        FileSystemInfo info = new FileInfo(hostPath);
        if (info.LinkTarget is null)
        {
            info = new DirectoryInfo(hostPath);
            if (info.LinkTarget is null) return;
        }
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !Inside(root, Path.GetFullPath(target.FullName))) throw new WasiErrnoException(Errno.Perm);
    }

    public static bool Inside(string root, string full) =>
        full == root || full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static IEnumerable<string> Relative(string root, string hostPath)
    {
        var rel = Path.GetRelativePath(root, hostPath);
        return rel == "." ? [] : rel.Split(Path.DirectorySeparatorChar);
    }
}
