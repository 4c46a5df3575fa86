using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

/// <summary>Creates host functions: a <see cref="FunctionInstance"/> whose code is an emitted thunk and whose
/// context is a <see cref="HostFunctionContext"/> holding the C# callback.</summary>
internal static class HostFunctions
{
    public static FunctionInstance CreateTyped(Store store, Delegate callback)
    {
        var cg = store.Engine.CodeGen;
        var thunk = cg.TypedHostThunk(callback.GetType())
            ?? throw new WasmtimeException($"host function type {callback.GetType()} has parameter or result types with no wasm equivalent");
        var ctx = new HostFunctionContext(callback, store.State, thunk.Type);
        return new FunctionInstance(thunk.Type, cg.SignatureId(thunk.Type), thunk.Code, ctx, null);
    }

    public static FunctionInstance CreateUntyped(Store store, FuncType type, Function.UntypedCallbackDelegate callback, bool wrapExceptions = true)
    {
        var cg = store.Engine.CodeGen;
        var ctx = new HostFunctionContext(callback, store.State, type) { WrapExceptions = wrapExceptions };
        return new FunctionInstance(type, cg.SignatureId(type), cg.UntypedHostThunk(type), ctx, null);
    }

    /// <summary>A host function on raw bits (<see cref="FlatHostCallback"/>, for the component layer's fused
    /// adapters): no boxing, and the callback's exceptions propagate unwrapped. Null when the type cannot be
    /// carried as raw bits (see <see cref="CodeGenerator.FlatHostThunk"/>).</summary>
    public static FunctionInstance? CreateFlat(Store store, FuncType type, FlatHostCallback callback)
    {
        var cg = store.Engine.CodeGen;
        if (cg.FlatHostThunk(type) is not { } code) return null;
        var ctx = new HostFunctionContext(callback, store.State, type) { WrapExceptions = false };
        return new FunctionInstance(type, cg.SignatureId(type), code, ctx, null);
    }

    /// <summary>The <see cref="Caller"/> handed to a typed host function that asks for one.</summary>
    public static Caller CallerOf(InstanceContext context)
    {
        var ctx = (HostFunctionContext)context;
        return new Caller((Store)ctx.Store.Owner!, ctx.Importer ?? ctx.Store.Current);
    }

    /// <summary>The error a host callback's exception becomes, as in wasmtime-dotnet: a
    /// <see cref="WasmtimeException"/> whose <see cref="Exception.InnerException"/> is the original and whose
    /// message is wasmtime's "error while executing at wasm backtrace" text with the original message as the
    /// cause. Called from the catch block of typed host thunks and from <see cref="InvokeUntyped"/>.</summary>
    public static Exception WrapHostException(Exception e) => new WasmtimeException(e.Message, e) { GuestCause = e.Message };

    /// <summary>Called by untyped host thunks with the boxed arguments; returns the boxed results.</summary>
    public static object?[] InvokeUntyped(object?[] args, InstanceContext context)
    {
        var ctx = (HostFunctionContext)context;
        var store = (Store)ctx.Store.Owner!;
        var type = ctx.Type;
        var boxes = new ValueBox[args.Length];
        for (int i = 0; i < args.Length; i++) boxes[i] = ToBox(type.Params[i], args[i], store);
        var results = new ValueBox[type.Results.Length];
        try
        {
            ((Function.UntypedCallbackDelegate)ctx.Callback)(new Caller(store, ctx.Importer ?? ctx.Store.Current), boxes, results);
        }
        catch (Exception e) when (e is not WasmException && ctx.WrapExceptions)
        {
            throw WrapHostException(e);
        }
        var values = new object?[results.Length];
        for (int i = 0; i < results.Length; i++)
        {
            var expected = type.Results[i].ToKind();
            if (results[i].Kind != expected && !(results[i].ToObject() is null && type.Results[i].IsReference()))
                throw new WasmtimeException($"host function result {i} is {results[i].Kind}, expected {expected}");
            values[i] = ValueConversion.ToInternal(results[i].ToObject());
        }
        return values;
    }

    private static ValueBox ToBox(ValType t, object? v, Store store) => t switch
    {
        ValType.I32 => (int)v!,
        ValType.I64 => (long)v!,
        ValType.F32 => (float)v!,
        ValType.F64 => (double)v!,
        ValType.V128 => new V128((System.Runtime.Intrinsics.Vector128<byte>)v!),
        ValType.FuncRef => v is FunctionInstance f ? new Function(store, f) : ValueBox.Null(ValueKind.FuncRef),
        _ => ValueBox.AsBox(v),
    };
}

/// <summary>The dynamic call path (<c>Function.Invoke</c>, start functions): boxed arguments and results.</summary>
internal static class DynamicCall
{
    public static object?[] Invoke(FunctionInstance f, object?[] args)
    {
        var store = f.Context.Store;
        var invoker = f.DynamicInvoker ??= CodeGeneratorOf(store).DynamicInvoker(f.Type);
        StackGuard.Enter(store);
        var previous = store.Current;
        if (f.Context is not HostFunctionContext) store.Current = f.Context;
        try
        {
            return invoker(f, args);
        }
        finally
        {
            store.Current = previous;
        }
    }

    private static CodeGenerator CodeGeneratorOf(StoreState store) => ((Store)store.Owner!).Engine.CodeGen;
}

/// <summary>The typed call path: binds an emitted entry thunk as a delegate closed over the function.</summary>
internal static class TypedCalls
{
    public static TDelegate? CreateEntry<TDelegate>(Store store, FunctionInstance f) where TDelegate : Delegate
    {
        var type = ValueMarshal.FuncTypeOf(typeof(TDelegate));
        if (type is null || !type.Equals(f.Type)) return null;
        // Fast path: the module's ctx-first export entry bound as a delegate closed over the instance.
        if (f.Context is not HostFunctionContext && f.Context.Module.ExportEntry(f) is { } direct
            && MatchesExactly(typeof(TDelegate), type))
            return direct.CreateDelegate<TDelegate>(f.Context);
        var entry = store.Engine.CodeGen.TypedEntry(typeof(TDelegate), type);
        return (TDelegate?)entry?.CreateDelegate(typeof(TDelegate), f);
    }

    private static bool MatchesExactly(Type delegateType, FuncType type)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var ps = invoke.GetParameters();
        for (int i = 0; i < ps.Length; i++)
            if (ps[i].ParameterType != ClrTypes.Of(type.Params[i])) return false;
        return invoke.ReturnType == ClrTypes.ReturnType(type.Results);
    }
}
