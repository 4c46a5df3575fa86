using System.Diagnostics;
using System.Text;
using WitSharp.Components;
using WitSharp.Components.Text;
using WitSharp.Components.Validation;
using Component = WitSharp.Components.Component;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Components.Validation;

/// <summary>
/// Drives the component validator with the validation corpora: every in-scope <c>assert_invalid</c> component
/// must be rejected (by the text encoder, the decoder or the validator) and every component the scripts define
/// must be accepted by <see cref="Component.FromBytes"/> (features the runtime reports as "not supported yet"
/// are counted apart: they are not validation failures).
/// </summary>
internal static class ValidationCorpus
{
    /// <summary>Later-proposal material, out of scope for the validator (issue 4).</summary>
    private static readonly string[] OutOfScope =
        ["async/", "gc/", "memory64", "error-context/", "shared-everything-threads/", "custom-page-sizes", "gated-tags", "tags.wast"];

    public static IEnumerable<(string Corpus, string Rel, string Path)> Files()
    {
        foreach (var (corpus, sub) in new[] { ("wasm-tools-component-tests", ""), ("component-model-tests", "validation") })
        {
            var dir = Path.Combine(RepoPaths.CorpusDir(corpus), sub);
            foreach (var p in Directory.EnumerateFiles(dir, "*.wast", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(RepoPaths.CorpusDir(corpus), p).Replace('\\', '/');
                if (OutOfScope.Any(o => rel.Contains(o, StringComparison.Ordinal))) continue;
                yield return (corpus, rel, p);
            }
        }
    }

    internal sealed class Tally
    {
        public int InvalidTotal, InvalidRejected, InvalidRejectedText, ValidTotal, ValidAccepted, ValidUnsupported, MessageMatched;
        public List<string> Accepted = [], Rejected = [], Mismatch = [], ValidKnown = [];
    }

    /// <summary>Valid components the runtime rejects for reasons outside the component validator, each with the reason.</summary>
    private static readonly Dictionary<string, string> KnownRejections = new()
    {
        ["validation/instantiation.wast:342"] = "a core module with two memories: the core validator does not implement multi-memory yet",
    };

    /// <summary>The wasm-tools features a script's RUN line enables that change what is valid.</summary>
    private static ValidationFeatures Features(string text) =>
        text.Split('\n').FirstOrDefault(l => l.StartsWith(";; RUN:", StringComparison.Ordinal)) is { } run && run.Contains("cm-nested-names", StringComparison.Ordinal)
            ? ValidationFeatures.NestedNames : ValidationFeatures.None;

    /// <summary>Validates through <see cref="Component.FromBytes"/> (the hook) by default, or directly with features.</summary>
    private static void Load(Engine engine, byte[] bytes, ValidationFeatures features)
    {
        if (features == ValidationFeatures.None)
        {
            Component.FromBytes(engine, bytes);
            return;
        }
        ComponentValidator.ValidateBytes(engine, bytes, features);
    }

    public static void RunFile(string rel, string path, Tally t)
    {
        List<ComponentWastCommand> commands;
        var text = File.ReadAllText(path);
        var features = Features(text);
        try { commands = ComponentWast.ParseScript(text); }
        catch (MalformedException e) { t.Rejected.Add($"{rel}: script: {e.Message}"); return; }
        var engine = new Engine();
        foreach (var c in commands)
        {
            switch (c)
            {
                case ComponentWastAssertModule { Kind: ComponentWastAssertion.Invalid, Module: { IsCoreModule: false } m } a:
                {
                    t.InvalidTotal++;
                    byte[] bytes;
                    try { bytes = m.Encode(); }
                    catch (MalformedException) { t.InvalidRejected++; t.InvalidRejectedText++; break; }
                    try
                    {
                        Load(engine, bytes, features);
                        t.Accepted.Add($"{rel}:{m.Line}: accepted, expected \"{a.Message}\"");
                    }
                    catch (WasmException e)
                    {
                        t.InvalidRejected++;
                        if (e.Message.Contains(a.Message, StringComparison.Ordinal)) t.MessageMatched++;
                        else t.Mismatch.Add($"{rel}:{m.Line}: expected \"{a.Message}\", got \"{e.Message}\"");
                    }
                    break;
                }
                case ComponentWastDefine { Module: { IsCoreModule: false } d }: Valid(rel, d, engine, t, features); break;
                case ComponentWastAssertTrap { Module: { IsCoreModule: false } d }: Valid(rel, d, engine, t, features); break;
                case ComponentWastAssertModule { Kind: ComponentWastAssertion.Unlinkable, Module: { IsCoreModule: false } d }: Valid(rel, d, engine, t, features); break;
            }
        }
    }

    private static void Valid(string rel, ComponentWastModule m, Engine engine, Tally t, ValidationFeatures features)
    {
        byte[] bytes;
        try { bytes = m.Encode(); }
        catch (MalformedException) { return; } // the text sweep owns encoder failures
        t.ValidTotal++;
        try
        {
            Load(engine, bytes, features);
            t.ValidAccepted++;
        }
        catch (ComponentException e) when (e.Message.Contains("not supported yet", StringComparison.Ordinal)) { t.ValidUnsupported++; }
        catch (WasmException e) when (KnownRejections.ContainsKey($"{rel}:{m.Line}")) { t.ValidKnown.Add($"{rel}:{m.Line}: {KnownRejections[$"{rel}:{m.Line}"]} ({e.Message})"); }
        catch (WasmException e) { t.Rejected.Add($"{rel}:{m.Line}: valid component rejected: {e.Message}"); }
    }
}

public sealed class ValidationCorpusTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void CorpusAssertInvalidRejectedAndValidAccepted()
    {
        var sw = Stopwatch.StartNew();
        var sb = new StringBuilder();
        var totals = new Dictionary<string, ValidationCorpus.Tally>();
        foreach (var (corpus, rel, path) in ValidationCorpus.Files())
        {
            if (!totals.TryGetValue(corpus, out var t)) totals[corpus] = t = new ValidationCorpus.Tally();
            int before = t.InvalidRejected, beforeTotal = t.InvalidTotal;
            ValidationCorpus.RunFile(rel, path, t);
            sb.AppendLine($"{corpus}/{rel}: assert_invalid rejected {t.InvalidRejected - before}/{t.InvalidTotal - beforeTotal}");
        }
        foreach (var (corpus, t) in totals)
        {
            sb.AppendLine($"{corpus}: assert_invalid rejected {t.InvalidRejected}/{t.InvalidTotal} (by the text encoder {t.InvalidRejectedText}, expected text matched {t.MessageMatched}); "
                + $"valid accepted {t.ValidAccepted}/{t.ValidTotal} ({t.ValidUnsupported} not supported yet)");
            foreach (var s in t.Rejected) sb.AppendLine("REJECTED-VALID " + s);
            foreach (var s in t.ValidKnown) sb.AppendLine("KNOWN-REJECTION " + s);
            foreach (var s in t.Accepted) sb.AppendLine("ACCEPTED-INVALID " + s);
            foreach (var s in t.Mismatch) sb.AppendLine("MESSAGE " + s);
        }
        sb.AppendLine($"time {sw.Elapsed.TotalSeconds:F1} s");
        // Last line in the shape every conformance report ends with (.ci/run prints it): a directive passes when an
        // assert_invalid is rejected or a valid component accepted; "skipped" are valid components the runtime
        // reports as not supported yet or rejects for a recorded reason (KnownRejections).
        int passed = totals.Values.Sum(t => t.InvalidRejected + t.ValidAccepted);
        int failed = totals.Values.Sum(t => t.Rejected.Count + t.Accepted.Count);
        int skipped = totals.Values.Sum(t => t.ValidUnsupported + t.ValidKnown.Count);
        sb.AppendLine($"component-validation: {passed} passed, {failed} failed, {skipped} skipped");
        Directory.CreateDirectory(RepoPaths.ConformanceDir);
        File.WriteAllText(Path.Combine(RepoPaths.ConformanceDir, "component-validation.txt"), sb.ToString());
        output.WriteLine(sb.ToString());
        var rejectedValid = totals.Values.Sum(t => t.Rejected.Count);
        var acceptedInvalid = totals.Values.Sum(t => t.Accepted.Count);
        Assert.True(rejectedValid == 0, $"{rejectedValid} valid components rejected");
        Assert.True(acceptedInvalid <= AcceptedInvalidBudget, $"{acceptedInvalid} invalid components accepted (budget {AcceptedInvalidBudget})");
    }

    /// <summary>assert_invalid cases still accepted; listed in artifacts/conformance/component-validation.txt. Only shrinks.</summary>
    private const int AcceptedInvalidBudget = 0;
}
