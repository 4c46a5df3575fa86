namespace WitSharp;

/// <summary>Engine settings (wasmtime-dotnet <c>Config</c>). Every WebAssembly 2.0 feature is always on;
/// the options here change what compiled code checks.</summary>
public sealed partial class Config : IDisposable
{
    internal bool FuelConsumption { get; private set; }
    internal bool EpochInterruption { get; private set; }
    internal int MaximumStackSize { get; private set; } = 512 * 1024;
    internal bool DebugInfo { get; private set; }

    /// <summary>Keeps every wasm function a separate native frame (no inlining between wasm functions), so
    /// <see cref="WasmtimeException.Frames"/> lists every frame; costs the speed of inlined small calls.</summary>
    public Config WithDebugInfo(bool enable)
    {
        DebugInfo = enable;
        return this;
    }

    /// <summary>Makes compiled code consume fuel (roughly one unit per instruction) and trap with
    /// <see cref="TrapCode.OutOfFuel"/> when the store's <see cref="Store.Fuel"/> runs out. Off by default;
    /// when off, no fuel code is emitted.</summary>
    public Config WithFuelConsumption(bool enable)
    {
        FuelConsumption = enable;
        return this;
    }

    /// <summary>Makes compiled code check the engine epoch at function entry and loop headers and trap with
    /// <see cref="TrapCode.Interrupt"/> once it reaches the store's deadline (<see cref="Store.SetEpochDeadline"/>).</summary>
    public Config WithEpochInterruption(bool enable)
    {
        EpochInterruption = enable;
        return this;
    }

    /// <summary>Native stack, in bytes, that one call from the host into guest code may use before it traps
    /// with <see cref="TrapCode.StackOverflow"/> (default 512 KiB, as wasmtime).</summary>
    public Config WithMaximumStackSize(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16 * 1024);
        MaximumStackSize = size;
        return this;
    }
}
