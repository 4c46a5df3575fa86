using WitSharp.Wit.Binary;
using BinaryComponent = WitSharp.Wit.Binary.Component;

namespace WitSharp.Components;

// Type reflection and export indices of a compiled component (wasmtime Component::component_type, get_export,
// get_export_index, resources_required).
public sealed partial class Component
{
    private ComponentType? _type;
    private ComponentResourcesRequired? _resources;
    private bool _resourcesComputed;

    /// <summary>The component's imports and exports with their types (wasmtime <c>Component::component_type</c>).
    /// Resource types describe definitions: each instantiation creates fresh run-time resource types for the
    /// resources the component defines.</summary>
    /// <exception cref="ComponentException">The component uses a type this runtime does not support yet.</exception>
    public ComponentType ComponentType => _type ??= ComponentTypeReader.Read(Binary);

    /// <summary>
    /// Looks up the export <paramref name="name"/> at the top level (<paramref name="parent"/> null) or inside the
    /// exported instance or component <paramref name="parent"/> (wasmtime <c>Component::get_export</c>).
    /// </summary>
    /// <returns>The item's type and an index usable with <see cref="ComponentInstance.GetFunction(ComponentExportIndex)"/>
    /// and <see cref="ComponentInstance.GetTypedFunction{TParams, TResult}(ComponentExportIndex)"/>, or null when
    /// there is no such export.</returns>
    /// <exception cref="ComponentExportIndexException"><paramref name="parent"/> belongs to another component.</exception>
    public (ComponentItemType Type, ComponentExportIndex Index)? GetExport(ComponentExportIndex? parent, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ComponentItemType? found;
        string[] path;
        if (parent is null)
        {
            found = ComponentType.GetExport(name);
            path = [name];
        }
        else
        {
            CheckOwned(parent);
            found = parent.Type.GetExport(name);
            path = [.. parent.Path, name];
        }
        return found is null ? null : (found, new ComponentExportIndex(this, path, found));
    }

    /// <summary>The index of the export <paramref name="name"/> (see <see cref="GetExport"/>), or null
    /// (wasmtime <c>Component::get_export_index</c>).</summary>
    public ComponentExportIndex? GetExportIndex(ComponentExportIndex? parent, string name) => GetExport(parent, name)?.Index;

    internal void CheckOwned(ComponentExportIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (!ReferenceEquals(index.Component, this))
            throw new ComponentExportIndexException($"the export index `{index}` belongs to a different component");
    }

    /// <summary>
    /// What instantiating this component requires (wasmtime <c>Component::resources_required</c>): the number of
    /// memories and tables its core module instantiations define and their largest initial sizes. Null when the
    /// component imports core modules (or components, or takes modules out of instances), since what those
    /// require is not known until instantiation.
    /// </summary>
    public ComponentResourcesRequired? ResourcesRequired
    {
        get
        {
            if (!_resourcesComputed)
            {
                var acc = new ResourceCount();
                _resources = acc.Walk(Binary, null, this) ? acc.ToResult() : null;
                _resourcesComputed = true;
            }
            return _resources;
        }
    }

    /// <summary>Sums the memories and tables of the core modules instantiated, walking nested components once per
    /// instantiation (the flattened initializer order of wasmtime's translation).</summary>
    private sealed class ResourceCount
    {
        private int _memories, _tables;
        private long? _maxMemory, _maxTable;

        internal sealed class Frame(Frame? outer)
        {
            public Frame? Outer { get; } = outer;
            public List<CoreModuleDefinition?> Modules { get; } = [];
            public List<(BinaryComponent Body, Frame Scope)?> Components { get; } = [];
        }

        public ComponentResourcesRequired ToResult() => new(_memories, _maxMemory, _tables, _maxTable);

        /// <summary>False when something instantiated is not known statically.</summary>
        public bool Walk(BinaryComponent c, Frame? outer, Component owner)
        {
            var f = new Frame(outer);
            foreach (var d in c.Definitions)
            {
                switch (d)
                {
                    case CoreModuleDefinition m: f.Modules.Add(m); break;
                    case NestedComponentDefinition n: f.Components.Add((n.Component, f)); break;
                    case ImportDefinition { Type.Kind: ExternKind.CoreModule }: return false;
                    case ImportDefinition { Type.Kind: ExternKind.Component }: f.Components.Add(null); break;
                    case AliasDefinition { Alias.Sort: ComponentSort.CoreModule } a:
                        f.Modules.Add(a.Alias.Kind == AliasKind.Outer ? OuterModule(f, a.Alias) : null);
                        break;
                    case AliasDefinition { Alias.Sort: ComponentSort.Component } a:
                        f.Components.Add(a.Alias.Kind == AliasKind.Outer ? OuterComponent(f, a.Alias) : null);
                        break;
                    case CoreInstanceDefinition { ModuleIndex: { } mi }:
                        if (mi >= f.Modules.Count || f.Modules[(int)mi] is not { } module) return false;
                        Count(owner.Modules[module]);
                        break;
                    case InstanceDefinition { ComponentIndex: { } ci }:
                        if (ci >= f.Components.Count || f.Components[(int)ci] is not { } nested) return false;
                        if (!Walk(nested.Body, nested.Scope, owner)) return false;
                        break;
                }
            }
            return true;
        }

        private static CoreModuleDefinition? OuterModule(Frame f, Alias a)
        {
            var target = Up(f, a.InstanceOrCount);
            return target is not null && a.OuterIndex < target.Modules.Count ? target.Modules[(int)a.OuterIndex] : null;
        }

        private static (BinaryComponent, Frame)? OuterComponent(Frame f, Alias a)
        {
            var target = Up(f, a.InstanceOrCount);
            return target is not null && a.OuterIndex < target.Components.Count ? target.Components[(int)a.OuterIndex] : null;
        }

        private static Frame? Up(Frame f, uint count)
        {
            Frame? t = f;
            for (uint i = 0; i < count && t is not null; i++) t = t.Outer;
            return t;
        }

        private void Count(Module module)
        {
            var info = module.Compiled.Info;
            foreach (var m in info.Memories)
            {
                _memories++;
                _maxMemory = Math.Max(_maxMemory ?? 0, (long)m.Limits.Min);
            }
            foreach (var t in info.Tables)
            {
                _tables++;
                _maxTable = Math.Max(_maxTable ?? 0, (long)t.Limits.Min);
            }
        }
    }
}
