using System.Security.Cryptography;
using System.Text;

namespace WitSharp.Artifacts;

/// <summary>The engine settings that change the code the compiler emits, as an ordered list of
/// <c>name=value</c> pairs. An artifact records them so that code compiled with one set is never run by an
/// engine with another (a module compiled without fuel checks must not run in an engine that meters fuel).
/// Settings that only affect the store at run time (<see cref="Config.WithMaximumStackSize"/>) or that are
/// accepted for compatibility and ignored (every other <c>Config.With*</c>, including the feature switches,
/// which the validator does not consult) are left out, so they do not invalidate artifacts needlessly.</summary>
internal sealed class CodeSettings
{
    private CodeSettings(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        Pairs = pairs;
        Text = string.Join(';', pairs.Select(p => $"{p.Key}={p.Value}"));
        Hash = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(Text)), 0);
    }

    /// <summary>The settings in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>The canonical text <c>debug-info=false;epoch=false;fuel=true</c> stored in the header.</summary>
    public string Text { get; }

    /// <summary>The first 8 bytes of SHA-256 of <see cref="Text"/>: the quick equality check.</summary>
    public ulong Hash { get; }

    /// <summary>The settings of <paramref name="engine"/> that reach the code generator (CodeGenerator reads
    /// DebugInfo for NoInlining, ModuleCompilation reads FuelConsumption and EpochInterruption).</summary>
    public static CodeSettings Of(Engine engine) => new(
    [
        new("debug-info", Bool(engine.DebugInfo)),
        new("epoch", Bool(engine.EpochInterruption)),
        new("fuel", Bool(engine.FuelConsumption)),
    ]);

    /// <summary>Parses the header text back into pairs; returns null when it is not a well-formed list.</summary>
    public static CodeSettings? Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (text.Length == 0) return new CodeSettings(pairs);
        foreach (var part in text.Split(';'))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || pairs.Any(p => p.Key == part[..eq])) return null;
            pairs.Add(new(part[..eq], part[(eq + 1)..]));
        }
        return new CodeSettings(pairs);
    }

    /// <summary>Names of the settings whose values differ, including those only one side has.</summary>
    public IReadOnlyList<string> Differences(CodeSettings other)
    {
        var mine = Pairs.ToDictionary(p => p.Key, p => p.Value);
        var theirs = other.Pairs.ToDictionary(p => p.Key, p => p.Value);
        return [.. mine.Keys.Union(theirs.Keys).Order(StringComparer.Ordinal)
            .Where(k => !mine.TryGetValue(k, out var a) || !theirs.TryGetValue(k, out var b) || a != b)];
    }

    /// <summary>The value of <paramref name="name"/>, or "(absent)".</summary>
    public string ValueOf(string name) => Pairs.FirstOrDefault(p => p.Key == name).Value ?? "(absent)";

    private static string Bool(bool b) => b ? "true" : "false";
}
