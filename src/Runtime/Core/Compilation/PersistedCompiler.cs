using System.Reflection;
using System.Reflection.Emit;

namespace WitSharp.Core.Compilation;

/// <summary>Compiles modules into a saveable assembly (<see cref="PersistedAssemblyBuilder"/>) for artifact format
/// version 2: the same <see cref="FunctionCompiler"/> IL as the engine's Run assembly, but every function is
/// emitted eagerly (a saved assembly cannot grow later) and nothing engine-specific is baked in — signature ids
/// are read from the module's <see cref="SignatureTable"/> type, which the loading engine binds
/// (<see cref="LoadedCode"/>). One builder may hold several modules (all core modules of a component share one
/// assembly: its metadata tables and references are written once). Types are named <c>WasmModule{n}</c> in
/// the order the modules are added, so the loader finds them by name; the assembly name is unique so that
/// several artifacts can be loaded into one process.</summary>
internal sealed class PersistedCompiler
{
    private readonly PersistedAssemblyBuilder _assembly;
    private readonly ModuleBuilder _module;
    private readonly bool _debugInfo, _fuel, _epoch;
    private int _count;
    private readonly List<(string Type, ModuleInfo Info)> _modules = [];

    public PersistedCompiler(Engine engine)
    {
        _debugInfo = engine.DebugInfo;
        _fuel = engine.FuelConsumption;
        _epoch = engine.EpochInterruption;
        var name = new AssemblyName("WitSharp.Precompiled." + Guid.NewGuid().ToString("N"));
        _assembly = new PersistedAssemblyBuilder(name, typeof(object).Assembly);
        // As for the Run assembly (CodeGenerator): compiled code reads WitSharp's internal run-time types; the
        // runtime honours the attribute for assemblies loaded from bytes as well.
        _assembly.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!,
            [typeof(CodeGenerator).Assembly.GetName().Name!]));
        _module = _assembly.DefineDynamicModule(name.Name!);
        AssemblyName = name.Name!;
    }

    /// <summary>The saved assembly's simple name (unique per compiler).</summary>
    public string AssemblyName { get; }

    /// <summary>Compiles every function of the validated module <paramref name="info"/>; returns the name of its type.</summary>
    public string Add(ModuleInfo info)
    {
        string typeName = "WasmModule" + _count++;
        var tb = _module.DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var (_, sigFields) = SignatureTable.Define(_module, LoadedCode.SignatureTypeName(typeName), info.Types.Count);
        // Same method layout as the Run assembly (ModuleEmitter), all on one type, every body emitted now.
        var emitter = new ModuleEmitter(info, sigFields, new EmitOptions(_debugInfo, _fuel, _epoch), _ => tb);
        for (int i = 0; i < emitter.Methods.Length; i++) emitter.EmitBody(i);
        foreach (uint index in emitter.ExportedFunctions()) emitter.EmitExportEntry(tb, index);
        tb.CreateType();
        _modules.Add((typeName, info));
        return typeName;
    }

    /// <summary>The assembly's PE image, and per module added (in order) where its methods are in it.</summary>
    public (byte[] Image, MethodTokens[] Tokens) Save()
    {
        using var stream = new MemoryStream();
        _assembly.Save(stream);
        var image = stream.ToArray();
        return (image, MethodTokens.FromImage(image, _modules));
    }
}
