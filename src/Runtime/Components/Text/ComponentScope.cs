using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>What a scope produces (Explainer.md "Type definitions": component and instance types are
/// scopes with their own index spaces, like components).</summary>
internal enum ScopeKind : byte
{
    Component,
    ComponentType,
    InstanceType,
    ModuleType,
}

/// <summary>One scope of the text format: its index spaces (a counter and identifier table per sort) and
/// the definitions emitted so far, in order. Definitions are emitted as they are read, so an index is the
/// count of its sort at the moment of emission; abbreviations (inline types, inline aliases, inline
/// exports) emit extra definitions right before or after the one that uses them.</summary>
internal sealed class ComponentScope
{
    private readonly uint[] _counts = new uint[SortCodes.Count];
    private readonly Dictionary<string, uint>[] _names = new Dictionary<string, uint>[SortCodes.Count];

    public ComponentScope(ScopeKind kind, ComponentScope? parent, string? id)
    {
        Kind = kind;
        Parent = parent;
        Id = id;
        for (int i = 0; i < _names.Length; i++) _names[i] = new Dictionary<string, uint>(StringComparer.Ordinal);
    }

    public ScopeKind Kind { get; }
    public ComponentScope? Parent { get; }
    /// <summary>The <c>$id</c> of the component or type this scope belongs to (for <c>alias outer</c>).</summary>
    public string? Id { get; }

    /// <summary>Component scopes: (section id, item bytes) in order; adjacent vector items are merged on encoding.</summary>
    public List<(byte Section, byte[] Bytes)> Items { get; } = [];
    /// <summary>Type scopes: each declaration with its leading tag byte.</summary>
    public List<byte[]> Decls { get; } = [];

    public uint Count(TextSort s) => _counts[(int)s];

    /// <summary>Adds one index to <paramref name="s"/> and returns it.</summary>
    public uint Next(TextSort s) => _counts[(int)s]++;

    public void Bind(TextSort s, SExpr? id, uint index)
    {
        if (id is null) return;
        if (!_names[(int)s].TryAdd(id.Text, index))
            throw id.Error($"duplicate {SortCodes.Describe(s)} identifier {id.Text}");
    }

    public bool TryLookup(TextSort s, string id, out uint index) => _names[(int)s].TryGetValue(id, out index);
}
