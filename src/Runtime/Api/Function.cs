using WitSharp.Core;
using WitSharp.Core.Compilation;
using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>A WebAssembly function: an export of an instance or a host function (wasmtime-dotnet
/// <c>Function</c>). <see cref="Invoke(ValueBox[])"/> is the dynamic path; <c>Instance.GetFunction&lt;…&gt;</c>
/// gives a typed delegate with no boxing.</summary>
public sealed partial class Function
{
    /// <summary>A host callback with untyped arguments and results (wasmtime-dotnet <c>UntypedCallbackDelegate</c>).</summary>
    public delegate void UntypedCallbackDelegate(Caller caller, ReadOnlySpan<ValueBox> arguments, Span<ValueBox> results);

    internal Function(Store? store, FunctionInstance? instance)
    {
        Store = store;
        Instance = instance;
        if (instance is not null)
        {
            Parameters = [.. instance.Type.Params.Select(p => p.ToKind())];
            Results = [.. instance.Type.Results.Select(p => p.ToKind())];
        }
        else
        {
            Parameters = [];
            Results = [];
        }
    }

    internal Store? Store { get; }
    internal FunctionInstance? Instance { get; }

    /// <summary>The null function reference.</summary>
    public static Function Null { get; } = new(null, null);

    /// <summary>True for the null function reference.</summary>
    public bool IsNull => Instance is null;

    /// <summary>Parameter kinds.</summary>
    public IReadOnlyList<ValueKind> Parameters { get; }

    /// <summary>Result kinds.</summary>
    public IReadOnlyList<ValueKind> Results { get; }

    /// <summary>Calls the function with boxed arguments.</summary>
    /// <returns>Null for no results, the value for one result, an <c>object?[]</c> for several. Values are
    /// int, long, float, double, <see cref="V128"/>, <see cref="Function"/> (funcref) or the externref object.</returns>
    /// <exception cref="TrapException">The guest trapped.</exception>
    public object? Invoke(params ValueBox[] arguments) => Invoke((ReadOnlySpan<ValueBox>)arguments);

    /// <summary>Calls the function with boxed arguments; see <see cref="Invoke(ValueBox[])"/>.</summary>
    public object? Invoke(ReadOnlySpan<ValueBox> arguments)
    {
        var f = Instance ?? throw new WasmtimeException("cannot invoke a null function reference");
        var type = f.Type;
        if (arguments.Length != type.Params.Length)
            throw new WasmtimeException($"wrong number of arguments: expected {type.Params.Length}, got {arguments.Length}");
        var args = new object?[arguments.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (arguments[i].Kind != type.Params[i].ToKind())
                throw new WasmtimeException($"argument {i} is {arguments[i].Kind}, expected {type.Params[i].ToKind()}");
            args[i] = ValueConversion.ToInternal(arguments[i].ToObject());
        }
        var results = DynamicCall.Invoke(f, args);
        if (results.Length == 0) return null;
        if (results.Length == 1) return ValueConversion.ToPublic(results[0], Store);
        for (int i = 0; i < results.Length; i++) results[i] = ValueConversion.ToPublic(results[i], Store);
        return results;
    }

    /// <summary>Creates a host function from an untyped callback.</summary>
    public static Function FromCallback(Store store, UntypedCallbackDelegate callback,
        IReadOnlyList<ValueKind> parameterKinds, IReadOnlyList<ValueKind> resultKinds)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = new FuncType([.. parameterKinds.Select(k => k.ToValType())], [.. resultKinds.Select(k => k.ToValType())]);
        return new Function(store, HostFunctions.CreateUntyped(store, type, callback));
    }

    /// <summary><see cref="FromCallback(Store, UntypedCallbackDelegate, IReadOnlyList{ValueKind}, IReadOnlyList{ValueKind})"/>
    /// for the component layer: the callback's exceptions propagate unwrapped (component-level errors keep
    /// their types; core host functions wrap them as wasmtime-dotnet does).</summary>
    internal static Function FromCallbackUnwrapped(Store store, UntypedCallbackDelegate callback,
        IReadOnlyList<ValueKind> parameterKinds, IReadOnlyList<ValueKind> resultKinds)
    {
        var type = new FuncType([.. parameterKinds.Select(k => k.ToValType())], [.. resultKinds.Select(k => k.ToValType())]);
        return new Function(store, HostFunctions.CreateUntyped(store, type, callback, wrapExceptions: false));
    }
}

/// <summary>The calling context of a host function (wasmtime-dotnet <c>Caller</c>): the store and the
/// instance whose guest code was entered most recently from the host.</summary>
/// <remarks>A <c>ref struct</c>, as in wasmtime-dotnet: it is valid only during the host call, and because a
/// ref struct cannot be a type argument of the <c>Action</c>/<c>Func</c> overloads, a lambda
/// <c>(Caller c, int x) =&gt; …</c> binds unambiguously to the <see cref="CallerAction{T}"/> overloads.</remarks>
public readonly ref partial struct Caller
{
    internal Caller(Store store, InstanceContext? instance)
    {
        Store = store;
        _instance = instance;
    }

    private readonly InstanceContext? _instance;

    /// <summary>The calling instance (WASI reads its memory), or null.</summary>
    internal InstanceContext? Context => _instance;

    /// <summary>The store the call runs in.</summary>
    public Store Store { get; }

    /// <summary>Remaining fuel of the store.</summary>
    public ulong Fuel
    {
        get => Store.Fuel;
        set => Store.Fuel = value;
    }

    /// <summary>An exported memory of the calling instance, or null.</summary>
    public Memory? GetMemory(string name) =>
        _instance is null ? null : new Instance(Store, _instance).GetMemory(name);

    /// <summary>An exported function of the calling instance, or null.</summary>
    public Function? GetFunction(string name) =>
        _instance is null ? null : new Instance(Store, _instance).GetFunction(name);

    /// <summary>The store's user data.</summary>
    public object? GetData() => Store.GetData();

    /// <summary>Replaces the store's user data.</summary>
    public void SetData(object? data) => Store.SetData(data);
}

/// <summary>Converts between API values (<see cref="Function"/>, <see cref="V128"/>) and the values compiled
/// code uses (<see cref="FunctionInstance"/>, <c>Vector128&lt;byte&gt;</c>).</summary>
internal static class ValueConversion
{
    public static object? ToInternal(object? value) => value switch
    {
        Function f => f.Instance,
        V128 v => v.Value,
        _ => value,
    };

    public static object? ToPublic(object? value, Store? store) => value switch
    {
        FunctionInstance f => new Function(store, f),
        System.Runtime.Intrinsics.Vector128<byte> v => new V128(v),
        _ => value,
    };
}
