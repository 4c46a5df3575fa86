using System.Text;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// Strings (CanonicalABI.md "load_string_from_range", "store_string_into_range"). Lifting checks the length
/// limit, alignment and bounds, then decodes strictly. Lowering a string that was lifted from another component
/// follows the spec's transcoding algorithms exactly (the same allocations and realloc calls, each result
/// checked); a host string is stored with one exact allocation.
/// </summary>
internal sealed partial class LiftLowerContext
{
    /// <summary>"load_string_from_range".</summary>
    public ComponentValue LoadString(uint ptr, uint taggedCodeUnits)
    {
        var (alignment, byteLength, encoding) = StringRange.Of(Options.StringEncoding, taggedCodeUnits);
        if (byteLength > MaxStringByteLength)
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: string content out-of-bounds: {byteLength} bytes exceed MAX_STRING_BYTE_LENGTH");
        if (ptr % alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: unaligned pointer: string pointer not aligned to {alignment} (0x{ptr:x})");
        if (ptr + byteLength > Memory.GetLength())
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: string content out-of-bounds: string pointer/length out of bounds of memory ({byteLength} bytes at 0x{ptr:x}, memory is {Memory.GetLength()} bytes)");
        var bytes = Memory.GetSpan(ptr, (int)byteLength);
        ComponentValue value;
        try
        {
            value = ComponentValue.String(encoding.GetString(bytes));
        }
        catch (DecoderFallbackException e)
        {
            throw Trap(encoding == StrictUtf8
                ? (e.Index + e.BytesUnknown!.Length >= bytes.Length && IsTruncatedUtf8(bytes, e.Index)
                    ? $"string at 0x{ptr:x} is not valid UTF-8: incomplete utf-8 byte sequence at 0x{ptr + e.Index:x}"
                    : $"string at 0x{ptr:x} is not valid UTF-8: invalid utf-8 at 0x{ptr + e.Index:x}")
                : $"string at 0x{ptr:x} is not valid UTF-16: unpaired surrogate");
        }
        Origins?.Record(value, Options.StringEncoding, taggedCodeUnits);
        return value;
    }

    private static bool IsTruncatedUtf8(ReadOnlySpan<byte> bytes, int at)
    {
        byte lead = bytes[at];
        int need = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
        return need > 0 && bytes.Length - at < need;
    }

    /// <summary>Stores a string with the options' encoding; returns (pointer, tagged code units).</summary>
    public (uint Ptr, uint Units) StoreString(ComponentValue v)
    {
        if (Origins is not null && Origins.TryGet(v, out var origin)) return Transcode(v.Text!, origin.Encoding, origin.TaggedCodeUnits);
        return StoreHostString(v.Text!);
    }

    /// <summary>A host string is the source: each encoding is one exact allocation (the spec leaves the host's
    /// own representation open). Unpaired surrogates are the host's error.</summary>
    private (uint Ptr, uint Units) StoreHostString(string s)
    {
        byte[] bytes;
        int alignment;
        uint units;
        try
        {
            switch (Options.StringEncoding)
            {
                case StringEncoding.Utf8:
                    bytes = StrictUtf8.GetBytes(s); alignment = 1; units = (uint)bytes.Length;
                    break;
                case StringEncoding.Utf16:
                    bytes = StrictUtf16.GetBytes(s); alignment = 2; units = (uint)s.Length;
                    break;
                default:
                    alignment = 2;
                    if (IsLatin1(s)) { bytes = Encoding.Latin1.GetBytes(s); units = (uint)s.Length; }
                    else { bytes = StrictUtf16.GetBytes(s); units = (uint)s.Length | Utf16Tag; }
                    break;
            }
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"{Where}: the string contains an unpaired surrogate and is not a valid component string", e);
        }
        if (bytes.Length > MaxStringByteLength) throw new ArgumentException($"{Where}: the string is longer than MAX_STRING_BYTE_LENGTH");
        long ptr = Allocate(alignment, bytes.Length, "a string");
        bytes.CopyTo(Memory.GetSpan(ptr, bytes.Length));
        return ((uint)ptr, units);
    }

    private static bool IsLatin1(string s)
    {
        foreach (char c in s)
        {
            if (c > '\u00ff') return false;
        }
        return true;
    }

    /// <summary>"store_string_into_range" from a string lifted with <paramref name="srcEncoding"/>.</summary>
    private (uint Ptr, uint Units) Transcode(string s, StringEncoding srcEncoding, uint srcTagged)
    {
        // The source's simple encoding: latin1+utf16 splits on the tag bit.
        bool srcLatin1 = false, srcUtf16 = srcEncoding == StringEncoding.Utf16;
        uint srcUnits = srcTagged;
        if (srcEncoding == StringEncoding.Latin1Utf16)
        {
            if ((srcTagged & Utf16Tag) != 0) { srcUtf16 = true; srcUnits = srcTagged ^ Utf16Tag; }
            else srcLatin1 = true;
        }
        switch (Options.StringEncoding)
        {
            case StringEncoding.Utf8:
                if (srcLatin1) return StoreToUtf8(s, srcUnits, 2L * srcUnits);
                if (srcUtf16) return StoreToUtf8(s, srcUnits, 3L * srcUnits);
                return StoreCopy(Encoding.UTF8.GetBytes(s), srcUnits, 1);
            case StringEncoding.Utf16:
                if (srcUtf16 || srcLatin1) return StoreCopy(StrictUtf16.GetBytes(s), srcUnits, 2);
                return StoreUtf8ToUtf16(s, srcUnits);
            default:
                if (srcEncoding != StringEncoding.Latin1Utf16) return StoreToLatin1OrUtf16(s, srcUnits);
                if (srcLatin1) return StoreCopy(Encoding.Latin1.GetBytes(s), srcUnits, 2);
                return StoreProbablyUtf16ToLatin1OrUtf16(s, srcUnits);
        }
    }

    /// <summary>"store_string_copy": the destination size is known from the source's code units.</summary>
    private (uint, uint) StoreCopy(byte[] encoded, uint srcUnits, int alignment)
    {
        long ptr = Allocate(alignment, encoded.Length, "a string");
        encoded.CopyTo(Memory.GetSpan(ptr, encoded.Length));
        return ((uint)ptr, srcUnits);
    }

    /// <summary>"store_string_to_utf8": optimistic one byte per code unit, grown to the worst case at the
    /// first non-ASCII character, then shrunk to the encoded length.</summary>
    private (uint, uint) StoreToUtf8(string s, uint srcUnits, long worstCaseSize)
    {
        long ptr = Allocate(1, srcUnits, "a string");
        int i = 0;
        while (i < s.Length && s[i] < 0x80) i++;
        if (i == s.Length)
        {
            Encoding.ASCII.GetBytes(s, Memory.GetSpan(ptr, s.Length));
            return ((uint)ptr, srcUnits);
        }
        Encoding.ASCII.GetBytes(s.AsSpan(0, i), Memory.GetSpan(ptr, i));
        var encoded = Encoding.UTF8.GetBytes(s);
        ptr = Reallocate(ptr, srcUnits, 1, worstCaseSize, "a string");
        encoded.AsSpan(i).CopyTo(Memory.GetSpan(ptr + i, encoded.Length - i));
        if (worstCaseSize > encoded.Length) ptr = Reallocate(ptr, worstCaseSize, 1, encoded.Length, "a string");
        return ((uint)ptr, (uint)encoded.Length);
    }

    /// <summary>"store_utf8_to_utf16": worst case two bytes per UTF-8 byte, shrunk afterwards.</summary>
    private (uint, uint) StoreUtf8ToUtf16(string s, uint srcUnits)
    {
        long worstCaseSize = 2L * srcUnits;
        long ptr = Allocate(2, worstCaseSize, "a string");
        var encoded = StrictUtf16.GetBytes(s);
        encoded.CopyTo(Memory.GetSpan(ptr, encoded.Length));
        if (encoded.Length < worstCaseSize) ptr = Reallocate(ptr, worstCaseSize, 2, encoded.Length, "a string");
        return ((uint)ptr, (uint)(encoded.Length / 2));
    }

    /// <summary>"store_string_to_latin1_or_utf16" (source utf8 or utf16): latin1 until the first character
    /// above U+00FF, then inflate in place to UTF-16 at the worst-case size.</summary>
    private (uint, uint) StoreToLatin1OrUtf16(string s, uint srcUnits)
    {
        long ptr = Allocate(2, srcUnits, "a string");
        int latin1 = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (rune.Value < 0x100)
            {
                Memory.GetSpan(ptr + latin1, 1)[0] = (byte)rune.Value;
                latin1++;
                continue;
            }
            long worstCaseSize = 2L * srcUnits;
            ptr = Reallocate(ptr, srcUnits, 2, worstCaseSize, "a string");
            var encoded = StrictUtf16.GetBytes(s);
            var dst = Memory.GetSpan(ptr, (int)worstCaseSize);
            for (int j = latin1 - 1; j >= 0; j--)
            {
                dst[2 * j] = dst[j];
                dst[2 * j + 1] = 0;
            }
            encoded.AsSpan(2 * latin1).CopyTo(dst[(2 * latin1)..]);
            if (worstCaseSize > encoded.Length) ptr = Reallocate(ptr, worstCaseSize, 2, encoded.Length, "a string");
            return ((uint)ptr, (uint)(encoded.Length / 2) | Utf16Tag);
        }
        if (latin1 < srcUnits) ptr = Reallocate(ptr, srcUnits, 2, latin1, "a string");
        return ((uint)ptr, (uint)latin1);
    }

    /// <summary>"store_probably_utf16_to_latin1_or_utf16" (source latin1+utf16 holding UTF-16): copy as UTF-16,
    /// and compress to latin1 in place if every character fits.</summary>
    private (uint, uint) StoreProbablyUtf16ToLatin1OrUtf16(string s, uint srcUnits)
    {
        long srcByteLength = 2L * srcUnits;
        long ptr = Allocate(2, srcByteLength, "a string");
        var encoded = StrictUtf16.GetBytes(s);
        encoded.CopyTo(Memory.GetSpan(ptr, encoded.Length));
        if (!IsLatin1(s)) return ((uint)ptr, (uint)(encoded.Length / 2) | Utf16Tag);
        int latin1Size = encoded.Length / 2;
        var span = Memory.GetSpan(ptr, encoded.Length);
        for (int i = 0; i < latin1Size; i++) span[i] = span[2 * i];
        // The spec passes alignment 1 here; wasmtime passes (and checks) 2, the alignment of any latin1+utf16 string,
        // and its strings.wast relies on that. Alignment 2 satisfies both.
        ptr = Reallocate(ptr, srcByteLength, 2, latin1Size, "a string");
        return ((uint)ptr, (uint)latin1Size);
    }
}
