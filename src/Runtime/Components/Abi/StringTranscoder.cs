using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using WitSharp.Components.Adapters;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// <c>string</c> between two components (CanonicalABI.md "Strings"): "load_string_from_range" at the source (length
/// limit, alignment, bounds, strict decoding) and "store_string_into_range" at the destination, transcoding straight
/// from the source bytes into the destination's realloc'd buffer — no intermediate .NET string. Each destination
/// encoding follows the spec's algorithm for the source encoding (store_string_copy, store_string_to_utf8,
/// store_utf8_to_utf16, store_string_to_latin1_or_utf16, store_probably_utf16_to_latin1_or_utf16), so the realloc
/// calls (sizes, alignments, shrinks) are exactly the spec's. The one implementation for both the fused adapters
/// (<see cref="Copy"/>, via <see cref="StringCopier"/>) and the dynamic path (<see cref="Load"/> when lifted,
/// <see cref="Store"/> when lowered, <see cref="LiftLowerContext"/>).
/// </summary>
/// <remarks>
/// <para>Length limit: every byte length (the source's and each allocation's) must stay below 2^31, wasmtime's limit
/// for its fused adapters, which wasmtime's big-strings.wast checks at each boundary; the host-facing paths keep the
/// spec's MAX_STRING_BYTE_LENGTH (docs/RATIONALE.md "String length limits").</para>
/// <para>Order: a string up to <see cref="StringRange.EagerValidationBytes"/> is validated when lifted, as the spec
/// decodes it there; a longer one is validated after the first realloc (as wasmtime's adapters do), so that a
/// failing realloc is reached without first reading gigabytes. Source and destination spans are fetched again after
/// every realloc because realloc may grow (and move) memory.</para>
/// </remarks>
internal static class StringTranscoder
{
    private const uint Utf16Tag = StringRange.Utf16Tag;
    private const long MaxLength = StringRange.FusedMaxByteLength;
    private const string What = "a string";

    /// <summary>Lifts the string (<paramref name="ptr"/>, <paramref name="tagged"/>) from <paramref name="src"/> and
    /// stores it into <paramref name="dst"/>; returns the destination's (pointer, tagged code units). The two sides
    /// must not share a memory (see <see cref="StringOrigins"/>).</summary>
    public static (uint Ptr, uint Units) Copy(AdapterSide src, AdapterSide dst, uint ptr, uint tagged)
    {
        var s = Range(src, ptr, tagged);
        if (!s.Deferred)
        {
            if (s.Simple == SimpleEncoding.Utf8 && dst.Encoding == StringEncoding.Utf16) return StoreShortUtf8ToUtf16(s, dst);
            Validate(s);
        }
        return Store(s, dst);
    }

    /// <summary>"load_string_from_range": checks the range and (unless deferred) the contents; reads nothing else.</summary>
    public static LiftedString Load(AdapterSide src, uint ptr, uint tagged)
    {
        var s = Range(src, ptr, tagged);
        if (!s.Deferred) Validate(s);
        return s;
    }

    private static LiftedString Range(AdapterSide src, uint ptr, uint tagged)
    {
        var range = StringRange.Of(src.Encoding, tagged);
        long byteLength = range.ByteLength;
        if (byteLength > MaxLength)
            throw new TrapException(TrapCode.MemoryOutOfBounds, $"{src.Where}: string content out-of-bounds: {byteLength} bytes exceed the maximum string length ({MaxLength})");
        if (ptr % (uint)range.Alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{src.Where}: unaligned pointer: string pointer not aligned to {range.Alignment} (0x{ptr:x})");
        if ((ulong)ptr + (ulong)byteLength > src.Length)
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{src.Where}: string content out-of-bounds: string pointer/length out of bounds of memory ({byteLength} bytes at 0x{ptr:x}, memory is {src.Length} bytes)");
        var simple = src.Encoding switch
        {
            StringEncoding.Utf8 => SimpleEncoding.Utf8,
            StringEncoding.Utf16 => SimpleEncoding.Utf16,
            _ => (tagged & Utf16Tag) != 0 ? SimpleEncoding.Utf16 : SimpleEncoding.Latin1,
        };
        uint units = src.Encoding == StringEncoding.Latin1Utf16 ? tagged & ~Utf16Tag : tagged;
        return new LiftedString(src, ptr, tagged, units, byteLength, simple, byteLength > StringRange.EagerValidationBytes);
    }

    /// <summary>"store_string_into_range": stores <paramref name="s"/> into <paramref name="dst"/>.</summary>
    public static (uint Ptr, uint Units) Store(in LiftedString s, AdapterSide dst)
    {
        uint units = s.Units;
        switch (dst.Encoding)
        {
            case StringEncoding.Utf8:
                return s.Simple switch
                {
                    SimpleEncoding.Utf8 => StoreCopy(s, dst, 1, 1),
                    SimpleEncoding.Utf16 => StoreToUtf8(s, dst, 3L * units),
                    _ => StoreToUtf8(s, dst, 2L * units),
                };
            case StringEncoding.Utf16:
                return s.Simple == SimpleEncoding.Utf8 ? StoreUtf8ToUtf16(s, dst) : StoreCopy(s, dst, 2, 2);
            default:
                if (s.Encoding != StringEncoding.Latin1Utf16) return StoreToLatin1OrUtf16(s, dst);
                return s.Simple == SimpleEncoding.Latin1 ? StoreCopy(s, dst, 1, 2) : StoreProbablyUtf16ToLatin1OrUtf16(s, dst);
        }
    }

    /// <summary>Traps unless the bytes of <paramref name="s"/> decode strictly in its encoding.</summary>
    internal static void Validate(in LiftedString s)
    {
        switch (s.Simple)
        {
            case SimpleEncoding.Utf8:
                var bytes = s.Bytes;
                if (!Utf8.IsValid(bytes)) throw InvalidUtf8(s, bytes);
                break;
            case SimpleEncoding.Utf16:
                long at = StringValidation.FindUnpairedSurrogate(s.Chars);
                if (at >= 0) throw s.Side.Trap($"string at 0x{s.Ptr:x} is not valid UTF-16: unpaired surrogate at 0x{s.Ptr + 2 * at:x}");
                break;
        }
    }

    // The same messages as LiftLowerContext.LoadString (slow path: only on a trap).
    private static TrapException InvalidUtf8(in LiftedString s, ReadOnlySpan<byte> bytes)
    {
        long at = StringValidation.FindInvalidUtf8(bytes, out bool truncated);
        return s.Side.Trap(truncated
            ? $"string at 0x{s.Ptr:x} is not valid UTF-8: incomplete utf-8 byte sequence at 0x{s.Ptr + at:x}"
            : $"string at 0x{s.Ptr:x} is not valid UTF-8: invalid utf-8 at 0x{s.Ptr + at:x}");
    }

    private static TrapException TooLong(AdapterSide dst, long size) =>
        new(TrapCode.MemoryOutOfBounds, $"{dst.Where}: string content out-of-bounds: {size} bytes exceed the maximum string length ({MaxLength})");

    /// <summary>"store_string_copy": the destination size is known from the source's code units.</summary>
    private static (uint, uint) StoreCopy(in LiftedString s, AdapterSide dst, int dstUnitSize, int dstAlignment)
    {
        uint units = s.Units;
        long size = (long)dstUnitSize * units;
        if (size > MaxLength) throw TooLong(dst, size);
        uint ptr = dst.Reallocate(0, 0, dstAlignment, size, What);
        s.CheckDeferred();
        var d = dst.Span(ptr, size);
        if (s.Simple == SimpleEncoding.Latin1 && dstUnitSize == 2)
        {
            // latin1 → UTF-16: every byte is one code unit.
            var chars = MemoryMarshal.Cast<byte, char>(d);
            var b = s.Bytes;
            for (int i = 0; i < b.Length; i++) chars[i] = (char)b[i];
        }
        else
        {
            s.Bytes.CopyTo(d);
        }
        return (ptr, units);
    }

    /// <summary>"store_string_to_utf8" (source latin1 or UTF-16): one byte per code unit while the string is
    /// ASCII; at the first other character grow to the worst case, encode the rest, shrink to the encoded length.</summary>
    private static (uint, uint) StoreToUtf8(in LiftedString s, AdapterSide dst, long worstCaseSize)
    {
        uint units = s.Units;
        uint ptr = dst.Reallocate(0, 0, 1, units, What);
        var d = dst.Span(ptr, units);
        int i;
        if (s.Simple == SimpleEncoding.Utf16)
        {
            var chars = s.Chars;
            i = chars.IndexOfAnyExceptInRange('\0', '\x7f');
            System.Text.Ascii.FromUtf16(i < 0 ? chars : chars[..i], d, out _);
        }
        else
        {
            var bytes = s.Bytes;
            i = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7f);
            (i < 0 ? bytes : bytes[..i]).CopyTo(d);
        }
        if (i < 0) return (ptr, units);

        if (worstCaseSize > MaxLength) throw TooLong(dst, worstCaseSize);
        ptr = dst.Reallocate(ptr, units, 1, worstCaseSize, What);
        // The scan above validated what it read (an invalid sequence ends it); the rest is checked here.
        s.CheckDeferred();
        d = dst.Span(ptr, worstCaseSize);
        int written;
        if (s.Simple == SimpleEncoding.Utf16)
        {
            Utf8.FromUtf16(s.Chars[i..], d[i..], out _, out written, replaceInvalidSequences: false);
        }
        else
        {
            written = 0;
            var rest = d[i..];
            foreach (byte b in s.Bytes[i..])
            {
                if (b < 0x80)
                {
                    rest[written++] = b;
                }
                else
                {
                    rest[written++] = (byte)(0xC0 | (b >> 6));
                    rest[written++] = (byte)(0x80 | (b & 0x3F));
                }
            }
        }
        long length = i + written;
        if (worstCaseSize > length) ptr = dst.Reallocate(ptr, worstCaseSize, 1, length, What);
        return (ptr, (uint)length);
    }

    /// <summary>"store_utf8_to_utf16": worst case two bytes per UTF-8 byte, shrunk afterwards.</summary>
    private static (uint, uint) StoreUtf8ToUtf16(in LiftedString s, AdapterSide dst)
    {
        long worstCaseSize = 2L * s.Units;
        if (worstCaseSize > MaxLength) throw TooLong(dst, worstCaseSize);
        uint ptr = dst.Reallocate(0, 0, 2, worstCaseSize, What);
        s.CheckDeferred();
        var d = MemoryMarshal.Cast<byte, char>(dst.Span(ptr, worstCaseSize));
        Utf8.ToUtf16(s.Bytes, d, out _, out int written, replaceInvalidSequences: false);
        long length = 2L * written;
        if (length < worstCaseSize) ptr = dst.Reallocate(ptr, worstCaseSize, 2, length, What);
        return (ptr, (uint)written);
    }

    /// <summary>"store_utf8_to_utf16" for a string validated eagerly: decoded once, into a scratch buffer, before
    /// the first realloc — that pass is the validation — then copied (instead of validating, then decoding).</summary>
    private static (uint, uint) StoreShortUtf8ToUtf16(in LiftedString s, AdapterSide dst)
    {
        char[] scratch = ArrayPool<char>.Shared.Rent((int)Math.Max(s.ByteLength, 1));
        try
        {
            var bytes = s.Bytes;
            if (Utf8.ToUtf16(bytes, scratch, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
                throw InvalidUtf8(s, bytes);
            long worstCaseSize = 2L * s.Units;
            if (worstCaseSize > MaxLength) throw TooLong(dst, worstCaseSize);
            uint ptr = dst.Reallocate(0, 0, 2, worstCaseSize, What);
            scratch.AsSpan(0, written).CopyTo(MemoryMarshal.Cast<byte, char>(dst.Span(ptr, worstCaseSize)));
            long length = 2L * written;
            if (length < worstCaseSize) ptr = dst.Reallocate(ptr, worstCaseSize, 2, length, What);
            return (ptr, (uint)written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    /// <summary>"store_string_to_latin1_or_utf16" (source utf8 or utf16): latin1 until the first character above
    /// U+00FF, then inflate in place to UTF-16 at the worst-case size and encode the rest.</summary>
    private static (uint, uint) StoreToLatin1OrUtf16(in LiftedString s, AdapterSide dst)
    {
        uint units = s.Units;
        uint ptr = dst.Reallocate(0, 0, 2, units, What);
        var d = dst.Span(ptr, units);
        int latin1 = 0; // characters (= bytes) stored so far
        int at = 0;     // where the first character above U+00FF starts in the source (code units)
        bool wide = false;
        if (s.Simple == SimpleEncoding.Utf16)
        {
            var chars = s.Chars;
            int k = chars.IndexOfAnyExceptInRange('\0', '\xff');
            latin1 = k < 0 ? chars.Length : k;
            for (int j = 0; j < latin1; j++) d[j] = (byte)chars[j];
            wide = k >= 0;
            at = latin1;
        }
        else
        {
            var bytes = s.Bytes;
            while (at < bytes.Length)
            {
                byte b = bytes[at];
                if (b < 0x80)
                {
                    d[latin1++] = b;
                    at++;
                    continue;
                }
                System.Text.Rune.DecodeFromUtf8(bytes[at..], out var rune, out int consumed);
                if (rune.Value >= 0x100)
                {
                    wide = true;
                    break;
                }
                d[latin1++] = (byte)rune.Value;
                at += consumed;
            }
        }
        if (!wide)
        {
            if (latin1 < units) ptr = dst.Reallocate(ptr, units, 2, latin1, What);
            return (ptr, (uint)latin1);
        }

        long worstCaseSize = 2L * units;
        if (worstCaseSize > MaxLength) throw TooLong(dst, worstCaseSize);
        ptr = dst.Reallocate(ptr, units, 2, worstCaseSize, What);
        // The scan above validated what it read (an invalid sequence ends it); the rest is checked here.
        s.CheckDeferred();
        d = dst.Span(ptr, worstCaseSize);
        for (int j = latin1 - 1; j >= 0; j--)
        {
            d[2 * j] = d[j];
            d[2 * j + 1] = 0;
        }
        var rest = MemoryMarshal.Cast<byte, char>(d[(2 * latin1)..]);
        int restUnits;
        if (s.Simple == SimpleEncoding.Utf16)
        {
            var tail = s.Chars[at..];
            tail.CopyTo(rest);
            restUnits = tail.Length;
        }
        else
        {
            Utf8.ToUtf16(s.Bytes[at..], rest, out _, out restUnits, replaceInvalidSequences: false);
        }
        long length = 2L * (latin1 + restUnits);
        if (worstCaseSize > length) ptr = dst.Reallocate(ptr, worstCaseSize, 2, length, What);
        return (ptr, (uint)(latin1 + restUnits) | Utf16Tag);
    }

    /// <summary>"store_probably_utf16_to_latin1_or_utf16" (source latin1+utf16 holding UTF-16): copy as UTF-16,
    /// then compress to latin1 in place if every character fits.</summary>
    private static (uint, uint) StoreProbablyUtf16ToLatin1OrUtf16(in LiftedString s, AdapterSide dst)
    {
        uint units = s.Units;
        long srcByteLength = 2L * units;
        if (srcByteLength > MaxLength) throw TooLong(dst, srcByteLength);
        uint ptr = dst.Reallocate(0, 0, 2, srcByteLength, What);
        s.CheckDeferred();
        var d = dst.Span(ptr, srcByteLength);
        s.Bytes.CopyTo(d);
        if (s.Chars.IndexOfAnyExceptInRange('\0', '\xff') >= 0) return (ptr, units | Utf16Tag);
        for (int i = 0; i < units; i++) d[i] = d[2 * i];
        // The spec passes alignment 1 here; wasmtime passes (and checks) 2, the alignment of any latin1+utf16
        // string, and its strings.wast relies on that. Alignment 2 satisfies both.
        ptr = dst.Reallocate(ptr, srcByteLength, 2, units, What);
        return (ptr, units);
    }
}
