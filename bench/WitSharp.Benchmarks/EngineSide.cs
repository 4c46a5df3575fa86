namespace Benchmarks;

/// <summary>
/// One way of running the suite (Wasmtime, WitSharp, native). Members a side cannot provide
/// return null, and the report shows "—" for them.
/// </summary>
internal abstract class EngineSide : IDisposable
{
    public abstract string Name { get; }

    /// <summary>The kernel as a typed call, or null if the side cannot run it.</summary>
    public abstract Func<int, int>? Kernel(string name);

    /// <summary>Host→guest typed call of an export with no parameters and no results.</summary>
    public virtual Action? Nop => null;

    /// <summary>Host→guest typed call <c>add(i32, i32) -> i32</c>.</summary>
    public virtual Func<int, int, int>? Add => null;

    /// <summary>Guest→host: the guest calls the imported <c>host.inc</c> n times and returns the count.</summary>
    public virtual Func<int, int>? CallHost => null;

    /// <summary>Instantiates the small calls.wasm module in a fresh store (store creation included).</summary>
    public virtual Action? InstantiateSmall => null;

    /// <summary>Compiles a module from bytes (Module.FromBytes) and disposes of it.</summary>
    public virtual Action<byte[]>? Compile => null;

    public virtual void Dispose()
    {
    }
}
