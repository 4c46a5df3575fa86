using WitSharp.Core.Compilation;

namespace WitSharp.Core.Instances;

/// <summary>What happens when compiled code finds the engine's epoch at or past the store's deadline
/// (wasmtime's epoch interruption): without a callback the guest traps with <see cref="TrapCode.Interrupt"/>;
/// with one (<c>Store.SetEpochDeadlineCallback</c>) the callback returns how many ticks past the current
/// epoch the new deadline lies and execution continues.</summary>
internal static class EpochDeadline
{
    /// <summary>Called by compiled code (function entry, loop headers) once the deadline is reached.</summary>
    public static void Reached(StoreState store)
    {
        if (store.EpochDeadlineCallback is not { } callback) throw Trap.Create((int)TrapCode.Interrupt);
        ulong delta;
        try
        {
            delta = callback();
        }
        catch (WasmException)
        {
            throw;
        }
        catch (Exception e)
        {
            // wasmtime-dotnet: "throwing from it terminates the execution; the exception becomes the
            // InnerException of the resulting WasmtimeException".
            throw new WasmtimeException(e.Message, e) { GuestCause = e.Message };
        }
        long now = Volatile.Read(ref store.Epoch.Value);
        store.EpochDeadline = delta > (ulong)(long.MaxValue - now) ? long.MaxValue : now + (long)delta;
    }
}
