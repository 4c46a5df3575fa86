namespace WitSharp.Components;

/// <summary>
/// A component that cannot be translated or instantiated: it uses a feature this runtime does not support yet
/// (the message names it), or it is inconsistent (a canonical definition whose core function has the wrong
/// type, a missing canonical option). Carries the byte offset of the offending definition when known.
/// </summary>
public sealed class ComponentException : WasmException
{
    /// <summary>Creates the exception.</summary>
    public ComponentException(string message, long offset = -1)
        : base(offset >= 0 ? $"{message} (at byte offset 0x{offset:x})" : message) => Offset = offset;

    /// <summary>Byte offset of the definition in the component binary, or -1.</summary>
    public long Offset { get; }
}
