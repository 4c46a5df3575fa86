using System.Collections.Generic;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

// The component model's type index spaces, reduced to what naming WIT types needs: every slot of a type
// index space is a TypeEntry object, and object identity is type identity. Aliases (outer, instance
// export) push the same object again; only type imports/exports create new entries (an AliasEntry for
// `(eq i)`, a fresh ResourceEntry for `(sub resource)`), exactly the points where wasmparser allocates a
// new "created" type id (Explainer.md "Type Definitions", "Import and Export Definitions").

/// <summary>One slot of a type index space.</summary>
internal abstract class TypeEntry
{
    private protected TypeEntry(int offset) => Offset = offset;

    /// <summary>Where the definition that created the entry is, for error messages.</summary>
    public int Offset { get; }
}

/// <summary>A <c>defvaltype</c>; its type indices are read in <see cref="Scope"/>.</summary>
internal sealed class ValueEntry : TypeEntry
{
    public ValueEntry(DefinedValType def, Scope scope) : base(def.Offset)
    {
        Def = def;
        Scope = scope;
    }

    public DefinedValType Def { get; }

    public Scope Scope { get; }
}

/// <summary>A resource type: defined by <c>(resource …)</c> or abstract from <c>(sub resource)</c>.</summary>
internal sealed class ResourceEntry : TypeEntry
{
    public ResourceEntry(int offset) : base(offset)
    {
    }
}

/// <summary>A type import or export bounded by <c>(eq target)</c>: a new name for an existing type.</summary>
internal sealed class AliasEntry : TypeEntry
{
    public AliasEntry(int offset, TypeEntry target) : base(offset) => Target = target;

    public TypeEntry Target { get; }
}

/// <summary>A function type; its type indices are read in <see cref="Scope"/>.</summary>
internal sealed class FuncEntry : TypeEntry
{
    public FuncEntry(FuncType def, Scope scope) : base(def.Offset)
    {
        Def = def;
        Scope = scope;
    }

    public FuncType Def { get; }

    public Scope Scope { get; }
}

/// <summary>An instance type, or the type of an instance: its exports.</summary>
internal sealed class InstanceEntry : TypeEntry
{
    public InstanceEntry(int offset, Shape exports) : base(offset) => Exports = exports;

    public Shape Exports { get; }
}

/// <summary>A component type, or the type of a component: its imports and exports.</summary>
internal sealed class ComponentEntry : TypeEntry
{
    public ComponentEntry(int offset, Shape imports, Shape exports) : base(offset)
    {
        Imports = imports;
        Exports = exports;
    }

    public Shape Imports { get; }

    public Shape Exports { get; }
}

/// <summary>The type of one import or export: a function (<see cref="FuncEntry"/>), a type (the created
/// entry), an instance or a component.</summary>
internal readonly struct Entity
{
    public Entity(ExternKind kind, TypeEntry type)
    {
        Kind = kind;
        Type = type;
    }

    public ExternKind Kind { get; }

    public TypeEntry Type { get; }
}

/// <summary>Named entities in declaration order (imports or exports of a type), indexed by name.</summary>
internal sealed class Shape
{
    private readonly List<KeyValuePair<string, Entity>> _items = new();
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, Entity>> Items => _items;

    /// <summary>Adds an entity; a repeated name keeps the first (validation would reject the duplicate).</summary>
    public void Add(string name, Entity entity)
    {
        if (_index.ContainsKey(name)) return;
        _index[name] = _items.Count;
        _items.Add(new KeyValuePair<string, Entity>(name, entity));
    }

    public bool TryGet(string name, out Entity entity)
    {
        if (_index.TryGetValue(name, out var i))
        {
            entity = _items[i].Value;
            return true;
        }
        entity = default;
        return false;
    }
}

/// <summary>The index spaces of one component body or one component/instance type, with the enclosing
/// scope for <c>alias outer</c>.</summary>
internal sealed class Scope
{
    public Scope(Scope? parent) => Parent = parent;

    public Scope? Parent { get; }

    public List<TypeEntry> Types { get; } = new();

    public List<FuncEntry> Funcs { get; } = new();

    public List<InstanceEntry> Instances { get; } = new();

    public List<ComponentEntry> Components { get; } = new();

    public Shape Imports { get; } = new();

    public Shape Exports { get; } = new();

    /// <summary>Pushes an imported/exported/aliased entity onto the index space of its kind.</summary>
    public void Push(Entity e)
    {
        switch (e.Kind)
        {
            case ExternKind.Func:
                Funcs.Add((FuncEntry)e.Type);
                break;
            case ExternKind.Type:
                Types.Add(e.Type);
                break;
            case ExternKind.Instance:
                Instances.Add((InstanceEntry)e.Type);
                break;
            case ExternKind.Component:
                Components.Add((ComponentEntry)e.Type);
                break;
        }
    }
}
