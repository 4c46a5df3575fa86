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

    /// <summary>Engine-wide id of a function type (<see cref="SignatureRegistry"/>).</summary>
    public int SignatureId(FuncType type) => Engine.Signatures.Id(type);

    /// <summary>Defines a fresh public static class in the dynamic module (callers hold <see cref="_lock"/>).</summary>
    private TypeBuilder NewType(string prefix) =>
        _module.DefineType($"{prefix}{++_typeCounter}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);

    /// <summary>Modules with at least this many defined functions are emitted lazily (<see cref="LazyModule"/>);
    /// smaller ones are emitted whole, up front, into one type. Per engine so tests can force either path.</summary>
    internal int LazyThreshold { get; set; } = DefaultLazyThreshold;

    /// <summary>Below this, emitting everything costs little (IL emission runs at ~38 MB/s, DESIGN.md "Emission")
    /// and eager modules keep their indirect calls free of the entry trampoline.</summary>
    internal const int DefaultLazyThreshold = 256;

    /// <summary>Compiles a validated module: eagerly into one type, or lazily into chunk types.</summary>
    public CompiledModule Compile(ModuleInfo info, string name)
    {
        lock (_lock)
        {
            var sigIds = new int[info.Types.Count];
            for (int i = 0; i < sigIds.Length; i++) sigIds[i] = SignatureId(info.Types[i]);
            // Compiled code reads signature ids from a per-module holder type (SignatureTable), bound here.
            var (holder, sigFields) = SignatureTable.Define(_module, "WasmSignatures" + Interlocked.Increment(ref _typeCounter), sigIds.Length);
            SignatureTable.Bind(holder, sigIds);
            return info.FunctionTypeIndices.Count >= LazyThreshold ? CompileLazy(info, name, sigIds, sigFields) : CompileEager(info, name, sigIds, sigFields);
        }
    }

    private CompiledModule CompileEager(ModuleInfo info, string name, int[] sigIds, FieldInfo[] sigFields)
    {
        var tb = NewType("WasmModule");
        var emitter = new ModuleEmitter(info, sigFields, EmitOptions.Of(Engine), _ => tb);
        for (int i = 0; i < emitter.Methods.Length; i++) emitter.EmitBody(i);
        var exported = emitter.ExportedFunctions();
        var entryBuilders = new MethodBuilder?[emitter.Methods.Length];
        foreach (uint index in exported) entryBuilders[index - info.ImportedFunctionCount] = emitter.EmitExportEntry(tb, index);
        var created = tb.CreateType();
        var pointers = new nint[emitter.Methods.Length];
        for (int i = 0; i < pointers.Length; i++) pointers[i] = Pointer(created, emitter.Methods[i]);
        var compiled = new CompiledModule(info, name, created, pointers, sigIds, Resolve(created, entryBuilders),
            () => [.. Resolve(created, emitter.Methods).Select(m => m!)], null);
        Backtrace.Register(created, compiled);
        return compiled;
    }

    /// <summary>The lazy layout: chunk types created on demand, plus one eager entry type holding the export
    /// entries and a trampoline per function that can be called through a pointer (FunctionReferences): a
    /// pointer needs a created type, and the trampoline's JIT is what first creates the target's chunk.</summary>
    private CompiledModule CompileLazy(ModuleInfo info, string name, int[] sigIds, FieldInfo[] sigFields)
    {
        var lazy = new LazyModule(_lock, _module, LazyTypes.NewPrefix(), info, sigFields, EmitOptions.Of(Engine));
        var emitter = lazy.Emitter;
        var tb = NewType("WasmModule");
        var referenced = FunctionReferences.Referenced(info);
        var trampolines = new MethodBuilder?[emitter.Methods.Length];
        for (int i = 0; i < trampolines.Length; i++)
            if (referenced[i]) trampolines[i] = EmitTrampoline(tb, info, emitter.Methods[i], info.ImportedFunctionCount + i);
        var entryBuilders = new MethodBuilder?[emitter.Methods.Length];
        foreach (uint index in emitter.ExportedFunctions()) entryBuilders[index - info.ImportedFunctionCount] = emitter.EmitExportEntry(tb, index);
        var created = tb.CreateType();
        var pointers = new nint[trampolines.Length];
        for (int i = 0; i < pointers.Length; i++)
            if (trampolines[i] is { } t) pointers[i] = Pointer(created, t);
        var compiled = new CompiledModule(info, name, created, pointers, sigIds, Resolve(created, entryBuilders),
            () => { lazy.ResolveAll(); return [.. Resolve(created, emitter.Methods).Select(m => m!)]; }, lazy);
        Backtrace.Register(created, compiled);
        lazy.Attach(compiled);
        LazyTypes.Register(lazy);
        return compiled;
    }

    /// <summary>Forwards every argument to <paramref name="target"/> as an explicit tail call, so the trampoline
    /// leaves no frame (backtraces stay one frame per wasm call) and costs one jump per indirect call.</summary>
    private static MethodBuilder EmitTrampoline(TypeBuilder tb, ModuleInfo info, MethodBuilder target, int index)
    {
        var type = ModuleTypes.FunctionType(info, (uint)index);
        var ps = ClrTypes.ParameterTypes(type);
        var mb = tb.DefineMethod("Ref" + index, MethodAttributes.Public | MethodAttributes.Static, ClrTypes.ReturnType(type.Results), ps);
        var il = mb.GetILGenerator();
        for (int i = 0; i < ps.Length; i++) il.Emit(OpCodes.Ldarg, (short)i);
        il.Emit(OpCodes.Tailcall);
        il.Emit(OpCodes.Call, target);
        il.Emit(OpCodes.Ret);
        return mb;
    }

    /// <summary>Code pointer of a method of a created type, found by metadata token: name look-ups on a type
    /// with thousands of methods cost O(n) each.</summary>
    private static nint Pointer(Type created, MethodBuilder method) =>
        created.Module.ModuleHandle.ResolveMethodHandle(method.MetadataToken).GetFunctionPointer();

    private static MethodInfo?[] Resolve(Type created, MethodBuilder?[] builders)
    {
        var methods = new MethodInfo?[builders.Length];
        for (int i = 0; i < methods.Length; i++)
            if (builders[i] is { } b) methods[i] = (MethodInfo?)created.Module.ResolveMethod(b.MetadataToken);
        return methods;
    }
}
