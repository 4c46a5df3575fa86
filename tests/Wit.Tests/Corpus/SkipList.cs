using WitSharp.Tests;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>A list of cases known not to pass, read from a data file: <c>case-name reason</c> per line,
/// <c>#</c> starts a comment. Every entry must carry a reason; a listed case that passes fails its test, so
/// the list can only shrink.</summary>
internal sealed class SkipList
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _reasons;

    public SkipList(params string[] relativePath)
    {
        FilePath = Path.Combine(new[] { RepoPaths.Root }.Concat(relativePath).ToArray());
        _reasons = new Lazy<IReadOnlyDictionary<string, string>>(Load);
    }

    /// <summary>wit-corpus-skips.txt: the conformance runner's list.</summary>
    public static SkipList Corpus { get; } = new("tests", "Wit.Tests", "Corpus", "wit-corpus-skips.txt");

    /// <summary>roundtrip-skips.txt: the printer round-trip tests' list.</summary>
    public static SkipList RoundTrip { get; } = new("tests", "Wit.Tests", "Printing", "roundtrip-skips.txt");

    public string FilePath { get; }

    /// <summary>The recorded reason when <paramref name="caseName"/> is listed, otherwise null.</summary>
    public string? Reason(string caseName) => _reasons.Value.TryGetValue(caseName, out var r) ? r : null;

    private IReadOnlyDictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(FilePath)) return map;
        var name = Path.GetFileName(FilePath);
        var lineNo = 0;
        foreach (var raw in File.ReadLines(FilePath))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.IndexOfAny(new[] { ' ', '\t' });
            if (space < 0 || line[(space + 1)..].Trim().Length == 0)
            {
                throw new FormatException(name + ":" + lineNo + ": an entry needs a reason after the case name");
            }
            map[line[..space]] = line[(space + 1)..].Trim();
        }
        return map;
    }
}
