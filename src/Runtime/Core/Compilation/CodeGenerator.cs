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
            int imported = info.ImportedFunctionCount;
            var builders = new MethodBuilder[info.FunctionTypeIndices.Count];
            // Bodies of functions whose frame may be large live in a separate method behind a checking
            // wrapper (FrameGuard); decided before compiling so every call site targets the wrapper.
            var bodies = new MethodBuilder?[builders.Length];
            int maxArity = FrameGuard.MaxArity(info);
            for (int i = 0; i < builders.Length; i++)
            {
                var type = info.Types[(int)info.FunctionTypeIndices[i]];
                var ret = ClrTypes.ReturnType(type.Results);
                var ps = ClrTypes.ParameterTypes(type);
                builders[i] = tb.DefineMethod("$" + (imported + i), FrameGuard.Attributes, ret, ps);
                if (Engine.DebugInfo) builders[i].SetImplementationFlags(MethodImplAttributes.NoInlining);
                if (FrameGuard.UpperBound(info, i, maxArity) > FrameGuard.WrapThreshold)
                {
                    // NoInlining: the body's frame must not merge into the wrapper's, or it would exist
                    // before the wrapper's check.
                    bodies[i] = tb.DefineMethod(FrameGuard.BodyName(imported + i), FrameGuard.Attributes, ret, ps);
                    bodies[i]!.SetImplementationFlags(MethodImplAttributes.NoInlining);
                    builders[i].SetImplementationFlags(MethodImplAttributes.NoInlining);
                }
            }
            var module = new ModuleCompilation(info, builders, sigFields, Engine.FuelConsumption, Engine.EpochInterruption);
            for (int i = 0; i < builders.Length; i++)
            {
                var body = bodies[i];
                var compiler = new FunctionCompiler(module, imported + i, (body ?? builders[i]).GetILGenerator());
                compiler.Compile();
                if (body is not null)
                {
                    int paramCount = info.Types[(int)info.FunctionTypeIndices[i]].Params.Length;
                    FrameGuard.EmitWrapper(builders[i], body, paramCount, compiler.FrameEstimate());
                }
            }
            var exported = new HashSet<uint>(info.Exports.Where(e => e.Kind == ExternKind.Func && e.Index >= imported).Select(e => e.Index));
            foreach (uint index in exported) EmitExportEntry(tb, info, builders[index - imported], (int)index);
            var created = tb.CreateType();
            var methods = new MethodInfo[builders.Length];
            for (int i = 0; i < methods.Length; i++) methods[i] = created.GetMethod("$" + (imported + i))!;
            var entries = new MethodInfo?[builders.Length];
            foreach (uint index in exported) entries[index - imported] = created.GetMethod("Export" + index);
            var compiled = new CompiledModule(info, name, created, methods, sigIds, entries);
            Backtrace.Register(created, compiled);
            return compiled;
        }
    }
}

internal sealed partial class CodeGenerator
{
    /// <summary>The host→guest entry of an exported function: instance context first, so a typed
    /// <c>Func&lt;…&gt;</c> is this method bound as a delegate closed over the context (no thunk, no boxing);
    /// it validates the stack limit (<see cref="Instances.StackGuard"/>) and calls the function.</summary>
    internal static void EmitExportEntry(TypeBuilder tb, ModuleInfo info, MethodBuilder target, int index)
    {
        var type = ModuleTypes.FunctionType(info, (uint)index);
        var ps = ClrTypes.ParameterTypes(type);
        var mb = tb.DefineMethod("Export" + index, MethodAttributes.Public | MethodAttributes.Static,
            ClrTypes.ReturnType(type.Results), [ps[^1], .. ps[..^1]]);
        var il = mb.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, F.Store);
        il.Emit(OpCodes.Call, typeof(Instances.StackGuard).GetMethod(nameof(Instances.StackGuard.Enter))!);
        for (int i = 1; i < ps.Length; i++) il.Emit(OpCodes.Ldarg, (short)i);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, target);
        il.Emit(OpCodes.Ret);
    }
}

/// <summary>Module-wide facts every function compiler of one module shares.</summary>
/// <remarks><see cref="SignatureFields"/>: per type index, the read-only static holding its engine-wide
/// signature id (<see cref="SignatureTable"/>); compiled code never embeds an id.</remarks>
internal sealed record ModuleCompilation(ModuleInfo Info, MethodBuilder[] Methods, FieldInfo[] SignatureFields,
    bool Fuel, bool Epoch);
