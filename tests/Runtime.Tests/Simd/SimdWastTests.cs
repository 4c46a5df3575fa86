using System.Collections.Concurrent;
using System.Text;
using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>Collects per-file counts and writes artifacts/conformance/simd-ops.txt when the class is done.</summary>
public sealed class SimdWastReport : IDisposable
{
    internal ConcurrentDictionary<string, SimdWastResult> Results { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        if (Results.IsEmpty) return;
        var sb = new StringBuilder();
        sb.AppendLine("# SimdOps checked against the assert_return commands of core-testsuite/simd_*.wast whose");
        sb.AppendLine("# functions are straight-line SIMD code (local.get, constants, SIMD instructions).");
        sb.AppendLine($"{"file",-42} {"passed",7} {"failed",7} {"skipped",8}");
        int p = 0, f = 0, s = 0;
        foreach (var r in Results.Values.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            sb.AppendLine($"{r.File,-42} {r.Passed,7} {r.Failed,7} {r.Skipped,8}");
            p += r.Passed;
            f += r.Failed;
            s += r.Skipped;
        }
        sb.AppendLine();
        sb.AppendLine("# skip reasons");
        foreach (var g in Results.Values.SelectMany(r => r.SkipReasons).GroupBy(kv => kv.Key).OrderByDescending(g => g.Sum(kv => kv.Value)))
            sb.AppendLine($"{g.Sum(kv => kv.Value),6}  {g.Key}");
        foreach (var r in Results.Values.Where(r => r.RejectedModules.Count > 0).OrderBy(r => r.File, StringComparer.Ordinal))
        {
            foreach (var m in r.RejectedModules) sb.AppendLine($"# rejected module {r.File} {m}");
        }
        sb.AppendLine($"simd-ops: {p} passed, {f} failed, {s} skipped");
        File.WriteAllText(Path.Combine(RepoPaths.ConformanceDir, "simd-ops.txt"), sb.ToString());
    }
}

/// <summary>Checks every <see cref="Core.Simd.SimdOps"/> method against the spec test suite without the
/// compiler: one test per simd_*.wast file.</summary>
public sealed class SimdWastTests(SimdWastReport report, ITestOutputHelper output) : IClassFixture<SimdWastReport>
{
    private static string SuiteDir => RepoPaths.CorpusDir("core-testsuite");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(SuiteDir, "simd_*.wast").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Assertions_on_straight_line_simd_functions_hold(string file)
    {
        var result = SimdWastRunner.Run(Path.Combine(SuiteDir, file));
        report.Results[file] = result;
        output.WriteLine($"{file}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped");
        foreach (var (reason, n) in result.SkipReasons) output.WriteLine($"  skipped {n}: {reason}");
        foreach (var m in result.RejectedModules) output.WriteLine($"  rejected module {m}");
        foreach (var failure in result.Failures.Take(40)) output.WriteLine("  FAIL " + failure);
        Assert.True(result.Failed == 0, $"{result.Failed} failed; first: {result.Failures.FirstOrDefault()}");
    }

    [Fact]
    public void The_suite_is_present() => Assert.True(Files().Count >= 50, "core-testsuite/simd_*.wast not found");
}
