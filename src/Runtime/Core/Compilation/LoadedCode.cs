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

    /// <summary>Loads a saved assembly from a file, which is what lets the runtime use ReadyToRun native code in
    /// it (code in an image loaded from bytes is ignored and every method is JIT-compiled). A fresh non-collectible
    /// load context per call, for the same reason as <see cref="Load(byte[])"/>: each engine gets its own statics.</summary>
    public static Assembly LoadFile(string path)
    {
        try
        {
            return new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: false).LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException e)
        {
            throw new ArtifactException(ArtifactError.Corrupted, $"the compiled code in the artifact is not a valid assembly: {e.Message}");
        }
    }

    /// <summary>Binds module type <paramref name="typeName"/> of <paramref name="assembly"/> to
    /// <paramref name="engine"/>: maps the module's function types to this engine's signature ids (the loaded
    /// code compares against them in <c>call_indirect</c>, and this engine's other modules and host functions use
    /// the same ids), runs the signature type's initialiser with them, and registers the type for backtraces.
    /// Only the functions a pointer can reach (FunctionReferences) and the export entries are resolved now, by
    /// metadata token; every other function is entered by direct calls inside the loaded code.</summary>
    public static CompiledModule Bind(Engine engine, ModuleInfo info, string name, Assembly assembly, string typeName, MethodTokens tokens)
    {
        var type = assembly.GetType(typeName) ?? throw Missing(typeName);
        var holder = assembly.GetType(SignatureTypeName(typeName)) ?? throw Missing(SignatureTypeName(typeName));
        var sigIds = new int[info.Types.Count];
        for (int i = 0; i < sigIds.Length; i++) sigIds[i] = engine.Signatures.Id(info.Types[i]);
        SignatureTable.Bind(holder, sigIds);
        int count = info.FunctionTypeIndices.Count, imported = info.ImportedFunctionCount;
        if (tokens.Functions.Length != count) throw Missing($"{typeName}: {count} functions");
        var handle = type.Module.ModuleHandle;
        MethodInfo Method(int token, string what) =>
            MethodBase.GetMethodFromHandle(Resolve(handle, token, what)) as MethodInfo ?? throw Missing(what);
        // One name check proves the tokens point into this type's functions (a stale token would not).
        if (count > 0 && Method(tokens.Functions[0], "$" + imported) is var m0 && (m0.Name != "$" + imported || m0.DeclaringType != type))
            throw Missing($"{typeName}.${imported} at its recorded token");
        var referenced = FunctionReferences.Referenced(info);
        var pointers = new nint[count];
        for (int i = 0; i < count; i++)
            if (referenced[i]) pointers[i] = Resolve(handle, tokens.Functions[i], $"${imported + i}").GetFunctionPointer();
        var entries = new MethodInfo?[count];
        foreach (var e in info.Exports)
            if (e.Kind == ExternKind.Func && e.Index >= imported)
                entries[e.Index - imported] = tokens.ExportEntry(e.Index) is int t ? Method(t, $"Export{e.Index}") : throw Missing($"{typeName}.Export{e.Index}");
        var compiled = new CompiledModule(info, name, type, pointers, sigIds, entries,
            () => [.. Enumerable.Range(0, count).Select(i => Method(tokens.Functions[i], $"${imported + i}"))], null);
        Backtrace.Register(type, compiled);
        return compiled;
    }

    private static RuntimeMethodHandle Resolve(ModuleHandle handle, int token, string what)
    {
        try
        {
            return handle.ResolveMethodHandle(token);
        }
        catch (ArgumentException)
        {
            throw Missing($"{what} (token 0x{token:x8})");
        }
    }

    // The checksum has passed by now, so a missing member is a writer bug, not damage.
    private static ArtifactException Missing(string what) =>
        new(ArtifactError.Corrupted, $"the compiled code in the artifact has no {what}");
}
