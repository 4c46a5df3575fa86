using System.Collections.Concurrent;
using System.Text;
using WitSharp.Tests;

namespace WitSharp.Wit.Tests.Corpus;

internal enum CaseStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>Collects one outcome per case while a test class runs and, when it is done, writes
/// artifacts/conformance/NAME.txt: a per-case table, then the total line
/// <c>NAME: N passed, N failed, N skipped</c> (the CI script prints the last line of every such file).</summary>
public abstract class ConformanceReport : IDisposable
{
    private readonly ConcurrentDictionary<string, (CaseStatus Status, string Detail)> _outcomes = new(StringComparer.Ordinal);
    private readonly string _name;
    private readonly string _header;

    private protected ConformanceReport(string name, string header)
    {
        _name = name;
        _header = header;
    }

    private readonly ConcurrentDictionary<string, (string Label, string Detail)> _notes = new(StringComparer.Ordinal);

    internal void Record(string caseName, CaseStatus status, string detail) => _outcomes[caseName] = (status, detail);

    /// <summary>A table line that is not a case (for example an expectation file without input): shown with
    /// <paramref name="label"/> in the status column and left out of the totals.</summary>
    internal void Note(string name, string label, string detail) => _notes[name] = (label, detail);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (_outcomes.IsEmpty && _notes.IsEmpty) return;
        var sb = new StringBuilder(_header);
        var width = _outcomes.Keys.Concat(_notes.Keys).Max(k => k.Length);
        int passed = 0, failed = 0, skipped = 0;
        var rows = _outcomes.Select(p => (Name: p.Key, Status: p.Value.Status.ToString().ToLowerInvariant(), Detail: p.Value.Detail, Counted: (CaseStatus?)p.Value.Status))
            .Concat(_notes.Select(p => (Name: p.Key, Status: p.Value.Label, Detail: p.Value.Detail, Counted: (CaseStatus?)null)));
        foreach (var (name, label, detail, counted) in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            switch (counted)
            {
                case CaseStatus.Passed: passed++; break;
                case CaseStatus.Failed: failed++; break;
                case CaseStatus.Skipped: skipped++; break;
            }
            var oneLine = detail.Replace("\r", " ").Replace("\n", " ");
            if (oneLine.Length > 300) oneLine = oneLine[..300] + "…";
            sb.Append(name.PadRight(width)).Append("  ").Append(label.PadRight(7));
            if (oneLine.Length > 0) sb.Append("  ").Append(oneLine);
            sb.Append('\n');
        }
        sb.Append(_name).Append(": ").Append(passed).Append(" passed, ").Append(failed).Append(" failed, ")
          .Append(skipped).Append(" skipped\n");
        File.WriteAllText(Path.Combine(RepoPaths.ConformanceDir, _name + ".txt"), sb.ToString());
    }
}

/// <summary>artifacts/conformance/wit-corpus.txt: the wit-parser UI corpus runner's table.</summary>
public sealed class WitCorpusReport : ConformanceReport
{
    public WitCorpusReport()
        : base("wit-corpus",
            "# WIT conformance: ../shared/corpus/wit-parser-ui (reference wit-parser UI tests)\n" +
            "# success cases: resolve, then our model as JSON must equal NAME.wit.json;\n" +
            "# parse-fail cases: must throw WitException at the line:column of NAME.wit.result.\n")
    {
    }
}
