using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using WitSharp.Runtime.Tests.Spec;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>Collects per-file results of one component corpus across a theory's cases and, when the class is
/// done, writes <c>artifacts/conformance/&lt;corpus&gt;.txt</c> (per-file table with the first failure of each
/// file, then the total line) and <c>&lt;corpus&gt;.failures.log</c> (every failing command, and the failures
/// grouped by cause, for the engineers who own the failing areas).</summary>
public abstract class ComponentSuiteResults(string corpus) : IDisposable
{
    private readonly ConcurrentDictionary<string, SpecFileResult> _files = new(StringComparer.Ordinal);

    /// <summary>The corpus folder name under shared/corpus, also the artifact name.</summary>
    public string Corpus { get; } = corpus;

    internal void Add(SpecFileResult result) => _files[result.File] = result;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (_files.IsEmpty) return;
        var ordered = _files.Values.OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.AppendLine($"{"file",-60} {"passed",7} {"failed",7} {"skipped",7} {"ms",6}  first failure / skip reason");
        int p = 0, f = 0, s = 0;
        foreach (var r in ordered)
        {
            int rp = r.Count(SpecStatus.Passed), rf = r.Count(SpecStatus.Failed), rs = r.Count(SpecStatus.Skipped);
            p += rp; f += rf; s += rs;
            var first = r.Commands.FirstOrDefault(c => c.Status == SpecStatus.Failed);
            var note = first is not null ? $"{first.Line}: {first.Directive}: {Shorten(first.Message, 140)}"
                : rs > 0 && rp == 0 ? "skipped: " + r.Commands.First(c => c.Status == SpecStatus.Skipped).Message
                : "";
            sb.AppendLine($"{r.File,-60} {rp,7} {rf,7} {rs,7} {(int)r.Elapsed.TotalMilliseconds,6}  {note}".TrimEnd());
        }
        sb.AppendLine($"{Corpus}: {p} passed, {f} failed, {s} skipped");
        var dir = RepoPaths.ConformanceDir;
        File.WriteAllText(Path.Combine(dir, Corpus + ".txt"), sb.ToString());

        // Not a .txt: .ci/run prints the last line of those.
        var log = new StringBuilder();
        log.AppendLine($"# {Corpus}: failures by area (a guess from the message, for triage)");
        foreach (var g in ordered.SelectMany(r => r.Commands.Where(c => c.Status == SpecStatus.Failed))
                     .GroupBy(c => Area(c.Directive, c.Message ?? "")).OrderByDescending(g => g.Count()))
            log.AppendLine($"{g.Count(),5}  {g.Key}");
        log.AppendLine();
        log.AppendLine($"# {Corpus}: failures grouped by cause (numbers and names blanked), most frequent first");
        foreach (var (cause, count) in Causes(ordered)) log.AppendLine($"{count,5}  {cause}");
        log.AppendLine();
        log.AppendLine("# every failing command");
        foreach (var r in ordered)
        {
            foreach (var c in r.Commands)
            {
                if (c.Status == SpecStatus.Failed) log.AppendLine($"{r.File}:{c.Line}: {c.Directive}: {c.Message}");
            }
        }
        File.WriteAllText(Path.Combine(dir, Corpus + ".failures.log"), log.ToString());
        File.WriteAllLines(Path.Combine(dir, Corpus + ".messages.log"), ordered.SelectMany(r => r.MessageNotes));
    }

    /// <summary>Which part of the runtime a failure most likely belongs to, from its directive and message.</summary>
    internal static string Area(string directive, string message)
    {
        bool Has(string w) => message.Contains(w, StringComparison.OrdinalIgnoreCase);
        if (directive == "assert_invalid" && (Has("but the component validated") || Has("but the module validated"))) return "validation (the component was accepted)";
        if (Has("no current instance") || Has("no instance named")) return "follow-on (an earlier definition failed)";
        if (Has("crashed:")) return "runtime crash (see the frames in the message)";
        if (Has("resource") || Has("handle") || Has("borrow")) return "resources";
        if (Has("not supported yet")) return "unsupported feature (message names it)";
        if (directive is "assert_unlinkable" || Has("unlinkable") || Has("import `")) return "linking and instantiation";
        if (Has("malformed") || Has("did not parse") || Has("the script could not be read")) return "front end (text parser or binary decoder)";
        if (directive is "assert_trap" or "assert_return" or "invoke") return "canonical ABI and calls (values, strings, traps)";
        return "other";
    }

    private static string Shorten(string? s, int max)
    {
        s = (s ?? "").ReplaceLineEndings(" ");
        return s.Length > max ? s[..max] + "…" : s;
    }

    /// <summary>Failure messages with offsets, numbers, quoted names and identifiers blanked, counted.</summary>
    internal static IEnumerable<(string Cause, int Count)> Causes(IEnumerable<SpecFileResult> files) =>
        files.SelectMany(r => r.Commands.Where(c => c.Status == SpecStatus.Failed))
            .Select(c => c.Directive + ": " + Regex.Replace(Regex.Replace(c.Message ?? "", @" @ .*$", ""), @"\(at [^)]*\)|`[^`]*`|""[^""]*""|\$[^\s""]+|0x[0-9a-f]+|\d+", "#"))
            .Select(m => m.Length > 200 ? m[..200] + "…" : m)
            .GroupBy(m => m)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2)
            .ThenBy(x => x.Key, StringComparer.Ordinal);
}

/// <summary>Results of component-model-tests.</summary>
public sealed class ComponentModelResults() : ComponentSuiteResults("component-model-tests");

/// <summary>Results of wasmtime-component-tests.</summary>
public sealed class WasmtimeComponentResults() : ComponentSuiteResults("wasmtime-component-tests");

/// <summary>Results of wasm-tools-component-tests.</summary>
public sealed class WasmToolsComponentResults() : ComponentSuiteResults("wasm-tools-component-tests");
