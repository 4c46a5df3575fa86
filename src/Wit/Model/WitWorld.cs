using System;
using System.Collections.Generic;

namespace WitSharp.Wit;

/// <summary>The key of a world import/export: a plain name, or an interface id (for <c>import ns:pkg/iface;</c>).</summary>
public readonly struct WorldKey : IEquatable<WorldKey>
{
    private WorldKey(string? name, int interfaceId)
    {
        Name = name;
        InterfaceId = interfaceId;
    }

    /// <summary>The name for named keys, otherwise null.</summary>
    public string? Name { get; }

    /// <summary>The interface id for interface keys, otherwise -1.</summary>
    public int InterfaceId { get; }

    public bool IsName => Name is not null;

    public static WorldKey FromName(string name) => new(name, -1);

    public static WorldKey FromInterface(int id) => new(null, id);

    public bool Equals(WorldKey other) => string.Equals(Name, other.Name, StringComparison.Ordinal) && InterfaceId == other.InterfaceId;

    public override bool Equals(object? obj) => obj is WorldKey k && Equals(k);

    public override int GetHashCode() => Name is null ? InterfaceId : StringComparer.Ordinal.GetHashCode(Name);

    public static bool operator ==(WorldKey a, WorldKey b) => a.Equals(b);

    public static bool operator !=(WorldKey a, WorldKey b) => !a.Equals(b);

    public override string ToString() => Name ?? "iface#" + InterfaceId;
}

/// <summary>What a world item is.</summary>
public enum WorldItemKind : byte
{
    Interface,
    Function,
    Type,
}

/// <summary>An import or export of a world: an interface, a function, or a type.</summary>
public sealed class WorldItem
{
    private WorldItem(WorldItemKind kind, int id, Function? function, Stability stability)
    {
        Kind = kind;
        Id = id;
        Function = function;
        Stability = stability;
    }

    public WorldItemKind Kind { get; }

    /// <summary>Interface id or type id (per <see cref="Kind"/>); -1 for functions.</summary>
    public int Id { get; }

    public Function? Function { get; }

    /// <summary>The gate on an interface import/export.</summary>
    public Stability Stability { get; }

    internal static WorldItem Interface(int id, Stability stability) => new(WorldItemKind.Interface, id, null, stability);

    internal static WorldItem Func(Function f) => new(WorldItemKind.Function, -1, f, f.Stability);

    internal static WorldItem Type(int id) => new(WorldItemKind.Type, id, null, Stability.Unknown);
}

/// <summary>An <c>include</c> of another world, before elaboration (resolver-internal bookkeeping).</summary>
internal sealed record WorldInclude(Stability Stability, int World, IReadOnlyList<KeyValuePair<string, string>> Names);

/// <summary>A world (WIT.md "Item: world"), with includes already elaborated into imports/exports.</summary>
public sealed class WitWorld
{
    internal WitWorld(string name) => Name = name;

    public string Name { get; internal set; }

    public OrderedMap<WorldKey, WorldItem> Imports { get; internal set; } = new();

    public OrderedMap<WorldKey, WorldItem> Exports { get; internal set; } = new();

    /// <summary>Index into <see cref="Resolve.Packages"/>.</summary>
    public int? Package { get; internal set; }

    public Docs Docs { get; internal set; } = Docs.None;

    public Stability Stability { get; internal set; } = Stability.Unknown;

    internal List<WorldInclude> Includes { get; } = new();

    public override string ToString() => Name;
}
