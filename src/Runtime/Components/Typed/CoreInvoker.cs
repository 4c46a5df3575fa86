using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Compilation;
using WitSharp.Core.Instances;

namespace WitSharp.Components.Typed;

/// <summary>Calls a core function with its flat arguments read from <paramref name="args"/> (raw bits, one
/// <c>ulong</c> slot each) and returns its single result as raw bits (0 when it has none).</summary>
internal unsafe delegate ulong FlatInvoker(ulong* args);

/// <summary>
/// Builds a <see cref="FlatInvoker"/> per core function once: a small <see cref="DynamicMethod"/> that loads each
/// slot with the core type's own width (<c>ldind.i4/i8/r4/r8</c>, so raw bits need no conversion) and calls the
/// function's typed entry delegate (the same one <c>Instance.GetFunction&lt;…&gt;</c> hands out), so a typed
/// component call costs one extra indirect call over a typed core call.
/// </summary>
internal static class CoreInvokers
{
    private static readonly Type[] Funcs =
    [
        typeof(Func<>), typeof(Func<,>), typeof(Func<,,>), typeof(Func<,,,>), typeof(Func<,,,,>), typeof(Func<,,,,,>),
        typeof(Func<,,,,,,>), typeof(Func<,,,,,,,>), typeof(Func<,,,,,,,,>), typeof(Func<,,,,,,,,,>), typeof(Func<,,,,,,,,,,>),
        typeof(Func<,,,,,,,,,,,>), typeof(Func<,,,,,,,,,,,,>), typeof(Func<,,,,,,,,,,,,,>), typeof(Func<,,,,,,,,,,,,,,>),
        typeof(Func<,,,,,,,,,,,,,,,>), typeof(Func<,,,,,,,,,,,,,,,,>),
    ];

    private static readonly Type[] Actions =
    [
        typeof(Action), typeof(Action<>), typeof(Action<,>), typeof(Action<,,>), typeof(Action<,,,>), typeof(Action<,,,,>),
        typeof(Action<,,,,,>), typeof(Action<,,,,,,>), typeof(Action<,,,,,,,>), typeof(Action<,,,,,,,,>), typeof(Action<,,,,,,,,,>),
        typeof(Action<,,,,,,,,,,>), typeof(Action<,,,,,,,,,,,>), typeof(Action<,,,,,,,,,,,,>), typeof(Action<,,,,,,,,,,,,,>),
        typeof(Action<,,,,,,,,,,,,,,>), typeof(Action<,,,,,,,,,,,,,,,>),
    ];

    private static readonly MethodInfo CreateEntry = typeof(TypedCalls).GetMethod(nameof(TypedCalls.CreateEntry))!;

    public static FlatInvoker Create(Function core)
    {
        var ps = core.Parameters;
        var rs = core.Results;
        if (ps.Count > 16 || rs.Count > 1)
            throw new ComponentException($"a canonical core signature has at most 16 parameters and 1 result, not {ps.Count} and {rs.Count}");
        var clr = ps.Select(ClrOf).ToArray();
        // Fast path: call the module's ctx-first export entry directly (it does the stack-limit check), with the
        // thunk closed over the instance context: one indirect call in total.
        var fi = core.Instance!;
        if (fi.Context is not HostFunctionContext && fi.Context.Module.ExportEntry(fi) is { } direct)
            return Emit(direct.GetParameters()[0].ParameterType, ps, rs, il => il.Emit(OpCodes.Call, direct), fi.Context);
        Type delegateType = rs.Count == 0
            ? (clr.Length == 0 ? typeof(Action) : Actions[clr.Length].MakeGenericType(clr))
            : Funcs[clr.Length].MakeGenericType([.. clr, ClrOf(rs[0])]);
        var entry = (Delegate?)CreateEntry.MakeGenericMethod(delegateType).Invoke(null, [core.Store!, core.Instance!])
            ?? throw new ComponentException("the core function has no typed entry");

        var invoke = delegateType.GetMethod("Invoke")!;
        return Emit(delegateType, ps, rs, il => il.Emit(OpCodes.Callvirt, invoke), entry);
    }

    /// <summary>Emits <c>(target, ulong* args) → ulong</c>: loads <paramref name="target"/> then every argument slot
    /// with its core type's width, emits the call, converts the result to raw bits.</summary>
    private static FlatInvoker Emit(Type targetType, IReadOnlyList<ValueKind> ps, IReadOnlyList<ValueKind> rs, Action<ILGenerator> call, object target)
    {
        var dm = new DynamicMethod("component_flat_call", typeof(ulong), [targetType, typeof(ulong*)], typeof(CoreInvokers).Module, skipVisibility: true);
        var il = dm.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        for (int i = 0; i < ps.Count; i++)
        {
            il.Emit(OpCodes.Ldarg_1);
            if (i > 0)
            {
                il.Emit(OpCodes.Ldc_I4, i * 8);
                il.Emit(OpCodes.Add);
            }
            il.Emit(ps[i] switch
            {
                ValueKind.Int32 => OpCodes.Ldind_I4,
                ValueKind.Int64 => OpCodes.Ldind_I8,
                ValueKind.Float32 => OpCodes.Ldind_R4,
                _ => OpCodes.Ldind_R8,
            });
        }
        call(il);
        if (rs.Count == 0)
        {
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Conv_U8);
        }
        else
        {
            switch (rs[0])
            {
                case ValueKind.Int32:
                    il.Emit(OpCodes.Conv_U8); // zero-extends the i32 bit pattern
                    break;
                case ValueKind.Int64:
                    break;
                case ValueKind.Float32:
                {
                    var bits = il.DeclareLocal(typeof(float));
                    il.Emit(OpCodes.Stloc, bits);
                    il.Emit(OpCodes.Ldloca, bits);
                    il.Emit(OpCodes.Ldind_U4);
                    il.Emit(OpCodes.Conv_U8);
                    break;
                }
                default:
                {
                    var bits = il.DeclareLocal(typeof(double));
                    il.Emit(OpCodes.Stloc, bits);
                    il.Emit(OpCodes.Ldloca, bits);
                    il.Emit(OpCodes.Ldind_I8);
                    break;
                }
            }
        }
        il.Emit(OpCodes.Ret);
        return (FlatInvoker)dm.CreateDelegate(typeof(FlatInvoker), target);
    }

    private static Type ClrOf(ValueKind k) => k switch
    {
        ValueKind.Int32 => typeof(int),
        ValueKind.Int64 => typeof(long),
        ValueKind.Float32 => typeof(float),
        ValueKind.Float64 => typeof(double),
        _ => throw new ComponentException($"a {k} value cannot cross the canonical ABI"),
    };
}
