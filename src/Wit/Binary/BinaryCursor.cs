using System;
using System.Collections.Generic;
using System.Text;

namespace WitSharp.Wit.Binary;

/// <summary>
/// Reads the primitive encodings of Binary.md (bytes, LEB128 integers, names, vectors) from a window
/// of a byte array, reporting every failure as a <see cref="WitBinaryException"/> with the absolute offset.
/// </summary>
/// <remarks>Vector counts are checked against the bytes left in the window before anything is allocated
/// (every element takes at least one byte), so a hostile count can never cause a large allocation.</remarks>
internal sealed class BinaryCursor
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _data;
    private readonly int _end;
    private int _pos;

    public BinaryCursor(byte[] data, int start, int end)
    {
        _data = data;
        _pos = start;
        _end = end;
    }

    public byte[] Data => _data;

    public int Position => _pos;

    public int End => _end;

    public int Remaining => _end - _pos;

    public bool AtEnd => _pos >= _end;

    public WitBinaryException Error(string message) => new(message, _pos);

    public static WitBinaryException Error(string message, int offset) => new(message, offset);

    public byte ReadByte()
    {
        if (_pos >= _end) throw Error("unexpected end of data");
        return _data[_pos++];
    }

    public byte PeekByte()
    {
        if (_pos >= _end) throw Error("unexpected end of data");
        return _data[_pos];
    }

    /// <summary>Unsigned LEB128 of at most 32 bits (core <c>u32</c>).</summary>
    public uint ReadU32()
    {
        var start = _pos;
        uint result = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (_pos >= _end) throw Error("unexpected end of data in LEB128 integer", start);
            byte b = _data[_pos++];
            if (shift == 28 && (b & 0x70) != 0) throw Error("integer too large for u32", start);
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
            if (shift == 28) throw Error("integer representation too long", start);
        }
    }

    /// <summary>Signed LEB128 of at most 33 bits (core <c>s33</c>, used by block/heap types).</summary>
    public long ReadS33()
    {
        var start = _pos;
        long result = 0;
        var shift = 0;
        byte b;
        do
        {
            if (_pos >= _end) throw Error("unexpected end of data in LEB128 integer", start);
            if (shift >= 35) throw Error("integer representation too long", start);
            b = _data[_pos++];
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        if (result < -(1L << 32) || result >= (1L << 32)) throw Error("integer too large for s33", start);
        return result;
    }

    /// <summary>Unsigned LEB128 of at most 64 bits (memory64 limits).</summary>
    public ulong ReadU64()
    {
        var start = _pos;
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (_pos >= _end) throw Error("unexpected end of data in LEB128 integer", start);
            byte b = _data[_pos++];
            if (shift == 63 && (b & 0x7E) != 0) throw Error("integer too large for u64", start);
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
            if (shift == 63) throw Error("integer representation too long", start);
        }
    }

    /// <summary>A vector length: a u32 that cannot exceed the bytes left, since each element needs one.</summary>
    public int ReadCount()
    {
        var start = _pos;
        var n = ReadU32();
        if (n > (uint)Remaining) throw Error("vector length " + n + " exceeds the " + Remaining + " bytes left", start);
        return (int)n;
    }

    /// <summary>A <c>core:name</c>: a length-prefixed, well-formed UTF-8 string.</summary>
    public string ReadName()
    {
        var start = _pos;
        var n = ReadU32();
        if (n > (uint)Remaining) throw Error("name length " + n + " exceeds the " + Remaining + " bytes left", start);
        try
        {
            var s = s_strictUtf8.GetString(_data, _pos, (int)n);
            _pos += (int)n;
            return s;
        }
        catch (DecoderFallbackException)
        {
            throw Error("name is not valid UTF-8", _pos);
        }
    }

    /// <summary>Skips <paramref name="length"/> bytes, checking they exist.</summary>
    public int Skip(uint length)
    {
        var start = _pos;
        if (length > (uint)Remaining) throw Error("length " + length + " exceeds the " + Remaining + " bytes left", start);
        _pos += (int)length;
        return start;
    }

    /// <summary>Reads a vector with <paramref name="item"/> for each element.</summary>
    public IReadOnlyList<T> ReadVector<T>(Func<BinaryCursor, T> item)
    {
        var n = ReadCount();
        if (n == 0) return Array.Empty<T>();
        var list = new T[n];
        for (var i = 0; i < n; i++) list[i] = item(this);
        return list;
    }

    /// <summary>Reads an optional value encoded as <c>0x00</c> (absent) or <c>0x01 t</c>.</summary>
    public bool ReadOptionFlag(string what)
    {
        var at = _pos;
        var b = ReadByte();
        return b switch
        {
            0x00 => false,
            0x01 => true,
            _ => throw Error("invalid " + what + " presence byte 0x" + b.ToString("x2"), at),
        };
    }

    /// <summary>A cursor over the next <paramref name="length"/> bytes; this cursor moves past them.</summary>
    public BinaryCursor Slice(uint length)
    {
        var start = Skip(length);
        return new BinaryCursor(_data, start, _pos);
    }

    public void ExpectEnd(string what)
    {
        if (_pos != _end) throw Error(what + " has " + (_end - _pos) + " unexpected trailing bytes");
    }
}
