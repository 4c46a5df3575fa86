namespace WitSharp.Wit;

/// <summary>Which feature-gate form (WIT.md "Feature Gates") an item carries.</summary>
public enum StabilityKind : byte
{
    /// <summary>No gate: always present.</summary>
    Unknown,
    /// <summary><c>@since(version = …)</c>, optionally with <c>@deprecated</c>.</summary>
    Stable,
    /// <summary><c>@unstable(feature = …)</c>: kept only when the feature is enabled.</summary>
    Unstable,
}

/// <summary>The feature gate of an item.</summary>
public sealed class Stability
{
    /// <summary>The shared "no gate" value.</summary>
    public static readonly Stability Unknown = new(StabilityKind.Unknown, null, null, null);

    internal Stability(StabilityKind kind, string? since, string? feature, string? deprecated)
    {
        Kind = kind;
        Since = since;
        Feature = feature;
        Deprecated = deprecated;
    }

    public StabilityKind Kind { get; }

    /// <summary>The <c>@since</c> version (stable items).</summary>
    public string? Since { get; }

    /// <summary>The <c>@unstable</c> feature name.</summary>
    public string? Feature { get; }

    /// <summary>The <c>@deprecated</c> version, if any.</summary>
    public string? Deprecated { get; }

    /// <summary>Whether both gates say the same thing.</summary>
    internal bool SameAs(Stability other) =>
        Kind == other.Kind && Since == other.Since && Feature == other.Feature && Deprecated == other.Deprecated;

    /// <summary>Debug-style text used in merge diagnostics.</summary>
    public override string ToString() => Kind switch
    {
        StabilityKind.Stable => "Stable { since: " + Since + ", deprecated: " + (Deprecated ?? "None") + " }",
        StabilityKind.Unstable => "Unstable { feature: " + Feature + ", deprecated: " + (Deprecated ?? "None") + " }",
        _ => "Unknown",
    };

    internal static Stability Stable(string since, string? deprecated) => new(StabilityKind.Stable, since, null, deprecated);

    internal static Stability Unstable(string feature, string? deprecated) => new(StabilityKind.Unstable, null, feature, deprecated);
}
