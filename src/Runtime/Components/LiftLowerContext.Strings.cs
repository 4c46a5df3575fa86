using System.Runtime.InteropServices;
using System.Text;
using WitSharp.Components.Adapters;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// Strings (CanonicalABI.md "load_string_from_range", "store_string_into_range"). Lifting checks the length
/// limit, alignment and bounds, then decodes strictly. Between two components (<see cref="Origins"/> set) the
/// fused adapters' <see cref="StringTranscoder"/> does both halves: the string stays in the source memory when
/// lifted and is transcoded memory to memory when lowered, with the spec's allocations and realloc calls; a host
/// string is stored with one exact allocation.
/// </summary>
internal sealed partial class LiftLowerContext
{
    private AdapterSide? _side;

    /// <summary>This context as a <see cref="StringTranscoder"/> end.</summary>
    private AdapterSide Side => _side ??= new AdapterSide(Options, Where);

    /// <summary>"load_string_from_range". Between two components the string stays where it is, recorded in
    /// <see cref="Origins"/> (snapshotted when both ends share one memory, see <see cref="StringOrigins"/>); for
    /// the host it is decoded into a .NET string. Either way the length limit, alignment and bounds are checked
    /// before anything is read or allocated.</summary>
    public ComponentValue LoadString(uint ptr, uint taggedCodeUnits)
    {
        if (Origins is not null)
        {
            var source = StringTranscoder.Load(Side, ptr, taggedCodeUnits);
            // A fresh placeholder per string: the origins are keyed by identity.
            var value = ComponentValue.String(string.Empty);
            Origins.Record(value, source);
            return value;
        }
        var (alignment, byteLength, encoding) = StringRange.Of(Options.StringEncoding, taggedCodeUnits);
        if (byteLength > MaxStringByteLength)
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: string content out-of-bounds: {byteLength} bytes exceed MAX_STRING_BYTE_LENGTH ({MaxStringByteLength})");
        if (ptr % alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: unaligned pointer: string pointer not aligned to {alignment} (0x{ptr:x})");
        if (ptr + byteLength > Memory.GetLength())
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: string content out-of-bounds: string pointer/length out of bounds of memory ({byteLength} bytes at 0x{ptr:x}, memory is {Memory.GetLength()} bytes)");
        var bytes = Memory.GetSpan(ptr, (int)byteLength);
        CheckContents(bytes, ptr, encoding);
        return ComponentValue.String(encoding.GetString(bytes));
    }

    /// <summary>Traps unless <paramref name="bytes"/> (at guest address <paramref name="ptr"/>) decode strictly in
    /// <paramref name="encoding"/>; reads in place, allocates nothing.</summary>
    private void CheckContents(ReadOnlySpan<byte> bytes, long ptr, Encoding encoding)
    {
        if (encoding == StrictUtf8)
        {
            long at = StringValidation.FindInvalidUtf8(bytes, out bool truncated);
            if (at >= 0)
                throw Trap(truncated
                    ? $"string at 0x{ptr:x} is not valid UTF-8: incomplete utf-8 byte sequence at 0x{ptr + at:x}"
                    : $"string at 0x{ptr:x} is not valid UTF-8: invalid utf-8 at 0x{ptr + at:x}");
        }
        else if (encoding == StrictUtf16)
        {
            long at = StringValidation.FindUnpairedSurrogate(MemoryMarshal.Cast<byte, char>(bytes));
            if (at >= 0) throw Trap($"string at 0x{ptr:x} is not valid UTF-16: unpaired surrogate at 0x{ptr + 2 * at:x}");
        }
    }

    /// <summary>Stores a string with the options' encoding; returns (pointer, tagged code units).</summary>
    public (uint Ptr, uint Units) StoreString(ComponentValue v)
    {
        if (Origins is not null && Origins.TryGet(v, out var source)) return StringTranscoder.Store(source, Side);
        return StoreHostString(v.Text!);
    }

    /// <summary>A host string is the source: one exact allocation in the options' encoding (the spec leaves the
    /// host's own representation open), encoded straight into guest memory by the typed path's code
    /// (<see cref="Typed.StringMarshaler.Lower{TDst}"/>). Unpaired surrogates are the host's error.</summary>
    private (uint Ptr, uint Units) StoreHostString(string s) => Typed.StringMarshaler.Lower(new Typed.DynamicDestination(this), s);

    /// <summary>Guest bytes for <see cref="Typed.DynamicDestination"/>, bounds-checked.</summary>
    internal Span<byte> StringBytes(uint ptr, int length) => Bytes(ptr, length);
}
