using System.Text;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Text;
using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Numeric;

/// <summary>Runs the spec testsuite's assertions on every exported function whose body is straight-line
/// numeric code (parameters, constants, numeric instructions), compiled through <see cref="WitSharp.Core.Compilation.NumericEmitter"/>.
/// Assertions on other functions are counted as "not numeric" and left to the full spec runner.</summary>
public sealed class NumericSpecTests(ITestOutputHelper output)
{
    /// <summary>Each file with the least number of assertions it must check, so a reader regression that
    /// silently drops functions fails the test.</summary>
    public static TheoryData<string, int> Files => new()
    {
        { "i32.wast", 370 },
        { "i64.wast", 380 },
        { "f32.wast", 2400 },
        { "f64.wast", 2400 },
        { "f32_cmp.wast", 2400 },
        { "f64_cmp.wast", 2400 },
        { "f32_bitwise.wast", 350 },
        { "f64_bitwise.wast", 350 },
        { "conversions.wast", 500 },
        { "int_exprs.wast", 50 },
        { "float_exprs.wast", 300 },
        { "float_misc.wast", 400 },
        { "float_literals.wast", 60 },
        { "int_literals.wast", 2 },
        { "traps.wast", 16 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void SpecFile(string file, int minimumChecked)
    {
        var result = Run(file);
        foreach (var failure in result.Failures.Take(40))
            output.WriteLine(failure);
        output.WriteLine($"{file}: {result.Passed} passed, {result.Failures.Count} failed, {result.NotNumeric} not numeric");
        RecordArtifact(file, result);
        Assert.Empty(result.Failures);
        Assert.True(result.Passed >= minimumChecked, $"{file}: only {result.Passed} assertions checked, expected ≥ {minimumChecked}");
    }

    internal sealed record FileResult(int Passed, List<string> Failures, int NotNumeric);

    internal static FileResult Run(string file)
    {
        var path = Path.Combine(RepoPaths.CorpusDir("core-testsuite"), file);
        var commands = Wast.ParseScript(File.ReadAllText(path));
        Dictionary<string, CompiledFunction?>? current = null;
        var named = new Dictionary<string, Dictionary<string, CompiledFunction?>>();
        int passed = 0, notNumeric = 0;
        var failures = new List<string>();

        foreach (var command in commands)
        {
            switch (command)
            {
                case WastModuleCommand { Module: var module }:
                    current = CompileExports(module);
                    if (module.Name is not null) named[module.Name] = current;
                    break;
                case WastAssertReturn r:
                    Check(r.Line, r.Action, r.Expected, null);
                    break;
                case WastAssertTrap { Exhaustion: false } t:
                    Check(t.Line, t.Action, null, t.Message);
                    break;
            }
        }
        return new FileResult(passed, failures, notNumeric);

        void Check(int line, WastAction action, IReadOnlyList<WastResult>? expected, string? trapMessage)
        {
            var exports = action.ModuleName is null ? current : named.GetValueOrDefault(action.ModuleName);
            if (action.Kind != WastActionKind.Invoke || exports is null
                || !exports.TryGetValue(action.Export, out var function) || function is null)
            {
                notNumeric++;
                return;
            }
            string where = $"{file}:{line} {action.Export}({string.Join(", ", action.Args)})";
            ulong actual;
            try
            {
                actual = function.Invoke(action.Args.Select(a => a.Lo).ToArray());
            }
            catch (TestTrapException trap)
            {
                if (trapMessage is not null && ExpectedTrap(trapMessage) == trap.Code)
                    passed++;
                else
                    failures.Add($"{where}: trapped {trap.Code}, expected {(trapMessage ?? string.Join(", ", expected!))}");
                return;
            }
            if (trapMessage is not null)
            {
                failures.Add($"{where}: returned 0x{actual:x}, expected trap \"{trapMessage}\"");
                return;
            }
            if (expected!.Count == function.Type.Results.Length && (expected.Count == 0 || Matches(expected[0], actual)))
                passed++;
            else
                failures.Add($"{where}: returned 0x{actual:x}, expected {string.Join(", ", expected)}");
        }
    }

    private static Dictionary<string, CompiledFunction?> CompileExports(WastModule module)
    {
        var exports = new Dictionary<string, CompiledFunction?>();
        if (module.Form == WastModuleForm.Quote)
            return exports;
        var info = ModuleDecoder.Decode(module.Encode());
        foreach (var export in info.Exports)
        {
            if (export.Kind != ExternKind.Func || export.Index < info.ImportedFunctionCount)
                continue;
            int defined = (int)export.Index - info.ImportedFunctionCount;
            var type = info.Types[(int)info.FunctionTypeIndices[defined]];
            exports[export.Name] = StraightLineCompiler.TryCompile(type, info.Bodies[defined], export.Name);
        }
        return exports;
    }

    /// <summary>The trap an assert_trap message names (spec interpreter wording).</summary>
    internal static TrapCode? ExpectedTrap(string message) => message switch
    {
        _ when message.StartsWith("integer divide by zero", StringComparison.Ordinal) => TrapCode.IntegerDivisionByZero,
        _ when message.StartsWith("integer overflow", StringComparison.Ordinal) => TrapCode.IntegerOverflow,
        _ when message.StartsWith("invalid conversion to integer", StringComparison.Ordinal) => TrapCode.BadConversionToInteger,
        _ => null,
    };

    /// <summary>Compares a result by bits; nan:canonical / nan:arithmetic by the payload rules of the spec
    /// script format (either sign).</summary>
    internal static bool Matches(WastResult expected, ulong actual) => expected.Kind switch
    {
        WastResultKind.Value => expected.Type is ValType.I32 or ValType.F32 ? (uint)actual == (uint)expected.Value.Lo : actual == expected.Value.Lo,
        WastResultKind.NanCanonical => expected.Type == ValType.F32
            ? ((uint)actual & 0x7FFF_FFFFu) == 0x7FC0_0000u
            : (actual & 0x7FFF_FFFF_FFFF_FFFFul) == 0x7FF8_0000_0000_0000ul,
        WastResultKind.NanArithmetic => expected.Type == ValType.F32
            ? ((uint)actual & 0x7FC0_0000u) == 0x7FC0_0000u
            : (actual & 0x7FF8_0000_0000_0000ul) == 0x7FF8_0000_0000_0000ul,
        WastResultKind.Either => expected.Alternatives.Any(a => Matches(a, actual)),
        _ => false,
    };

    private static readonly Lock s_artifactLock = new();

    /// <summary>Keeps artifacts/conformance/numeric.txt as a per-file table plus a total line.</summary>
    private static void RecordArtifact(string file, FileResult result)
    {
        lock (s_artifactLock)
        {
            var path = Path.Combine(RepoPaths.ConformanceDir, "numeric.txt");
            var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (File.Exists(path))
                foreach (var line in File.ReadAllLines(path).Where(l => l.Contains(".wast", StringComparison.Ordinal)))
                    rows[line.Split(' ', 2)[0]] = line;
            rows[file] = $"{file} {result.Passed} passed, {result.Failures.Count} failed, {result.NotNumeric} skipped (function is not straight-line numeric code)";
            int p = 0, f = 0, s = 0;
            foreach (var row in rows.Values)
            {
                var n = row.Split(' ');
                p += int.Parse(n[1]); f += int.Parse(n[3]); s += int.Parse(n[5]);
            }
            var text = new StringBuilder();
            foreach (var row in rows.Values) text.AppendLine(row);
            text.AppendLine($"numeric: {p} passed, {f} failed, {s} skipped");
            File.WriteAllText(path, text.ToString());
        }
    }
}
