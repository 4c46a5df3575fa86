using System.Reflection;

namespace WitSharp.Core.Compilation;

/// <summary>Turns a saved assembly of compiled modules (<see cref="PersistedCompiler"/>) back into
/// <see cref="CompiledModule"/>s for one engine, without decoding bodies, validating or emitting IL.</summary>
internal static class LoadedCode
{
    /// <summary>The name of the <see cref="SignatureTable"/> type of module type <paramref name="moduleType"/>.</summary>
    public static string SignatureTypeName(string moduleType) => moduleType + "$Signatures";

    /// <summary>Loads a saved assembly. <see cref="Assembly.Load(byte[])"/> gives every call its own
    /// non-collectible load context (collectible ones lose OSR: DESIGN.md "Emission"), so the same artifact can be
    /// loaded by several engines, each getting its own statics and thus its own signature ids; references to
    /// WitSharp resolve to the runtime already loaded.</summary>
    public static Assembly Load(byte[] image)
    {
        try
        {
            return Assembly.Load(image);
        }
        catch (BadImageFormatException e)
        {
            throw new ArtifactException(ArtifactError.Corrupted, $"the compiled code in the artifact is not a valid assembly: {e.Message}");
        }
    }

    /// <summary>Binds module type <paramref name="typeName"/> of <paramref name="assembly"/> to
    /// <paramref name="engine"/>: maps the module's function types to this engine's signature ids (the loaded
    /// code compares against them in <c>call_indirect</c>, and this engine's other modules and host functions use
    /// the same ids), runs the signature type's initialiser with them, and registers the type for backtraces.</summary>
    public static CompiledModule Bind(Engine engine, ModuleInfo info, string name, Assembly assembly, string typeName)
    {
        var type = assembly.GetType(typeName) ?? throw Missing(typeName);
        var holder = assembly.GetType(SignatureTypeName(typeName)) ?? throw Missing(SignatureTypeName(typeName));
        var cg = engine.CodeGen;
        var sigIds = new int[info.Types.Count];
        for (int i = 0; i < sigIds.Length; i++) sigIds[i] = cg.SignatureId(info.Types[i]);
        SignatureTable.Bind(holder, sigIds);
        int imported = info.ImportedFunctionCount;
        // One pass over the type's methods: Type.GetMethod(name) scans them all on every call, which made binding
        // quadratic (30 s for the 12,685 functions of a componentize-js module).
        var byName = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)) byName[m.Name] = m;
        var methods = new MethodInfo[info.FunctionTypeIndices.Count];
        for (int i = 0; i < methods.Length; i++)
            methods[i] = byName.GetValueOrDefault("$" + (imported + i)) ?? throw Missing($"{typeName}.${imported + i}");
        var entries = new MethodInfo?[methods.Length];
        foreach (var e in info.Exports)
            if (e.Kind == ExternKind.Func && e.Index >= imported)
                entries[e.Index - imported] = byName.GetValueOrDefault(ModuleEmitter.ExportEntryName(e.Index)) ?? throw Missing($"{typeName}.Export{e.Index}");
        var compiled = new CompiledModule(info, name, type, methods, sigIds, entries);
        Backtrace.Register(type, compiled);
        return compiled;
    }

    // The checksum has passed by now, so a missing member is a writer bug, not damage.
    private static ArtifactException Missing(string what) =>
        new(ArtifactError.Corrupted, $"the compiled code in the artifact has no {what}");
}
