using System.Buffers.Binary;
using System.Text;

namespace WitSharp.Core.Binary;

/// <summary>Reads the primitive encodings of the binary format (LEB128 integers, IEEE bits, names,
/// vectors) from a slice of a module. Every error is a <see cref="MalformedException"/> carrying the
/// absolute byte offset (<see cref="BaseOffset"/> + position), so section readers, the validator and
/// the compiler report positions in the original module.</summary>
internal struct WasmReader
{
    private readonly ReadOnlyMemory<byte> _data;

    public WasmReader(ReadOnlyMemory<byte> data, int baseOffset = 0)
    {
        _data = data;
        BaseOffset = baseOffset;
        Position = 0;
    }

    /// <summary>Offset of <c>data[0]</c> in the whole module.</summary>
    public int BaseOffset { get; }
    /// <summary>Position relative to the start of this reader's slice.</summary>
    public int Position { get; set; }
    public readonly int Length => _data.Length;
    public readonly int Remaining => _data.Length - Position;
    public readonly bool AtEnd => Position >= _data.Length;
    /// <summary>Absolute offset in the module of the next byte.</summary>
    public readonly int Offset => BaseOffset + Position;
    public readonly ReadOnlyMemory<byte> Data => _data;

    public readonly MalformedException Error(string reason) => new(reason, Offset);
    public readonly MalformedException ErrorAt(string reason, int absoluteOffset) => new(reason, absoluteOffset);

    public byte ReadByte()
    {
        if (Position >= _data.Length) throw Error("unexpected end");
        return _data.Span[Position++];
    }

    public readonly byte PeekByte()
    {
        if (Position >= _data.Length) throw Error("unexpected end");
        return _data.Span[Position];
    }

    public ReadOnlyMemory<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining) throw Error("unexpected end");
        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    /// <summary>Unsigned LEB128 of at most 32 bits (5 bytes; unused high bits of the last byte must be 0).</summary>
    public uint ReadVarU32()
    {
        var span = _data.Span;
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (Position >= span.Length) throw Error("unexpected end");
            byte b = span[Position++];
            if (shift == 28)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                if ((b & 0x70) != 0) throw Error("integer too large");
                return result | ((uint)b << shift);
            }
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>Signed LEB128 of at most 32 bits; the unused bits of the 5th byte must sign-extend.</summary>
    public int ReadVarS32()
    {
        var span = _data.Span;
        int result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (Position >= span.Length) throw Error("unexpected end");
            byte b = span[Position++];
            if (shift == 28)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                // Bits 3..6 must all equal bit 3 (the sign of the 32-bit value).
                int high = b & 0x78;
                if (high != 0 && high != 0x78) throw Error("integer too large");
                return result | (b << shift);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (shift < 25 && (b & 0x40) != 0) result |= -1 << (shift + 7);
                return result;
            }
        }
    }

    /// <summary>Signed LEB128 of at most 33 bits, as used by block types (type indices are non-negative s33).</summary>
    public long ReadVarS33()
    {
        var span = _data.Span;
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (Position >= span.Length) throw Error("unexpected end");
            byte b = span[Position++];
            if (shift == 28)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                int high = b & 0x70;
                if (high != 0 && high != 0x70) throw Error("integer too large");
                result |= (long)b << shift;
                if ((b & 0x40) != 0) result |= -1L << 35;
                return result;
            }
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if ((b & 0x40) != 0) result |= -1L << (shift + 7);
                return result;
            }
        }
    }

    /// <summary>Unsigned LEB128 of at most 64 bits (10 bytes).</summary>
    public ulong ReadVarU64()
    {
        var span = _data.Span;
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (Position >= span.Length) throw Error("unexpected end");
            byte b = span[Position++];
            if (shift == 63)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                if ((b & 0x7E) != 0) throw Error("integer too large");
                return result | ((ulong)b << shift);
            }
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>Signed LEB128 of at most 64 bits; the unused bits of the 10th byte must sign-extend.</summary>
    public long ReadVarS64()
    {
        var span = _data.Span;
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (Position >= span.Length) throw Error("unexpected end");
            byte b = span[Position++];
            if (shift == 63)
            {
                if ((b & 0x80) != 0) throw Error("integer representation too long");
                if (b != 0 && b != 0x7F) throw Error("integer too large");
                return result | ((long)b << shift);
            }
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (shift + 7 < 64 && (b & 0x40) != 0) result |= -1L << (shift + 7);
                return result;
            }
        }
    }

    /// <summary>The raw bits of an f32 (little endian); callers keep bits so NaN payloads survive.</summary>
    public uint ReadF32Bits() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4).Span);

    public ulong ReadF64Bits() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8).Span);

    /// <summary>A length-prefixed UTF-8 name; invalid UTF-8 is "malformed UTF-8 encoding".</summary>
    public string ReadName()
    {
        int start = Offset;
        uint length = ReadVarU32();
        if (length > (uint)Remaining) throw Error("unexpected end");
        var bytes = ReadBytes((int)length);
        try
        {
            return StrictUtf8.GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            throw ErrorAt("malformed UTF-8 encoding", start);
        }
    }

    /// <summary>A vector length, checked against the bytes that remain (each element needs at least
    /// <paramref name="minElementSize"/> bytes) so a hostile count never drives a huge allocation.</summary>
    public int ReadVectorLength(int minElementSize = 1)
    {
        int at = Offset;
        uint count = ReadVarU32();
        // Only a count that cannot fit even at one byte per element fails here: the spec decodes
        // elements in order, so an entry cut short must fail where it is cut (with that entry's
        // error), not up front. The bound still caps what callers preallocate.
        if (minElementSize > 0 && count > (uint)Remaining)
            throw ErrorAt("unexpected end of section or function", at);
        if (count > int.MaxValue) throw ErrorAt("too many elements", at);
        return (int)count;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
