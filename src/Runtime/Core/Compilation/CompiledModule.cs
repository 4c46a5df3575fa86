using System.Reflection;

namespace WitSharp.Core.Compilation;

/// <summary>The result of compiling a module: one static method per defined function (on one emitted type, or
/// on lazily created chunk types: <see cref="LazyModule"/>), with the function pointers and signature ids
/// instantiation needs. Shared by every instance.</summary>
internal sealed class CompiledModule
{
    /// <summary>A module whose every function is a created method of <paramref name="type"/> (eager or loaded).</summary>
    public CompiledModule(ModuleInfo info, string name, Type type, MethodInfo[] methods, int[] signatureIds, MethodInfo?[] exportEntries)
        : this(info, name, type, [.. methods.Select(m => m.MethodHandle.GetFunctionPointer())], signatureIds, exportEntries, () => methods, null)
    {
    }

    /// <param name="info">The validated module.</param>
    /// <param name="name">Fallback name when the name section has none.</param>
    /// <param name="type">The eagerly created type (all functions, or a lazy module's export entries).</param>
    /// <param name="functionPointers">Per defined function, the code a <see cref="Instances.FunctionInstance"/>
    /// calls; zero for a lazy module's functions that only direct calls reach (FunctionReferences).</param>
    /// <param name="signatureIds">Engine-wide signature id per type index.</param>
    /// <param name="exportEntries">Per defined function, its context-first export entry, or null.</param>
    /// <param name="methods">Gives the compiled method of every defined function (for a lazy module, after
    /// creating every chunk).</param>
    /// <param name="lazy">The lazy emission state, or null when every body was emitted.</param>
    public CompiledModule(ModuleInfo info, string name, Type type, nint[] functionPointers, int[] signatureIds,
        MethodInfo?[] exportEntries, Func<MethodInfo[]> methods, LazyModule? lazy)
    {
        _methods = new Lazy<MethodInfo[]>(methods);
        _exportEntries = exportEntries;
        Info = info;
        Name = info.ModuleName ?? name;
        Type = type;
        Lazy = lazy;
        SignatureIds = signatureIds;
        FunctionPointers = functionPointers;
        for (int i = 0; i < functionPointers.Length; i++)
            // Only functions with an export entry: ExportEntry answers null for the others anyway, and a loaded
            // componentize-js module has 6,263 pointer-reachable functions but a handful of exports.
            if (functionPointers[i] != 0 && exportEntries[i] is not null) _byCode[functionPointers[i]] = i;
    }

    private readonly MethodInfo?[] _exportEntries;
    private readonly Lazy<MethodInfo[]> _methods;
    private readonly Dictionary<nint, int> _byCode = [];

    /// <summary>The context-first entry method of an exported function of this module, or null.</summary>
    public MethodInfo? ExportEntry(Instances.FunctionInstance f) =>
        f.Code != 0 && _byCode.TryGetValue(f.Code, out int i) ? _exportEntries[i] : null;

    /// <summary>Lazy emission state (chunks created on first need), or null for a module emitted whole.</summary>
    public LazyModule? Lazy { get; }

    public ModuleInfo Info { get; }
    public string Name { get; }
    public Type Type { get; }

    /// <summary>Compiled methods of the defined functions (index = function index − imported function count).
    /// For a lazy module, reading this emits every function not emitted yet (tests force the JIT with it).</summary>
    public MethodInfo[] Methods => _methods.Value;

    /// <summary>Entry points of the defined functions (index = function index − imported function count); code
    /// is JIT-compiled on first call.</summary>
    public nint[] FunctionPointers { get; }

    /// <summary>Engine-wide signature id of each type in the type section.</summary>
    public int[] SignatureIds { get; }

    /// <summary>The function's name from the name section, else its first export name, else null.</summary>
    public string? FunctionName(int index)
    {
        if (Info.FunctionNames.TryGetValue((uint)index, out var n)) return n;
        foreach (var e in Info.Exports)
            if (e.Kind == ExternKind.Func && e.Index == (uint)index) return e.Name;
        return null;
    }
}
