using System.Text.Json.Nodes;
using WitSharp.Tests;
using WitSharp.Wit.Tests.Corpus;

namespace WitSharp.Wit.Tests.Printing;

/// <summary>Round trip through the printer: parse+resolve → print every package into one document (the main
/// package with the others as nested blocks) → parse+resolve that text → the two models must be equal.
/// Models are compared as their corpus-shaped JSON (<see cref="ResolveJsonWriter"/>), exactly, arenas and
/// map order included. Nothing is ignored: the model holds no spans or file names, which are the only things
/// printing cannot keep. Printing the second model must also give the same text again.</summary>
public sealed class RoundTripTests
{
    /// <summary>Every success case of the wit-parser UI corpus with WIT input, plus every package of
    /// ../shared/corpus/wit (wasi-p2, wasi-http, each bindgen-codegen file or folder).</summary>
    public static IEnumerable<object[]> Cases()
    {
        foreach (var c in WitCorpusCases.All)
        {
            if (c.Kind != WitCaseKind.Success || c.Input is null) continue;
            if (c.Input.EndsWith(".wit", StringComparison.Ordinal) || Directory.Exists(c.Input)) yield return new object[] { "ui/" + c.Name };
        }
        var wit = RepoPaths.CorpusDir("wit");
        foreach (var dir in new[] { "wasi-p2", "wasi-http" })
        {
            if (Directory.Exists(Path.Combine(wit, dir))) yield return new object[] { "wit/" + dir };
        }
        var codegen = Path.Combine(wit, "bindgen-codegen");
        if (Directory.Exists(codegen))
        {
            var entries = Directory.GetFiles(codegen, "*.wit").Concat(Directory.GetDirectories(codegen))
                .Select(p => "wit/bindgen-codegen/" + Path.GetFileName(p))
                .OrderBy(p => p, StringComparer.Ordinal);
            foreach (var e in entries) yield return new object[] { e };
        }
    }

    internal static (string Path, string[] Features) Input(string name)
    {
        if (name.StartsWith("ui/", StringComparison.Ordinal))
        {
            return (WitCorpusCases.Get(name.Substring(3)).Input!, WitCorpusCases.Features);
        }
        return (Path.Combine(RepoPaths.Corpus, name.Substring(0, 3), name.Substring(4)), Array.Empty<string>());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Print_then_resolve_gives_the_same_model(string name)
    {
        var outcome = Run(name);
        var skip = SkipList.RoundTrip.Reason(name);
        if (skip is not null)
        {
            Assert.False(outcome is null, name + " is listed in roundtrip-skips.txt but passes: remove the entry");
            return;
        }
        if (outcome is not null) Assert.Fail(outcome);
    }

    /// <summary>Null on success, otherwise what went wrong.</summary>
    private static string? Run(string name)
    {
        var (path, features) = Input(name);
        var first = new Resolve(features);
        int main;
        try
        {
            main = first.PushPath(path);
        }
        catch (Exception e)
        {
            return "the original did not resolve: " + e.GetType().Name + ": " + e.Message;
        }

        var text = new WitPrinter(first).PrintAll(main);
        var second = new Resolve(features);
        try
        {
            second.PushSource(name.Replace('/', '_') + ".printed.wit", text);
        }
        catch (Exception e)
        {
            return "the printed text did not resolve: " + e.GetType().Name + ": " + e.Message + "\n--- printed ---\n" + text;
        }

        var expected = JsonNode.Parse(ResolveJsonWriter.Write(first).ToJsonString());
        var actual = JsonNode.Parse(ResolveJsonWriter.Write(second).ToJsonString());
        var diff = JsonTreeDiff.FirstDifference(expected, actual);
        if (diff is not null) return "models differ after printing: " + diff + "\n--- printed ---\n" + text;

        var again = new WitPrinter(second).PrintAll(second.FindPackage(first.Packages[main].Name));
        if (again != text) return "printing the reprinted model gave different text\n--- first ---\n" + text + "\n--- second ---\n" + again;
        return null;
    }
}
