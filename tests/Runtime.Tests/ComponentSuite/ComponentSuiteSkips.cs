using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>The component corpora's out-of-scope material, read from <c>skips.txt</c> beside this file. An entry
/// is <c>corpus/path-prefix reason</c> (every command of every file whose corpus-relative path starts with the
/// prefix: a folder such as <c>component-model-tests/async/</c> or one file), <c>corpus/file.wast:LINE reason</c>
/// (the directive starting on that line) or <c>corpus/file.wast:FIRST-LAST reason</c> (the directives starting in
/// that range of lines). Every entry needs a reason; skipped commands are not run and count as skipped.</summary>
internal sealed class ComponentSuiteSkips
{
    private readonly List<(string Prefix, string Reason)> _prefixes = [];
    private readonly List<(string File, int First, int Last, string Reason)> _ranges = [];

    public static string DefaultPath => Path.Combine(RepoPaths.Root, "tests", "Runtime.Tests", "ComponentSuite", "skips.txt");

    public static readonly Lazy<ComponentSuiteSkips> Default = new(() => Load(DefaultPath));

    public static ComponentSuiteSkips Load(string path)
    {
        var skips = new ComponentSuiteSkips();
        int lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            int space = line.IndexOfAny([' ', '\t']);
            if (space < 0) throw new FormatException($"skips.txt:{lineNo}: an entry needs a reason after the path");
            string key = line[..space], reason = line[(space + 1)..].Trim();
            if (reason.Length == 0) throw new FormatException($"skips.txt:{lineNo}: an entry needs a reason");
            int colon = key.LastIndexOf(':');
            if (colon > 0)
            {
                var lines = key[(colon + 1)..].Split('-');
                if (lines.Length > 2 || !int.TryParse(lines[0], out int first) || !int.TryParse(lines[^1], out int last) || last < first)
                    throw new FormatException($"skips.txt:{lineNo}: expected file.wast:LINE or file.wast:FIRST-LAST");
                skips._ranges.Add((key[..colon], first, last, reason));
            }
            else
            {
                skips._prefixes.Add((key, reason));
            }
        }
        return skips;
    }

    /// <summary>The path prefixes of the list (folders and files).</summary>
    public IEnumerable<string> Prefixes => _prefixes.Select(p => p.Prefix);

    /// <summary>The line ranges of the list.</summary>
    public IEnumerable<(string File, int First, int Last)> Ranges => _ranges.Select(r => (r.File, r.First, r.Last));

    /// <summary>The reason every command of <paramref name="file"/> (<c>corpus/relative/path.wast</c>) is skipped, or null.</summary>
    public string? FileReason(string file)
    {
        // The longest matching prefix wins, so a file entry can refine a folder entry's reason.
        string? best = null;
        int bestLength = -1;
        foreach (var (prefix, reason) in _prefixes)
        {
            if (file.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > bestLength)
            {
                best = reason;
                bestLength = prefix.Length;
            }
        }
        return best;
    }

    /// <summary>The reason the command at <paramref name="line"/> of <paramref name="file"/> is skipped, or null.</summary>
    public string? CommandReason(string file, int line)
    {
        foreach (var (f, first, last, reason) in _ranges)
        {
            if (line >= first && line <= last && f == file) return reason;
        }
        return FileReason(file);
    }
}
