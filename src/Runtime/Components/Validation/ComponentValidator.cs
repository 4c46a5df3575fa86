using WitSharp.Wit.Binary;
using BinaryComponent = WitSharp.Wit.Binary.Component;
using CoreFuncType = WitSharp.Core.FuncType;

namespace WitSharp.Components.Validation;

/// <summary>
/// Validates a decoded component (Explainer.md and Binary.md "Validation"; the checks and messages follow
/// wasm-tools' validator so that its test corpus applies): index spaces, type well-formedness, names, resources,
/// canonical options, aliases, instantiation with subtyping, start functions and value uses. Core modules are
/// validated (and compiled) by the core pipeline through the callback. Failures are <see cref="InvalidException"/>
/// with the byte offset of the offending definition.
/// </summary>
/// <summary>Proposals the validator accepts beyond its defaults (which include async and map types, as wasm-tools').</summary>
[Flags]
internal enum ValidationFeatures
{
    None = 0,
    /// <summary>🪺 nested namespaces and packages in names (<c>a:b:c/d/e</c>).</summary>
    NestedNames = 1,
}

internal sealed partial class ComponentValidator
{
    private readonly Func<CoreModuleDefinition, string, Module> _compileModule;
    private readonly List<ValidationState> _states = [];
    private int _depth;

    private readonly ValidationFeatures _features;

    private ComponentValidator(Func<CoreModuleDefinition, string, Module> compileModule, ValidationFeatures features)
    {
        _compileModule = compileModule;
        _features = features;
    }

    private ValidationState NewState(StateKind kind) => new(kind) { NestedNames = (_features & ValidationFeatures.NestedNames) != 0 };

    /// <summary>Validates <paramref name="component"/>; <paramref name="compileModule"/> compiles (and so validates)
    /// each nested core module, named as the runtime names it (<c>module{depth}.{index}</c>).</summary>
    public static void Validate(
        BinaryComponent component, Func<CoreModuleDefinition, string, Module> compileModule, ValidationFeatures features = ValidationFeatures.None)
    {
        var v = new ComponentValidator(compileModule, features);
        v.ValidateComponent(component, component.Offset);
    }

    /// <summary>Decodes and validates a component binary with extra <paramref name="features"/> (tests and tools).</summary>
    public static void ValidateBytes(Engine engine, byte[] bytes, ValidationFeatures features)
    {
        BinaryComponent binary;
        try { binary = BinaryComponent.Decode(bytes); }
        catch (WitBinaryException e) { throw new ComponentException("malformed component: " + e.Message); }
        Validate(binary, (m, name) => Module.FromBytes(engine, name, m.Bytes.AsSpan()), features);
    }

    private ValidationState Current => _states[^1];

    private ComponentSig ValidateComponent(BinaryComponent c, int offset)
    {
        _states.Add(NewState(StateKind.Component));
        int moduleIndex = 0;
        foreach (var d in c.Definitions)
        {
            try
            {
                Definition(d, ref moduleIndex);
            }
            catch (ValidationError e) when (e.Malformed)
            {
                throw new MalformedException(e.Message, d.Offset);
            }
            catch (ValidationError e)
            {
                throw new InvalidException(e.Message, -1, d.Offset);
            }
        }
        var state = Current;
        try
        {
            for (int i = 0; i < state.Values.Count; i++)
                if (!state.Values[i].Used)
                    throw new ValidationError($"value index {i} was not used as part of an instantiation, start function, or export");
            var sig = TypeSizes.Check(state.Finish());
            _states.RemoveAt(_states.Count - 1);
            return sig;
        }
        catch (ValidationError e)
        {
            throw new InvalidException(e.Message, -1, offset);
        }
    }

    private void Definition(ComponentDefinition d, ref int moduleIndex)
    {
        var s = Current;
        switch (d)
        {
            case CoreModuleDefinition m:
                s.CoreModules.Add(ModuleSig.FromModule(_compileModule(m, $"module{_depth}.{moduleIndex++}")));
                break;
            case CoreInstanceDefinition ci:
                s.CoreInstances.Add(ci.ModuleIndex is { } mi ? InstantiateCoreModule(mi, ci.Arguments) : CoreInlineExports(ci.Exports));
                break;
            case CoreTypeDefinition ct:
                s.CoreTypes.Add(CreateCoreType(ct.Type));
                break;
            case NestedComponentDefinition n:
                _depth++;
                var sig = ValidateComponent(n.Component, n.Offset);
                _depth--;
                Current.Components.Add(sig);
                break;
            case InstanceDefinition inst:
                s.Instances.Add(inst.ComponentIndex is { } ci2 ? InstantiateComponent(ci2, inst.Arguments) : InlineExports(inst.Exports));
                break;
            case AliasDefinition a:
                AddAlias(a.Alias);
                break;
            case TypeDefinition t:
                AddType(t.Type);
                break;
            case CanonDefinition canon:
                Canon(canon);
                break;
            case StartDefinition st:
                Start(st);
                break;
            case ImportDefinition imp:
                s.AddImport(imp.Name, CheckTypeRef(imp.Type));
                break;
            case ExportDefinition exp:
                s.AddExport(exp.Name, ExportEntity(exp.Item, exp.Type));
                break;
            case ValueDefinition val:
                s.Values.Add((ResolveVal(val.Type), false));
                break;
        }
    }

    // ---- core instances ----

    private CoreInstanceSig InstantiateCoreModule(uint moduleIndex, IReadOnlyList<CoreInstantiateArg> arguments)
    {
        var s = Current;
        var module = s.ModuleAt(moduleIndex);
        var args = new Dictionary<string, CoreInstanceSig>(StringComparer.Ordinal);
        foreach (var a in arguments)
        {
            var inst = s.CoreInstanceAt(a.InstanceIndex);
            if (!args.TryAdd(a.Name, inst)) throw new ValidationError($"duplicate module instantiation argument named `{a.Name}`");
        }
        foreach (var (m, n, expected) in module.Imports)
        {
            if (!args.TryGetValue(m, out var inst)) throw new ValidationError($"missing module instantiation argument named `{m}`");
            if (!inst.Exports.TryGet(n, out var actual))
                throw new ValidationError($"module instantiation argument `{m}` does not export an item named `{n}`");
            if (CoreSubtyping.Check(actual, expected) is { } why)
                throw new ValidationError($"type mismatch for export `{n}` of module instantiation argument `{m}`\n{why}");
        }
        return new CoreInstanceSig(module.Exports);
    }

    private CoreInstanceSig CoreInlineExports(IReadOnlyList<CoreInlineExport> exports)
    {
        var s = Current;
        var map = new OrderedMap<CoreEntity>();
        foreach (var e in exports)
        {
            CoreEntity t = e.Item.Sort switch
            {
                ComponentSort.CoreFunc => new CoreFuncEntity(s.CoreFuncAt(e.Item.Index)),
                ComponentSort.CoreTable => new CoreTableEntity(s.TableAt(e.Item.Index)),
                ComponentSort.CoreMemory => new CoreMemoryEntity(s.MemoryAt(e.Item.Index)),
                ComponentSort.CoreGlobal => new CoreGlobalEntity(s.GlobalAt(e.Item.Index)),
                ComponentSort.CoreTag => new CoreTagEntity(s.TagAt(e.Item.Index)),
                _ => throw new ValidationError($"invalid core export sort `{e.Item.Sort}`"),
            };
            if (!map.Add(e.Name, t)) throw new ValidationError($"duplicate instantiation export name `{e.Name}` already defined");
        }
        return new CoreInstanceSig(map);
    }

    // ---- component instances ----

    private Entity ItemEntity(SortIndex item, bool forExport)
    {
        var s = Current;
        return item.Sort switch
        {
            ComponentSort.CoreModule => new ModuleEntity(s.ModuleAt(item.Index)),
            ComponentSort.Component => new ComponentEntity(s.ComponentAt(item.Index)),
            ComponentSort.Instance => new InstanceEntity(s.InstanceAt(item.Index)),
            ComponentSort.Func => new FuncEntity(s.FuncAt(item.Index)),
            ComponentSort.Value => new ValueEntity(s.ValueAt(item.Index)),
            ComponentSort.Type => forExport ? new TypeEntity(s.TypeAt(item.Index), s.TypeAt(item.Index).Unique()) : new TypeEntity(s.TypeAt(item.Index), s.TypeAt(item.Index)),
            _ => throw new ValidationError($"core sort `{item.Sort}` cannot be used here"),
        };
    }

    private InstanceSig InstantiateComponent(uint componentIndex, IReadOnlyList<InstantiateArg> arguments)
    {
        var s = Current;
        var component = s.ComponentAt(componentIndex);
        var args = new OrderedMap<Entity>();
        foreach (var a in arguments)
        {
            var e = ItemEntity(a.Item, forExport: false);
            if (!args.Add(a.Name, e)) throw new ValidationError($"instantiation argument `{a.Name}` conflicts with previous argument `{a.Name}`");
        }
        var mapping = Subtyping.OpenInstance(args, component, imports: true);
        var fresh = new List<Resource>();
        foreach (var (old, _) in component.DefinedResources)
        {
            var r = new Resource(null);
            mapping.Resources[old] = r;
            fresh.Add(r);
        }
        mapping.ClearCache();
        var exports = component.Exports.Select(mapping.Map);
        var expl = component.ExplicitResources.ToDictionary(kv => mapping.Resources.GetValueOrDefault(kv.Key, kv.Key), kv => kv.Value);
        s.DefinedResources.AddRange(fresh);
        return TypeSizes.Check(new InstanceSig { Exports = exports, ExplicitResources = expl });
    }

    private InstanceSig InlineExports(IReadOnlyList<InlineExport> exports)
    {
        var map = new OrderedMap<Entity>();
        var expl = new Dictionary<Resource, int[]>();
        var keys = new Dictionary<string, string>();
        foreach (var e in exports)
        {
            var entity = ItemEntity(e.Item, forExport: false);
            if (entity is InstanceEntity ie)
                foreach (var (r, path) in ie.Type.ExplicitResources) expl[r] = [map.Count, .. path];
            if (entity is TypeEntity { Referenced: ResourceRef rr }) expl[rr.Resource] = [map.Count];
            ValidationState.ValidateExtern(e.Name, isImport: false, entity, keys, map, [], [], (_features & ValidationFeatures.NestedNames) != 0);
        }
        return TypeSizes.Check(new InstanceSig { Exports = map, ExplicitResources = expl });
    }

    private Entity ExportEntity(SortIndex item, ExternType? ascription)
    {
        var actual = ItemEntity(item, forExport: true);
        if (ascription is null) return actual;
        var ascribed = CheckTypeRef(ascription);
        try { Subtyping.Check(actual, ascribed); }
        catch (ValidationError e) { throw e.With("ascribed type of export is not compatible with item's type"); }
        return ascribed;
    }

    // ---- start ----

    private void Start(StartDefinition st)
    {
        var s = Current;
        if (s.HasStart) throw new ValidationError("component cannot have more than one start function");
        var f = s.FuncAt(st.FuncIndex);
        if (f.Parameters.Count != st.Arguments.Count)
            throw new ValidationError($"component start function requires {f.Parameters.Count} arguments but was given {st.Arguments.Count}");
        var results = f.Result is null ? 0u : 1u;
        if (results != st.ResultCount)
            throw new ValidationError($"component start function has a result count of {st.ResultCount} but the function type has a result count of {results}");
        for (int i = 0; i < st.Arguments.Count; i++)
        {
            try { Subtyping.Val(s.ValueAt(st.Arguments[i]), f.Parameters[i].Type); }
            catch (ValidationError e) { throw e.With($"value type mismatch for component start function argument {i}"); }
        }
        if (f.Result is not null) s.Values.Add((f.Result, false));
        s.HasStart = true;
    }

    // ---- aliases ----

    private void AddAlias(Alias a)
    {
        var s = Current;
        if (s.Kind != StateKind.Component)
        {
            bool ok = a.Kind switch
            {
                AliasKind.InstanceExport => a.Sort is ComponentSort.Type or ComponentSort.Instance,
                AliasKind.Outer => a.Sort is ComponentSort.Type or ComponentSort.CoreType,
                _ => false,
            };
            if (!ok) throw new ValidationError("aliases in a component or instance type may only refer to types or instances");
        }
        switch (a.Kind)
        {
            case AliasKind.InstanceExport:
            {
                var inst = s.InstanceAt(a.InstanceOrCount);
                if (!inst.Exports.TryGet(a.Name!, out var e)) throw new ValidationError($"instance {a.InstanceOrCount} has no export named `{a.Name}`");
                var want = SortDesc(a.Sort);
                if (e.Desc != want) throw new ValidationError($"export `{a.Name}` for instance {a.InstanceOrCount} is not a {want}");
                s.AddEntity(e, null, null);
                break;
            }
            case AliasKind.CoreInstanceExport:
            {
                var e = s.CoreInstanceExport(a.InstanceOrCount, a.Name!);
                string want = a.Sort switch
                {
                    ComponentSort.CoreFunc => "function", ComponentSort.CoreTable => "table", ComponentSort.CoreMemory => "memory",
                    ComponentSort.CoreGlobal => "global", ComponentSort.CoreTag => "tag", _ => a.Sort.ToString(),
                };
                switch (a.Sort, e)
                {
                    case (ComponentSort.CoreFunc, CoreFuncEntity f): s.CoreFuncs.Add(f.Type); break;
                    case (ComponentSort.CoreTable, CoreTableEntity t): s.CoreTables.Add(t.Type); break;
                    case (ComponentSort.CoreMemory, CoreMemoryEntity m): s.CoreMemories.Add(m.Type); break;
                    case (ComponentSort.CoreGlobal, CoreGlobalEntity g): s.CoreGlobals.Add(g.Type); break;
                    case (ComponentSort.CoreTag, CoreTagEntity t): s.CoreTags.Add(t.Type); break;
                    default: throw new ValidationError($"export `{a.Name}` for core instance {a.InstanceOrCount} is not a {want}");
                }
                break;
            }
            case AliasKind.Outer:
                OuterAlias(a);
                break;
        }
    }

    private static string SortDesc(ComponentSort sort) => sort switch
    {
        ComponentSort.CoreModule => "module",
        ComponentSort.Func => "func",
        ComponentSort.Value => "value",
        ComponentSort.Type => "type",
        ComponentSort.Instance => "instance",
        ComponentSort.Component => "component",
        _ => sort.ToString(),
    };

    private void OuterAlias(Alias a)
    {
        var count = a.InstanceOrCount;
        if (count >= _states.Count) throw new ValidationError($"invalid outer alias count of {count}");
        var target = _states[_states.Count - 1 - (int)count];
        var s = Current;
        switch (a.Sort)
        {
            case ComponentSort.CoreModule: s.CoreModules.Add(target.ModuleAt(a.OuterIndex)); break;
            case ComponentSort.CoreType: s.CoreTypes.Add(target.CoreTypeAt(a.OuterIndex)); break;
            case ComponentSort.Component: s.Components.Add(target.ComponentAt(a.OuterIndex)); break;
            case ComponentSort.Type:
            {
                var t = target.TypeAt(a.OuterIndex);
                // Crossing a component boundary must not capture resources (components stay self-contained).
                int after = _states.Count - (int)count;
                if (count > 0 && after < _states.Count && _states[after].Kind == StateKind.Component)
                {
                    var free = new HashSet<Resource>();
                    TypeWalk.FreeResources(t, free);
                    if (free.Count > 0)
                        throw new ValidationError("cannot alias outer type which transitively refers to resources not defined in the current component");
                }
                s.Types.Add(t);
                break;
            }
            default:
                // Binary.md: an outer alias's sort is only core module, core type, type or component; the decoder
                // keeps any sort, so the leading byte is reported here as wasm-tools' reader does.
                int code = a.Sort switch { ComponentSort.Func => 1, ComponentSort.Value => 2, ComponentSort.Instance => 5, _ => 0 };
                throw new ValidationError($"invalid leading byte (0x{code:x}) for component outer alias kind", malformed: true);
        }
    }
}
