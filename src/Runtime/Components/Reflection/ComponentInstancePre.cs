using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// A component whose imports have been resolved against a <see cref="ComponentLinker"/> once (wasmtime
/// <c>InstancePre</c>), from <see cref="ComponentLinker.InstantiatePre"/>: <see cref="Instantiate"/> then creates
/// instances in any number of stores without looking definitions up again. Later changes to the linker do not
/// affect it. Type imports are still bound per instantiation (resource types are fresh per instance).
/// </summary>
public sealed class ComponentInstancePre
{
    private readonly ComponentLinker _linker;
    private readonly Dictionary<string, object>? _resolved;

    internal ComponentInstancePre(ComponentLinker linker, Component component)
    {
        _linker = linker;
        Component = component;
        _resolved = PreResolve(linker, component);
    }

    /// <summary>The component this instantiates.</summary>
    public Component Component { get; }

    /// <summary>True when every import was resolved up front (false only for components whose import types
    /// depend on definitions that exist only during instantiation; those resolve at each instantiation).</summary>
    public bool IsPreResolved => _resolved is not null;

    /// <summary>Instantiates the component in <paramref name="store"/>.</summary>
    /// <exception cref="ComponentException">The component uses an unsupported feature or is inconsistent.</exception>
    /// <exception cref="TrapException">A core start function trapped.</exception>
    public ComponentInstance Instantiate(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!ReferenceEquals(store.Engine, Component.Engine))
            throw new WasmException("the store and the component belong to different engines");
        var exports = new Instantiator(store, Component).Run(Component.Binary, null, (name, type, offset) =>
            _resolved is not null && _resolved.TryGetValue(name, out var item) ? item : _linker.ResolveImport(Component, name, type, offset));
        return new ComponentInstance(store, exports, Component);
    }

    /// <summary>
    /// Walks the top-level definitions up to the last import with the instantiator's type resolution, resolving each
    /// import as instantiation would; other definitions only reserve their index. Returns null when an import's type
    /// refers to something only instantiation creates.
    /// </summary>
    private static Dictionary<string, object>? PreResolve(ComponentLinker linker, Component component)
    {
        var binary = component.Binary;
        int last = -1;
        for (int i = 0; i < binary.Definitions.Count; i++)
        {
            if (binary.Definitions[i] is ImportDefinition) last = i;
        }
        var resolved = new Dictionary<string, object>();
        var s = new Scope(null);
        var reserved = new object();
        try
        {
            for (int i = 0; i <= last; i++)
            {
                switch (binary.Definitions[i])
                {
                    case TypeDefinition t:
                        s.Types.Add(TypeResolver.Define(s, t.Type));
                        break;
                    case CoreTypeDefinition t:
                        s.CoreTypes.Add(t.Type);
                        break;
                    case ImportDefinition imp:
                    {
                        var type = TypeResolver.Extern(s, imp.Type, imp.Name.Name, imp.Offset);
                        var item = linker.ResolveImport(component, imp.Name.Name, type, imp.Offset);
                        if (type is not (ResourceTypeEntry or CanonType)) resolved[imp.Name.Name] = item;
                        s.Space(Instantiator.SortOf(imp.Type.Kind)).Add(item);
                        break;
                    }
                    case AliasDefinition { Alias: { Kind: AliasKind.InstanceExport } a }:
                        s.Space(a.Sort).Add(s.Get(ComponentSort.Instance, a.InstanceOrCount, a.Offset) is InstanceItem inst
                            && inst.Exports.TryGetValue(a.Name!, out var x) ? x : reserved);
                        break;
                    case AliasDefinition { Alias: var a }:
                        s.Space(a.Sort).Add(reserved);
                        break;
                    case CoreModuleDefinition: s.CoreModules.Add(reserved); break;
                    case CoreInstanceDefinition: s.CoreInstances.Add(reserved); break;
                    case NestedComponentDefinition: s.Components.Add(reserved); break;
                    case InstanceDefinition: s.Instances.Add(reserved); break;
                    case CanonDefinition { Kind: CanonKind.Lift }: s.Funcs.Add(reserved); break;
                    case CanonDefinition: s.CoreFuncs.Add(reserved); break;
                    case ExportDefinition e: s.Space(e.Item.Sort).Add(reserved); break;
                }
            }
        }
        catch (ComponentException)
        {
            // A type refers to a reserved slot: leave resolution to each instantiation, which reports real errors.
            return null;
        }
        return resolved;
    }
}
