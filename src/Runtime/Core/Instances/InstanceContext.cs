namespace WitSharp.Core.Instances;

/// <summary>Everything a compiled function needs at run time, passed as the last argument of every
/// compiled method. Fields (not properties) so each access in emitted IL is one <c>ldfld</c>; the
/// index spaces follow the module's (imports first).</summary>
internal class InstanceContext
{
    public StoreState Store = null!;

    /// <summary>Memory 0 (the only memory in WebAssembly 2.0), or null when the module has none.</summary>
    public MemoryInstance? Memory0;

    public TableInstance[] Tables = [];
    public GlobalInstance[] Globals = [];

    /// <summary>Every function of the index space (imports and definitions), for imported calls and <c>ref.func</c>.</summary>
    public FunctionInstance[] Functions = [];

    /// <summary>Passive data segments by index; an entry becomes empty on <c>data.drop</c> (spec 4.4.7.x).</summary>
    public byte[][] DataSegments = [];

    /// <summary>Element segments as evaluated references; an entry becomes empty on <c>elem.drop</c>.</summary>
    public object?[][] ElementSegments = [];

    /// <summary>The module this context instantiates (for names in backtraces and exports).</summary>
    public Compilation.CompiledModule Module = null!;
}

/// <summary>The context of a host function: compiled thunks find their delegate here.</summary>
internal sealed class HostFunctionContext : InstanceContext
{
    public HostFunctionContext(Delegate callback, StoreState store, FuncType type)
    {
        Callback = callback;
        Store = store;
        Type = type;
    }

    public readonly Delegate Callback;
    public readonly FuncType Type;

    /// <summary>The first instance that imported this function: what its <c>Caller</c> sees.</summary>
    public InstanceContext? Importer;

    /// <summary>Whether an exception of the (untyped) callback that is not a <see cref="WasmException"/> is
    /// wrapped as wasmtime-dotnet does (see <c>HostFunctions.WrapHostException</c>). False for the component
    /// layer's lowered imports, whose errors keep their own types.</summary>
    public bool WrapExceptions = true;
}
