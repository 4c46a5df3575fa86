using WitSharp.Tests;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>The one list of corpus cases known not to pass, read from <c>wit-corpus-skips.txt</c> beside this
/// file: <c>case-name reason</c> per line, <c>#</c> starts a comment. Every entry must carry a reason; a listed
/// case that passes fails its test, so the list can only shrink.</summary>
internal static class WitCorpusSkips
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_reasons = new(Load);

    public static string FilePath => Path.Combine(RepoPaths.Root, "tests", "Wit.Tests", "Corpus", "wit-corpus-skips.txt");

    /// <summary>The recorded reason when <paramref name="caseName"/> is listed, otherwise null.</summary>
    public static string? Reason(string caseName) => s_reasons.Value.TryGetValue(caseName, out var r) ? r : null;

    private static IReadOnlyDictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(FilePath)) return map;
        var lineNo = 0;
        foreach (var raw in File.ReadLines(FilePath))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.IndexOfAny(new[] { ' ', '\t' });
            if (space < 0 || line[(space + 1)..].Trim().Length == 0)
            {
                throw new FormatException("wit-corpus-skips.txt:" + lineNo + ": an entry needs a reason after the case name");
            }
            map[line[..space]] = line[(space + 1)..].Trim();
        }
        return map;
    }
}
