namespace WitSharp;

/// <summary>Engine settings (wasmtime-dotnet <c>Config</c>). Every WebAssembly 2.0 feature is always on;
/// the options here change what compiled code checks.</summary>
public sealed partial class Config : IDisposable
{
    internal bool FuelConsumption { get; private set; }
    internal bool EpochInterruption { get; private set; }
    internal int MaximumStackSize { get; private set; } = 512 * 1024;
    internal bool DebugInfo { get; private set; }
    internal string? ReadyToRunCompiler { get; private set; }
    internal string? CodeCacheDirectory { get; private set; } = Artifacts.CodeCache.DefaultDirectory;

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

    /// <summary>Makes <c>Serialize</c> and <c>Engine.PrecompileModule/PrecompileComponent</c> also compile the
    /// artifact's code to native code for this machine's platform with crossgen2, the .NET SDK's ReadyToRun
    /// compiler, at <paramref name="crossgen2Path"/> (its <c>tools/crossgen2</c> executable or <c>crossgen2.dll</c>
    /// from package <c>Microsoft.NETCore.App.Crossgen2.&lt;rid&gt;</c> of this runtime's version; null turns it off).
    /// Loading such an artifact then runs native code from the first call instead of JIT-compiling every function it
    /// reaches; a large component's first call goes from seconds to milliseconds. Precompiling gets slower (minutes
    /// for a 12 MB component) and the artifact larger (about 2.5x the .wasm instead of 1.3x). The artifact stays
    /// loadable anywhere this runtime version runs: on another platform its code is JIT-compiled. Does not change
    /// the generated code, so it is not one of the settings an artifact must match. The MSBuild item
    /// <c>&lt;WasmComponent Precompile="true" /&gt;</c> sets it up by itself.</summary>
    public Config WithReadyToRunCompiler(string? crossgen2Path)
    {
        ReadyToRunCompiler = crossgen2Path;
        return this;
    }

    /// <summary>Where loading an artifact with native code (<see cref="WithReadyToRunCompiler"/>) writes that code as
    /// a file, once per artifact content, for the .NET runtime to map: it runs native code only from files. Default:
    /// a per-user cache directory (<c>~/.cache/witsharp</c>, <c>%LOCALAPPDATA%\WitSharp\Cache</c>, macOS
    /// <c>~/Library/Caches/WitSharp</c>). Null, or a directory that cannot be written, loads such artifacts without
    /// their native code (JIT-compiled, as for an artifact without native code).</summary>
    public Config WithCodeCacheDirectory(string? directory)
    {
        CodeCacheDirectory = directory;
        return this;
    }
}
