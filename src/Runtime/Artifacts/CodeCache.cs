namespace WitSharp.Artifacts;

/// <summary>The directory where the ReadyToRun images of loaded artifacts are written as files, one per artifact
/// content (named by the artifact's SHA-256 checksum). The runtime uses an image's native code only when it loads
/// the assembly from a file (an image loaded from bytes is JIT-compiled), while an artifact keeps its code
/// compressed to stay small (about 2.5x the .wasm instead of 6.5x). So the first load of an artifact inflates
/// and writes its image here, and later loads (any process, any engine) map the file directly.
/// The directory is per user (the cached files are code that will run), created owner-only on Unix; files are
/// written under a temporary name and renamed, so a reader never sees a partial file. Nothing is evicted:
/// delete the directory to reclaim space.</summary>
internal static class CodeCache
{
    /// <summary>The default directory: <c>$XDG_CACHE_HOME/witsharp</c> or <c>~/.cache/witsharp</c> on Unix,
    /// <c>~/Library/Caches/WitSharp</c> on macOS, <c>%LOCALAPPDATA%\WitSharp\Cache</c> on Windows; null when none
    /// of these can be determined (then images load from bytes).</summary>
    public static string? DefaultDirectory { get; } = Default();

    /// <summary>The cache file of the artifact with checksum <paramref name="identity"/>.</summary>
    public static string PathFor(string directory, ReadOnlySpan<byte> identity) =>
        Path.Combine(directory, Convert.ToHexStringLower(identity) + ".dll");

    /// <summary>Whether <paramref name="path"/> holds an image of <paramref name="length"/> bytes (files are only
    /// ever renamed into place whole, so the length is the check that it is complete).</summary>
    public static bool IsPresent(string path, int length)
    {
        var file = new FileInfo(path);
        return file.Exists && file.Length == length;
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/>; false when the directory cannot be
    /// written (read-only file system, permissions): the caller then loads the image from bytes.</summary>
    public static bool TryWrite(string path, byte[] image)
    {
        string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var directory = Path.GetDirectoryName(path)!;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.WriteAllBytes(temp, image);
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            // Another process may have renamed the same image into place first (or holds it open on Windows).
            return IsPresent(path, image.Length);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is never read.
        }
    }

    private static string? Default()
    {
        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length == 0 ? null : Path.Combine(local, "WitSharp", "Cache");
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS()) return home.Length == 0 ? null : Path.Combine(home, "Library", "Caches", "WitSharp");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "witsharp");
        return home.Length == 0 ? null : Path.Combine(home, ".cache", "witsharp");
    }
}
