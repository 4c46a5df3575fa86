using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// "store_string_into_range" for a string lifted from another component (CanonicalABI.md "Strings"): the spec's
/// transcoding algorithms step for step (the same realloc calls with the same sizes, each result checked), reading
/// the source directly from the caller's memory and writing the destination's, so no intermediate .NET string or
/// byte array proportional to the string is ever made (a 2 GiB string moves with 2 GiB of guest memory and nothing
/// on the host heap). Spans are fetched again after every realloc because realloc may grow (and move) memory.
/// <para>Length limit: every byte length (the source's and each allocation's) must stay below 2^31, wasmtime's
/// limit for its fused adapters, which wasmtime's big-strings.wast checks at each boundary; the host-facing
/// paths keep the spec's MAX_STRING_BYTE_LENGTH (docs/RATIONALE.md "String length limits").</para>
/// <para>Order: a string up to <see cref="EagerValidationBytes"/> is validated when lifted, as the spec decodes it
/// there; a longer one is validated while it is transcoded, after the first realloc (as wasmtime's adapters do),
/// so that a failing realloc is reached without first reading gigabytes.</para>
/// </summary>
internal sealed partial class LiftLowerContext
{
    /// <summary>Byte-length limit of strings between components: 2^31 - 1.</summary>
    internal const long FusedMaxStringByteLength = StringRange.FusedMaxByteLength;

    /// <summary>Strings up to this many bytes are validated at lift time.</summary>
    internal const long EagerValidationBytes = StringRange.EagerValidationBytes;

    private ComponentValue LoadGuestString(uint ptr, uint taggedCodeUnits, long byteLength)
    {
        var encoding = Options.StringEncoding;
        bool validate = byteLength <= EagerValidationBytes;
        if (validate) CheckContents(Memory.GetSpan(ptr, (int)byteLength), ptr, StringRange.Of(encoding, taggedCodeUnits).Encoding);
        // A fresh placeholder per string: the origins are keyed by identity.
        var value = ComponentValue.String(string.Empty);
        Origins!.Record(value, new GuestString(Memory, ptr, encoding, taggedCodeUnits, validate));
        return value;
    }

    private (uint Ptr, uint Units) Transcode(GuestString src)
    {
        // The source's simple encoding: latin1+utf16 splits on the tag bit.
        bool srcLatin1 = false, srcUtf16 = src.Encoding == StringEncoding.Utf16;
        uint units = src.TaggedCodeUnits;
        if (src.Encoding == StringEncoding.Latin1Utf16)
        {
            if ((units & Utf16Tag) != 0) { srcUtf16 = true; units ^= Utf16Tag; }
            else srcLatin1 = true;
        }
        switch (Options.StringEncoding)
        {
            case StringEncoding.Utf8:
                if (srcLatin1) return StoreToUtf8(src, units, 2L * units, srcUtf16: false);
                if (srcUtf16) return StoreToUtf8(src, units, 3L * units, srcUtf16: true);
                return StoreCopy(src, units, 1, 1, SourceCheck.Utf8);
            case StringEncoding.Utf16:
                if (srcUtf16) return StoreCopy(src, units, 2, 2, SourceCheck.Utf16);
                if (srcLatin1) return StoreLatin1ToUtf16(src, units);
                return StoreUtf8ToUtf16(src, units);
            default:
                if (src.Encoding != StringEncoding.Latin1Utf16) return StoreToLatin1OrUtf16(src, units, srcUtf16);
                if (srcLatin1) return StoreCopy(src, units, 1, 2, SourceCheck.None);
                return StoreProbablyUtf16ToLatin1OrUtf16(src, units);
        }
    }

    private static ReadOnlySpan<byte> SrcBytes(in GuestString src, long byteLength) => src.Memory.GetSpan(src.Ptr, (int)byteLength);

    private static ReadOnlySpan<char> SrcChars(in GuestString src, long units) => MemoryMarshal.Cast<byte, char>(SrcBytes(src, 2 * units));

    private Span<byte> Dst(long ptr, long byteLength) => Memory.GetSpan(ptr, (int)byteLength);

    private void CheckFusedLength(long byteLength)
    {
        if (byteLength > FusedMaxStringByteLength)
            throw new TrapException(TrapCode.StringOutOfBounds,
                $"{Where}: string content out-of-bounds: transcoding needs {byteLength} bytes, over the maximum string length ({FusedMaxStringByteLength})");
    }

    /// <summary>Validates a source that was too long to validate when it was lifted.</summary>
    private void EnsureValid(in GuestString src, long byteLength, bool utf16)
    {
        if (src.Validated) return;
        CheckContents(SrcBytes(src, byteLength), src.Ptr, utf16 ? StrictUtf16 : StrictUtf8);
    }

    private TrapException InvalidSource(in GuestString src, bool utf16, long at) => Trap(utf16
        ? $"string at 0x{src.Ptr:x} is not valid UTF-16: unpaired surrogate at 0x{src.Ptr + 2 * at:x}"
        : $"string at 0x{src.Ptr:x} is not valid UTF-8: invalid utf-8 at 0x{src.Ptr + at:x}");

    /// <summary>"store_string_copy": the destination is the source's code units in <paramref name="unitSize"/>
    /// bytes each (utf8→utf8, utf16→utf16, latin1→latin1).</summary>
    private (uint, uint) StoreCopy(in GuestString src, uint units, int unitSize, int alignment, SourceCheck check)
    {
        long bytes = (long)unitSize * units;
        CheckFusedLength(bytes);
        long ptr = Allocate(alignment, bytes, "a string");
        if (check != SourceCheck.None) EnsureValid(src, bytes, utf16: check == SourceCheck.Utf16);
        SrcBytes(src, bytes).CopyTo(Dst(ptr, bytes));
        return ((uint)ptr, units);
    }

    /// <summary>"store_string_copy" from latin1 to UTF-16: each byte widens to one code unit.</summary>
    private (uint, uint) StoreLatin1ToUtf16(in GuestString src, uint units)
    {
        long bytes = 2L * units;
        CheckFusedLength(bytes);
        long ptr = Allocate(2, bytes, "a string");
        Encoding.Latin1.GetChars(SrcBytes(src, units), MemoryMarshal.Cast<byte, char>(Dst(ptr, bytes)));
        return ((uint)ptr, units);
    }

    /// <summary>"store_string_to_utf8" (from latin1 or UTF-16): optimistic one byte per code unit, grown to the
    /// worst case at the first non-ASCII character, then shrunk to the encoded length.</summary>
    private (uint, uint) StoreToUtf8(in GuestString src, uint units, long worstCaseSize, bool srcUtf16)
    {
        long ptr = Allocate(1, units, "a string");
        int ascii = srcUtf16
            ? SrcChars(src, units).IndexOfAnyExceptInRange('\0', '\u007f')
            : SrcBytes(src, units).IndexOfAnyInRange((byte)0x80, (byte)0xff);
        int prefix = ascii < 0 ? (int)units : ascii;
        if (srcUtf16) Ascii.FromUtf16(SrcChars(src, prefix), Dst(ptr, prefix), out _);
        else SrcBytes(src, prefix).CopyTo(Dst(ptr, prefix));
        if (ascii < 0) return ((uint)ptr, units);

        CheckFusedLength(worstCaseSize);
        ptr = Reallocate(ptr, units, 1, worstCaseSize, "a string");
        var dst = Dst(ptr, worstCaseSize)[prefix..];
        int written;
        if (srcUtf16)
        {
            var status = Utf8.FromUtf16(SrcChars(src, units)[prefix..], dst, out int read, out written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done) throw InvalidSource(src, true, prefix + read);
        }
        else
        {
            written = 0;
            foreach (byte b in SrcBytes(src, units)[prefix..])
            {
                if (b < 0x80) dst[written++] = b;
                else { dst[written++] = (byte)(0xC0 | b >> 6); dst[written++] = (byte)(0x80 | (b & 0x3F)); }
            }
        }
        long encoded = prefix + (long)written;
        if (worstCaseSize > encoded) ptr = Reallocate(ptr, worstCaseSize, 1, encoded, "a string");
        return ((uint)ptr, (uint)encoded);
    }

    /// <summary>"store_utf8_to_utf16": worst case two bytes per UTF-8 byte, shrunk afterwards.</summary>
    private (uint, uint) StoreUtf8ToUtf16(in GuestString src, uint units)
    {
        long worstCaseSize = 2L * units;
        CheckFusedLength(worstCaseSize);
        long ptr = Allocate(2, worstCaseSize, "a string");
        var status = Utf8.ToUtf16(SrcBytes(src, units), MemoryMarshal.Cast<byte, char>(Dst(ptr, worstCaseSize)),
            out int read, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done) throw InvalidSource(src, false, read);
        long encoded = 2L * written;
        if (encoded < worstCaseSize) ptr = Reallocate(ptr, worstCaseSize, 2, encoded, "a string");
        return ((uint)ptr, (uint)written);
    }

    /// <summary>"store_string_to_latin1_or_utf16" (source UTF-8 or UTF-16): latin1 until the first character
    /// above U+00FF, then inflate in place to UTF-16 at the worst-case size.</summary>
    private (uint, uint) StoreToLatin1OrUtf16(in GuestString src, uint units, bool srcUtf16)
    {
        long ptr = Allocate(2, units, "a string");
        long srcLength = srcUtf16 ? 2L * units : units;
        int pos = 0, latin1 = 0; // pos: source code units consumed
        while (true)
        {
            if (srcUtf16)
            {
                var chars = SrcChars(src, units)[pos..];
                int run = chars.IndexOfAnyExceptInRange('\0', '\u00ff');
                if (run < 0) run = chars.Length;
                var dst = Dst(ptr + latin1, run);
                for (int i = 0; i < run; i++) dst[i] = (byte)chars[i];
                pos += run;
                latin1 += run;
                if (pos == units) break;
            }
            else
            {
                var bytes = SrcBytes(src, units)[pos..];
                int run = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xff);
                if (run < 0) run = bytes.Length;
                bytes[..run].CopyTo(Dst(ptr + latin1, run));
                pos += run;
                latin1 += run;
                if (pos == units) break;
                var status = Rune.DecodeFromUtf8(bytes[run..], out var rune, out int consumed);
                if (status != OperationStatus.Done) throw InvalidSource(src, false, pos);
                if (rune.Value >= 0x100) break;
                Dst(ptr + latin1, 1)[0] = (byte)rune.Value;
                pos += consumed;
                latin1++;
                if (pos == units) break;
                continue;
            }
            break;
        }
        if (pos == units)
        {
            if (latin1 < units) ptr = Reallocate(ptr, units, 2, latin1, "a string");
            return ((uint)ptr, (uint)latin1);
        }

        long worstCaseSize = 2L * units;
        CheckFusedLength(worstCaseSize);
        ptr = Reallocate(ptr, units, 2, worstCaseSize, "a string");
        var whole = Dst(ptr, worstCaseSize);
        for (int j = latin1 - 1; j >= 0; j--)
        {
            whole[2 * j] = whole[j];
            whole[2 * j + 1] = 0;
        }
        var rest = MemoryMarshal.Cast<byte, char>(whole)[latin1..];
        int written;
        if (srcUtf16)
        {
            var chars = SrcChars(src, units)[pos..];
            long at = src.Validated ? -1 : StringValidation.FindUnpairedSurrogate(chars);
            if (at >= 0) throw InvalidSource(src, true, pos + at);
            chars.CopyTo(rest);
            written = chars.Length;
        }
        else
        {
            var status = Utf8.ToUtf16(SrcBytes(src, srcLength)[pos..], rest, out int read, out written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done) throw InvalidSource(src, false, pos + read);
        }
        long codeUnits = latin1 + (long)written;
        if (worstCaseSize > 2 * codeUnits) ptr = Reallocate(ptr, worstCaseSize, 2, 2 * codeUnits, "a string");
        return ((uint)ptr, (uint)codeUnits | Utf16Tag);
    }

    /// <summary>"store_probably_utf16_to_latin1_or_utf16" (source latin1+utf16 holding UTF-16): copy as UTF-16,
    /// and compress to latin1 in place if every character fits.</summary>
    private (uint, uint) StoreProbablyUtf16ToLatin1OrUtf16(in GuestString src, uint units)
    {
        long srcByteLength = 2L * units;
        CheckFusedLength(srcByteLength);
        long ptr = Allocate(2, srcByteLength, "a string");
        EnsureValid(src, srcByteLength, utf16: true);
        SrcBytes(src, srcByteLength).CopyTo(Dst(ptr, srcByteLength));
        if (SrcChars(src, units).IndexOfAnyExceptInRange('\0', '\u00ff') >= 0) return ((uint)ptr, units | Utf16Tag);
        var span = Dst(ptr, srcByteLength);
        for (int i = 0; i < units; i++) span[i] = span[2 * i];
        // The spec passes alignment 1 here; wasmtime passes (and checks) 2, the alignment of any latin1+utf16 string,
        // and its strings.wast relies on that. Alignment 2 satisfies both.
        ptr = Reallocate(ptr, srcByteLength, 2, units, "a string");
        return ((uint)ptr, units);
    }

    /// <summary>What a copied source must be checked for (latin1 bytes are always valid).</summary>
    private enum SourceCheck { None, Utf8, Utf16 }
}
