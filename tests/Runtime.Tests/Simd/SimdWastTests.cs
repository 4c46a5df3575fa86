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
        sb.AppendLine("# SimdOps checked against the assert_return and assert_trap commands of core-testsuite/simd_*.wast");
        sb.AppendLine("# whose functions are straight-line SIMD code (SIMD instructions with local/global/constant glue).");
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
        var unchecked_ = Core.Simd.SimdOpcodes.All.Select(i => i.Name)
            .Except(Results.Values.SelectMany(r => r.CheckedInstructions), StringComparer.Ordinal).ToList();
        sb.AppendLine($"# SIMD instructions checked by a passing assertion: {Core.Simd.SimdOpcodes.All.Count - unchecked_.Count} of {Core.Simd.SimdOpcodes.All.Count}");
        foreach (var name in unchecked_) sb.AppendLine($"# not checked: {name}");
        sb.AppendLine($"simd-ops: {p} passed, {f} failed, {s} skipped");
        File.WriteAllText(Path.Combine(RepoPaths.ConformanceDir, "simd-ops.txt"), sb.ToString());
    }
}

/// <summary>Checks every <see cref="Core.Simd.SimdOps"/> method against the spec test suite without the
/// compiler: one test per simd_*.wast file.</summary>
public sealed class SimdWastTests(SimdWastReport report, ITestOutputHelper output) : IClassFixture<SimdWastReport>
{
    private static string SuiteDir => RepoPaths.CorpusDir("core-testsuite");

    // Every file is run once per test run and shared by the per-file theory and the coverage fact.
    private static readonly Lazy<Dictionary<string, SimdWastResult>> s_results = new(() =>
        FileNames().ToDictionary(f => f, f => SimdWastRunner.Run(Path.Combine(SuiteDir, f)), StringComparer.Ordinal));

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in FileNames()) data.Add(f);
        return data;
    }

    private static string[] FileNames() =>
        [.. Directory.GetFiles(SuiteDir, "simd_*.wast").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Assertions_on_straight_line_simd_functions_hold(string file)
    {
        var result = s_results.Value[file];
        report.Results[file] = result;
        output.WriteLine($"{file}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped");
        foreach (var (reason, n) in result.SkipReasons) output.WriteLine($"  skipped {n}: {reason}");
        foreach (var m in result.RejectedModules) output.WriteLine($"  rejected module {m}");
        foreach (var failure in result.Failures.Take(40)) output.WriteLine("  FAIL " + failure);
        Assert.True(result.Failed == 0, $"{result.Failed} failed; first: {result.Failures.FirstOrDefault()}");
    }

    [Fact]
    public void Every_simd_instruction_is_checked_by_a_passing_assertion()
    {
        var done = s_results.Value.Values.SelectMany(r => r.CheckedInstructions).ToHashSet(StringComparer.Ordinal);
        var missing = Core.Simd.SimdOpcodes.All.Select(i => i.Name).Where(n => !done.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "not checked by any passing assertion: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_suite_is_present() => Assert.True(FileNames().Length >= 50, "core-testsuite/simd_*.wast not found");
}
