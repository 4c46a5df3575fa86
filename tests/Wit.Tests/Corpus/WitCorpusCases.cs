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

/// <summary>One case of ../shared/corpus/wit-parser-ui (see its SOURCE.md). <see cref="Input"/> is a file or
/// a package folder (with an optional deps/), or null when the corpus has no input for it.</summary>
internal sealed record WitCase(string Name, WitCaseKind Kind, string? Input, string Expected);

/// <summary>Finds the cases of the wit-parser UI corpus and reads their expectations.</summary>
internal static partial class WitCorpusCases
{
    public static string Root => RepoPaths.CorpusDir("wit-parser-ui");

    /// <summary>The features the reference runner enables (its tests/all.rs inserts <c>active</c>).</summary>
    public static readonly string[] Features = { "active" };

    private static readonly Lazy<IReadOnlyList<WitCase>> s_all = new(Discover);

    public static IReadOnlyList<WitCase> All => s_all.Value;

    public static WitCase Get(string name) => All.First(c => c.Name == name);

    public static IEnumerable<object[]> SuccessNames() =>
        All.Where(c => c.Kind == WitCaseKind.Success).Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> ParseFailNames() =>
        All.Where(c => c.Kind == WitCaseKind.ParseFail).Select(c => new object[] { c.Name });

    private static List<WitCase> Discover()
    {
        var list = new List<WitCase>();
        if (!Directory.Exists(Root)) return list;

        // Success cases: every NAME.wit.json; the input is NAME.wit, the folder NAME/, or another NAME.* file
        // (the reference also accepts .wat/.wasm components, which the runner records as skipped).
        foreach (var json in Directory.GetFiles(Root, "*.wit.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(json)[..^".wit.json".Length];
            list.Add(new WitCase(name, WitCaseKind.Success, FindInput(Root, name), json));
        }

        // Failure cases: every NAME.wit.result under parse-fail/, with NAME.wit or NAME/ as the input.
        var fail = Path.Combine(Root, "parse-fail");
        if (Directory.Exists(fail))
        {
            foreach (var result in Directory.GetFiles(fail, "*.wit.result").OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(result)[..^".wit.result".Length];
                list.Add(new WitCase("parse-fail/" + name, WitCaseKind.ParseFail, FindInput(fail, name), result));
            }
        }
        return list;
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
