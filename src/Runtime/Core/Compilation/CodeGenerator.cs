using System.Reflection;
using System.Reflection.Emit;

namespace WitSharp.Core.Compilation;

/// <summary>The engine's code generator: one non-collectible dynamic assembly (DESIGN.md "Emission": Run
/// assemblies tier up with OSR; collectible ones never do), engine-wide signature ids for
/// <c>call_indirect</c>, and caches of the thunks between C# and compiled code.</summary>
internal sealed partial class CodeGenerator
{
    private readonly object _lock = new();
    private readonly ModuleBuilder _module;
    private readonly Dictionary<FuncType, int> _signatureIds = [];
    private int _typeCounter;

    public CodeGenerator(Engine engine)
    {
        Engine = engine;
        var name = new AssemblyName("WitSharp.Compiled." + Guid.NewGuid().ToString("N"));
        var assembly = AssemblyBuilder.DefineDynamicAssembly(name, AssemblyBuilderAccess.Run);
        // Compiled code reads WitSharp's internal run-time types (instance context, memories, SIMD ops)
        // directly; the runtime honours this attribute for dynamic assemblies.
        assembly.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!,
            [typeof(CodeGenerator).Assembly.GetName().Name!]));
        _module = assembly.DefineDynamicModule(name.Name!);
    }

    public Engine Engine { get; }

    /// <summary>Engine-wide id of a function type: structurally equal types share one id.</summary>
    public int SignatureId(FuncType type)
    {
        lock (_signatureIds)
        {
            if (!_signatureIds.TryGetValue(type, out int id))
            {
                id = _signatureIds.Count + 1;
                _signatureIds.Add(type, id);
            }
            return id;
        }
    }

    /// <summary>Defines a fresh public static class in the dynamic module (callers hold <see cref="_lock"/>).</summary>
    private TypeBuilder NewType(string prefix) =>
        _module.DefineType($"{prefix}{++_typeCounter}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);

    /// <summary>Compiles every function body of a validated module into static methods of a new type.</summary>
    public CompiledModule Compile(ModuleInfo info, string name)
    {
        lock (_lock)
        {
            var sigIds = new int[info.Types.Count];
            for (int i = 0; i < sigIds.Length; i++) sigIds[i] = SignatureId(info.Types[i]);
            var tb = NewType("WasmModule");
            var (holder, sigFields) = SignatureTable.Define(_module, tb.Name + "$Signatures", sigIds.Length);
            SignatureTable.Bind(holder, sigIds);
            var emitter = new ModuleEmitter(info, sigFields, EmitOptions.Of(Engine), _ => tb);
            for (int i = 0; i < emitter.Methods.Length; i++) emitter.EmitBody(i);
            var exported = emitter.ExportedFunctions();
            foreach (uint index in exported) emitter.EmitExportEntry(tb, index);
            var created = tb.CreateType();
            int imported = info.ImportedFunctionCount;
            var methods = new MethodInfo[emitter.Methods.Length];
            for (int i = 0; i < methods.Length; i++) methods[i] = created.GetMethod("$" + (imported + i))!;
            var entries = new MethodInfo?[methods.Length];
            foreach (uint index in exported) entries[index - imported] = created.GetMethod(ModuleEmitter.ExportEntryName(index));
            var compiled = new CompiledModule(info, name, created, methods, sigIds, entries);
            Backtrace.Register(created, compiled);
            return compiled;
        }
    }
}
