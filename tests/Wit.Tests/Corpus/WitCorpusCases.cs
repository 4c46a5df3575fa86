using System.Text.RegularExpressions;
using WitSharp.Tests;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>What a corpus case expects.</summary>
internal enum WitCaseKind
{
    /// <summary>Must resolve; the model, written as JSON, must equal <c>NAME.wit.json</c>.</summary>
    Success,
    /// <summary>Must be rejected with a <see cref="WitException"/> at the location of <c>NAME.wit.result</c>.</summary>
    ParseFail,
}

/// <summary>One case of ../shared/corpus/wit-parser-ui (see its SOURCE.md). <see cref="Input"/> is a file
/// (<c>.wit</c>, <c>.wat</c>, <c>.wasm</c>, <c>.wit.md</c>) or a package folder (with an optional deps/).</summary>
internal sealed record WitCase(string Name, WitCaseKind Kind, string Input, string Expected);

/// <summary>An expectation file with no input beside it. The reference runner never sees these (see
/// <see cref="WitCorpusCases.Orphans"/>), so they are listed in the report but are not cases.</summary>
internal sealed record OrphanedExpectation(string Name, string Expected);

/// <summary>Finds the cases of the wit-parser UI corpus and reads their expectations.</summary>
internal static partial class WitCorpusCases
{
    public static string Root => RepoPaths.CorpusDir("wit-parser-ui");

    /// <summary>The features the reference runner enables (its tests/all.rs inserts <c>active</c>).</summary>
    public static readonly string[] Features = { "active" };

    private static readonly Lazy<(IReadOnlyList<WitCase> Cases, IReadOnlyList<OrphanedExpectation> Orphans)> s_all = new(Discover);

    public static IReadOnlyList<WitCase> All => s_all.Value.Cases;

    /// <summary>Expectation files (<c>.wit.json</c>, <c>.wit.result</c>) whose input is not in the corpus. The
    /// reference runner (wit-parser tests/all.rs, <c>find_tests</c>) enumerates test INPUTS: folders and
    /// <c>.wit</c>/<c>.md</c> (recent versions also <c>.wat</c>/<c>.wasm</c>) files under tests/ui and
    /// tests/ui/parse-fail, and derives the expectation name from each; an expectation left behind when its
    /// input was deleted upstream (parse-fail/async.wit.result, async1, unterminated-string) is never run there.
    /// We enumerate the same way: such files are reported as orphaned, neither passed nor skipped.</summary>
    public static IReadOnlyList<OrphanedExpectation> Orphans => s_all.Value.Orphans;

    public static WitCase Get(string name) => All.First(c => c.Name == name);

    public static IEnumerable<object[]> SuccessNames() =>
        All.Where(c => c.Kind == WitCaseKind.Success).Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> ParseFailNames() =>
        All.Where(c => c.Kind == WitCaseKind.ParseFail).Select(c => new object[] { c.Name });

    private static (IReadOnlyList<WitCase>, IReadOnlyList<OrphanedExpectation>) Discover()
    {
        var list = new List<WitCase>();
        var orphans = new List<OrphanedExpectation>();
        if (!Directory.Exists(Root)) return (list, orphans);

        void Add(string name, WitCaseKind kind, string? input, string expected)
        {
            if (input is null) orphans.Add(new OrphanedExpectation(name, expected));
            else list.Add(new WitCase(name, kind, input, expected));
        }

        // Success cases: every NAME.wit.json; the input is NAME.wit, the folder NAME/, or another NAME.* file
        // (the reference also accepts components encoding a WIT package, .wat/.wasm).
        foreach (var json in Directory.GetFiles(Root, "*.wit.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(json)[..^".wit.json".Length];
            Add(name, WitCaseKind.Success, FindInput(Root, name), json);
        }

        // Failure cases: every NAME.wit.result under parse-fail/, with NAME.wit or NAME/ as the input.
        var fail = Path.Combine(Root, "parse-fail");
        if (Directory.Exists(fail))
        {
            foreach (var result in Directory.GetFiles(fail, "*.wit.result").OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(result)[..^".wit.result".Length];
                Add("parse-fail/" + name, WitCaseKind.ParseFail, FindInput(fail, name), result);
            }
        }
        return (list, orphans);
    }

    /// <summary>Inputs the reference runner would run that have no expectation file here (each would fail
    /// there with "failed to read test expectation file"); expected to be empty.</summary>
    public static IEnumerable<string> InputsWithoutExpectation()
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var (dir, prefix, suffix) in new[] { (Root, "", ".wit.json"), (Path.Combine(Root, "parse-fail"), "parse-fail/", ".wit.result") })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var entry in Directory.GetFileSystemEntries(dir).OrderBy(p => p, StringComparer.Ordinal))
            {
                var file = Path.GetFileName(entry);
                if (file == "parse-fail") continue;
                string stem;
                if (Directory.Exists(entry)) stem = file;
                else if (file.EndsWith(".wit.md", StringComparison.Ordinal)) stem = file[..^".wit.md".Length];
                else if (file.EndsWith(".wit", StringComparison.Ordinal) || file.EndsWith(".wat", StringComparison.Ordinal)) stem = file[..^4];
                else if (file.EndsWith(".wasm", StringComparison.Ordinal)) stem = file[..^5];
                else continue;
                if (!File.Exists(Path.Combine(dir, stem + suffix))) yield return prefix + file;
            }
        }
    }

    private static string? FindInput(string dir, string name)
    {
        var wit = Path.Combine(dir, name + ".wit");
        if (File.Exists(wit)) return wit;
        var folder = Path.Combine(dir, name);
        if (Directory.Exists(folder)) return folder;
        foreach (var ext in new[] { ".wat", ".wasm", ".wit.md" })
        {
            var other = Path.Combine(dir, name + ext);
            if (File.Exists(other)) return other;
        }
        return null;
    }

    /// <summary>The location the reference reports: the first <c>path:line:col</c> in the .result text
    /// (after <c>--&gt;</c>, at the start of the message, or in a "defined in two locations" list).
    /// Null when the reference message has no location.</summary>
    public static ExpectedLocation? ReadExpectedLocation(string resultFile)
    {
        var m = LocationPattern().Match(File.ReadAllText(resultFile));
        if (!m.Success) return null;
        return new ExpectedLocation(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value));
    }

    /// <summary>The first line of the reference message (for the report).</summary>
    public static string ReadExpectedMessage(string resultFile)
    {
        var text = File.ReadAllText(resultFile).Replace("\r\n", "\n").Trim();
        var nl = text.IndexOf('\n');
        return nl < 0 ? text : text[..nl];
    }

    [GeneratedRegex(@"(?<file>tests/ui/[^\s:]+):(?<line>\d+):(?<col>\d+)")]
    private static partial Regex LocationPattern();
}

/// <summary>A reference error location; <see cref="File"/> is relative to the reference's tests/ui folder root.</summary>
internal sealed record ExpectedLocation(string File, int Line, int Column)
{
    /// <summary>The file's last path segment, which is what we compare (our paths are absolute).</summary>
    public string FileName => File[(File.LastIndexOf('/') + 1)..];

    public override string ToString() => File + ":" + Line + ":" + Column;
}
