namespace WitSharp.Wit.Binary;

/// <summary>The canonical built-ins of Binary.md "Canonical Definitions", valued with their opcode.</summary>
public enum CanonKind : byte
{
    Lift = 0x00,
    Lower = 0x01,
    ResourceNew = 0x02,
    ResourceDrop = 0x03,
    ResourceRep = 0x04,
    TaskCancel = 0x05,
    SubtaskCancel = 0x06,
    TaskReturn = 0x09,
    ContextGet = 0x0A,
    ContextSet = 0x0B,
    ThreadYield = 0x0C,
    SubtaskDrop = 0x0D,
    StreamNew = 0x0E,
    StreamRead = 0x0F,
    StreamWrite = 0x10,
    StreamCancelRead = 0x11,
    StreamCancelWrite = 0x12,
    StreamDropReadable = 0x13,
    StreamDropWritable = 0x14,
    FutureNew = 0x15,
    FutureRead = 0x16,
    FutureWrite = 0x17,
    FutureCancelRead = 0x18,
    FutureCancelWrite = 0x19,
    FutureDropReadable = 0x1A,
    FutureDropWritable = 0x1B,
    ErrorContextNew = 0x1C,
    ErrorContextDebugMessage = 0x1D,
    ErrorContextDrop = 0x1E,
    WaitableSetNew = 0x1F,
    WaitableSetWait = 0x20,
    WaitableSetPoll = 0x21,
    WaitableSetDrop = 0x22,
    WaitableJoin = 0x23,
    BackpressureInc = 0x24,
    BackpressureDec = 0x25,
    ThreadIndex = 0x26,
    ThreadNewIndirect = 0x27,
    ThreadResumeLater = 0x28,
    ThreadSuspend = 0x29,
    ThreadSuspendThenResume = 0x2A,
    ThreadYieldThenResume = 0x2B,
    ThreadSuspendThenPromote = 0x2C,
    ThreadYieldThenPromote = 0x2D,
    ThreadSpawnRef = 0x40,
    ThreadSpawnIndirect = 0x41,
    ThreadAvailableParallelism = 0x42,
}

/// <summary>String encodings of <c>canonopt</c>.</summary>
public enum StringEncoding : byte
{
    Utf8 = 0x00,
    Utf16 = 0x01,
    Latin1Utf16 = 0x02,
}

/// <summary>The <c>canonopt</c> list of a canonical definition (Binary.md; defaults per CanonicalABI.md).</summary>
public sealed class CanonOptions
{
    /// <summary>No options: utf8, no memory, no realloc.</summary>
    public static readonly CanonOptions Empty = new(StringEncoding.Utf8, null, null, null, false, null);

    /// <summary>Creates options.</summary>
    public CanonOptions(StringEncoding stringEncoding, uint? memory, uint? realloc, uint? postReturn, bool isAsync, uint? callback)
    {
        StringEncoding = stringEncoding;
        Memory = memory;
        Realloc = realloc;
        PostReturn = postReturn;
        IsAsync = isAsync;
        Callback = callback;
    }

    /// <summary>String encoding (default utf8).</summary>
    public StringEncoding StringEncoding { get; }

    /// <summary>Core memory index.</summary>
    public uint? Memory { get; }

    /// <summary>Core function index of <c>realloc</c>.</summary>
    public uint? Realloc { get; }

    /// <summary>Core function index of <c>post-return</c>.</summary>
    public uint? PostReturn { get; }

    /// <summary>The <c>async</c> option (🔀).</summary>
    public bool IsAsync { get; }

    /// <summary>Core function index of the async <c>callback</c> (🔀).</summary>
    public uint? Callback { get; }
}

/// <summary>
/// A canonical definition (section 8). Members apply per <see cref="Kind"/>: lift uses
/// <see cref="FuncIndex"/> (core func), <see cref="TypeIndex"/> and <see cref="Options"/>; lower uses
/// <see cref="FuncIndex"/> (component func) and <see cref="Options"/>; resource and stream/future ops
/// use <see cref="TypeIndex"/>. Async-era and thread built-ins are decoded as data even though the
/// runtime may not support them.
/// </summary>
public sealed class CanonDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public CanonDefinition(
        int offset, CanonKind kind, uint funcIndex = 0, uint typeIndex = 0, CanonOptions? options = null,
        bool hasResult = false, ComponentValType result = default, CoreValType coreType = CoreValType.I32,
        uint immediate = 0, bool flag = false, uint tableIndex = 0)
        : base(offset)
    {
        Kind = kind;
        FuncIndex = funcIndex;
        TypeIndex = typeIndex;
        Options = options ?? CanonOptions.Empty;
        HasResult = hasResult;
        Result = result;
        CoreType = coreType;
        Immediate = immediate;
        Flag = flag;
        TableIndex = tableIndex;
    }

    /// <summary>Which built-in.</summary>
    public CanonKind Kind { get; }

    /// <summary>Lift: the core function lifted. Lower: the component function lowered.</summary>
    public uint FuncIndex { get; }

    /// <summary>Lift: the function type. Resource/stream/future ops: the resource or stream/future type.
    /// thread.new-indirect/spawn: the core function type.</summary>
    public uint TypeIndex { get; }

    /// <summary>The options (empty when the form has none).</summary>
    public CanonOptions Options { get; }

    /// <summary>task.return: whether a result type is given.</summary>
    public bool HasResult { get; }

    /// <summary>task.return: the result type.</summary>
    public ComponentValType Result { get; }

    /// <summary>context.get/set: the core value type.</summary>
    public CoreValType CoreType { get; }

    /// <summary>context.get/set: the slot index; waitable-set.wait/poll: the memory index.</summary>
    public uint Immediate { get; }

    /// <summary>The <c>async?</c>, <c>cancel?</c> or <c>shared?</c> flag of forms that have one.</summary>
    public bool Flag { get; }

    /// <summary>thread.new-indirect/spawn-indirect: the core table index.</summary>
    public uint TableIndex { get; }
}
