namespace WitSharp.Components;

/// <summary>A component-level function in an index space: a lifted core function or a host function.</summary>
internal abstract class FuncItem(CanonFuncType type, string name)
{
    public CanonFuncType Type { get; } = type;

    /// <summary>A name for error messages.</summary>
    public string Name { get; } = name;

    /// <summary>Calls the function with lifted values; returns the result or null.</summary>
    public abstract ComponentValue? Invoke(IReadOnlyList<ComponentValue> arguments);
}

/// <summary>A function defined by the host through <see cref="ComponentLinkerInstance.DefineFunction"/>.</summary>
internal sealed class HostFuncItem(CanonFuncType type, string name, ComponentFunctionCallback callback) : FuncItem(type, name)
{
    public override ComponentValue? Invoke(IReadOnlyList<ComponentValue> arguments)
    {
        var results = new ComponentValue[Type.Results.Count];
        callback([.. arguments], results);
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i] is null) throw new WasmException($"host function `{Name}` did not assign result {i}");
        }
        return results.Length == 0 ? null : results[0];
    }
}

/// <summary>
/// <c>canon lift</c>: a core function presented as a component function (CanonicalABI.md "canon lift").
/// Arguments are lowered into the callee (spilled through realloc beyond MAX_FLAT_PARAMS), results lifted
/// (through the return pointer beyond MAX_FLAT_RESULTS), then post-return is called with the core results.
/// </summary>
internal sealed class LiftedFuncItem : FuncItem
{
    private const int MaxFlatParams = 16;
    private const int MaxFlatResults = 1;

    private readonly Function _core;
    private readonly CanonicalOptions _options;
    private readonly bool _paramsInMemory;
    private readonly bool _resultsInMemory;
    private bool _mayEnter = true;

    public LiftedFuncItem(CanonFuncType type, string name, Function core, CanonicalOptions options, long offset) : base(type, name)
    {
        _core = core;
        _options = options;
        var flatParams = type.ParamTuple.Flat;
        var flatResults = type.Results.SelectMany(r => r.Flat).ToArray();
        _paramsInMemory = flatParams.Count > MaxFlatParams;
        _resultsInMemory = flatResults.Length > MaxFlatResults;
        IReadOnlyList<ValueKind> coreParams = _paramsInMemory ? [ValueKind.Int32] : flatParams;
        IReadOnlyList<ValueKind> coreResults = _resultsInMemory ? [ValueKind.Int32] : flatResults;
        CoreSignature.Check(core, coreParams, coreResults, $"canon lift of `{name}`", offset);
        if (options.PostReturn is { } pr) CoreSignature.Check(pr, coreResults, [], $"post-return of `{name}`", offset);
    }

    public override ComponentValue? Invoke(IReadOnlyList<ComponentValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count != Type.Parameters.Count)
            throw new ArgumentException($"`{Name}` takes {Type.Parameters.Count} arguments, got {arguments.Count}");
        // CanonicalABI.md "canon lift": a component instance may not be re-entered while a call is in progress
        // (may_enter); the post-return call is part of the same activation.
        if (!_mayEnter) throw new TrapException(TrapCode.CannotLeaveComponent, $"`{Name}`: cannot re-enter the component instance");
        var cx = new LiftLowerContext(_options, $"`{Name}`");
        var flat = new List<ulong>();
        if (_paramsInMemory)
        {
            var tuple = Type.ParamTuple;
            long ptr = cx.Allocate(tuple.Alignment, tuple.Size, "the spilled parameters");
            for (int i = 0; i < arguments.Count; i++) cx.Store(arguments[i], tuple.Fields[i], ptr + tuple.Offsets[i]);
            flat.Add((uint)ptr);
        }
        else
        {
            for (int i = 0; i < arguments.Count; i++) cx.LowerFlat(arguments[i], Type.Parameters[i], flat);
        }

        _mayEnter = false;
        try
        {
            var raw = CoreSignature.Invoke(_core, flat);
            ComponentValue? result = null;
            if (Type.Result is { } rt)
            {
                if (_resultsInMemory)
                {
                    long ptr = (uint)raw[0];
                    if (ptr % rt.Alignment != 0)
                        throw new TrapException(TrapCode.HeapMisaligned, $"`{Name}`: return pointer 0x{ptr:x} is not {rt.Alignment}-byte aligned");
                    result = cx.Load(ptr, rt);
                }
                else
                {
                    result = cx.LiftFlat(new LiftLowerContext.FlatReader(raw), rt);
                }
            }
            if (_options.PostReturn is { } postReturn) CoreSignature.Invoke(postReturn, raw);
            return result;
        }
        finally
        {
            _mayEnter = true;
        }
    }
}
