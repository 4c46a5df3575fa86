using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>Owns instances, memories, tables, globals and host functions (wasmtime-dotnet <c>Store</c>).
/// A store is used by one thread at a time.</summary>
public partial class Store : IDisposable
{
    /// <summary>Creates a store in <paramref name="engine"/>.</summary>
    public Store(Engine engine) : this(engine, null) { }

    /// <summary>Creates a store in <paramref name="engine"/> carrying user <paramref name="data"/>.</summary>
    public Store(Engine engine, object? data)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        _data = data;
        State = new StoreState { Epoch = engine.Epoch, StackBudget = (nuint)engine.MaximumStackSize, Owner = this };
    }

    private object? _data;
    private readonly List<IDisposable> _owned = [];

    /// <summary>The engine this store belongs to.</summary>
    public Engine Engine { get; }

    internal StoreState State { get; }

    /// <summary>The WASI preview-1 state set by <see cref="SetWasiConfiguration"/>, or null.</summary>
    internal Wasi.WasiContext? Wasi { get; private set; }

    /// <summary>Configures WASI preview 1 for this store (wasmtime-dotnet <c>Store.SetWasiConfiguration</c>):
    /// guests linked with <see cref="Linker.DefineWasi"/> see these arguments, environment, standard streams and
    /// preopened directories. Files are opened now; a previous configuration's files are closed.</summary>
    /// <exception cref="WasmtimeException">A standard stream file or preopened directory cannot be opened.</exception>
    public void SetWasiConfiguration(WasiConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var next = WitSharp.Wasi.WasiContext.Create(config);
        Wasi?.Dispose();
        Wasi = next;
    }

    /// <summary>Fuel left for guest code (requires <see cref="Config.WithFuelConsumption"/>). A new store has none,
    /// as in wasmtime, so set it before calling guest code.</summary>
    public ulong Fuel
    {
        get
        {
            EnsureFuel();
            return State.Fuel < 0 ? 0 : (ulong)State.Fuel;
        }
        set
        {
            EnsureFuel();
            State.Fuel = value > long.MaxValue ? long.MaxValue : (long)value;
        }
    }

    private void EnsureFuel()
    {
        if (!Engine.FuelConsumption) throw new WasmtimeException("fuel is not configured in this store");
    }

    /// <summary>Wasmtime's store garbage collection, which releases externrefs and GC objects wasm no longer
    /// references. Nothing to do here: externref values are ordinary CLR references held by globals, tables
    /// and locals, so the .NET garbage collector reclaims them once unreachable; WitSharp has no wasm GC heap.</summary>
    public void GC() { }

    /// <summary>Sets the epoch deadline <paramref name="ticksBeyondCurrent"/> increments after the engine's
    /// current epoch (requires <see cref="Config.WithEpochInterruption"/>).</summary>
    public void SetEpochDeadline(ulong ticksBeyondCurrent)
    {
        long now = Volatile.Read(ref Engine.Epoch.Value);
        State.EpochDeadline = ticksBeyondCurrent > (ulong)(long.MaxValue - now) ? long.MaxValue : now + (long)ticksBeyondCurrent;
    }

    /// <summary>The user data given at construction or by <see cref="SetData"/>.</summary>
    public object? GetData() => _data;

    /// <summary>Replaces the user data.</summary>
    public void SetData(object? data) => _data = data;

    internal void Own(IDisposable resource) => _owned.Add(resource);

    /// <summary>Releases the linear memories created in this store. Guest code of this store must not run afterwards.</summary>
    public void Dispose()
    {
        foreach (var r in _owned) r.Dispose();
        _owned.Clear();
        Wasi?.Dispose();
        Wasi = null;
        System.GC.SuppressFinalize(this);
    }
}
