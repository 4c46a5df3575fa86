using System;

namespace WitSharp.Wit.Binary;

/// <summary>
/// A component binary (or an embedded <c>component-type</c> section) is malformed: the bytes do not
/// follow the grammar of Binary.md. <see cref="Offset"/> is the byte offset of the problem, counted from the
/// start of the buffer handed to <see cref="ComponentDecoder"/>.
/// </summary>
/// <remarks>The WIT library cannot reference the runtime, so this is its own exception type; the runtime
/// wraps it in its <c>MalformedException</c> keeping the offset.</remarks>
public sealed class WitBinaryException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="offset"/>.</summary>
    public WitBinaryException(string message, long offset)
        : base(message + " (at byte offset " + offset + ")")
    {
        Offset = offset;
        Reason = message;
    }

    /// <summary>Byte offset of the malformed item.</summary>
    public long Offset { get; }

    /// <summary>The message without the offset suffix.</summary>
    public string Reason { get; }
}
