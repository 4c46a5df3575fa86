using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using WitSharp.Components.Text;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Components.Text;

/// <summary>One file's outcome in the corpus sweep.</summary>
internal sealed record SweepFile(string File, int Passed, int Failed, int Skipped, IReadOnlyList<string> Failures, string? SkipReason)
{
    /// <summary>Informational: assert_invalid operands (well-formed text, invalid semantics) that encoded and decoded.</summary>
    public int InvalidParsed { get; init; }
    /// <summary>Informational: failure messages of assert_invalid operands that did not encode or decode.</summary>
    public IReadOnlyList<string> InvalidFailures { get; init; } = [];
    /// <summary>Informational: assert_malformed operands rejected (by the text parser or the decoder), and the total.</summary>
    public int MalformedRejected { get; init; }
    public int MalformedTotal { get; init; }
    public IReadOnlyList<string> MalformedAccepted { get; init; } = [];
}

/// <summary>Encodes every component definition of the three component corpora that is expected to be
/// well-formed (everything except <c>assert_malformed</c> and <c>assert_invalid</c> operands) with
/// <see cref="ComponentWat"/> and decodes the bytes with ComponentDecoder (through <see cref="ComponentDump"/>). "Passed" means parsed
/// and decoded without error; files listed in skips.txt (proposals outside the current goal) are skipped
/// with the recorded reason.</summary>
internal static class ComponentTextSweep
{
    public static readonly string[] Corpora = ["component-model-tests", "wasmtime-component-tests", "wasm-tools-component-tests"];

    public static List<(string Prefix, string Reason)> LoadSkips()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Runtime.Tests", "Components", "Text", "skips.txt");
        var list = new List<(string, string)>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int sp = line.IndexOf(' ', StringComparison.Ordinal);
            if (sp < 0) throw new InvalidDataException("skips.txt: every entry needs a reason: " + line);
            list.Add((line[..sp], line[(sp + 1)..].Trim()));
        }
        return list;
    }

    public static List<SweepFile> Run()
    {
        var skips = LoadSkips();
        var results = new List<SweepFile>();
        foreach (var corpus in Corpora)
        {
            var dir = RepoPaths.CorpusDir(corpus);
            foreach (var path in Directory.EnumerateFiles(dir, "*.wast", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var rel = corpus + "/" + Path.GetRelativePath(dir, path).Replace('\\', '/');
                results.Add(RunFile(rel, path, skips));
            }
        }
        return results;
    }

    private static SweepFile RunFile(string rel, string path, List<(string Prefix, string Reason)> skips)
    {
        List<ComponentWastCommand> commands;
        try
        {
            commands = ComponentWast.ParseScript(File.ReadAllText(path));
        }
        catch (Exception e) when (e is MalformedException)
        {
            var skip = skips.FirstOrDefault(s => rel.StartsWith(s.Prefix, StringComparison.Ordinal));
            return skip.Reason is null
                ? new SweepFile(rel, 0, 1, 0, ["script: " + e.Message], null)
                : new SweepFile(rel, 0, 0, 1, [], skip.Reason);
        }
        var defs = new List<ComponentWastModule>();
        var invalid = new List<ComponentWastModule>();
        var malformed = new List<ComponentWastModule>();
        foreach (var c in commands)
        {
            switch (c)
            {
                case ComponentWastAssertModule { Kind: ComponentWastAssertion.Invalid, Module: { IsCoreModule: false } iv }: invalid.Add(iv); break;
                case ComponentWastAssertModule { Kind: ComponentWastAssertion.Malformed, Module: { IsCoreModule: false } mf }: malformed.Add(mf); break;
                case ComponentWastDefine d when !d.Module.IsCoreModule: defs.Add(d.Module); break;
                case ComponentWastAssertTrap { Module: { IsCoreModule: false } m }: defs.Add(m); break;
                case ComponentWastAssertModule { Kind: ComponentWastAssertion.Unlinkable, Module: { IsCoreModule: false } u }: defs.Add(u); break;
            }
        }
        var skipEntry = skips.FirstOrDefault(s => rel.StartsWith(s.Prefix, StringComparison.Ordinal));
        if (skipEntry.Reason is not null) return new SweepFile(rel, 0, 0, defs.Count, [], skipEntry.Reason);
        int passed = 0;
        var failures = new List<string>();
        foreach (var m in defs)
        {
            try
            {
                var bytes = m.Encode();
                ComponentDump.Check(bytes);
                passed++;
            }
            catch (Exception e) when (e is MalformedException || ComponentDump.IsDecodeError(e))
            {
                failures.Add($"line {m.Line}: {e.Message}");
            }
        }
        int invalidParsed = 0;
        var invalidFailures = new List<string>();
        foreach (var m in invalid)
        {
            try
            {
                ComponentDump.Check(m.Encode());
                invalidParsed++;
            }
            catch (Exception e) when (e is MalformedException || ComponentDump.IsDecodeError(e))
            {
                invalidFailures.Add($"line {m.Line}: {e.Message}");
            }
        }
        int rejected = 0;
        var accepted = new List<string>();
        foreach (var m in malformed)
        {
            try
            {
                ComponentDump.Check(m.Encode());
                accepted.Add($"line {m.Line}");
            }
            catch (Exception e) when (e is MalformedException || ComponentDump.IsDecodeError(e))
            {
                rejected++;
            }
        }
        return new SweepFile(rel, passed, failures.Count, 0, failures, null)
        {
            InvalidParsed = invalidParsed,
            InvalidFailures = invalidFailures,
            MalformedRejected = rejected,
            MalformedTotal = malformed.Count,
            MalformedAccepted = accepted,
        };
    }

    /// <summary>Groups failure messages by their text with positions and identifiers blanked.</summary>
    public static IEnumerable<(string Cause, int Count)> Causes(IEnumerable<SweepFile> files) =>
        files.SelectMany(f => f.Failures)
            .Select(m => Regex.Replace(Regex.Replace(m, @"^line \d+: ", ""), @"\(at [^)]*\)|\$[^\s""]+|\d+", "#"))
            .GroupBy(s => s)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2);

    public static void WriteReport(List<SweepFile> results, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Component text format sweep: every well-formed (component …) of the component corpora, encoded by");
        sb.AppendLine("# ComponentWat and decoded by ComponentDecoder. passed = parsed and decoded without error.");
        sb.AppendLine($"{"file",-64} {"passed",7} {"failed",7} {"skipped",8}");
        int p = 0, f = 0, s = 0;
        foreach (var r in results)
        {
            sb.AppendLine($"{r.File,-64} {r.Passed,7} {r.Failed,7} {r.Skipped,8}{(r.SkipReason is null ? "" : "  # skipped: " + r.SkipReason)}");
            p += r.Passed;
            f += r.Failed;
            s += r.Skipped;
        }
        sb.AppendLine();
        sb.AppendLine($"# sweep time {elapsed.TotalSeconds:F1} s; failure causes:");
        foreach (var (cause, count) in Causes(results)) sb.AppendLine($"# {count,5}  {cause}");
        foreach (var r in results)
            foreach (var fl in r.Failures) sb.AppendLine($"# failed {r.File} {fl}");
        sb.AppendLine($"# informational: assert_invalid operands encoded and decoded: {results.Sum(r => r.InvalidParsed)} of {results.Sum(r => r.InvalidParsed + r.InvalidFailures.Count)}");
        sb.AppendLine($"# informational: assert_malformed operands rejected: {results.Sum(r => r.MalformedRejected)} of {results.Sum(r => r.MalformedTotal)}");
        foreach (var r in results)
            foreach (var a in r.MalformedAccepted) sb.AppendLine($"# malformed-accepted {r.File} {a}");
        foreach (var r in results)
            foreach (var fl in r.InvalidFailures) sb.AppendLine($"# invalid-operand not encoded {r.File} {fl}");
        sb.AppendLine($"component-text: {p} passed, {f} failed, {s} skipped");
        File.WriteAllText(Path.Combine(RepoPaths.ConformanceDir, "component-text.txt"), sb.ToString());
    }
}

public sealed class ComponentTextSweepTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void CorpusComponentsEncodeAndDecode()
    {
        var sw = Stopwatch.StartNew();
        var results = ComponentTextSweep.Run();
        sw.Stop();
        ComponentTextSweep.WriteReport(results, sw.Elapsed);
        int passed = results.Sum(r => r.Passed), failed = results.Sum(r => r.Failed), skipped = results.Sum(r => r.Skipped);
        output.WriteLine($"component-text: {passed} passed, {failed} failed, {skipped} skipped in {sw.Elapsed.TotalSeconds:F1} s");
        foreach (var (cause, count) in ComponentTextSweep.Causes(results).Take(20)) output.WriteLine($"{count,5}  {cause}");
        Assert.True(passed > 0, "no component of the corpora was encoded");
        // Failures beyond the known-failures budget are regressions; see artifacts/conformance/component-text.txt.
        Assert.True(failed <= KnownFailureBudget, $"{failed} failures exceed the budget of {KnownFailureBudget}");
    }

    /// <summary>Failures accepted at the time of writing, each listed with its cause in the artifact.</summary>
    private const int KnownFailureBudget = 35;
}
