using System.Collections.Concurrent;
using System.Text;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Spec;

internal enum SpecStatus : byte
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>The outcome of one script command: where it is, what it was, and why it failed or was skipped.</summary>
internal sealed record SpecCommandResult(int Line, string Directive, SpecStatus Status, string? Message);

/// <summary>All outcomes of one .wast file.</summary>
internal sealed record SpecFileResult(string File, IReadOnlyList<SpecCommandResult> Commands, TimeSpan Elapsed)
{
    /// <summary>Passing malformed/invalid assertions whose error reason is worded unlike the spec's.</summary>
    public IReadOnlyList<string> MessageNotes { get; init; } = [];

    public int Count(SpecStatus status) => Commands.Count(c => c.Status == status);
}

/// <summary>Collects per-file results across the theory's cases and writes
/// <c>artifacts/conformance/core-spec.txt</c> (per-file table, then the total line) when the class is done.</summary>
public sealed class SpecResultsFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, SpecFileResult> _files = new(StringComparer.Ordinal);

    internal void Add(SpecFileResult result) => _files[result.File] = result;

    public void Dispose()
    {
        if (_files.IsEmpty) return;
        var sb = new StringBuilder();
        sb.AppendLine($"{"file",-44} {"passed",7} {"failed",7} {"skipped",7} {"ms",7}");
        int p = 0, f = 0, s = 0;
        foreach (var r in _files.Values.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            int rp = r.Count(SpecStatus.Passed), rf = r.Count(SpecStatus.Failed), rs = r.Count(SpecStatus.Skipped);
            p += rp; f += rf; s += rs;
            sb.AppendLine($"{r.File,-44} {rp,7} {rf,7} {rs,7} {(int)r.Elapsed.TotalMilliseconds,7}");
        }
        sb.AppendLine($"core-spec: {p} passed, {f} failed, {s} skipped");
        // The oracle run (Wasmtime) goes to a subfolder so CI's conformance lines stay ours.
        var dir = RepoPaths.ConformanceDir;
        if (SpecBackends.UseOracle) Directory.CreateDirectory(dir = Path.Combine(dir, "oracle-wasmtime"));
        File.WriteAllText(Path.Combine(dir, "core-spec.txt"), sb.ToString());

        // Every failing command, one per line, for triage (not a .txt: .ci/run prints the last line of those).
        var failures = new StringBuilder();
        foreach (var r in _files.Values.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            foreach (var c in r.Commands)
            {
                if (c.Status == SpecStatus.Failed) failures.AppendLine($"{r.File}:{c.Line}: {c.Directive}: {c.Message}");
            }
        }
        File.WriteAllText(Path.Combine(dir, "core-spec.failures.log"), failures.ToString());
        if (Environment.GetEnvironmentVariable("UPDATE_SPEC_SKIPS") == "1" && !SpecBackends.UseOracle) RewriteSkips();
        File.WriteAllLines(Path.Combine(dir, "core-spec.messages.log"),
            _files.Values.OrderBy(r => r.File, StringComparer.Ordinal).SelectMany(r => r.MessageNotes));
    }

    /// <summary><c>UPDATE_SPEC_SKIPS=1</c>: rewrites skips.txt to list exactly the commands that fail now in
    /// the files that ran (kept reasons for entries still failing, the failure message for new ones); entries
    /// of files that did not run are kept. For recording a known state; the list should only shrink.</summary>
    private void RewriteSkips()
    {
        var path = SpecSkips.DefaultPath;
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var output = new List<string>(lines.TakeWhile(l => l.StartsWith('#') || l.Trim().Length == 0));
        foreach (var line in lines.Skip(output.Count))
        {
            var file = line.Split(' ', '\t', ':')[0];
            if (line.StartsWith('#') || !_files.ContainsKey(file)) output.Add(line);
        }
        foreach (var r in _files.Values.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            foreach (var c in r.Commands)
            {
                if (c.Status == SpecStatus.Skipped) output.Add($"{r.File}:{c.Line} {c.Message}");
                else if (c.Status == SpecStatus.Failed && c.Message is { } m && !m.StartsWith("listed in skips.txt", StringComparison.Ordinal))
                    output.Add($"{r.File}:{c.Line} {c.Directive}: {(m.Length > 200 ? m[..200] + "…" : m)}");
            }
        }
        File.WriteAllLines(path, output);
    }
}
