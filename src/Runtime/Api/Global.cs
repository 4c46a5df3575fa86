using WitSharp.Core;
using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>A global variable (wasmtime-dotnet <c>Global</c>).</summary>
public sealed partial class Global
{
    internal Global(Store store, GlobalInstance instance)
    {
        Store = store;
        Instance = instance;
    }

    /// <summary>Creates a global of <paramref name="kind"/> holding <paramref name="initialValue"/>.</summary>
    public Global(Store store, ValueKind kind, object? initialValue, Mutability mutability)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Instance = new GlobalInstance(new GlobalType(kind.ToValType(), mutability == Mutability.Mutable));
        Set(initialValue);
    }

    internal Store Store { get; }
    internal GlobalInstance Instance { get; }

    /// <summary>Value kind.</summary>
    public ValueKind Kind => Instance.Type.ValueType.ToKind();

    /// <summary>Whether the global can be set.</summary>
    public Mutability Mutability => Instance.Type.Mutable ? Mutability.Mutable : Mutability.Immutable;

    /// <summary>The current value (int, long, float, double, <see cref="V128"/>, <see cref="Function"/> or the externref object).</summary>
    public object? GetValue() => ValueConversion.ToPublic(Instance.GetBoxed(), Store);

    /// <summary>Sets the value.</summary>
    /// <exception cref="InvalidOperationException">The global is immutable (as in wasmtime-dotnet).</exception>
    /// <exception cref="WasmtimeException">The value has the wrong kind.</exception>
    public void SetValue(object? value)
    {
        if (!Instance.Type.Mutable) throw new InvalidOperationException("cannot set an immutable global");
        Set(value);
    }

    private void Set(object? value)
    {
        var v = ValueConversion.ToInternal(value is ValueBox b ? b.ToObject() : value);
        bool ok = Instance.Type.ValueType switch
        {
            ValType.I32 => v is int,
            ValType.I64 => v is long,
            ValType.F32 => v is float,
            ValType.F64 => v is double,
            ValType.V128 => v is System.Runtime.Intrinsics.Vector128<byte>,
            ValType.FuncRef => v is null or FunctionInstance,
            _ => true,
        };
        if (!ok) throw new WasmtimeException($"value does not match the global's type {Instance.Type.ValueType.ToText()}");
        Instance.SetBoxed(v);
    }
}
