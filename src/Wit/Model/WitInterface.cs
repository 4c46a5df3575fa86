namespace WitSharp.Wit;

/// <summary>An interface (WIT.md "Item: interface"); anonymous when declared inline in a world.</summary>
public sealed class WitInterface
{
    internal WitInterface(string? name, int? package)
    {
        Name = name;
        Package = package;
    }

    /// <summary>The name, or null for an inline <c>import x: interface { … }</c>.</summary>
    public string? Name { get; internal set; }

    /// <summary>Type names to ids in <see cref="Resolve.Types"/>, in declaration order.</summary>
    public OrderedMap<string, int> Types { get; } = new();

    /// <summary>Functions by (mangled) name, in declaration order.</summary>
    public OrderedMap<string, Function> Functions { get; } = new();

    public Docs Docs { get; internal set; } = Docs.None;

    public Stability Stability { get; internal set; } = Stability.Unknown;

    /// <summary>Index into <see cref="Resolve.Packages"/>.</summary>
    public int? Package { get; internal set; }

    public override string ToString() => Name ?? "<anon interface>";
}
