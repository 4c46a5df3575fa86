using WitSharp.Core.Instances;

namespace WitSharp.Wasi;

/// <summary>Runs the body of one WASI function: finds the store's <see cref="WasiContext"/> and the caller's
/// memory, and turns the failures a guest may cause into errno results: <see cref="WasiErrnoException"/>
/// (bad descriptor, EFAULT, sandbox) and host I/O errors. Nothing a guest passes can make the host throw.</summary>
internal static class WasiCall
{
    public delegate int Body(WasiContext context, GuestMemory memory);

    public static int Run(Caller caller, Body body)
    {
        var context = caller.Store.Wasi
            ?? throw new WasmtimeException("the store has no WASI configuration: call Store.SetWasiConfiguration before running a WASI module");
        MemoryInstance memory = caller.Context?.Memory0
            ?? throw new WasmtimeException("missing required memory export");
        try
        {
            return body(context, new GuestMemory(memory));
        }
        catch (WasiErrnoException e)
        {
            return e.Errno;
        }
        catch (Exception e) when (ErrnoOf(e) is int errno)
        {
            return errno;
        }
    }

    /// <summary>The errno for a host I/O failure, or null for exceptions that are host bugs.</summary>
    public static int? ErrnoOf(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => Errno.NoEnt,
        PathTooLongException => Errno.NameTooLong,
        UnauthorizedAccessException => Errno.Acces,
        IOException io when (io.HResult & 0xFFFF) is 17 or 80 or 183 => Errno.Exist, // EEXIST; Windows ERROR_FILE_EXISTS/ALREADY_EXISTS
        IOException io when (io.HResult & 0xFFFF) is 39 or 66 or 145 => Errno.NotEmpty, // ENOTEMPTY (Linux 39, macOS 66); Windows ERROR_DIR_NOT_EMPTY
        IOException io when (io.HResult & 0xFFFF) is 28 or 112 => Errno.NoSpc,
        IOException => Errno.Io,
        NotSupportedException => Errno.NotSup,
        ArgumentException => Errno.Inval,
        _ => null,
    };
}
