namespace WitSharp.Components;

/// <summary>A component-level function in an index space: a lifted core function or a host function.</summary>
internal abstract class FuncItem(CanonFuncType type, string name)
{
    public CanonFuncType Type { get; } = type;

    /// <summary>A name for error messages: the definition's offset until the function is exported by name.</summary>
    public string Name { get; private set; } = name;

    private bool _named;

    /// <summary>Names the function after its first export (<c>name</c> or <c>interface#name</c>).</summary>
    public void NameAfterExport(string exportName)
    {
        if (_named) return;
        _named = true;
        Name = exportName;
    }

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
    private readonly InstanceFlags _flags;

    public LiftedFuncItem(CanonFuncType type, string name, Function core, CanonicalOptions options, InstanceFlags flags, long offset)
        : base(type, name)
    {
        _core = core;
        _flags = flags;
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
        // CanonicalABI.md "canon lift" (synchronous): a component instance may not be re-entered while one of its
        // exports is running, e.g. by a host import calling back in; the post-return call is part of the same activation.
        if (!_flags.MayEnter)
            throw new TrapException(TrapCode.CannotLeaveComponent, $"`{Name}`: cannot enter the component instance: a call into it is still in progress");
        var borrows = new CallBorrowScope();
        using var endOfCall = borrows.Enter();
        var cx = new LiftLowerContext(_options, $"`{Name}`") { Instance = _flags, Borrows = borrows };
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

        _flags.MayEnter = false;
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
            borrows.CheckReturn($"`{Name}`");
            if (_options.PostReturn is { } postReturn)
            {
                _flags.MayLeave = false;
                try
                {
                    CoreSignature.Invoke(postReturn, raw);
                }
                finally
                {
                    _flags.MayLeave = true;
                }
            }
            return result;
        }
        finally
        {
            _flags.MayEnter = true;
        }
    }
}

/// <summary>Per-component-instance state of CanonicalABI.md <c>ComponentInstance</c> used by synchronous calls.</summary>
internal sealed class InstanceFlags
{
    /// <summary>False while an export of the instance is running (no re-entrance).</summary>
    public bool MayEnter { get; set; } = true;

    /// <summary>False while the instance runs post-return (CanonicalABI.md <c>may_leave</c>): it may not call
    /// imports or the resource built-ins that change the handle table.</summary>
    public bool MayLeave { get; set; } = true;

    /// <summary>The instance's handle table (CanonicalABI.md <c>ComponentInstance.handles</c>).</summary>
    public ResourceHandleTable Handles { get; } = new();
}
