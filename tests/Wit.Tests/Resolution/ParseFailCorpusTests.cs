using System.Text.RegularExpressions;
using WitSharp.Tests;
using WitSharp.Wit;

namespace WitSharp.Wit.Tests.Resolution;

/// <summary>Every case of the reference's <c>tests/ui/parse-fail</c> corpus (single files and folders) must be
/// rejected with the reference's error at the same file, line and column, with the same message.</summary>
public sealed class ParseFailCorpusTests
{
    private static string Dir => Path.Combine(RepoPaths.CorpusDir("wit-parser-ui"), "parse-fail");

    /// <summary>Cases: inputs (a `.wit` file or a folder) that have a `.wit.result` beside them.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var result in Directory.GetFiles(Dir, "*.wit.result").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(result)[..^".wit.result".Length];
            if (File.Exists(Path.Combine(Dir, name + ".wit")) || Directory.Exists(Path.Combine(Dir, name))) data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RejectsLikeReference(string name)
    {
        var input = File.Exists(Path.Combine(Dir, name + ".wit")) ? Path.Combine(Dir, name + ".wit") : Path.Combine(Dir, name);
        var expected = Expected.Read(Path.Combine(Dir, name + ".wit.result"));
        // The reference runner (wit-parser tests/all.rs) enables the feature `active` for every case.
        var resolve = new Resolve(new[] { "active" });
        var e = Assert.Throws<WitException>(() => resolve.PushPath(input));
        if (expected.Location is { } loc)
        {
            Assert.True(e.HasLocation, "no location on: " + e.Message);
            Assert.Equal(loc.File, RelativeToCorpus(e.File!));
            Assert.Equal((loc.Line, loc.Column), (e.Line, e.Column));
        }
        // The reference prefixes directory errors with context ("failed to resolve directory … : "); the
        // error itself is the tail of its message.
        var reason = e.Reason.Replace("\r\n", "\n").Replace(Path.GetFullPath(Dir).Replace('\\', '/') + "/", "tests/ui/parse-fail/");
        Assert.EndsWith(reason, expected.Message);
    }

    private static string RelativeToCorpus(string file)
    {
        var full = Path.GetFullPath(file).Replace('\\', '/');
        var root = Path.GetFullPath(Dir).Replace('\\', '/') + "/";
        return full.StartsWith(root, StringComparison.Ordinal) ? full[root.Length..] : full;
    }

    private sealed record Location(string File, int Line, int Column);

    private sealed record Expected(string Message, Location? Location)
    {
        private static readonly Regex Arrow = new(@"^\s*--> (?<file>.*):(?<line>\d+):(?<col>\d+)\s*$", RegexOptions.Multiline);

        public static Expected Read(string path)
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var m = Arrow.Match(text);
            if (!m.Success) return new Expected(text.TrimEnd(), null);
            var file = m.Groups["file"].Value;
            const string prefix = "tests/ui/parse-fail/";
            if (file.StartsWith(prefix, StringComparison.Ordinal)) file = file[prefix.Length..];
            var message = text[..m.Index].TrimEnd('\n');
            return new Expected(message, new Location(file, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value)));
        }
    }
}
