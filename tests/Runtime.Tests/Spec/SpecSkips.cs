namespace WitSharp.Runtime.Tests.Spec;

/// <summary>The one list of spec commands known not to pass, read from <c>skips.txt</c> beside this file.
/// A line is <c>file.wast:line reason</c> (one command) or <c>file.wast reason</c> (every command of the
/// file); <c>#</c> starts a comment. Every entry must carry a reason. A listed command that passes fails
/// the run, so the list can only shrink.</summary>
internal sealed class SpecSkips
{
    private readonly Dictionary<(string File, int Line), string> _commands = [];
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>tests/Runtime.Tests/Spec/skips.txt in the repository.</summary>
    public static string DefaultPath => Path.Combine(WitSharp.Tests.RepoPaths.Root, "tests", "Runtime.Tests", "Spec", "skips.txt");

    public static SpecSkips Load(string path)
    {
        var skips = new SpecSkips();
        if (!File.Exists(path)) return skips;
        int lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            int space = line.IndexOfAny([' ', '\t']);
            if (space < 0) throw new FormatException($"skips.txt:{lineNo}: an entry needs a reason after the file name");
            string key = line[..space], reason = line[(space + 1)..].Trim();
            if (reason.Length == 0) throw new FormatException($"skips.txt:{lineNo}: an entry needs a reason");
            int colon = key.LastIndexOf(':');
            if (colon > 0 && int.TryParse(key.AsSpan(colon + 1), out int cmdLine))
                skips._commands[(key[..colon], cmdLine)] = reason;
            else
                skips._files[key] = reason;
        }
        return skips;
    }

    /// <summary>The recorded reason when the command at <paramref name="line"/> of <paramref name="file"/> is skipped.</summary>
    public string? Reason(string file, int line) =>
        _commands.TryGetValue((file, line), out var r) ? r : _files.GetValueOrDefault(file);
}
