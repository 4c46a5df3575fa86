using System.Text;
using WitSharp.Tests;

namespace WitSharp.Generator.Tests;

/// <summary>A small snapshot helper (Verify is not served here): keeps <c>*.verified.cs</c> files under
/// tests/Generator.Tests/Snapshots, rewrites them when <c>UPDATE_SNAPSHOTS=1</c>, and otherwise fails with
/// the first differing lines.</summary>
internal static class Snapshot
{
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Snapshots");

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static void Verify(string relativeName, string actual)
    {
        var path = Path.Combine(Directory, relativeName + ".verified.cs");
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        if (!File.Exists(path))
        {
            Assert.Fail("No snapshot " + path + "; run the tests with UPDATE_SNAPSHOTS=1 to create it.\n" + Head(actual));
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        Assert.Fail("Snapshot " + path + " differs (UPDATE_SNAPSHOTS=1 rewrites it):\n" + Diff(expected, actual));
    }

    private static string Head(string text) => text.Length > 2000 ? text[..2000] + "\n…" : text;

    /// <summary>A line diff of the first differences, enough to see what changed.</summary>
    internal static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var sb = new StringBuilder();
        var shown = 0;
        var n = Math.Max(e.Length, a.Length);
        for (var i = 0; i < n && shown < 20; i++)
        {
            var el = i < e.Length ? e[i] : null;
            var al = i < a.Length ? a[i] : null;
            if (el == al) continue;
            sb.Append("line ").Append(i + 1).Append('\n');
            if (el is not null) sb.Append("- ").Append(el).Append('\n');
            if (al is not null) sb.Append("+ ").Append(al).Append('\n');
            shown++;
        }
        if (e.Length != a.Length) sb.Append("(expected ").Append(e.Length).Append(" lines, got ").Append(a.Length).Append(")\n");
        return sb.ToString();
    }
}
