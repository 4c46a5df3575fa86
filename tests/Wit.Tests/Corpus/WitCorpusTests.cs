using System.Text.Json.Nodes;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>The WIT conformance runner over ../shared/corpus/wit-parser-ui: one test per case.
/// Success cases resolve with the reference runner's features and must produce the reference's JSON exactly;
/// parse-fail cases must throw <see cref="WitException"/> at the reference's location.</summary>
public sealed class WitCorpusTests : IClassFixture<WitCorpusReport>
{
    private readonly WitCorpusReport _report;

    public WitCorpusTests(WitCorpusReport report) => _report = report;

    public static IEnumerable<object[]> SuccessCases() => WitCorpusCases.SuccessNames();

    public static IEnumerable<object[]> ParseFailCases() => WitCorpusCases.ParseFailNames();

    [Fact]
    public void Corpus_is_present()
    {
        Assert.True(Directory.Exists(WitCorpusCases.Root), "missing corpus " + WitCorpusCases.Root);
        Assert.True(WitCorpusCases.All.Count(c => c.Kind == WitCaseKind.Success) > 50);
        Assert.True(WitCorpusCases.All.Count(c => c.Kind == WitCaseKind.ParseFail) > 100);
    }

    /// <summary>Lists expectation files without input in the report (not counted; see
    /// <see cref="WitCorpusCases.Orphans"/>), and checks that every input has an expectation, as the reference
    /// runner requires.</summary>
    [Fact]
    public void Orphaned_expectations_are_listed_not_run()
    {
        foreach (var o in WitCorpusCases.Orphans)
        {
            _report.Note(o.Name, "orphaned result (no input in corpus)",
                "the reference runner enumerates inputs, so " + Path.GetFileName(o.Expected) + " is never run upstream; not counted");
        }
        Assert.Empty(WitCorpusCases.InputsWithoutExpectation());
    }

    [Theory]
    [MemberData(nameof(SuccessCases))]
    public void Resolves_to_reference_json(string name) => Conclude(name, RunSuccess(WitCorpusCases.Get(name)));

    [Theory]
    [MemberData(nameof(ParseFailCases))]
    public void Rejected_at_reference_location(string name) => Conclude(name, RunParseFail(WitCorpusCases.Get(name)));

    private void Conclude(string name, (bool Passed, string Detail) outcome)
    {
        var skip = SkipList.Corpus.Reason(name);
        if (skip is not null)
        {
            if (outcome.Passed)
            {
                _report.Record(name, CaseStatus.Failed, "listed in wit-corpus-skips.txt but passes: remove the entry");
                Assert.Fail(name + " is listed in wit-corpus-skips.txt but passes: remove the entry");
            }
            _report.Record(name, CaseStatus.Skipped, skip);
            return;
        }
        _report.Record(name, outcome.Passed ? CaseStatus.Passed : CaseStatus.Failed, outcome.Detail);
        if (!outcome.Passed) Assert.Fail(name + ": " + outcome.Detail);
    }

    /// <summary>Resolves the case's input into a fresh Resolve with the reference runner's features.</summary>
    internal static Resolve Load(string input)
    {
        var resolve = new Resolve(WitCorpusCases.Features) { ComponentTextEncoder = ComponentTextHook.Encoder };
        resolve.PushPath(input);
        return resolve;
    }

    private static (bool, string) RunSuccess(WitCase c)
    {
        Resolve resolve;
        try
        {
            resolve = Load(c.Input);
        }
        catch (Exception e)
        {
            return (false, "did not resolve: " + e.GetType().Name + ": " + FirstLine(e.Message));
        }
        // Through text so numbers compare as JSON numbers, exactly like the parsed expectation.
        var actual = JsonNode.Parse(ResolveJsonWriter.Write(resolve).ToJsonString());
        var expected = JsonNode.Parse(File.ReadAllText(c.Expected));
        var diff = JsonTreeDiff.FirstDifference(expected, actual);
        return diff is null ? (true, "") : (false, diff);
    }

    private static (bool, string) RunParseFail(WitCase c)
    {
        var expected = WitCorpusCases.ReadExpectedLocation(c.Expected);
        try
        {
            Load(c.Input);
        }
        catch (WitException e)
        {
            if (expected is null) return (true, MessageNote(e, c));
            if (!e.HasLocation)
            {
                return (false, "no location (expected " + expected + "): " + FirstLine(e.Reason));
            }
            var fileOk = e.File is null || string.Equals(Path.GetFileName(e.File), expected.FileName, StringComparison.Ordinal);
            if (e.Line != expected.Line || e.Column != expected.Column || !fileOk)
            {
                return (false, "at " + Path.GetFileName(e.File) + ":" + e.Line + ":" + e.Column + ", expected " + expected.FileName + ":" +
                               expected.Line + ":" + expected.Column + " — ours: " + FirstLine(e.Reason) +
                               " | reference: " + WitCorpusCases.ReadExpectedMessage(c.Expected));
            }
            return (true, MessageNote(e, c));
        }
        catch (Exception e)
        {
            return (false, "threw " + e.GetType().Name + " instead of WitException: " + FirstLine(e.Message));
        }
        return (false, "was accepted; reference: " + WitCorpusCases.ReadExpectedMessage(c.Expected));
    }

    /// <summary>For the report only (the location is what is checked): whether our message reads like the
    /// reference's first line, which a diagnostic's reader sees.</summary>
    private static string MessageNote(WitException e, WitCase c)
    {
        var reference = WitCorpusCases.ReadExpectedMessage(c.Expected);
        // The reference prefixes context for directories ("failed to resolve directory … [path]: failed to
        // parse package: path: ") and sometimes the location; the message proper follows.
        reference = System.Text.RegularExpressions.Regex.Replace(reference,
            @"^(failed to resolve directory while parsing WIT for path \[[^\]]*\]: )?(failed to parse package: \S+: )?(tests/ui/\S+:\d+:\d+: )?", "");
        var ours = FirstLine(e.Reason);
        return ours == reference ? "same message" : "message differs: ours: " + ours + " | reference: " + reference;
    }

    private static string FirstLine(string s)
    {
        var nl = s.IndexOf('\n');
        return nl < 0 ? s : s[..nl];
    }
}
