namespace WitSharp.Wasi;

/// <summary>WASI preview-1 <c>errno</c> values (witx <c>$errno</c>), the ones this host returns.</summary>
internal static class Errno
{
    public const int Success = 0;
    public const int TooBig = 1;
    public const int Acces = 2;
    public const int Badf = 8;
    public const int Exist = 20;
    public const int Fault = 21;
    public const int Inval = 28;
    public const int Io = 29;
    public const int IsDir = 31;
    public const int Loop = 32;
    public const int NameTooLong = 37;
    public const int NoEnt = 44;
    public const int NoSpc = 51;
    public const int NoSys = 52;
    public const int NotDir = 54;
    public const int NotEmpty = 55;
    public const int NotSup = 58;
    public const int Overflow = 61;
    public const int Perm = 63;
    public const int Spipe = 68;
    public const int Xdev = 73;
    public const int NotCapable = 74;
}

/// <summary>Ends a WASI call early with an errno (bad descriptor, guest pointer out of bounds, sandbox
/// violation…). Caught by <see cref="WasiCall"/> and returned to the guest, never seen by the host.</summary>
internal sealed class WasiErrnoException(int errno) : Exception($"WASI errno {errno}")
{
    public int Errno { get; } = errno;
}
