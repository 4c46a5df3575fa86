using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using WitSharp.Wit.Binary;

namespace WitSharp.Components.Adapters;

/// <summary>
/// <c>string</c> between two components: "load_string_from_range" at the source (length limit, alignment, bounds,
/// strict decoding) and "store_string_into_range" at the destination, transcoding straight from source memory into
/// the destination's realloc'd buffer — no intermediate .NET string. Each destination encoding follows the
/// spec's algorithm for the source encoding (store_string_copy, store_string_to_utf8, store_utf8_to_utf16,
/// store_string_to_latin1_or_utf16, store_probably_utf16_to_latin1_or_utf16), so the realloc calls (sizes,
/// alignments, shrinks) are exactly the spec's and the source is fully validated before the first one.
/// </summary>
internal sealed class StringCopier() : ValueCopier(2)
{
    public static readonly StringCopier Instance = new();

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        var (ptr, units) = StringTranscoder.Copy(f.Src, f.Dst, (uint)src[0], (uint)src[1]);
        dst[0] = ptr;
        dst[1] = units;
    }

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        var (sp, su) = PointerPair.Read(f.Src, src);
        var (ptr, units) = StringTranscoder.Copy(f.Src, f.Dst, sp, su);
        PointerPair.Write(f.Dst, dst, ptr, units);
    }
}

/// <summary>The transcoding algorithms of CanonicalABI.md "Strings", reading the source bytes in place.</summary>
internal static class StringTranscoder
{
    private const uint Utf16Tag = StringRange.Utf16Tag;
    private const long MaxLength = StringRange.FusedMaxByteLength;
    private const string What = "a string";

    private enum Simple { Utf8, Utf16, Latin1 }

    /// <summary>Lifts the string (<paramref name="ptr"/>, <paramref name="tagged"/>) from <paramref name="src"/> and
    /// stores it into <paramref name="dst"/>; returns the destination's (pointer, tagged code units).</summary>
    public static (uint Ptr, uint Units) Copy(AdapterSide src, AdapterSide dst, uint ptr, uint tagged)
    {
        // load_string_from_range.
        var range = StringRange.Of(src.Encoding, tagged);
        long byteLength = range.ByteLength;
        if (byteLength > MaxLength)
            throw new TrapException(TrapCode.MemoryOutOfBounds, $"{src.Where}: string content out-of-bounds: {byteLength} bytes exceed the maximum string length ({MaxLength})");
        if (ptr % (uint)range.Alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{src.Where}: unaligned pointer: string pointer not aligned to {range.Alignment} (0x{ptr:x})");
        if ((ulong)ptr + (ulong)byteLength > src.Length)
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{src.Where}: string content out-of-bounds: string pointer/length out of bounds of memory ({byteLength} bytes at 0x{ptr:x}, memory is {src.Length} bytes)");
        Simple simple = src.Encoding switch
        {
            StringEncoding.Utf8 => Simple.Utf8,
            StringEncoding.Utf16 => Simple.Utf16,
            _ => (tagged & Utf16Tag) != 0 ? Simple.Utf16 : Simple.Latin1,
        };
        uint units = src.Encoding == StringEncoding.Latin1Utf16 ? tagged & ~Utf16Tag : tagged;
        // A long string is validated after the first realloc (as wasmtime's adapters do), so that a failing
        // realloc is reached without first reading up to 2 GiB; a short one here, where the spec decodes it.
        bool deferred = byteLength > StringRange.EagerValidationBytes;
        if (!deferred && simple == Simple.Utf8 && dst.Encoding == StringEncoding.Utf16) return StoreShortUtf8ToUtf16(src, dst, ptr, byteLength, units);
        if (!deferred) Validate(src, ptr, byteLength, simple);

        // store_string_into_range.
        var source = new Source(src, ptr, byteLength, simple, deferred);
        switch (dst.Encoding)
        {
            case StringEncoding.Utf8:
                return simple switch
                {
                    Simple.Utf8 => StoreCopy(source, dst, units, 1, 1, simple),
                    Simple.Utf16 => StoreToUtf8(source, dst, units, 3L * units, simple),
                    _ => StoreToUtf8(source, dst, units, 2L * units, simple),
                };
            case StringEncoding.Utf16:
                return simple == Simple.Utf8 ? StoreUtf8ToUtf16(source, dst, units) : StoreCopy(source, dst, units, 2, 2, simple);
            default:
                if (src.Encoding != StringEncoding.Latin1Utf16) return StoreToLatin1OrUtf16(source, dst, units, simple);
                return simple == Simple.Latin1 ? StoreCopy(source, dst, units, 1, 2, simple) : StoreProbablyUtf16ToLatin1OrUtf16(source, dst, units);
        }
    }

    /// <summary>The source bytes, re-fetched after every realloc (guest code may grow memory).</summary>
    private readonly record struct Source(AdapterSide Side, uint Ptr, long ByteLength, Simple Encoding, bool Deferred)
    {
        /// <summary>Validates a long string, whose validation waits for the realloc that precedes the copy.</summary>
        public void CheckDeferred()
        {
            if (Deferred) Validate(Side, Ptr, ByteLength, Encoding);
        }

        public ReadOnlySpan<byte> Bytes => Side.Span(Ptr, ByteLength);
        public ReadOnlySpan<char> Chars => MemoryMarshal.Cast<byte, char>(Bytes);
    }

    private static void Validate(AdapterSide src, uint ptr, long byteLength, Simple simple)
    {
        var bytes = src.Span(ptr, byteLength);
        switch (simple)
        {
            case Simple.Utf8:
                if (!Utf8.IsValid(bytes)) throw InvalidUtf8(src, ptr, bytes);
                break;
            case Simple.Utf16:
                if (StringValidation.FindUnpairedSurrogate(MemoryMarshal.Cast<byte, char>(bytes)) >= 0)
                    throw src.Trap($"string at 0x{ptr:x} is not valid UTF-16: unpaired surrogate");
                break;
        }
    }

    // The same messages as LiftLowerContext.LoadString (slow path: only on a trap).
    private static TrapException InvalidUtf8(AdapterSide src, uint ptr, ReadOnlySpan<byte> bytes)
    {
        long at = StringValidation.FindInvalidUtf8(bytes, out bool truncated);
        return src.Trap(truncated
            ? $"string at 0x{ptr:x} is not valid UTF-8: incomplete utf-8 byte sequence at 0x{ptr + at:x}"
            : $"string at 0x{ptr:x} is not valid UTF-8: invalid utf-8 at 0x{ptr + at:x}");
    }

    private static TrapException TooLong(AdapterSide dst, long size) =>
        new(TrapCode.MemoryOutOfBounds, $"{dst.Where}: string content out-of-bounds: {size} bytes exceed the maximum string length ({MaxLength})");

    /// <summary>"store_string_copy": the destination size is known from the source's code units.</summary>
    private static (uint, uint) StoreCopy(Source s, AdapterSide dst, uint units, int dstUnitSize, int dstAlignment, Simple from)
    {
        long size = (long)dstUnitSize * units;
        if (size > MaxLength) throw TooLong(dst, size);
        uint ptr = dst.Reallocate(0, 0, dstAlignment, size, What);
        s.CheckDeferred();
        var d = dst.Span(ptr, size);
        if (from == Simple.Latin1 && dstUnitSize == 2)
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
    private static (uint, uint) StoreToUtf8(Source s, AdapterSide dst, uint units, long worstCaseSize, Simple from)
    {
        uint ptr = dst.Reallocate(0, 0, 1, units, What);
        var d = dst.Span(ptr, units);
        int i;
        if (from == Simple.Utf16)
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
        if (from == Simple.Utf16)
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
    private static (uint, uint) StoreUtf8ToUtf16(Source s, AdapterSide dst, uint units)
    {
        long worstCaseSize = 2L * units;
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
    private static (uint, uint) StoreShortUtf8ToUtf16(AdapterSide src, AdapterSide dst, uint srcPtr, long byteLength, uint units)
    {
        char[] scratch = ArrayPool<char>.Shared.Rent((int)Math.Max(byteLength, 1));
        try
        {
            var bytes = src.Span(srcPtr, byteLength);
            if (Utf8.ToUtf16(bytes, scratch, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
                throw InvalidUtf8(src, srcPtr, bytes);
            long worstCaseSize = 2L * units;
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
    private static (uint, uint) StoreToLatin1OrUtf16(Source s, AdapterSide dst, uint units, Simple from)
    {
        uint ptr = dst.Reallocate(0, 0, 2, units, What);
        var d = dst.Span(ptr, units);
        int latin1 = 0; // characters (= bytes) stored so far
        int at = 0;     // where the first character above U+00FF starts in the source (code units)
        bool wide = false;
        if (from == Simple.Utf16)
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
        if (from == Simple.Utf16)
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
    private static (uint, uint) StoreProbablyUtf16ToLatin1OrUtf16(Source s, AdapterSide dst, uint units)
    {
        long srcByteLength = 2L * units;
        if (srcByteLength > MaxLength) throw TooLong(dst, srcByteLength);
        uint ptr = dst.Reallocate(0, 0, 2, srcByteLength, What);
        s.CheckDeferred();
        var chars = s.Chars;
        var d = dst.Span(ptr, srcByteLength);
        s.Bytes.CopyTo(d);
        if (chars.IndexOfAnyExceptInRange('\0', '\xff') >= 0) return (ptr, units | Utf16Tag);
        for (int i = 0; i < units; i++) d[i] = d[2 * i];
        // The spec passes alignment 1 here; wasmtime passes (and checks) 2, as the dynamic path does
        // (LiftLowerContext.Strings.cs); alignment 2 satisfies both.
        ptr = dst.Reallocate(ptr, srcByteLength, 2, units, What);
        return (ptr, units);
    }
}
