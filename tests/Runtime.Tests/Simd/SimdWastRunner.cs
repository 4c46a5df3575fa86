using System.Runtime.Intrinsics;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Text;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>Counts for one .wast file. Every assert_return and assert_trap either is checked (passed or
/// failed) or is skipped with a reason; other commands are the spec runner's business and are not counted.</summary>
internal sealed class SimdWastResult(string file)
{
    public string File { get; } = file;
    public int Passed { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }
    public List<string> Failures { get; } = [];
    /// <summary>Modules of the script (not of assert_invalid/malformed) that the WAT parser or decoder rejected.</summary>
    public List<string> RejectedModules { get; } = [];
    public SortedDictionary<string, int> SkipReasons { get; } = new(StringComparer.Ordinal);
    /// <summary>SIMD instructions executed by at least one passing assertion.</summary>
    public HashSet<string> CheckedInstructions { get; } = new(StringComparer.Ordinal);

    public void Skip(string reason)
    {
        Skipped++;
        SkipReasons[reason] = SkipReasons.GetValueOrDefault(reason) + 1;
    }
}

/// <summary>Runs the assert_return commands of a simd_*.wast script whose functions are straight-line SIMD
/// code, by evaluating them with <see cref="SimdModuleInstance"/> (each SIMD instruction is one
/// SimdOps call) and comparing results bit for bit, with NaN patterns per lane.</summary>
internal static class SimdWastRunner
{
    public static SimdWastResult Run(string path)
    {
        var result = new SimdWastResult(Path.GetFileName(path));
        var script = Wast.ParseScript(File.ReadAllText(path));
        SimdModuleInstance? current = null;
        string? currentProblem = null;
        var named = new Dictionary<string, (SimdModuleInstance? Instance, string? Problem)>(StringComparer.Ordinal);
        foreach (var command in script)
        {
            switch (command)
            {
                case WastModuleCommand m:
                    try
                    {
                        current = new SimdModuleInstance(ModuleDecoder.Decode(m.Module.Encode()));
                        currentProblem = null;
                    }
                    catch (WasmException e)
                    {
                        current = null;
                        currentProblem = "module rejected by the parser or decoder";
                        result.RejectedModules.Add($"line {m.Line}: {e.GetType().Name}: {e.Message}");
                    }
                    if (m.Module.Name is { } name) named[name] = (current, currentProblem);
                    break;
                case WastAssertReturn a:
                    Check(result, a, a.Action.ModuleName is { } mod ? named.GetValueOrDefault(mod) : (current, currentProblem));
                    break;
                case WastAssertTrap { Exhaustion: false } t:
                    CheckTrap(result, t, t.Action.ModuleName is { } tm ? named.GetValueOrDefault(tm) : (current, currentProblem));
                    break;
            }
        }
        return result;
    }

    private static void Check(SimdWastResult result, WastAssertReturn a, (SimdModuleInstance? Instance, string? Problem) target)
    {
        if (a.Action.Kind != WastActionKind.Invoke)
        {
            result.Skip("global get");
            return;
        }
        if (target.Instance is null)
        {
            result.Skip(target.Problem ?? "no module");
            return;
        }
        if (!target.Instance.TryPrepare(a.Action.Export, out var function, out string reason))
        {
            result.Skip(reason);
            return;
        }
        string where = $"line {a.Line} \"{a.Action.Export}\"";
        object?[] actual;
        try
        {
            actual = function!.Invoke([.. a.Action.Args.Select(ToObject)]);
        }
        catch (Exception e) when (e is SimdEvalTrapException or InvalidOperationException or ArgumentException)
        {
            result.Failed++;
            result.Failures.Add($"{where}: {e.Message}");
            return;
        }
        if (actual.Length != a.Expected.Count)
        {
            result.Failed++;
            result.Failures.Add($"{where}: {actual.Length} results, expected {a.Expected.Count}");
            return;
        }
        for (int i = 0; i < actual.Length; i++)
        {
            if (!Matches(a.Expected[i], actual[i]!))
            {
                result.Failed++;
                result.Failures.Add($"{where}: got {Show(actual[i]!)}, expected {a.Expected[i]}");
                return;
            }
        }
        result.Passed++;
        foreach (var step in function.Steps)
        {
            if (step is SimdOpStep op) result.CheckedInstructions.Add(op.Info.Name);
        }
    }

    private static object ToObject(WastValue v) => v.Type switch
    {
        ValType.I32 => (int)(uint)v.Lo,
        ValType.I64 => (long)v.Lo,
        ValType.F32 => BitConverter.UInt32BitsToSingle((uint)v.Lo),
        ValType.F64 => BitConverter.UInt64BitsToDouble(v.Lo),
        ValType.V128 => Vector128.Create(v.Lo, v.Hi).AsByte(),
        _ => throw new ArgumentException($"argument of type {v.Type.ToText()}"),
    };

    /// <summary>The bit pattern of a result (v128 as two halves), for exact comparison.</summary>
    private static (ulong Lo, ulong Hi) Bits(object o) => o switch
    {
        int i => ((uint)i, 0),
        long l => ((ulong)l, 0),
        float f => (BitConverter.SingleToUInt32Bits(f), 0),
        double d => (BitConverter.DoubleToUInt64Bits(d), 0),
        Vector128<byte> v => (v.AsUInt64().GetElement(0), v.AsUInt64().GetElement(1)),
        _ => throw new ArgumentException($"unexpected result {o.GetType()}"),
    };

    // The only traps a straight-line SIMD body can raise are out-of-bounds accesses; checking them pins
    // SimdOpInfo.AccessBytes, the width the compiler bounds-checks, against the spec suite.
    private static void CheckTrap(SimdWastResult result, WastAssertTrap t, (SimdModuleInstance? Instance, string? Problem) target)
    {
        if (target.Instance is null || t.Action.Kind != WastActionKind.Invoke)
        {
            result.Skip(target.Problem ?? "no module");
            return;
        }
        if (!target.Instance.TryPrepare(t.Action.Export, out var function, out string reason))
        {
            result.Skip(reason);
            return;
        }
        string where = $"line {t.Line} \"{t.Action.Export}\"";
        try
        {
            var values = function!.Invoke([.. t.Action.Args.Select(ToObject)]);
            result.Failed++;
            result.Failures.Add($"{where}: returned {string.Join(", ", values.Select(v => Show(v!)))}, expected trap \"{t.Message}\"");
        }
        catch (SimdEvalTrapException e) when (e.Message == t.Message)
        {
            result.Passed++;
        }
        catch (Exception e) when (e is SimdEvalTrapException or InvalidOperationException or ArgumentException)
        {
            result.Failed++;
            result.Failures.Add($"{where}: {e.Message}, expected trap \"{t.Message}\"");
        }
    }

    private static ValType TypeOf(object o) => o switch
    {
        int => ValType.I32,
        long => ValType.I64,
        float => ValType.F32,
        double => ValType.F64,
        _ => ValType.V128,
    };

    private static bool Matches(WastResult expected, object actual)
    {
        switch (expected.Kind)
        {
            case WastResultKind.Value:
                return expected.Type == TypeOf(actual) && Bits(actual) == (expected.Value.Lo, expected.Value.Hi);
            case WastResultKind.NanCanonical or WastResultKind.NanArithmetic:
                if (expected.Type != TypeOf(actual)) return false;
                return IsNan(expected.Kind, expected.Type == ValType.F32 ? 32 : 64, Bits(actual).Lo);
            case WastResultKind.V128Lanes:
                {
                    if (actual is not Vector128<byte> v) return false;
                    int bits = expected.LaneBits;
                    for (int i = 0; i < expected.Lanes.Count; i++)
                    {
                        ulong lane = bits == 32 ? v.AsUInt32().GetElement(i) : v.AsUInt64().GetElement(i);
                        var e = expected.Lanes[i];
                        bool ok = e.Kind == WastResultKind.Value ? lane == e.Value.Lo : IsNan(e.Kind, bits, lane);
                        if (!ok) return false;
                    }
                    return true;
                }
            case WastResultKind.Either:
                return expected.Alternatives.Any(alt => Matches(alt, actual));
            default:
                return false;
        }
    }

    // spec exec/numerics: a canonical NaN has only the top payload bit set; an arithmetic NaN has it set
    // (any sign in both cases).
    private static bool IsNan(WastResultKind kind, int bits, ulong value)
    {
        ulong exponentAndQuiet = bits == 32 ? 0x7FC0_0000ul : 0x7FF8_0000_0000_0000ul;
        ulong magnitude = bits == 32 ? value & 0x7FFF_FFFFul : value & 0x7FFF_FFFF_FFFF_FFFFul;
        return kind == WastResultKind.NanCanonical ? magnitude == exponentAndQuiet : (magnitude & exponentAndQuiet) == exponentAndQuiet;
    }

    private static string Show(object o) => o switch
    {
        float f => $"f32:{f}(0x{BitConverter.SingleToUInt32Bits(f):x8})",
        double d => $"f64:{d}(0x{BitConverter.DoubleToUInt64Bits(d):x16})",
        Vector128<byte> v => $"v128:0x{v.AsUInt64().GetElement(1):x16}{v.AsUInt64().GetElement(0):x16} i32x4[{string.Join(" ", Enumerable.Range(0, 4).Select(i => $"0x{v.AsUInt32().GetElement(i):x8}"))}]",
        _ => $"{TypeOf(o).ToText()}:{o}",
    };
}
