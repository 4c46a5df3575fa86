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

    /// <summary>Calls the function from the host with lifted values; returns the result or null.</summary>
    public ComponentValue? Invoke(IReadOnlyList<ComponentValue> arguments)
    {
        ComponentValue? result = null;
        Call(null, arguments, null, r => result = r);
        return result;
    }

    /// <summary>
    /// Calls the function (CanonicalABI.md <c>FuncInst</c>): <paramref name="caller"/> is the calling component
    /// instance (null for the host); <paramref name="onResolve"/> receives the result before <c>post-return</c>
    /// runs, as <c>task.return</c> hands it to the caller's <c>on_resolve</c>; <paramref name="origins"/> carries
    /// the source encoding of strings lifted from the caller so that transcoding follows the spec exactly.
    /// </summary>
    public abstract void Call(InstanceFlags? caller, IReadOnlyList<ComponentValue> arguments, StringOrigins? origins, Action<ComponentValue?> onResolve);
}

/// <summary>A function defined by the host through <see cref="ComponentLinkerInstance.DefineFunction"/>.</summary>
internal sealed class HostFuncItem(CanonFuncType type, string name, ComponentFunctionCallback callback) : FuncItem(type, name)
{
    public override void Call(InstanceFlags? caller, IReadOnlyList<ComponentValue> arguments, StringOrigins? origins, Action<ComponentValue?> onResolve)
    {
        var results = new ComponentValue[Type.Results.Count];
        callback([.. arguments], results);
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i] is null) throw new WasmException($"host function `{Name}` did not assign result {i}");
        }
        onResolve(results.Length == 0 ? null : results[0]);
    }
}

/// <summary>
/// <c>canon lift</c>: a core function presented as a component function (CanonicalABI.md "canon lift",
/// synchronous). The instance is entered, arguments are lowered into the callee (spilled through realloc beyond
/// MAX_FLAT_PARAMS), the core function runs, results are lifted (through the returned pointer beyond
/// MAX_FLAT_RESULTS) and handed to the caller, then post-return runs with the core results and may_leave cleared.
/// </summary>
internal sealed class LiftedFuncItem : FuncItem
{
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
        _paramsInMemory = type.ParamsInMemory;
        _resultsInMemory = type.ResultsInMemory;
        IReadOnlyList<ValueKind> coreParams = _paramsInMemory ? [ValueKind.Int32] : type.ParamTuple.Flat;
        IReadOnlyList<ValueKind> coreResults = _resultsInMemory ? [ValueKind.Int32] : type.FlatResults;
        // The messages are formatted only on a mismatch: instantiation runs this for every lift of every instance.
        if (!CoreSignature.Matches(core, coreParams, coreResults))
            CoreSignature.Check(core, coreParams, coreResults, $"canon lift of `{name}`", offset);
        if (options.PostReturn is { } pr && !CoreSignature.Matches(pr, coreResults, []))
            CoreSignature.Check(pr, coreResults, [], $"post-return of `{name}`", offset);
    }

    // For the typed path (Typed/TypedComponentFunction.cs), which binds these once.
    internal Function Core => _core;
    internal CanonicalOptions Options => _options;
    internal InstanceFlags Flags => _flags;
    internal bool ParamsInMemory => _paramsInMemory;
    internal bool ResultsInMemory => _resultsInMemory;

    private Typed.FlatInvoker? _coreInvoker;
    private Typed.FlatInvoker? _postReturnInvoker;

    /// <summary>The core function as a <see cref="Typed.FlatInvoker"/> (raw-bits arguments and result), built on
    /// first use and shared by the fused adapters that call this function.</summary>
    internal Typed.FlatInvoker CoreInvoker => _coreInvoker ??= Typed.CoreInvokers.Create(_core);

    /// <summary><c>post-return</c> as a <see cref="Typed.FlatInvoker"/>, or null when there is none.</summary>
    internal Typed.FlatInvoker? PostReturnInvoker =>
        _postReturnInvoker ??= _options.PostReturn is { } pr ? Typed.CoreInvokers.Create(pr) : null;

    public override void Call(InstanceFlags? caller, IReadOnlyList<ComponentValue> arguments, StringOrigins? origins, Action<ComponentValue?> onResolve)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count != Type.Parameters.Count)
            throw new ArgumentException($"`{Name}` takes {Type.Parameters.Count} arguments, got {arguments.Count}");
        string where = $"`{Name}`";
        var borrows = new CallBorrowScope();
        var movers = new ValueMovers(this, _flags.PlanEntry(caller), arguments, onResolve,
            new LiftLowerContext(_options, where) { Origins = origins, Instance = _flags, Borrows = borrows });
        LiftedCall.Run(ref movers);
    }

    /// <summary>The dynamic path's movers: <see cref="ComponentValue"/> arguments lowered by
    /// <see cref="LiftLowerContext"/>, the core function called with boxed values, the result lifted into a
    /// <see cref="ComponentValue"/> for <c>onResolve</c>.</summary>
    private struct ValueMovers(LiftedFuncItem f, int entry, IReadOnlyList<ComponentValue> arguments, Action<ComponentValue?> onResolve,
        LiftLowerContext cx) : ILiftedCallMovers
    {
        private List<ulong>? _flat;
        private ulong[]? _raw;

        public readonly InstanceFlags Callee => f._flags;

        public readonly int Entry => entry;

        public readonly string Where => cx.Where;

        // CanonicalABI.md Task.num_borrows and the host's lends: checked at return, released when the call ends.
        public readonly CallBorrowScope? Borrows => cx.Borrows;

        public readonly bool HasPostReturn => f._options.PostReturn is not null;

        public void Lower()
        {
            var type = f.Type;
            var flat = new List<ulong>();
            if (f._paramsInMemory)
            {
                // CanonicalABI.md "lower_flat_values": the tuple is allocated by realloc and checked.
                var tuple = type.ParamTuple;
                long ptr = cx.Allocate(tuple.Alignment, tuple.Size, "the spilled parameters");
                for (int i = 0; i < arguments.Count; i++) cx.Store(arguments[i], tuple.Fields[i], ptr + tuple.Offsets[i]);
                flat.Add((uint)ptr);
            }
            else
            {
                for (int i = 0; i < arguments.Count; i++) cx.LowerFlat(arguments[i], type.Parameters[i], flat);
            }
            _flat = flat;
        }

        public ulong CallCore()
        {
            var raw = CoreSignature.Invoke(f._core, _flat!);
            _raw = raw;
            return raw.Length > 0 ? raw[0] : 0;
        }

        public readonly ulong Lift(ulong result)
        {
            ComponentValue? value = null;
            if (f.Type.Result is { } rt)
            {
                if (f._resultsInMemory)
                {
                    long ptr = (uint)result;
                    cx.CheckRange(ptr, rt.Alignment, rt.Size, "return");
                    value = cx.Load(ptr, rt);
                }
                else
                {
                    value = cx.LiftFlat(new LiftLowerContext.FlatReader(_raw!), rt);
                }
            }
            onResolve(value);
            return 0;
        }

        public readonly void PostReturn(ulong result) => CoreSignature.Invoke(f._options.PostReturn!, _raw!);
    }
}
