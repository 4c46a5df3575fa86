using System.Reflection;

namespace WitSharp.Core.Compilation;

/// <summary>The result of compiling a module: one static method per defined function on an emitted type,
/// with the function pointers and signature ids instantiation needs. Shared by every instance.</summary>
internal sealed class CompiledModule
{
    public CompiledModule(ModuleInfo info, string name, Type type, MethodInfo[] methods, int[] signatureIds, MethodInfo?[] exportEntries)
    {
        _exportEntries = exportEntries;
        Info = info;
        Name = info.ModuleName ?? name;
        Type = type;
        Methods = methods;
        SignatureIds = signatureIds;
        FunctionPointers = new nint[methods.Length];
        for (int i = 0; i < methods.Length; i++)
        {
            FunctionPointers[i] = methods[i].MethodHandle.GetFunctionPointer();
            _byCode[FunctionPointers[i]] = i;
        }
    }

    private readonly MethodInfo?[] _exportEntries;
    private readonly Dictionary<nint, int> _byCode = [];

    /// <summary>The context-first entry method of an exported function of this module, or null.</summary>
    public MethodInfo? ExportEntry(Instances.FunctionInstance f) =>
        _byCode.TryGetValue(f.Code, out int i) ? _exportEntries[i] : null;

    public ModuleInfo Info { get; }
    public string Name { get; }
    public Type Type { get; }

    /// <summary>Compiled methods of the defined functions (index = function index − imported function count).</summary>
    public MethodInfo[] Methods { get; }

    /// <summary>Entry points of <see cref="Methods"/>; code is JIT-compiled on first call.</summary>
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
