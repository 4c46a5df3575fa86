using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

/// <summary>Stack safety for functions with large native frames. The entry check of a compiled function
/// (FunctionCompiler.EmitPrologue) runs after the JIT prologue has already allocated the whole frame, so a
/// function whose frame is larger than the headroom between <see cref="StoreState.StackLimit"/> and the end
/// of the real thread stack could overflow the thread — which .NET cannot catch — before its check runs.
/// Such functions are split: the body becomes a separate NoInlining method, and the callable method
/// <c>$index</c> is a tiny wrapper that checks "stack pointer − estimated body frame ≥ limit" before the body
/// frame exists. A function whose estimate exceeds the whole budget therefore always traps with
/// <see cref="TrapCode.StackOverflow"/> (like an implementation limit, but reported at call time).
/// Small functions keep the single-method fast path (no extra call).</summary>
internal static class FrameGuard
{
    /// <summary>Functions whose frame may exceed this get a wrapper. Far below the headroom a .NET thread
    /// has beyond the default 512 KiB budget, so an unwrapped frame may overshoot the limit harmlessly.</summary>
    public const long WrapThreshold = 64 * 1024;

    /// <summary>Bytes one IL local or IL stack slot of a wasm value may take (v128 is the widest).</summary>
    private const int SlotBytes = 16;

    /// <summary>A cheap upper bound of the native frame, known before compiling, so that every caller can
    /// target the right method: exact wasm locals plus, for compiler temps and IL stack slots, at most one
    /// slot per code byte times the widest block arity of the module (multi-value blocks spill each value).</summary>
    public static long UpperBound(ModuleInfo info, int defined, int maxArity)
    {
        var type = info.Types[(int)info.FunctionTypeIndices[defined]];
        var body = info.Bodies[defined];
        long bytes = 0;
        foreach (var p in type.Params) bytes += Size(p);
        foreach (var g in body.Locals) bytes += (long)g.Count * Size(g.Type);
        bytes += (long)body.Code.Length * SlotBytes * Math.Max(1, maxArity);
        return bytes;
    }

    /// <summary>The widest parameter or result list of the module's types (bounds per-block spill locals).</summary>
    public static int MaxArity(ModuleInfo info)
    {
        int max = 1;
        foreach (var t in info.Types) max = Math.Max(max, Math.Max(t.Params.Length, t.Results.Length));
        return max;
    }

    /// <summary>The estimate the wrapper checks, measured after compiling the body: the wasm locals (whose
    /// frame slots the JIT lays out at their exact size) plus a quarter for alignment, and every other IL
    /// local and the deepest IL stack at the widest slot, doubled for JIT temporaries, plus 8 KiB of slack
    /// for the callee-saved registers, outgoing arguments and the trap path.</summary>
    public static long Estimate(long wasmLocalBytes, int otherLocals, int maxStack) =>
        wasmLocalBytes + wasmLocalBytes / 4 + ((long)otherLocals + maxStack) * SlotBytes * 2 + 8192;

    public static int Size(ValType t) => t == ValType.V128 ? 16 : 8;

    /// <summary>Emits <paramref name="wrapper"/>: trap if the body frame would not fit above the limit,
    /// otherwise forward every argument to <paramref name="body"/>.</summary>
    public static void EmitWrapper(MethodBuilder wrapper, MethodBuilder body, int paramCount, long estimate)
    {
        var il = wrapper.GetILGenerator();
        var marker = il.DeclareLocal(typeof(byte));
        var trap = il.DefineLabel();
        // here < limit + estimate  (unsigned; limit is at most here + budget, so the sum cannot wrap).
        il.Emit(OpCodes.Ldloca, marker);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldarg, (short)paramCount);
        il.Emit(OpCodes.Ldfld, F.Store);
        il.Emit(OpCodes.Ldfld, F.StackLimit);
        il.Emit(OpCodes.Ldc_I8, estimate);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Blt_Un, trap);
        for (int i = 0; i <= paramCount; i++) il.Emit(OpCodes.Ldarg, (short)i);
        il.Emit(OpCodes.Call, body);
        il.Emit(OpCodes.Ret);
        il.MarkLabel(trap);
        il.Emit(OpCodes.Ldc_I4, (int)TrapCode.StackOverflow);
        il.Emit(OpCodes.Call, M.TrapCreate);
        il.Emit(OpCodes.Throw);
    }

    /// <summary>Name of the body method of a wrapped function: starts with '$' but is not a function index,
    /// so <see cref="Backtrace"/> reports the wrapper <c>$index</c> once per wasm frame.</summary>
    public static string BodyName(int index) => "$body" + index;

    internal static MethodAttributes Attributes => MethodAttributes.Public | MethodAttributes.Static;
}
