using System.Reflection;
using System.Reflection.Emit;

namespace WitSharp.Core.Compilation;

/// <summary>The per-module half of emission, independent of where the types live: defines one static method
/// <c>$index</c> per defined function (plus a <c>$body</c> method behind a <see cref="FrameGuard"/> wrapper
/// when the frame may be large) on the <see cref="TypeBuilder"/> a caller-supplied factory gives for that
/// function, emits bodies on demand, and emits the context-first export entries. The run-time code generator
/// may spread functions over several types; a saved artifact may put
/// them all on one type of a persisted assembly. Defining every method first is what lets a body's
/// <c>call</c> name any function of the module before that function's body exists.</summary>
internal sealed class ModuleEmitter
{
    private readonly MethodBuilder?[] _bodies;
    private readonly ModuleCompilation _compilation;

    /// <param name="info">The validated module.</param>
    /// <param name="signatureFields">Per type index, the read-only static holding its engine-wide signature id
    /// (<see cref="SignatureTable"/>); compiled code never embeds an id.</param>
    /// <param name="options">Engine settings that change the code.</param>
    /// <param name="typeFor">The type that holds defined function <c>i</c> (index − imported count);
    /// called once per defined function, in index order.</param>
    public ModuleEmitter(ModuleInfo info, FieldInfo[] signatureFields, EmitOptions options, Func<int, TypeBuilder> typeFor)
    {
        Info = info;
        int imported = info.ImportedFunctionCount;
        var methods = new MethodBuilder[info.FunctionTypeIndices.Count];
        _bodies = new MethodBuilder?[methods.Length];
        // Bodies of functions whose frame may be large live in a separate method behind a checking wrapper
        // (FrameGuard); decided before compiling so every call site targets the wrapper.
        int maxArity = FrameGuard.MaxArity(info);
        for (int i = 0; i < methods.Length; i++)
        {
            var tb = typeFor(i);
            var type = info.Types[(int)info.FunctionTypeIndices[i]];
            var ret = ClrTypes.ReturnType(type.Results);
            var ps = ClrTypes.ParameterTypes(type);
            methods[i] = tb.DefineMethod("$" + (imported + i), FrameGuard.Attributes, ret, ps);
            if (options.DebugInfo) methods[i].SetImplementationFlags(MethodImplAttributes.NoInlining);
            if (FrameGuard.UpperBound(info, i, maxArity) > FrameGuard.WrapThreshold)
            {
                // NoInlining: the body's frame must not merge into the wrapper's, or it would exist before
                // the wrapper's check.
                _bodies[i] = tb.DefineMethod(FrameGuard.BodyName(imported + i), FrameGuard.Attributes, ret, ps);
                _bodies[i]!.SetImplementationFlags(MethodImplAttributes.NoInlining);
                methods[i].SetImplementationFlags(MethodImplAttributes.NoInlining);
            }
        }
        Methods = methods;
        _compilation = new ModuleCompilation(info, methods, signatureFields, options.Fuel, options.Epoch);
    }

    public ModuleInfo Info { get; }

    /// <summary>The callable method of each defined function (index − imported count).</summary>
    public MethodBuilder[] Methods { get; }

    /// <summary>Indices (module function index space) of the exported defined functions, ascending.</summary>
    public uint[] ExportedFunctions() =>
        [.. Info.Exports.Where(e => e.Kind == ExternKind.Func && e.Index >= Info.ImportedFunctionCount)
            .Select(e => e.Index).Distinct().Order()];

    /// <summary>Emits the IL of defined function <paramref name="defined"/> (and its frame-guard wrapper).
    /// Each function's body must be emitted exactly once, before its type is created.</summary>
    public void EmitBody(int defined)
    {
        var body = _bodies[defined];
        var compiler = new FunctionCompiler(_compilation, Info.ImportedFunctionCount + defined,
            (body ?? Methods[defined]).GetILGenerator());
        compiler.Compile();
        if (body is not null)
        {
            int paramCount = Info.Types[(int)Info.FunctionTypeIndices[defined]].Params.Length;
            FrameGuard.EmitWrapper(Methods[defined], body, paramCount, compiler.FrameEstimate());
        }
    }

    /// <summary>Defines on <paramref name="tb"/> the host→guest entry <c>Export{index}</c> of an exported
    /// function: instance context first, so a typed <c>Func&lt;…&gt;</c> is this method bound as a delegate
    /// closed over the context (no thunk, no boxing); it validates the stack limit
    /// (<see cref="Instances.StackGuard"/>) and calls the function.</summary>
    public MethodBuilder EmitExportEntry(TypeBuilder tb, uint index)
    {
        var type = ModuleTypes.FunctionType(Info, index);
        var ps = ClrTypes.ParameterTypes(type);
        var mb = tb.DefineMethod(ExportEntryName(index), MethodAttributes.Public | MethodAttributes.Static,
            ClrTypes.ReturnType(type.Results), [ps[^1], .. ps[..^1]]);
        var il = mb.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, F.Store);
        il.Emit(OpCodes.Call, typeof(Instances.StackGuard).GetMethod(nameof(Instances.StackGuard.Enter))!);
        for (int i = 1; i < ps.Length; i++) il.Emit(OpCodes.Ldarg, (short)i);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, Methods[index - Info.ImportedFunctionCount]);
        il.Emit(OpCodes.Ret);
        return mb;
    }

    public const string ExportEntryPrefix = "Export";

    public static string ExportEntryName(uint index) => ExportEntryPrefix + index;
}

/// <summary>Engine settings that change the emitted code.</summary>
internal readonly record struct EmitOptions(bool DebugInfo, bool Fuel, bool Epoch)
{
    public static EmitOptions Of(Engine engine) => new(engine.DebugInfo, engine.FuelConsumption, engine.EpochInterruption);
}

/// <summary>Module-wide facts every function compiler of one module shares.</summary>
/// <remarks><see cref="SignatureFields"/>: per type index, the read-only static holding its engine-wide
/// signature id (<see cref="SignatureTable"/>); compiled code never embeds an id.</remarks>
internal sealed record ModuleCompilation(ModuleInfo Info, MethodBuilder[] Methods, FieldInfo[] SignatureFields,
    bool Fuel, bool Epoch);
