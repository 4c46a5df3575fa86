using WitSharp.Wit.Binary;

namespace WitSharp.Components.Validation;

// The validator's semantic types (Explainer.md "Type Definitions"): index references from the binary are
// resolved to objects, so type identity is object identity. Identity matters twice: a resource type is the same
// only when it is the same Resource (abstract types), and "named" types (Explainer "External Visibility of
// Types") are tracked as the exact objects an import or export introduced.

/// <summary>A resource type's identity: every <c>(resource …)</c> definition, <c>(sub resource)</c> import and
/// instantiation makes a fresh one.</summary>
internal sealed class Resource
{
    private static int s_next;

    public Resource(CoreValType? representation) => (Representation, Id) = (representation, Interlocked.Increment(ref s_next));

    /// <summary>The core representation when this component defines it (resource.new/rep need it), else null.</summary>
    public CoreValType? Representation { get; }

    public int Id { get; }

    public override string ToString() => "ResourceId#" + Id;
}

/// <summary>Anything the component type index space can hold.</summary>
internal abstract class AnyType
{
    /// <summary>A copy with a new identity and the same meaning (wasm-tools <c>with_unique</c>): what a type
    /// import or export introduces into the index space.</summary>
    public AnyType Unique() => (AnyType)MemberwiseClone();

    public abstract string Desc { get; }

    private long _size;

    /// <summary>The effective type size (1 plus the sizes of the types it contains, counting repeats), bounded by
    /// wasm-tools' limit so that types built by repeated nesting cannot blow up validation time.</summary>
    public long Size => _size != 0 ? _size : (_size = Math.Min(TypeSizes.Limit, 1 + ComputeChildrenSize()));

    protected abstract long ComputeChildrenSize();
}

/// <summary>The effective type size limit (wasm-tools <c>MAX_WASM_TYPE_SIZE</c>).</summary>
internal static class TypeSizes
{
    public const long Limit = 1_000_000;

    public static long Of(Entity e) => e switch
    {
        FuncEntity f => f.Type.Size,
        InstanceEntity i => i.Type.Size,
        ComponentEntity c => c.Type.Size,
        ValueEntity v => v.Type.Size,
        TypeEntity t => t.Referenced.Size,
        ModuleEntity m => 1 + m.Type.Imports.Count + m.Type.Exports.Count,
        _ => 1,
    };

    public static long Sum(IEnumerable<long> sizes)
    {
        long total = 0;
        foreach (var s in sizes)
        {
            total += s;
            if (total >= Limit) return Limit;
        }
        return total;
    }

    public static T Check<T>(T t) where T : AnyType =>
        t.Size >= Limit ? throw new ValidationError($"effective type size exceeds the limit of {Limit}") : t;
}

/// <summary>A resource type: a reference to a <see cref="Resource"/> (several may alias one resource).</summary>
internal sealed class ResourceRef(Resource resource) : AnyType
{
    public Resource Resource { get; } = resource;

    public override string Desc => "resource";

    protected override long ComputeChildrenSize() => 0;
}

internal enum DefinedKind : byte
{
    Primitive, Record, Variant, List, FixedList, Tuple, Flags, Enum, Option, Result, Own, Borrow, Future, Stream, Map,
}

/// <summary>A value type (<c>defvaltype</c> or a primitive).</summary>
internal sealed class CompValType : AnyType
{
    public DefinedKind Kind { get; init; }
    public PrimitiveValType Primitive { get; init; }
    /// <summary>Record fields / variant cases (type null for no payload) / flags and enum names (type null).</summary>
    public IReadOnlyList<(string Name, CompValType? Type)> Fields { get; init; } = [];
    /// <summary>Tuple elements; list/option/fixed-list element at [0]; result ok at [0] and err at [1] (null when absent);
    /// map key/value; future/stream payload.</summary>
    public IReadOnlyList<CompValType?> Elements { get; init; } = [];
    public uint Length { get; init; }
    private int _depth;

    /// <summary>Nesting depth of value types (a primitive is 1); wasm-tools limits it to 100.</summary>
    public int Depth => _depth != 0 ? _depth : (_depth = Kind == DefinedKind.Primitive ? 1
        : 1 + Fields.Select(f => f.Type?.Depth ?? 0).Concat(Elements.Select(e => e?.Depth ?? 0)).DefaultIfEmpty(0).Max());

    /// <summary>Cached (size, alignment) in linear memory with 64-bit pointers; see <see cref="ValueSizes"/>.</summary>
    internal (long Size, long Align)? Layout { get; set; }

    /// <summary>The resource of <c>own</c>/<c>borrow</c>.</summary>
    public ResourceRef? Resource { get; init; }

    private static readonly Dictionary<PrimitiveValType, CompValType> s_primitives = [];

    public static CompValType Of(PrimitiveValType p)
    {
        lock (s_primitives)
        {
            if (!s_primitives.TryGetValue(p, out var t)) s_primitives[p] = t = new CompValType { Kind = DefinedKind.Primitive, Primitive = p };
            return t;
        }
    }

    public static string PrimitiveName(PrimitiveValType p) => p switch
    {
        PrimitiveValType.ErrorContext => "error-context",
        _ => p.ToString().ToLowerInvariant(),
    };

    protected override long ComputeChildrenSize() =>
        TypeSizes.Sum(Fields.Select(f => f.Type?.Size ?? 1).Concat(Elements.Select(e => e?.Size ?? 0)));

    public override string Desc => Kind switch
    {
        DefinedKind.Primitive => PrimitiveName(Primitive),
        DefinedKind.FixedList => "list",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>A component function type.</summary>
internal sealed class FuncSig(bool isAsync, IReadOnlyList<(string Name, CompValType Type)> parameters, CompValType? result) : AnyType
{
    public bool IsAsync { get; } = isAsync;
    public IReadOnlyList<(string Name, CompValType Type)> Parameters { get; } = parameters;
    public CompValType? Result { get; } = result;
    public override string Desc => "func";
    protected override long ComputeChildrenSize() => TypeSizes.Sum(Parameters.Select(p => p.Type.Size).Append(Result?.Size ?? 0));
}

/// <summary>An instance type: named exports, plus resources it defines (only while it is a free-standing type)
/// and the paths at which resources are explicitly exported.</summary>
internal sealed class InstanceSig : AnyType
{
    public OrderedMap<Entity> Exports { get; init; } = new();
    public List<Resource> DefinedResources { get; init; } = [];
    public Dictionary<Resource, int[]> ExplicitResources { get; init; } = [];
    public override string Desc => "instance";
    protected override long ComputeChildrenSize() => TypeSizes.Sum(Exports.Items.Select(e => TypeSizes.Of(e.Value)));
}

/// <summary>A component type: named imports and exports, with the resources it imports and defines (by path).</summary>
internal sealed class ComponentSig : AnyType
{
    public OrderedMap<Entity> Imports { get; init; } = new();
    public OrderedMap<Entity> Exports { get; init; } = new();
    public List<(Resource Resource, int[] Path)> ImportedResources { get; init; } = [];
    public List<(Resource Resource, int[] Path)> DefinedResources { get; init; } = [];
    public Dictionary<Resource, int[]> ExplicitResources { get; init; } = [];
    public override string Desc => "component";
    protected override long ComputeChildrenSize() => TypeSizes.Sum(Imports.Items.Concat(Exports.Items).Select(e => TypeSizes.Of(e.Value)));
}

/// <summary>The type of an imported, exported or otherwise indexed component-level item (wasm-tools
/// <c>ComponentEntityType</c>).</summary>
internal abstract class Entity
{
    public abstract string Desc { get; }
}

internal sealed class ModuleEntity(ModuleSig type) : Entity
{
    public ModuleSig Type { get; } = type;
    public override string Desc => "module";
}

internal sealed class FuncEntity(FuncSig type) : Entity
{
    public FuncSig Type { get; } = type;
    public override string Desc => "func";
}

internal sealed class ValueEntity(CompValType type) : Entity
{
    public CompValType Type { get; } = type;
    public override string Desc => "value";
}

/// <summary>A type import/export: <see cref="Referenced"/> is the type it stands for, <see cref="Created"/> the
/// identity it introduces (equal for <c>(sub resource)</c>).</summary>
internal sealed class TypeEntity(AnyType referenced, AnyType created) : Entity
{
    public AnyType Referenced { get; } = referenced;
    public AnyType Created { get; } = created;
    public override string Desc => "type";
}

internal sealed class InstanceEntity(InstanceSig type) : Entity
{
    public InstanceSig Type { get; } = type;
    public override string Desc => "instance";
}

internal sealed class ComponentEntity(ComponentSig type) : Entity
{
    public ComponentSig Type { get; } = type;
    public override string Desc => "component";
}

/// <summary>An insertion-ordered string map (imports and exports are looked up by name and by position).</summary>
internal sealed class OrderedMap<T>
{
    private readonly List<(string Name, T Value)> _items = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _items.Count;
    public IReadOnlyList<(string Name, T Value)> Items => _items;
    public bool TryGet(string name, out T value)
    {
        if (_index.TryGetValue(name, out var i)) { value = _items[i].Value; return true; }
        value = default!;
        return false;
    }
    public bool Contains(string name) => _index.ContainsKey(name);
    public bool Add(string name, T value)
    {
        if (_index.ContainsKey(name)) return false;
        _index[name] = _items.Count;
        _items.Add((name, value));
        return true;
    }
    public OrderedMap<TOut> Select<TOut>(Func<T, TOut> map)
    {
        var r = new OrderedMap<TOut>();
        foreach (var (n, v) in _items) r.Add(n, map(v));
        return r;
    }
}
