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

/// <summary>Collects one outcome per corpus case while the tests run and, when the test class is done, writes
/// artifacts/conformance/wit-corpus.txt: a per-case table, then the total line
/// <c>wit-corpus: N passed, N failed, N skipped</c> (the CI script prints the last line of every such file).</summary>
public sealed class WitCorpusReport : IDisposable
{
    private readonly ConcurrentDictionary<string, (CaseStatus Status, string Detail)> _outcomes = new(StringComparer.Ordinal);

    internal void Record(string caseName, CaseStatus status, string detail) => _outcomes[caseName] = (status, detail);

    public void Dispose()
    {
        if (_outcomes.IsEmpty) return;
        var sb = new StringBuilder();
        sb.Append("# WIT conformance: ../shared/corpus/wit-parser-ui (reference wit-parser UI tests)\n");
        sb.Append("# success cases: resolve, then our model as JSON must equal NAME.wit.json;\n");
        sb.Append("# parse-fail cases: must throw WitException at the line:column of NAME.wit.result.\n");
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
        sb.Append("wit-corpus: ").Append(passed).Append(" passed, ").Append(failed).Append(" failed, ")
          .Append(skipped).Append(" skipped\n");
        File.WriteAllText(Path.Combine(RepoPaths.ConformanceDir, "wit-corpus.txt"), sb.ToString());
    }
}
