using WitSharp.Core;
using WitSharp.Core.Compilation;
using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>An instantiated module (wasmtime-dotnet <c>Instance</c>): look up its exports by name.</summary>
public sealed partial class Instance
{
    internal Instance(Store store, InstanceContext context)
    {
        Store = store;
        Context = context;
    }

    /// <summary>Instantiates <paramref name="module"/> with imports given in import order
    /// (<see cref="Function"/>, <see cref="Memory"/>, <see cref="Table"/> or <see cref="Global"/>).</summary>
    /// <exception cref="LinkException">An import is missing or has the wrong type.</exception>
    /// <exception cref="TrapException">A segment was out of bounds or the start function trapped.</exception>
    public Instance(Store store, Module module, params object[] imports)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(imports);
        var info = module.Compiled.Info;
        if (imports.Length != info.Imports.Count)
            throw new LinkException($"expected {info.Imports.Count} imports, got {imports.Length}");
        var resolved = new object[imports.Length];
        for (int i = 0; i < imports.Length; i++) resolved[i] = Linker.ToInternal(store, imports[i], info.Imports[i], info);
        Store = store;
        Context = Instantiator.Instantiate(store, module.Compiled, resolved);
    }

    internal Store Store { get; }
    internal InstanceContext Context { get; }

    private Core.Export? FindExport(string name, ExternKind kind)
    {
        foreach (var e in Context.Module.Info.Exports)
            if (e.Kind == kind && e.Name == name) return e;
        return null;
    }

    internal FunctionInstance? GetFunctionInstance(string name) =>
        FindExport(name, ExternKind.Func) is { } e ? Context.Functions[e.Index] : null;

    /// <summary>The exported function <paramref name="name"/>, or null.</summary>
    public Function? GetFunction(string name) =>
        GetFunctionInstance(name) is { } f ? new Function(Store, f) : null;

    /// <summary>The exported memory <paramref name="name"/>, or null.</summary>
    public Memory? GetMemory(string name) =>
        FindExport(name, ExternKind.Memory) is not null && Context.Memory0 is { } m ? new Memory(Store, m) : null;

    /// <summary>The exported table <paramref name="name"/>, or null.</summary>
    public Table? GetTable(string name) =>
        FindExport(name, ExternKind.Table) is { } e ? new Table(Store, Context.Tables[e.Index]) : null;

    /// <summary>The exported global <paramref name="name"/>, or null.</summary>
    public Global? GetGlobal(string name) =>
        FindExport(name, ExternKind.Global) is { } e ? new Global(Store, Context.Globals[e.Index]) : null;

    /// <summary>All exported functions with their names.</summary>
    public IEnumerable<(string Name, Function Function)> GetFunctions() =>
        Context.Module.Info.Exports.Where(e => e.Kind == ExternKind.Func)
            .Select(e => (e.Name, new Function(Store, Context.Functions[e.Index])));

    /// <summary>All exported memories with their names.</summary>
    public IEnumerable<(string Name, Memory Memory)> GetMemories() =>
        Context.Module.Info.Exports.Where(e => e.Kind == ExternKind.Memory)
            .Select(e => (e.Name, new Memory(Store, Context.Memory0!)));

    /// <summary>All exported tables with their names.</summary>
    public IEnumerable<(string Name, Table Table)> GetTables() =>
        Context.Module.Info.Exports.Where(e => e.Kind == ExternKind.Table)
            .Select(e => (e.Name, new Table(Store, Context.Tables[e.Index])));

    /// <summary>All exported globals with their names.</summary>
    public IEnumerable<(string Name, Global Global)> GetGlobals() =>
        Context.Module.Info.Exports.Where(e => e.Kind == ExternKind.Global)
            .Select(e => (e.Name, new Global(Store, Context.Globals[e.Index])));
}
