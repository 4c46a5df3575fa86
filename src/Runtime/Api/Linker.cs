using WitSharp.Core;
using WitSharp.Core.Compilation;
using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>Resolves a module's imports by (module, name) and instantiates it (wasmtime-dotnet <c>Linker</c>).</summary>
public sealed partial class Linker : IDisposable
{
    // A definition is either an extern bound to a store (Function, Memory, Table, Global) or a host delegate
    // that becomes a function of whichever store instantiates (wasmtime's linker-level host functions).
    private readonly Dictionary<(string Module, string Name), object> _items = [];

    /// <summary>Creates an empty linker for <paramref name="engine"/>.</summary>
    public Linker(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>The engine of the modules this linker instantiates.</summary>
    public Engine Engine { get; }

    /// <summary>When true, a later definition of the same name replaces the earlier one; otherwise it is an error.</summary>
    public bool AllowShadowing { get; set; }

    private void Add(string module, string name, object item)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        if (!AllowShadowing && _items.ContainsKey((module, name)))
            throw new WasmtimeException($"import of `{module}::{name}` defined twice");
        _items[(module, name)] = item;
    }

    /// <summary>Defines <paramref name="item"/> (a <see cref="Function"/>, <see cref="Memory"/>, <see cref="Table"/>
    /// or <see cref="Global"/>) as <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void Define(string module, string name, object item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is not (Function or Memory or Table or Global))
            throw new ArgumentException("an extern must be a Function, Memory, Table or Global", nameof(item));
        if (item is Function { IsNull: true }) throw new ArgumentException("cannot define a null function", nameof(item));
        Add(module, name, item);
    }

    /// <summary>Defines the global behind a typed accessor (see <see cref="Global.Wrap{T}"/>) as
    /// <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void Define<T>(string module, string name, Global.Accessor<T> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Add(module, name, item.Global);
    }

    /// <summary>Defines a host function with untyped arguments and results.</summary>
    public void DefineFunction(string module, string name, Function.UntypedCallbackDelegate callback,
        IReadOnlyList<ValueKind> parameterKinds, IReadOnlyList<ValueKind> resultKinds)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var type = new FuncType([.. parameterKinds.Select(k => k.ToValType())], [.. resultKinds.Select(k => k.ToValType())]);
        Add(module, name, new UntypedHost(type, callback));
    }

    private void DefineHost(string module, string name, Delegate callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Add(module, name, callback);
    }

    /// <summary>Defines every export of <paramref name="instance"/> under the module name <paramref name="name"/>.</summary>
    public void DefineInstance(Store store, string name, Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var ctx = instance.Context;
        foreach (var e in ctx.Module.Info.Exports)
        {
            object item = e.Kind switch
            {
                ExternKind.Func => new Function(store, ctx.Functions[e.Index]),
                ExternKind.Table => new Table(store, ctx.Tables[e.Index]),
                ExternKind.Memory => new Memory(store, ctx.Memory0!),
                _ => new Global(store, ctx.Globals[e.Index]),
            };
            Add(name, e.Name, item);
        }
    }

    /// <summary>Instantiates <paramref name="module"/> and defines its exports under <see cref="Module.Name"/>.</summary>
    public void DefineModule(Store store, Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        DefineInstance(store, module.Name, Instantiate(store, module));
    }

    /// <summary>Defines every function import of <paramref name="module"/> that is still undefined as a function
    /// that fails when called, with a plain <see cref="WasmtimeException"/> (no trap code), as in wasmtime.</summary>
    public void DefineUnknownImportsAsTraps(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var info = module.Compiled.Info;
        foreach (var i in info.Imports)
        {
            if (i.Kind != ExternKind.Func || _items.ContainsKey((i.Module, i.Name))) continue;
            string what = $"{i.Module}::{i.Name}";
            _items[(i.Module, i.Name)] = new UntypedHost(info.Types[(int)i.TypeIndex],
                (_, _, _) => throw new WasmtimeException($"unknown import `{what}` was called"));
        }
    }

    /// <summary>Instantiates <paramref name="module"/> in <paramref name="store"/>, taking imports from this linker.</summary>
    /// <exception cref="LinkException">An import is missing or has the wrong type.</exception>
    /// <exception cref="TrapException">A segment was out of bounds or the start function trapped.</exception>
    public Instance Instantiate(Store store, Module module)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        var info = module.Compiled.Info;
        var resolved = new object[info.Imports.Count];
        for (int i = 0; i < resolved.Length; i++)
        {
            var imp = info.Imports[i];
            if (!_items.TryGetValue((imp.Module, imp.Name), out var item))
                throw new LinkException($"unknown import: `{imp.Module}::{imp.Name}` has not been defined");
            resolved[i] = ToInternal(store, item, imp, info);
        }
        return new Instance(store, Instantiator.Instantiate(store, module.Compiled, resolved));
    }

    /// <summary>The function <paramref name="module"/>.<paramref name="name"/> as defined in this linker, or null.</summary>
    public Function? GetFunction(Store store, string module, string name) =>
        _items.TryGetValue((module, name), out var item) && ToExtern(store, item) is FunctionInstance f ? new Function(store, f) : null;

    /// <summary>The memory <paramref name="module"/>.<paramref name="name"/> as defined in this linker, or null.</summary>
    public Memory? GetMemory(Store store, string module, string name) =>
        _items.TryGetValue((module, name), out var item) ? item as Memory : null;

    /// <summary>The table <paramref name="module"/>.<paramref name="name"/> as defined in this linker, or null.</summary>
    public Table? GetTable(Store store, string module, string name) =>
        _items.TryGetValue((module, name), out var item) ? item as Table : null;

    /// <summary>The global <paramref name="module"/>.<paramref name="name"/> as defined in this linker, or null.</summary>
    public Global? GetGlobal(Store store, string module, string name) =>
        _items.TryGetValue((module, name), out var item) ? item as Global : null;

    /// <summary>Nothing to release; present for wasmtime-dotnet compatibility.</summary>
    public void Dispose() { }

    private sealed record UntypedHost(FuncType Type, Function.UntypedCallbackDelegate Callback);

    /// <summary>The run-time object behind a definition, created in <paramref name="store"/> when needed.</summary>
    private static object ToExtern(Store store, object item) => item switch
    {
        Function f => f.Instance!,
        Memory m => m.Instance,
        Table t => t.Instance,
        Global g => g.Instance,
        UntypedHost u => HostFunctions.CreateUntyped(store, u.Type, u.Callback),
        Delegate d => HostFunctions.CreateTyped(store, d),
        _ => throw new ArgumentException("unsupported extern", nameof(item)),
    };

    /// <summary>Resolves one import: checks kind and type (spec 4.5.3 "Import matching") and returns the
    /// run-time object the instantiator expects.</summary>
    internal static object ToInternal(Store store, object item, Core.Import import, ModuleInfo info)
    {
        var ext = ToExtern(store, item);
        // Formatted only when an import does not match: this runs for every import of every instantiation.
        string where() => $"`{import.Module}::{import.Name}`";
        switch (import.Kind)
        {
            case ExternKind.Func when ext is FunctionInstance f:
                return ImportMatching.FunctionMatches(f.Type, info.Types[(int)import.TypeIndex]) ? f
                    : throw new LinkException($"incompatible import type for {where()}: function types differ");
            case ExternKind.Table when ext is TableInstance t:
                return ImportMatching.TableMatches(t, import.Table!) ? t
                    : throw new LinkException($"incompatible import type for {where()}: table types differ");
            case ExternKind.Memory when ext is MemoryInstance m:
                return ImportMatching.MemoryMatches(m, import.Memory!) ? m
                    : throw new LinkException($"incompatible import type for {where()}: memory types differ");
            case ExternKind.Global when ext is GlobalInstance g:
                return g.Type == import.Global! ? g
                    : throw new LinkException($"incompatible import type for {where()}: global types differ");
            default:
                throw new LinkException($"incompatible import type for {where()}: expected a {import.Kind.ToString().ToLowerInvariant()}");
        }
    }
}
