using System.Text;
using WitSharp.Tests;
using WitSharp.Wit.Tests.Corpus;

namespace WitSharp.Wit.Tests.Printing;

/// <summary>The printer's exact output for a few inputs, kept as <c>Snapshots/NAME.verified.wit</c> beside
/// this file so format changes show up in review. <c>UPDATE_SNAPSHOTS=1</c> rewrites them; otherwise a
/// difference fails with the first differing lines. (Round trips check meaning; these check the text.)</summary>
public sealed class PrinterSnapshotTests
{
    private static string Directory => Path.Combine(RepoPaths.Root, "tests", "Wit.Tests", "Printing", "Snapshots");

    /// <summary>(snapshot name, input as the round-trip tests name it, package to print or null for all).</summary>
    public static TheoryData<string, string, string?> Inputs() => new()
    {
        { "ui-types", "ui/types", null },
        { "ui-resources", "ui/resources", null },
        { "ui-feature-gates", "ui/feature-gates", null },
        { "ui-async", "ui/async", null },
        { "ui-packages-multiple-nested", "ui/packages-multiple-nested", null },
        { "ui-world-top-level-resources", "ui/world-top-level-resources", null },
        { "codegen-variants", "wit/bindgen-codegen/variants.wit", null },
        { "wasi-p2-io", "wit/wasi-p2", "wasi:io@0.2.12" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Prints_as_verified(string snapshot, string input, string? package)
    {
        var (path, features) = RoundTripTests.Input(input);
        var resolve = new Resolve(features);
        var main = resolve.PushPath(path);
        var printer = new WitPrinter(resolve);
        string text;
        if (package is null)
        {
            text = printer.PrintAll(main);
        }
        else
        {
            var id = Enumerable.Range(0, resolve.Packages.Count).Single(i => resolve.Packages[i].Name.ToString() == package);
            text = printer.PrintPackage(id);
        }
        Verify(snapshot, text);
    }

    private static void Verify(string name, string actual)
    {
        var file = Path.Combine(Directory, name + ".verified.wit");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(file, actual, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(file), "No snapshot " + file + "; run the tests with UPDATE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(file).Replace("\r\n", "\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var sb = new StringBuilder("Snapshot " + file + " differs (UPDATE_SNAPSHOTS=1 rewrites it):\n");
        for (int i = 0, shown = 0; i < Math.Max(e.Length, a.Length) && shown < 20; i++)
        {
            var el = i < e.Length ? e[i] : null;
            var al = i < a.Length ? a[i] : null;
            if (el == al) continue;
            sb.Append("line ").Append(i + 1).Append("\n- ").Append(el).Append("\n+ ").Append(al).Append('\n');
            shown++;
        }
        Assert.Fail(sb.ToString());
    }
}
