using System.Runtime.CompilerServices;
using WitSharp.Components.Typed;

namespace WitSharp.Components;

/// <summary>
/// An exported component function bound to C# types (the typed fast path; wasmtime's <c>TypedFunc</c>). Obtained
/// from <see cref="ComponentInstance.GetTypedFunction{TParams, TResult}(string)"/>, which checks the C# types
/// against the export's type once; <see cref="Call"/> then lowers the arguments straight into the guest (flat
/// core arguments, or guest memory through <c>realloc</c> for strings, lists and spilled parameters), calls the
/// core function through a per-signature thunk, lifts the result and runs <c>post-return</c>. No
/// <see cref="ComponentValue"/> and no per-element boxing are involved.
/// </summary>
/// <typeparam name="TParams">The parameters: <see cref="ValueTuple"/> for none, the parameter's type for one, a
/// <see cref="ValueTuple"/> of the parameter types for several (e.g. <c>(uint, ulong)</c>).</typeparam>
/// <typeparam name="TResult">The result type, or <see cref="ValueTuple"/> when the function returns nothing.</typeparam>
/// <remarks>Not thread-safe, like the <see cref="Store"/> it belongs to.</remarks>
public sealed unsafe class TypedComponentFunction<TParams, TResult>
{
    private const int MaxFlatParams = 16;

    private readonly string _name;
    private readonly CanonicalContext _cx;
    private readonly FlatInvoker _core;
    private readonly FlatInvoker? _postReturn;
    private readonly InstanceFlags _flags;
    private readonly ComponentMarshaler<TParams>? _params;
    private readonly ComponentMarshaler<TResult>? _result;
    private readonly bool _paramsInMemory;
    private readonly bool _resultsInMemory;

    internal TypedComponentFunction(Store store, FuncItem item)
    {
        if (item is not LiftedFuncItem f)
            throw new ComponentException($"`{item.Name}` is a host function re-exported by the component; call it with ComponentFunction.Call");
        _name = f.Name;
        Type = CanonReflection.Function(f.Type);
        _params = TypedSignature.BindParams<TParams>(Type);
        _result = TypedSignature.BindResult<TResult>(Type);
        _cx = new CanonicalContext(store, f.Options, $"`{f.Name}`");
        _core = CoreInvokers.Create(f.Core);
        _postReturn = f.Options.PostReturn is { } pr ? CoreInvokers.Create(pr) : null;
        _flags = f.Flags;
        _paramsInMemory = f.ParamsInMemory;
        _resultsInMemory = f.ResultsInMemory;
        Store = store;
    }

    /// <summary>The store the function belongs to.</summary>
    public Store Store { get; }

    /// <summary>The export's component type.</summary>
    public ComponentFunctionType Type { get; }

    /// <summary>Calls the function.</summary>
    /// <exception cref="TrapException">The guest trapped, or returned an invalid value (bad discriminant, invalid
    /// char or string, out-of-bounds or misaligned pointer), or the instance is already running a call.</exception>
    /// <exception cref="ArgumentException">An argument cannot be represented (e.g. a string with an unpaired
    /// surrogate, an enum value that is not a case).</exception>
    [SkipLocalsInit]
    public TResult Call(TParams parameters)
    {
        // CanonicalABI.md "canon lift": no re-entrance while an export of the instance is running.
        int entered = _flags.Enter(null, _name);
        bool coreRunning = false; // see the catch below
        try
        {
            var cx = _cx;
            ulong* flat = stackalloc ulong[MaxFlatParams];
            if (_params is { } pm)
            {
                if (_paramsInMemory)
                {
                    uint ptr = cx.Allocate(pm.Alignment, pm.Size);
                    pm.Store(cx, parameters, ptr);
                    flat[0] = ptr;
                }
                else
                {
                    pm.LowerFlat(cx, parameters, new Span<ulong>(flat, MaxFlatParams));
                }
            }
            coreRunning = true;
            ulong raw = _core(flat);
            TResult result = default!;
            if (_result is { } rm)
            {
                if (_resultsInMemory)
                {
                    uint ptr = (uint)raw;
                    cx.CheckAligned(ptr, rm.Alignment, "return");
                    result = rm.Load(cx, ptr);
                }
                else
                {
                    result = rm.LiftFlat(cx, new ReadOnlySpan<ulong>(&raw, 1));
                }
            }
            // Post-return sees the core results once the caller's values have been lifted (CanonicalABI.md "canon lift").
            if (_postReturn is { } post)
            {
                // may_leave is cleared while post-return runs (CanonicalABI.md "canon lift").
                _flags.MayLeave = false;
                try
                {
                    post(&raw);
                }
                finally
                {
                    _flags.MayLeave = true;
                }
            }
            return result;
        }
        // Explainer.md "Component Invariants" 1: a trap, or any other error, unwinding through the call locks the
        // instance down; only a host argument rejected while lowering, before the core function ran, does not.
        catch (Exception e) when (coreRunning || e is not ArgumentException)
        {
            _flags.Poison(entered, e);
            throw;
        }
        finally
        {
            _flags.Leave(entered);
        }
    }
}
