using WitSharp.Wit.Binary;
using BinaryComponent = WitSharp.Wit.Binary.Component;

namespace WitSharp.Components;

/// <summary>
/// Instantiates a component by walking its definitions in binary order (Explainer.md "Instance definitions";
/// the same sequence of steps as wasmtime's translated initializers): each definition appends to the index
/// space of its sort, core modules are instantiated with their arguments, <c>canon lower</c> turns component
/// functions into core functions, <c>canon lift</c> turns core functions into component functions, and nested
/// components are instantiated recursively with their arguments as imports.
/// </summary>
internal sealed class Instantiator(Store store, Component component)
{
    /// <summary>Supplies the item for an import named <c>name</c> of the given resolved type.</summary>
    public delegate object ImportResolver(string name, object type, long offset);

    public Dictionary<string, object> Run(BinaryComponent binary, Scope? outer, ImportResolver imports, InstanceFlags? parent = null)
    {
        var s = new Scope(outer);
        // CanonicalABI.md "Component Instances": a nested instance's parent is the instance that instantiated it.
        var flags = new InstanceFlags(parent);
        var exports = new Dictionary<string, object>();
        foreach (var d in binary.Definitions)
        {
            switch (d)
            {
                case CustomSectionDefinition:
                    break;
                case CoreModuleDefinition m:
                    s.CoreModules.Add(component.Modules[m]);
                    break;
                case CoreTypeDefinition t:
                    s.CoreTypes.Add(t.Type);
                    break;
                case CoreInstanceDefinition ci:
                    s.CoreInstances.Add(CoreInstance(s, ci));
                    break;
                case NestedComponentDefinition n:
                    s.Components.Add(new ComponentItem(n.Component, s));
                    break;
                case InstanceDefinition inst:
                    s.Instances.Add(Instance(s, inst, flags));
                    break;
                case AliasDefinition a:
                    Alias(s, a.Alias);
                    break;
                case TypeDefinition t:
                    // A resource definition makes a fresh type per instantiation, implemented by this instance.
                    s.Types.Add(t.Type is ResourceTypeDef r ? ResourceTypeEntry.Define(s, r, flags)
                        : outer is null ? component.Plan.TopLevelType(s, t)
                        : TypeResolver.Define(s, t.Type));
                    break;
                case CanonDefinition c:
                    Canon(s, c, flags);
                    break;
                case ImportDefinition i:
                {
                    var type = TypeResolver.Extern(s, i.Type, i.Name.Name, i.Offset);
                    s.Space(SortOf(i.Type.Kind)).Add(imports(i.Name.Name, type, i.Offset));
                    break;
                }
                case ExportDefinition e:
                {
                    // An ascribed type (`(export "f" (func $f) (func (type $t)))`) is a subtype check we do not
                    // perform yet; the item keeps the type it was defined with.
                    var item = s.Get(e.Item.Sort, e.Item.Index, e.Offset);
                    exports[e.Name.Name] = item;
                    if (outer is null) NameAfterExport(item, e.Name.Name);
                    // Exports introduce a new index in their sort's space (Explainer.md "Export definitions").
                    s.Space(e.Item.Sort).Add(item);
                    break;
                }
                default:
                    throw new ComponentException($"the definition {d.GetType().Name} is not supported yet", d.Offset);
            }
        }
        return exports;
    }

    private static void NameAfterExport(object item, string name)
    {
        if (item is FuncItem f) f.NameAfterExport(name);
        else if (item is InstanceItem i)
        {
            foreach (var (n, v) in i.Exports)
            {
                if (v is FuncItem g) g.NameAfterExport(name + "#" + n);
            }
        }
    }

    internal static ComponentSort SortOf(ExternKind kind) => kind switch
    {
        ExternKind.CoreModule => ComponentSort.CoreModule,
        ExternKind.Func => ComponentSort.Func,
        ExternKind.Value => ComponentSort.Value,
        ExternKind.Type => ComponentSort.Type,
        ExternKind.Component => ComponentSort.Component,
        _ => ComponentSort.Instance,
    };

    private CoreInstanceItem CoreInstance(Scope s, CoreInstanceDefinition ci)
    {
        var result = new CoreInstanceItem();
        if (ci.ModuleIndex is not { } moduleIndex)
        {
            foreach (var e in ci.Exports) result.Exports[e.Name] = s.Get(e.Item.Sort, e.Item.Index, ci.Offset);
            return result;
        }
        var module = s.Get<Module>(ComponentSort.CoreModule, moduleIndex, ci.Offset);
        var args = new (string, CoreInstanceItem)[ci.Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            var arg = ci.Arguments[i];
            args[i] = (arg.Name, s.Get<CoreInstanceItem>(ComponentSort.CoreInstance, arg.InstanceIndex, ci.Offset));
        }
        return CoreInstanceBuilder.Instantiate(store, module, args, moduleIndex, ci.Offset);
    }

    private InstanceItem Instance(Scope s, InstanceDefinition inst, InstanceFlags flags)
    {
        if (inst.ComponentIndex is not { } componentIndex)
        {
            var bag = new InstanceItem("instance@" + inst.Offset);
            foreach (var e in inst.Exports) bag.Exports[e.Name.Name] = s.Get(e.Item.Sort, e.Item.Index, inst.Offset);
            return bag;
        }
        var nested = s.Get<ComponentItem>(ComponentSort.Component, componentIndex, inst.Offset);
        var args = new Dictionary<string, object>();
        foreach (var a in inst.Arguments) args[a.Name] = s.Get(a.Item.Sort, a.Item.Index, inst.Offset);
        var result = new InstanceItem("component-instance@" + inst.Offset);
        var exports = Run(nested.Binary, nested.Outer, (name, type, offset) =>
            args.TryGetValue(name, out var item)
                ? item
                : type is ResourceTypeEntry or CanonType ? type
                : throw new ComponentException($"nested component instantiation does not supply its import `{name}`", inst.Offset), flags);
        foreach (var (n, v) in exports) result.Exports[n] = v;
        return result;
    }

    private static void Alias(Scope s, Alias a)
    {
        switch (a.Kind)
        {
            case AliasKind.InstanceExport:
            {
                var inst = s.Get<InstanceItem>(ComponentSort.Instance, a.InstanceOrCount, a.Offset);
                if (!inst.Exports.TryGetValue(a.Name!, out var item))
                    throw new ComponentException($"instance {a.InstanceOrCount} has no export `{a.Name}`", a.Offset);
                s.Space(a.Sort).Add(item);
                break;
            }
            case AliasKind.CoreInstanceExport:
            {
                var inst = s.Get<CoreInstanceItem>(ComponentSort.CoreInstance, a.InstanceOrCount, a.Offset);
                if (!inst.Exports.TryGetValue(a.Name!, out var item))
                    throw new ComponentException($"core instance {a.InstanceOrCount} has no export `{a.Name}`", a.Offset);
                s.Space(a.Sort).Add(item);
                break;
            }
            default:
                s.Space(a.Sort).Add(s.Outer(a.InstanceOrCount, a.Offset).Get(a.Sort, a.OuterIndex, a.Offset));
                break;
        }
    }

    private void Canon(Scope s, CanonDefinition c, InstanceFlags flags)
    {
        switch (c.Kind)
        {
            case CanonKind.Lift:
            {
                var core = s.Get<Function>(ComponentSort.CoreFunc, c.FuncIndex, c.Offset);
                var type = s.Get<CanonFuncType>(ComponentSort.Type, c.TypeIndex, c.Offset);
                var options = Options(s, c, flags);
                s.Funcs.Add(new LiftedFuncItem(type, component.Plan.LiftName(c), core, options, flags, c.Offset));
                break;
            }
            case CanonKind.Lower:
            {
                var target = s.Get<FuncItem>(ComponentSort.Func, c.FuncIndex, c.Offset);
                s.CoreFuncs.Add(LoweredFunction.Create(store, target, Options(s, c, flags)));
                break;
            }
            case CanonKind.ResourceNew or CanonKind.ResourceRep or CanonKind.ResourceDrop:
                s.CoreFuncs.Add(ResourceBuiltins.Create(store, c, s.Get<ResourceTypeEntry>(ComponentSort.Type, c.TypeIndex, c.Offset), flags));
                break;
            default:
                throw new ComponentException($"the canonical built-in `{c.Kind}` is not supported yet", c.Offset);
        }
    }

    // CanonicalABI.md "canon lift"/"canon lower": realloc is (i32 i32 i32 i32) -> i32.
    private static readonly ValueKind[] ReallocParams = [ValueKind.Int32, ValueKind.Int32, ValueKind.Int32, ValueKind.Int32];
    private static readonly ValueKind[] ReallocResults = [ValueKind.Int32];

    private static bool IsRealloc(Function f)
    {
        var ps = f.Parameters;
        var rs = f.Results;
        if (ps.Count != 4 || rs.Count != 1 || rs[0] != ValueKind.Int32) return false;
        for (int i = 0; i < 4; i++)
        {
            if (ps[i] != ValueKind.Int32) return false;
        }
        return true;
    }

    private static CanonicalOptions Options(Scope s, CanonDefinition c, InstanceFlags flags)
    {
        var o = c.Options;
        var memory = o.Memory is { } m ? s.Get<Memory>(ComponentSort.CoreMemory, m, c.Offset) : null;
        var realloc = o.Realloc is { } r ? s.Get<Function>(ComponentSort.CoreFunc, r, c.Offset) : null;
        var postReturn = o.PostReturn is { } p ? s.Get<Function>(ComponentSort.CoreFunc, p, c.Offset) : null;
        // The message is formatted (and LINQ compared) only on a mismatch: this runs for every canon of every instance.
        if (realloc is not null && !IsRealloc(realloc)) CoreSignature.Check(realloc, ReallocParams, ReallocResults, "realloc", c.Offset);
        return new CanonicalOptions(memory, realloc, postReturn, o.StringEncoding, flags);
    }
}
