using WitSharp.Core;

namespace WitSharp.Components.Validation;

/// <summary>What a <see cref="ValidationState"/> validates: a component, or the body of a component or instance type.</summary>
internal enum StateKind : byte { Component, InstanceType, ComponentType }

/// <summary>
/// The index spaces and bookkeeping of one component, component type or instance type being validated (Binary.md
/// "Index Spaces"; wasm-tools <c>ComponentState</c>): every sort's entries, imports and exports with their names,
/// the resources imported and defined, and the sets of types that imports and exports have named.
/// </summary>
internal sealed partial class ValidationState(StateKind kind)
{
    public StateKind Kind { get; } = kind;

    /// <summary>🪺 nested namespaces and packages in interface names (wasm-tools <c>cm-nested-names</c>).</summary>
    public bool NestedNames { get; init; }

    // Core index spaces.
    public List<object> CoreTypes { get; } = [];          // FuncType or ModuleSig
    public List<FuncType> CoreFuncs { get; } = [];
    public List<TableType> CoreTables { get; } = [];
    public List<MemoryType> CoreMemories { get; } = [];
    public List<GlobalType> CoreGlobals { get; } = [];
    public List<FuncType> CoreTags { get; } = [];
    public List<ModuleSig> CoreModules { get; } = [];
    public List<CoreInstanceSig> CoreInstances { get; } = [];

    // Component index spaces.
    public List<AnyType> Types { get; } = [];
    public List<FuncSig> Funcs { get; } = [];
    public List<(CompValType Type, bool Used)> Values { get; } = [];
    public List<InstanceSig> Instances { get; } = [];
    public List<ComponentSig> Components { get; } = [];

    public OrderedMap<Entity> Imports { get; } = new();
    public OrderedMap<Entity> Exports { get; } = new();
    private readonly Dictionary<string, string> _importKeys = [];
    private readonly Dictionary<string, string> _exportKeys = [];

    public bool HasStart { get; set; }

    public List<(Resource Resource, int[] Path)> ImportedResources { get; } = [];
    /// <summary>Resources defined in (or by instantiations inside) this component; value: whether the representation is known.</summary>
    public List<Resource> DefinedResources { get; } = [];
    public Dictionary<Resource, int[]> ExplicitResources { get; } = [];

    private readonly HashSet<AnyType> _importedTypes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<AnyType> _exportedTypes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Resource, string> _importedResourceNames = [];
    private readonly HashSet<string> _importedResourceNameSet = [];
    private readonly Dictionary<Resource, string> _exportedResourceNames = [];
    private readonly HashSet<string> _exportedResourceNameSet = [];

    // ---- lookups (messages as wasm-tools) ----

    public object CoreTypeAt(uint i) => i < CoreTypes.Count ? CoreTypes[(int)i] : throw new ValidationError($"unknown type {i}: type index out of bounds");
    public AnyType TypeAt(uint i) => i < Types.Count ? Types[(int)i] : throw new ValidationError($"unknown type {i}: type index out of bounds");
    public FuncSig FuncAt(uint i) => i < Funcs.Count ? Funcs[(int)i] : throw new ValidationError($"unknown function {i}: function index out of bounds");
    public ComponentSig ComponentAt(uint i) => i < Components.Count ? Components[(int)i] : throw new ValidationError($"unknown component {i}: component index out of bounds");
    public InstanceSig InstanceAt(uint i) => i < Instances.Count ? Instances[(int)i] : throw new ValidationError($"unknown instance {i}: instance index out of bounds");
    public FuncType CoreFuncAt(uint i) => i < CoreFuncs.Count ? CoreFuncs[(int)i] : throw new ValidationError($"unknown core function {i}: function index out of bounds");
    public ModuleSig ModuleAt(uint i) => i < CoreModules.Count ? CoreModules[(int)i] : throw new ValidationError($"unknown module {i}: module index out of bounds");
    public CoreInstanceSig CoreInstanceAt(uint i) => i < CoreInstances.Count ? CoreInstances[(int)i] : throw new ValidationError($"unknown core instance {i}: instance index out of bounds");
    public TableType TableAt(uint i) => i < CoreTables.Count ? CoreTables[(int)i] : throw new ValidationError($"unknown table {i}: table index out of bounds");
    public MemoryType MemoryAt(uint i) => i < CoreMemories.Count ? CoreMemories[(int)i] : throw new ValidationError($"unknown memory {i}: memory index out of bounds");
    public GlobalType GlobalAt(uint i) => i < CoreGlobals.Count ? CoreGlobals[(int)i] : throw new ValidationError($"unknown global {i}: global index out of bounds");
    public FuncType TagAt(uint i) => i < CoreTags.Count ? CoreTags[(int)i] : throw new ValidationError($"unknown tag {i}: tag index out of bounds");

    public CompValType DefinedTypeAt(uint i) => TypeAt(i) as CompValType ?? throw new ValidationError($"type index {i} is not a defined type");

    public FuncSig FuncTypeAt(uint i) => TypeAt(i) as FuncSig ?? throw new ValidationError($"type index {i} is not a function type");

    public ResourceRef ResourceAt(uint i) => TypeAt(i) as ResourceRef ?? throw new ValidationError($"type index {i} is not a resource type");

    public CompValType ValueAt(uint i)
    {
        if (i >= Values.Count) throw new ValidationError($"unknown value {i}: value index out of bounds");
        var (t, used) = Values[(int)i];
        if (used) throw new ValidationError($"value {i} cannot be used more than once");
        Values[(int)i] = (t, true);
        return t;
    }

    public CoreEntity CoreInstanceExport(uint instance, string name) =>
        CoreInstanceAt(instance).Exports.TryGet(name, out var e) ? e : throw new ValidationError($"core instance {instance} has no export named `{name}`");

    // ---- adding entities ----

    /// <summary>Adds an imported, exported or aliased item to its index space (wasm-tools <c>add_entity</c>), then
    /// checks that every type it refers to is named by an import or export.</summary>
    public Entity AddEntity(Entity entity, string? name, bool? isImport)
    {
        switch (entity)
        {
            case ModuleEntity m: CoreModules.Add(m.Type); break;
            case ComponentEntity c: Components.Add(c.Type); break;
            case InstanceEntity i:
                var it = i.Type;
                if (isImport == true) it = PrepareInstanceImport(it);
                else if (isImport == false) it = PrepareInstanceExport(it);
                entity = new InstanceEntity(it);
                Instances.Add(it);
                break;
            case FuncEntity f: Funcs.Add(f.Type); break;
            case ValueEntity v: Values.Add((v.Type, isImport == false)); break;
            case TypeEntity t:
                Types.Add(t.Created);
                if (t.Created is ResourceRef r)
                {
                    if (isImport == true && ReferenceEquals(t.Created, t.Referenced)) ImportedResources.Add((r.Resource, [Imports.Count]));
                    else if (isImport == false)
                    {
                        if (ReferenceEquals(t.Created, t.Referenced)) DefinedResources.Add(r.Resource);
                        ExplicitResources[r.Resource] = [Exports.Count];
                    }
                }
                break;
        }
        if (name is not null && isImport is { } imp && !RegisterNamedTypes(name, imp, entity))
            throw new ValidationError($"{entity.Desc} not valid to be used as {(imp ? "import" : "export")}");
        return entity;
    }

    private InstanceSig PrepareInstanceImport(InstanceSig t)
    {
        if (t.DefinedResources.Count == 0) return t;
        var map = new ResourceRemapping();
        foreach (var old in t.DefinedResources)
        {
            var fresh = new Resource(null);
            map.Resources[old] = fresh;
            ImportedResources.Add((fresh, [Imports.Count, .. t.ExplicitResources[old]]));
        }
        var exports = t.Exports.Select(map.Map);
        var expl = t.ExplicitResources.ToDictionary(kv => map.Resources.GetValueOrDefault(kv.Key, kv.Key), kv => kv.Value);
        return new InstanceSig { Exports = exports, ExplicitResources = expl };
    }

    private InstanceSig PrepareInstanceExport(InstanceSig t)
    {
        if (t.DefinedResources.Count > 0)
        {
            var map = new ResourceRemapping();
            foreach (var old in t.DefinedResources)
            {
                var fresh = new Resource(null);
                map.Resources[old] = fresh;
                DefinedResources.Add(fresh);
            }
            var exports = t.Exports.Select(map.Map);
            var expl = t.ExplicitResources.ToDictionary(kv => map.Resources.GetValueOrDefault(kv.Key, kv.Key), kv => kv.Value);
            t = new InstanceSig { Exports = exports, ExplicitResources = expl };
        }
        foreach (var (r, path) in t.ExplicitResources) ExplicitResources[r] = [Exports.Count, .. path];
        return t;
    }

    // ---- "named" types (Explainer.md "External Visibility of Types") ----

    private bool RegisterNamedTypes(string? toplevelName, bool isImport, Entity e)
    {
        if (e is TypeEntity { Created: ResourceRef rr } && toplevelName is not null)
        {
            var (map, set) = isImport ? (_importedResourceNames, _importedResourceNameSet) : (_exportedResourceNames, _exportedResourceNameSet);
            map.TryAdd(rr.Resource, toplevelName);
            set.Add(toplevelName);
        }
        if (Kind == StateKind.InstanceType) return true;
        var named = isImport ? _importedTypes : _exportedTypes;
        switch (e)
        {
            case TypeEntity t:
                if (!AllNamed(t.Referenced, named)) return false;
                if (isImport) _importedTypes.Add(t.Created);
                _exportedTypes.Add(t.Created);
                return true;
            case InstanceEntity i:
                return i.Type.Exports.Items.All(x => RegisterNamedTypes(null, isImport, x.Value));
            case FuncEntity f: return FuncNamed(f.Type, named);
            case ValueEntity v: return IsNamed(v.Type, named);
            default: return true;
        }
    }

    private static bool AllNamed(AnyType t, HashSet<AnyType> named) => t switch
    {
        ResourceRef or ComponentSig => true,
        CompValType v => DefinedNamed(v, named),
        FuncSig f => FuncNamed(f, named),
        InstanceSig i => InstanceNamed(i, named),
        _ => true,
    };

    private static bool InstanceNamed(InstanceSig i, HashSet<AnyType> named) => i.Exports.Items.All(x => x.Value switch
    {
        FuncEntity f => FuncNamed(f.Type, named),
        TypeEntity t => AllNamed(t.Created, named),
        ValueEntity v => v.Type.Kind == DefinedKind.Primitive || DefinedNamed(v.Type, named),
        InstanceEntity ii => InstanceNamed(ii.Type, named),
        _ => true,
    });

    private static bool FuncNamed(FuncSig f, HashSet<AnyType> named) =>
        f.Parameters.All(p => IsNamed(p.Type, named)) && (f.Result is null || IsNamed(f.Result, named));

    /// <summary>The first layer of a defined type: the types it refers to must be named.</summary>
    private static bool DefinedNamed(CompValType v, HashSet<AnyType> named) => v.Kind switch
    {
        DefinedKind.Primitive or DefinedKind.Flags or DefinedKind.Enum => true,
        DefinedKind.Own or DefinedKind.Borrow => named.Contains(v.Resource!),
        _ => v.Fields.All(f => f.Type is null || IsNamed(f.Type, named)) && v.Elements.All(x => x is null || IsNamed(x, named)),
    };

    /// <summary>wasm-tools <c>type_named_type_id</c>: records, variants, enums and flags must themselves be named;
    /// structural types only need their parts named.</summary>
    private static bool IsNamed(CompValType v, HashSet<AnyType> named) => v.Kind switch
    {
        DefinedKind.Primitive => true,
        DefinedKind.Flags or DefinedKind.Enum or DefinedKind.Record or DefinedKind.Variant => named.Contains(v),
        DefinedKind.Own or DefinedKind.Borrow => named.Contains(v.Resource!),
        _ => v.Elements.All(x => x is null || IsNamed(x, named)),
    };
}
