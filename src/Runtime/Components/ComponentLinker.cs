namespace WitSharp.Components;

/// <summary>A host implementation of a component function: read <paramref name="arguments"/>, assign every
/// element of <paramref name="results"/> (zero or one element). Throwing a <see cref="TrapException"/> traps
/// the calling guest.</summary>
public delegate void ComponentFunctionCallback(ComponentValue[] arguments, ComponentValue[] results);

/// <summary>
/// Resolves a component's imports by name and instantiates it (Wasmtime.Components.ComponentLinker).
/// Host functions are defined on the instance builders returned by <see cref="Root"/> and
/// <see cref="ComponentLinkerInstance.AddInstance"/>.
/// </summary>
public sealed class ComponentLinker : IDisposable
{
    private readonly ComponentLinkerInstance _root;
    private readonly HashSet<Component> _trapUnknown = [];

    /// <summary>Creates an empty linker.</summary>
    public ComponentLinker(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        _root = new ComponentLinkerInstance(this, "");
    }

    /// <summary>The engine of the components this linker instantiates.</summary>
    public Engine Engine { get; }

    /// <summary>When true, redefining a name replaces the earlier definition; otherwise it is an error.</summary>
    public bool AllowShadowing { get; set; }

    /// <summary>The root instance: world-level imports are defined here, interfaces via <see cref="ComponentLinkerInstance.AddInstance"/>.</summary>
    public ComponentLinkerInstance Root() => _root;

    /// <summary>Makes every function import of <paramref name="component"/> (top level or inside an imported
    /// instance) that is undefined when the component is instantiated a function that traps when called.</summary>
    public void DefineUnknownImportsAsTraps(Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _trapUnknown.Add(component);
    }

    /// <summary>Instantiates <paramref name="component"/> in <paramref name="store"/>.</summary>
    /// <exception cref="LinkException">An import is not defined or has the wrong kind.</exception>
    /// <exception cref="ComponentException">The component uses an unsupported feature or is inconsistent.</exception>
    /// <exception cref="TrapException">A core start function trapped.</exception>
    public ComponentInstance Instantiate(Store store, Component component)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(component);
        var instantiator = new Instantiator(store, component);
        var exports = instantiator.Run(component.Binary, null, (name, type, offset) => Resolve(_root, name, type, offset, _trapUnknown.Contains(component)));
        return new ComponentInstance(store, exports, component);
    }

    /// <summary>Resolves <paramref name="component"/>'s imports against this linker once; the result instantiates
    /// it many times without looking definitions up again (wasmtime <c>Linker::instantiate_pre</c>).</summary>
    /// <exception cref="LinkException">An import is not defined or has the wrong kind.</exception>
    public ComponentInstancePre InstantiatePre(Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return new ComponentInstancePre(this, component);
    }

    /// <summary>Resolves one top-level import of <paramref name="component"/> (for <see cref="ComponentInstancePre"/>).</summary>
    internal object ResolveImport(Component component, string name, object type, long offset) =>
        Resolve(_root, name, type, offset, _trapUnknown.Contains(component));

    /// <summary>The run-time item for an import of <paramref name="type"/> from the linker instance <paramref name="from"/>.</summary>
    private static object Resolve(ComponentLinkerInstance from, string name, object type, long offset, bool trapUnknown)
    {
        if (type is ResourceTypeEntry resource)
            return ResourceImports.Resolve(from, name, resource, trapUnknown);
        if (type is CanonType)
            return type; // Imported value types are equal to their bound.
        if (!from.Items.TryGetValue(name, out var item))
        {
            // An instance import whose type exports nothing (recursively) needs no definition (as in wasmtime).
            if (type is InstanceTypeEntry empty && IsEmpty(empty)) return new InstanceItem(name);
            if (!trapUnknown) throw new LinkException($"component import `{from.QualifiedName(name)}` was not found (it has not been defined)");
            string what = from.QualifiedName(name);
            item = type is InstanceTypeEntry
                ? new ComponentLinkerInstance(from.Linker, name)
                : new ComponentFunctionCallback((_, _) =>
                    throw new TrapException(TrapCode.Unreachable, $"unknown import `{what}` was called"));
        }
        switch (type)
        {
            case CanonFuncType f:
                return item switch
                {
                    ComponentFunctionCallback cb => new HostFuncItem(f, from.QualifiedName(name), cb),
                    Typed.ITypedHostDefinition typed => typed.Bind(f, from.QualifiedName(name)),
                    FuncItem defined => ImportMatcher.Mismatch(defined, f) is { } why
                        ? throw new LinkException($"component import `{from.QualifiedName(name)}` has the wrong type: {why}")
                        : defined,
                    _ => throw Mismatch(from, name, "func", item),
                };
            case InstanceTypeEntry inst:
            {
                if (item is InstanceItem defined)
                {
                    // An instance registered from another component instance: every export the import's type
                    // names must be there with a matching type (extra exports are allowed).
                    if (ImportMatcher.Mismatch(defined, inst) is { } why)
                        throw new LinkException($"component import `{from.QualifiedName(name)}`: {why}");
                    return defined;
                }
                if (item is not ComponentLinkerInstance li) throw Mismatch(from, name, "instance", item);
                var result = new InstanceItem(name);
                foreach (var (n, t) in inst.Exports) result.Exports[n] = Resolve(li, n, t, offset, trapUnknown);
                return result;
            }
            case CoreModuleTypeEntry moduleType:
            {
                if (item is not Module module) throw Mismatch(from, name, "module", item);
                if (moduleType.Mismatch(module) is { } why)
                    throw new LinkException($"component import `{from.QualifiedName(name)}`: {why}");
                return module;
            }
            default:
                throw new ComponentException($"`{name}`: imports of this kind ({type.GetType().Name}) are not supported yet", offset);
        }
    }

    /// <summary>True when an instance of this type has nothing to supply at run time: its exports are (recursively)
    /// such instances or value types fixed by an <c>eq</c> bound.</summary>
    private static bool IsEmpty(InstanceTypeEntry type) =>
        type.Exports.Values.All(t => t is CanonType || (t is InstanceTypeEntry i && IsEmpty(i)));

    /// <summary>wasmtime's wording: "expected function found instance".</summary>
    private static LinkException Mismatch(ComponentLinkerInstance from, string name, string expected, object item) =>
        new($"component import `{from.QualifiedName(name)}` has the wrong type: expected {expected} found {Describe(item)}");

    private static string Describe(object item) => ImportMatcher.Describe(item);

    /// <summary>Nothing to release; present for Wasmtime.Components compatibility.</summary>
    public void Dispose() { }
}

/// <summary>An instance being defined in a <see cref="ComponentLinker"/> (Wasmtime.Components.ComponentLinkerInstance).</summary>
public sealed partial class ComponentLinkerInstance : IDisposable
{
    private readonly ComponentLinker _linker;

    internal ComponentLinker Linker => _linker;

    internal ComponentLinkerInstance(ComponentLinker linker, string name)
    {
        _linker = linker;
        Name = name;
    }

    /// <summary>The instance name ("" for the root).</summary>
    public string Name { get; }

    /// <summary>Definitions by name: <see cref="ComponentFunctionCallback"/>, <see cref="HostResourceDefinition"/>
    /// or <see cref="ComponentLinkerInstance"/>.</summary>
    internal Dictionary<string, object> Items { get; } = [];

    internal string QualifiedName(string name) => Name.Length == 0 ? name : Name + "#" + name;

    /// <summary>Adds (or returns the existing) nested instance <paramref name="name"/>, e.g. an interface
    /// name such as <c>wasi:cli/stdout@0.2.0</c>.</summary>
    public ComponentLinkerInstance AddInstance(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Items.TryGetValue(name, out var existing))
        {
            if (existing is ComponentLinkerInstance i) return i;
            if (!_linker.AllowShadowing) throw new WasmException($"`{QualifiedName(name)}` is already defined as a function");
        }
        var instance = new ComponentLinkerInstance(_linker, name);
        Items[name] = instance;
        return instance;
    }

    /// <summary>Defines the host function <paramref name="name"/>. Arguments and results are checked and
    /// converted through the canonical ABI against the type the component imports it with.</summary>
    public void DefineFunction(string name, ComponentFunctionCallback callback)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(callback);
        if (Items.ContainsKey(name) && !_linker.AllowShadowing)
            throw new WasmException($"`{QualifiedName(name)}` is defined twice");
        Items[name] = callback;
    }

    /// <summary>Defines the resource type import <paramref name="name"/> as the host type <paramref name="type"/>
    /// (wasmtime's <c>LinkerInstance::resource</c>). When a guest drops the last owned handle of it,
    /// <paramref name="destructor"/> runs with the handle's representation; null means nothing runs.</summary>
    public void DefineResource(string name, ResourceType type, ResourceDestructorCallback? destructor)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsHostDefined) throw new ArgumentException("only host-defined resource types (ResourceType.Host<T>()) can be defined in a linker", nameof(type));
        if (Items.ContainsKey(name) && !_linker.AllowShadowing)
            throw new WasmException($"`{QualifiedName(name)}` is defined twice");
        Items[name] = new HostResourceDefinition(type, destructor);
    }

    /// <summary>Defines the resource type import <paramref name="name"/> as <see cref="ResourceType.Host{T}"/> with
    /// its state in <paramref name="table"/>: host functions return <c>ComponentValue.Own(table.Push(value))</c>
    /// and read <c>table.Get(args[i].AsResource&lt;T&gt;())</c>; when a guest drops the last owned handle the entry
    /// is deleted from the table and disposed if it is <see cref="IDisposable"/>.</summary>
    public void DefineResource<T>(string name, ResourceTable table) where T : class
    {
        ArgumentNullException.ThrowIfNull(table);
        DefineResource(name, ResourceType.Host<T>(), rep => (table.Delete<T>(rep) as IDisposable)?.Dispose());
    }

    /// <summary>Defines <paramref name="name"/> as an item taken from an instantiated component (a component
    /// function, instance, core module, component or type), as a wast script's <c>register</c> does.</summary>
    internal void DefineItem(string name, object item)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(item);
        if (Items.ContainsKey(name) && !_linker.AllowShadowing)
            throw new WasmException($"`{QualifiedName(name)}` is defined twice");
        Items[name] = item;
    }

    /// <summary>Nothing to release; present for Wasmtime.Components compatibility.</summary>
    public void Dispose() { }
}
