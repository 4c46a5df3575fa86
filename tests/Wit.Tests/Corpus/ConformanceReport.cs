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

    internal void Record(string caseName, CaseStatus status, string detail) => _outcomes[caseName] = (status, detail);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (_outcomes.IsEmpty) return;
        var sb = new StringBuilder(_header);
        var width = _outcomes.Keys.Max(k => k.Length);
        int passed = 0, failed = 0, skipped = 0;
        foreach (var (name, (status, detail)) in _outcomes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            switch (status)
            {
                case CaseStatus.Passed: passed++; break;
                case CaseStatus.Failed: failed++; break;
                default: skipped++; break;
            }
            var oneLine = detail.Replace("\r", " ").Replace("\n", " ");
            if (oneLine.Length > 300) oneLine = oneLine[..300] + "…";
            sb.Append(name.PadRight(width)).Append("  ").Append(status.ToString().ToLowerInvariant().PadRight(7));
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
