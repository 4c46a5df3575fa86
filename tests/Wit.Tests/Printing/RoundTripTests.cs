using System.Text.Json.Nodes;
using WitSharp.Tests;
using WitSharp.Wit.Tests.Corpus;

namespace WitSharp.Wit.Tests.Printing;

/// <summary>Round trip through the printer: parse+resolve → print every package into one document (the main
/// package with the others as nested blocks) → parse+resolve that text → the two models must be equal.
/// Models are compared as their corpus-shaped JSON (<see cref="ResolveJsonWriter"/>): names, docs, gates,
/// every type's structure, owners and map order. What printing cannot keep, and so is ignored:
/// <list type="bullet">
/// <item>spans and file names (not in the model);</item>
/// <item>arena numbering, where it came from something text cannot say: packages are ordered by their
///   dependencies, and a dependency that existed only through an item a feature gate removed is gone from the
///   text; anonymous types that a gated-out item created stay in the original arena as orphans (wasi-p2:
///   <c>option&lt;error-code&gt;</c> of the unstable <c>network-error-code</c>); a world elaborated from
///   <c>include</c> is printed as plain declarations, which resolve in declaration order rather than in the
///   order elaboration cloned them. When the exact comparison fails,
///   both models are compared again with ids renumbered by a canonical walk (<see cref="Renumbering"/>);</item>
/// <item><c>@since</c> gates on the items of worlds in packages without a version (and inside their inline
///   interfaces): they come from included versioned worlds and WIT rejects them there, so the printer leaves
///   them out.</item>
/// </list>
/// Printing the second model must also give the same text again.</summary>
public sealed class RoundTripTests : IClassFixture<RoundTripReport>
{
    private readonly RoundTripReport _report;

    public RoundTripTests(RoundTripReport report) => _report = report;

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
        var (failure, how) = Run(name);
        var skip = SkipList.RoundTrip.Reason(name);
        if (skip is not null)
        {
            _report.Record(name, failure is null ? CaseStatus.Failed : CaseStatus.Skipped, failure is null ? "listed in roundtrip-skips.txt but passes" : skip);
            Assert.False(failure is null, name + " is listed in roundtrip-skips.txt but passes: remove the entry");
            return;
        }
        _report.Record(name, failure is null ? CaseStatus.Passed : CaseStatus.Failed, failure ?? how);
        if (failure is not null) Assert.Fail(failure);
    }

    private static string PrintByName(Resolve r, PackageName main)
    {
        var id = r.FindPackage(main);
        var others = Enumerable.Range(0, r.Packages.Count).Where(i => i != id)
            .OrderBy(i => r.Packages[i].Name.ToString(), StringComparer.Ordinal);
        return new WitPrinter(r).PrintPackage(id, others);
    }

    /// <summary>The model as corpus JSON (renumbered when <paramref name="map"/> is given), with the <c>@since</c>
    /// gates of world items in unversioned packages removed.</summary>
    private static JsonNode Json(Resolve r, Renumbering? map)
    {
        var json = map is null ? ResolveJsonWriter.Write(r) : ResolveJsonWriter.Write(r, map);
        var worlds = json["worlds"]!.AsArray();
        var packages = json["packages"]!.AsArray();
        var unversioned = new HashSet<int>();
        for (var i = 0; i < worlds.Count; i++)
        {
            var pkg = worlds[i]!["package"];
            if (pkg is null || packages[pkg.GetValue<int>()]!["name"]!.GetValue<string>().Contains('@')) continue;
            unversioned.Add(i);
            foreach (var dir in new[] { "imports", "exports" })
            {
                foreach (var (_, item) in worlds[i]![dir]!.AsObject())
                {
                    var inner = item!["interface"] ?? item["function"];
                    if (inner is JsonObject o) RemoveSince(o);
                }
            }
        }
        // Inline interfaces of those worlds print inside them, so their gates go the same way.
        var inline = new HashSet<int>();
        var interfaces = json["interfaces"]!.AsArray();
        for (var i = 0; i < interfaces.Count; i++)
        {
            var iface = interfaces[i]!.AsObject();
            var pkg = iface["package"];
            if (iface["name"] is not null || pkg is null || packages[pkg.GetValue<int>()]!["name"]!.GetValue<string>().Contains('@')) continue;
            inline.Add(i);
            RemoveSince(iface);
            foreach (var (_, f) in iface["functions"]!.AsObject()) RemoveSince(f!.AsObject());
        }
        foreach (var t in json["types"]!.AsArray())
        {
            if (t!["owner"]?["world"] is { } w && unversioned.Contains(w.GetValue<int>())) RemoveSince(t.AsObject());
            if (t["owner"]?["interface"] is { } io && inline.Contains(io.GetValue<int>())) RemoveSince(t.AsObject());
        }
        return JsonNode.Parse(json.ToJsonString())!;
    }

    private static void RemoveSince(JsonObject o)
    {
        if (o["stability"]?["stable"] is not null) o.Remove("stability");
    }

    /// <summary>(null, how it matched) on success, otherwise (what went wrong, "").</summary>
    private static (string? Failure, string How) Run(string name)
    {
        var (path, features) = Input(name);
        var first = new Resolve(features) { ComponentTextEncoder = Corpus.ComponentTextHook.Encoder };
        int main;
        try
        {
            main = first.PushPath(path);
        }
        catch (Exception e)
        {
            return ("the original did not resolve: " + e.GetType().Name + ": " + e.Message, "");
        }

        var text = new WitPrinter(first).PrintAll(main);
        var second = new Resolve(features);
        try
        {
            second.PushSource(name.Replace('/', '_') + ".printed.wit", text);
        }
        catch (Exception e)
        {
            return ("the printed text did not resolve: " + e.GetType().Name + ": " + e.Message + "\n--- printed ---\n" + text, "");
        }

        var difference = Compare(first, second, out var how);
        if (difference is not null) return ("models differ after printing: " + difference + "\n--- printed ---\n" + text, "");

        // Printing is deterministic given the model; nested packages follow the package arena, whose order may
        // legitimately differ (see above), so both sides nest them by name for this check.
        var once = PrintByName(first, first.Packages[main].Name);
        var twice = PrintByName(second, first.Packages[main].Name);
        if (once != twice) return ("printing the reprinted model gave different text\n--- first ---\n" + once + "\n--- second ---\n" + twice, "");
        return (null, how);
    }

    /// <summary>Null when the models are equal exactly or after canonical renumbering (see the class remarks).</summary>
    internal static string? Compare(Resolve first, Resolve second, out string how)
    {
        var exact = JsonTreeDiff.FirstDifference(Json(first, null), Json(second, null));
        how = exact is null ? "exact" : "equal after canonical renumbering (exact: " + exact + ")";
        if (exact is null) return null;
        var canonical = JsonTreeDiff.FirstDifference(Json(first, Renumbering.Canonical(first)), Json(second, Renumbering.Canonical(second)));
        return canonical is null ? null : canonical + "\n(exact: " + exact + ")";
    }

    /// <summary>The other layout: every package printed alone (<see cref="WitPrinter.PrintPackage(int)"/>, so
    /// references across packages are fully qualified) and resolved as a main file plus one dependency per
    /// package, like a <c>deps/</c> folder.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Packages_printed_one_per_document_resolve_to_the_same_model(string name)
    {
        // A listed case is checked (and must still fail) by the theory above; its reason applies here too.
        if (SkipList.RoundTrip.Reason(name) is not null) return;
        var (path, features) = Input(name);
        var first = new Resolve(features) { ComponentTextEncoder = Corpus.ComponentTextHook.Encoder };
        var main = first.PushPath(path);
        var printer = new WitPrinter(first);
        var mainFile = new[] { new WitSource("main.wit", printer.PrintPackage(main)) };
        var deps = new List<IReadOnlyList<WitSource>>();
        for (var i = 0; i < first.Packages.Count; i++)
        {
            if (i != main) deps.Add(new[] { new WitSource("dep" + i + ".wit", printer.PrintPackage(i)) });
        }
        var second = new Resolve(features);
        second.PushSources(mainFile, deps);
        var difference = Compare(first, second, out _);
        Assert.True(difference is null, difference);
    }
}
