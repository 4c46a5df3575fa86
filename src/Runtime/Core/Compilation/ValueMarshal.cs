using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

/// <summary>Maps C# delegate types to wasm signatures and emits the conversions between a host value and the
/// IL representation of a wasm value. Numbers need none; <see cref="V128"/> ↔ <c>Vector128&lt;byte&gt;</c> and
/// <see cref="Function"/> ↔ <see cref="FunctionInstance"/> are one static call each; any other reference
/// type is an externref.</summary>
internal static class ValueMarshal
{
    public static ValType? ValTypeOf(Type t) =>
        t == typeof(int) ? ValType.I32
        : t == typeof(long) ? ValType.I64
        : t == typeof(float) ? ValType.F32
        : t == typeof(double) ? ValType.F64
        : t == typeof(V128) ? ValType.V128
        : t == typeof(Function) ? ValType.FuncRef
        : !t.IsValueType && !t.IsPointer && !t.IsByRef ? ValType.ExternRef
        : null;

    public static bool IsValueTuple(Type t) =>
        t.IsGenericType && t.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    /// <summary>Elements of a (possibly nested) value tuple type, or the type itself.</summary>
    public static Type[] Flatten(Type t)
    {
        if (t == typeof(void)) return [];
        if (!IsValueTuple(t)) return [t];
        var args = t.GetGenericArguments();
        if (args.Length == 8 && IsValueTuple(args[7])) return [.. args[..7], .. Flatten(args[7])];
        return args;
    }

    /// <summary>The wasm signature of a <c>Func&lt;…&gt;</c>/<c>Action&lt;…&gt;</c>-shaped delegate, or null.</summary>
    public static FuncType? FuncTypeOf(Type delegateType, bool allowCaller = false)
    {
        var invoke = delegateType.GetMethod("Invoke");
        if (invoke is null) return null;
        var ps = new List<ValType>();
        var parameters = invoke.GetParameters();
        // Host functions may take the Caller first (wasmtime-dotnet's CallerAction/CallerFunc shapes).
        bool caller = allowCaller && HasCaller(delegateType);
        foreach (var p in caller ? parameters[1..] : parameters)
        {
            if (p.ParameterType == typeof(Caller)) return null;
            if (ValTypeOf(p.ParameterType) is not ValType v) return null;
            ps.Add(v);
        }
        var rs = new List<ValType>();
        var flat = Flatten(invoke.ReturnType);
        foreach (var r in flat)
        {
            if (ValTypeOf(r) is not ValType v) return null;
            rs.Add(v);
        }
        // A one-element ValueTuple<T> is not a wasm shape users write; treat it as unsupported.
        if (IsValueTuple(invoke.ReturnType) && rs.Count < 2) return null;
        return new FuncType([.. ps], [.. rs]);
    }

    public static bool HasCaller(Type delegateType) =>
        delegateType.GetMethod("Invoke")?.GetParameters() is [{ ParameterType: var t }, ..] && t == typeof(Caller);

    public static Vector128<byte> V128ToVector(V128 v) => v.Value;

    public static V128 VectorToV128(Vector128<byte> v) => new(v);

    public static object? Unwrap(Function? f) => f?.Instance;

    public static Function? Wrap(object? f, StoreState store) =>
        f is FunctionInstance fi ? new Function(store.Owner as Store, fi) : null;

    private static MethodInfo Helper(string name) => typeof(ValueMarshal).GetMethod(name)!;

    /// <summary>Converts the host value on top of the IL stack to its wasm representation.</summary>
    public static void EmitToWasm(ILGenerator il, Type host, ValType wasm)
    {
        if (wasm == ValType.V128) il.Emit(OpCodes.Call, Helper(nameof(V128ToVector)));
        else if (wasm == ValType.FuncRef) il.Emit(OpCodes.Call, Helper(nameof(Unwrap)));
    }

    /// <summary>Converts the wasm value on top of the IL stack to <paramref name="host"/>.</summary>
    public static void EmitToHost(ILGenerator il, Type host, ValType wasm, Action loadStoreState)
    {
        switch (wasm)
        {
            case ValType.V128:
                il.Emit(OpCodes.Call, Helper(nameof(VectorToV128)));
                break;
            case ValType.FuncRef:
                loadStoreState();
                il.Emit(OpCodes.Call, Helper(nameof(Wrap)));
                break;
            case ValType.ExternRef when host != typeof(object):
                il.Emit(OpCodes.Castclass, host);
                break;
        }
    }

    private static bool NeedsConversion(Type host, ValType wasm) =>
        wasm is ValType.V128 or ValType.FuncRef || (wasm == ValType.ExternRef && host != typeof(object));

    /// <summary>Converts the compiled function's result (one value or a tuple) to the host return type.</summary>
    public static void EmitResultsToHost(ILGenerator il, Type hostReturn, ValType[] results, LocalBuilder store)
    {
        if (results.Length == 1)
        {
            EmitToHost(il, hostReturn, results[0], () => il.Emit(OpCodes.Ldloc, store));
            return;
        }
        var hostTypes = Flatten(hostReturn);
        if (!hostTypes.Where((t, i) => NeedsConversion(t, results[i])).Any()) return;
        var tuple = ClrTypes.ReturnType(results);
        var temp = il.DeclareLocal(tuple);
        il.Emit(OpCodes.Stloc, temp);
        for (int i = 0; i < results.Length; i++)
        {
            il.Emit(OpCodes.Ldloca, temp);
            var path = ClrTypes.TupleFieldPath(tuple, i);
            for (int j = 0; j < path.Length - 1; j++) il.Emit(OpCodes.Ldflda, path[j]);
            il.Emit(OpCodes.Ldfld, path[^1]);
            EmitToHost(il, hostTypes[i], results[i], () => il.Emit(OpCodes.Ldloc, store));
        }
        ClrTypes.EmitPack(il, hostTypes);
    }

    /// <summary>Converts a host callback's return value (one value or a tuple) to the wasm result representation.</summary>
    public static void EmitResultsToWasm(ILGenerator il, Type hostReturn, ValType[] results)
    {
        if (results.Length == 1)
        {
            EmitToWasm(il, hostReturn, results[0]);
            return;
        }
        var hostTypes = Flatten(hostReturn);
        if (!hostTypes.Where((t, i) => NeedsConversion(t, results[i])).Any()) return;
        var temp = il.DeclareLocal(hostReturn);
        il.Emit(OpCodes.Stloc, temp);
        for (int i = 0; i < results.Length; i++)
        {
            il.Emit(OpCodes.Ldloca, temp);
            var path = ClrTypes.TupleFieldPath(hostReturn, i);
            for (int j = 0; j < path.Length - 1; j++) il.Emit(OpCodes.Ldflda, path[j]);
            il.Emit(OpCodes.Ldfld, path[^1]);
            EmitToWasm(il, hostTypes[i], results[i]);
        }
        ClrTypes.EmitPack(il, [.. results.Select(ClrTypes.Of)]);
    }
}
