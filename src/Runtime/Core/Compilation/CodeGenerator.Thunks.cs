using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

/// <summary>Thunks between C# and compiled code, emitted once per signature and cached:
/// dynamic invokers (boxed arguments, for <c>Function.Invoke</c>), typed entries (a closed static delegate
/// per <c>Func&lt;…&gt;</c> type: stack guard, then <c>calli</c>, no boxing), and host thunks that give a C#
/// delegate the calling convention of compiled functions (typed: a direct delegate call; untyped: boxed).</summary>
internal sealed partial class CodeGenerator
{
    private readonly Dictionary<FuncType, Func<FunctionInstance, object?[], object?[]>> _invokers = [];
    private readonly Dictionary<FuncType, nint> _untypedThunks = [];
    private readonly Dictionary<Type, MethodInfo?> _entries = [];
    private readonly Dictionary<Type, (nint Code, FuncType Type)?> _hostThunks = [];

    private MethodInfo EmitStatic(string prefix, Type returnType, Type[] parameters, Action<ILGenerator> body)
    {
        var tb = NewType(prefix);
        var mb = tb.DefineMethod("Invoke", MethodAttributes.Public | MethodAttributes.Static, returnType, parameters);
        body(mb.GetILGenerator());
        return tb.CreateType().GetMethod("Invoke")!;
    }

    private static void EmitCallFunctionInstance(ILGenerator il, FuncType type)
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, F.FuncContext);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, F.FuncCode);
        il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, ClrTypes.ReturnType(type.Results), ClrTypes.ParameterTypes(type), null);
    }

    public Func<FunctionInstance, object?[], object?[]> DynamicInvoker(FuncType type)
    {
        lock (_lock)
        {
            if (_invokers.TryGetValue(type, out var cached)) return cached;
            var m = EmitStatic("Invoker", typeof(object[]), [typeof(FunctionInstance), typeof(object[])], il =>
            {
                for (int i = 0; i < type.Params.Length; i++)
                {
                    il.Emit(OpCodes.Ldarg_1);
                    il.Emit(OpCodes.Ldc_I4, i);
                    il.Emit(OpCodes.Ldelem_Ref);
                    il.Emit(OpCodes.Unbox_Any, ClrTypes.Of(type.Params[i]));
                }
                EmitCallFunctionInstance(il, type);
                var results = type.Results;
                if (results.Length == 1)
                {
                    il.Emit(OpCodes.Box, ClrTypes.Of(results[0]));
                    var r = il.DeclareLocal(typeof(object));
                    il.Emit(OpCodes.Stloc, r);
                    il.Emit(OpCodes.Ldc_I4_1);
                    il.Emit(OpCodes.Newarr, typeof(object));
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Ldc_I4_0);
                    il.Emit(OpCodes.Ldloc, r);
                    il.Emit(OpCodes.Stelem_Ref);
                }
                else if (results.Length > 1)
                {
                    var tuple = ClrTypes.ReturnType(results);
                    var t = il.DeclareLocal(tuple);
                    il.Emit(OpCodes.Stloc, t);
                    il.Emit(OpCodes.Ldc_I4, results.Length);
                    il.Emit(OpCodes.Newarr, typeof(object));
                    for (int i = 0; i < results.Length; i++)
                    {
                        il.Emit(OpCodes.Dup);
                        il.Emit(OpCodes.Ldc_I4, i);
                        il.Emit(OpCodes.Ldloca, t);
                        var path = ClrTypes.TupleFieldPath(tuple, i);
                        for (int j = 0; j < path.Length - 1; j++) il.Emit(OpCodes.Ldflda, path[j]);
                        il.Emit(OpCodes.Ldfld, path[^1]);
                        il.Emit(OpCodes.Box, ClrTypes.Of(results[i]));
                        il.Emit(OpCodes.Stelem_Ref);
                    }
                }
                else
                {
                    il.Emit(OpCodes.Ldc_I4_0);
                    il.Emit(OpCodes.Newarr, typeof(object));
                }
                il.Emit(OpCodes.Ret);
            });
            var d = m.CreateDelegate<Func<FunctionInstance, object?[], object?[]>>();
            _invokers[type] = d;
            return d;
        }
    }

    /// <summary>A thunk with the compiled-function calling convention that boxes its arguments and calls
    /// <see cref="HostFunctions.InvokeUntyped"/> (for untyped host callbacks).</summary>
    public nint UntypedHostThunk(FuncType type)
    {
        lock (_lock)
        {
            if (_untypedThunks.TryGetValue(type, out var cached)) return cached;
            var m = EmitStatic("UntypedHost", ClrTypes.ReturnType(type.Results), ClrTypes.ParameterTypes(type), il =>
            {
                int n = type.Params.Length;
                il.Emit(OpCodes.Ldc_I4, n);
                il.Emit(OpCodes.Newarr, typeof(object));
                for (int i = 0; i < n; i++)
                {
                    il.Emit(OpCodes.Dup);
                    il.Emit(OpCodes.Ldc_I4, i);
                    il.Emit(OpCodes.Ldarg, (short)i);
                    il.Emit(OpCodes.Box, ClrTypes.Of(type.Params[i]));
                    il.Emit(OpCodes.Stelem_Ref);
                }
                il.Emit(OpCodes.Ldarg, (short)n);
                il.Emit(OpCodes.Call, typeof(HostFunctions).GetMethod(nameof(HostFunctions.InvokeUntyped))!);
                var results = type.Results;
                if (results.Length == 0) il.Emit(OpCodes.Pop);
                else
                {
                    var arr = il.DeclareLocal(typeof(object[]));
                    il.Emit(OpCodes.Stloc, arr);
                    for (int i = 0; i < results.Length; i++)
                    {
                        il.Emit(OpCodes.Ldloc, arr);
                        il.Emit(OpCodes.Ldc_I4, i);
                        il.Emit(OpCodes.Ldelem_Ref);
                        il.Emit(OpCodes.Unbox_Any, ClrTypes.Of(results[i]));
                    }
                    if (results.Length > 1) ClrTypes.EmitPack(il, [.. results.Select(ClrTypes.Of)]);
                }
                il.Emit(OpCodes.Ret);
            });
            var code = m.MethodHandle.GetFunctionPointer();
            _untypedThunks[type] = code;
            return code;
        }
    }

    /// <summary>A static method <c>(FunctionInstance f, args…) → result</c> matching <paramref name="delegateType"/>,
    /// to be bound as a closed delegate over <c>f</c>; null when the delegate's types do not map to wasm types.</summary>
    public MethodInfo? TypedEntry(Type delegateType, FuncType type)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(delegateType, out var cached)) return cached;
            var invoke = delegateType.GetMethod("Invoke")!;
            var ps = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
            var ret = invoke.ReturnType;
            var m = EmitStatic("Entry", ret, [typeof(FunctionInstance), .. ps], il =>
            {
                var st = il.DeclareLocal(typeof(StoreState));
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldfld, F.FuncContext);
                il.Emit(OpCodes.Ldfld, F.Store);
                il.Emit(OpCodes.Dup);
                il.Emit(OpCodes.Stloc, st);
                il.Emit(OpCodes.Call, typeof(StackGuard).GetMethod(nameof(StackGuard.Enter))!);
                for (int i = 0; i < ps.Length; i++)
                {
                    il.Emit(OpCodes.Ldarg, (short)(i + 1));
                    ValueMarshal.EmitToWasm(il, ps[i], type.Params[i]);
                }
                EmitCallFunctionInstance(il, type);
                if (ret != typeof(void)) ValueMarshal.EmitResultsToHost(il, ret, type.Results, st);
                il.Emit(OpCodes.Ret);
            });
            _entries[delegateType] = m;
            return m;
        }
    }

    /// <summary>A thunk with the compiled-function calling convention that calls a typed C# delegate stored in
    /// the <see cref="HostFunctionContext"/>; null when the delegate's types do not map to wasm types.</summary>
    public (nint Code, FuncType Type)? TypedHostThunk(Type delegateType)
    {
        lock (_lock)
        {
            if (_hostThunks.TryGetValue(delegateType, out var cached)) return cached;
            var type = ValueMarshal.FuncTypeOf(delegateType, allowCaller: true);
            if (type is null)
            {
                _hostThunks[delegateType] = null;
                return null;
            }
            var invoke = delegateType.GetMethod("Invoke")!;
            bool caller = ValueMarshal.HasCaller(delegateType);
            var ps = invoke.GetParameters().Select(p => p.ParameterType).Skip(caller ? 1 : 0).ToArray();
            var m = EmitStatic("Host", ClrTypes.ReturnType(type.Results), ClrTypes.ParameterTypes(type), il =>
            {
                short ctx = (short)ps.Length;
                // The callback runs in a try block: an exception that is not a WasmException is wrapped as
                // wasmtime-dotnet does (HostFunctions.WrapHostException); WitSharp's own exceptions (traps,
                // WASI exit, nested guest errors) are rethrown unchanged with their stack trace.
                var hostResult = invoke.ReturnType == typeof(void) ? null : il.DeclareLocal(invoke.ReturnType);
                il.BeginExceptionBlock();
                il.Emit(OpCodes.Ldarg, ctx);
                il.Emit(OpCodes.Castclass, typeof(HostFunctionContext));
                il.Emit(OpCodes.Ldfld, typeof(HostFunctionContext).GetField(nameof(HostFunctionContext.Callback))!);
                il.Emit(OpCodes.Castclass, delegateType);
                if (caller)
                {
                    il.Emit(OpCodes.Ldarg, ctx);
                    il.Emit(OpCodes.Call, typeof(HostFunctions).GetMethod(nameof(HostFunctions.CallerOf))!);
                }
                for (int i = 0; i < ps.Length; i++)
                {
                    il.Emit(OpCodes.Ldarg, (short)i);
                    ValueMarshal.EmitToHost(il, ps[i], type.Params[i], () =>
                    {
                        il.Emit(OpCodes.Ldarg, ctx);
                        il.Emit(OpCodes.Ldfld, F.Store);
                    });
                }
                il.Emit(OpCodes.Callvirt, invoke);
                if (hostResult is not null) il.Emit(OpCodes.Stloc, hostResult);
                il.BeginCatchBlock(typeof(Exception));
                var rethrow = il.DefineLabel();
                il.Emit(OpCodes.Dup);
                il.Emit(OpCodes.Isinst, typeof(WasmException));
                il.Emit(OpCodes.Brtrue, rethrow);
                il.Emit(OpCodes.Call, typeof(HostFunctions).GetMethod(nameof(HostFunctions.WrapHostException))!);
                il.Emit(OpCodes.Throw);
                il.MarkLabel(rethrow);
                il.Emit(OpCodes.Pop);
                il.Emit(OpCodes.Rethrow);
                il.EndExceptionBlock();
                if (hostResult is not null) il.Emit(OpCodes.Ldloc, hostResult);
                if (type.Results.Length > 0) ValueMarshal.EmitResultsToWasm(il, invoke.ReturnType, type.Results);
                il.Emit(OpCodes.Ret);
            });
            var entry = (m.MethodHandle.GetFunctionPointer(), type);
            _hostThunks[delegateType] = entry;
            return entry;
        }
    }
}
