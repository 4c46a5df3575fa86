using System.Buffers;
using System.Text.Unicode;

namespace WitSharp.Components;

/// <summary>
/// Validation of string contents in place (in guest memory, without decoding them into a .NET string):
/// CanonicalABI.md "load_string_from_range" traps when the bytes do not decode in their encoding. Returns the
/// offset of the first invalid sequence so that the trap can say where; nothing is allocated.
/// </summary>
internal static class StringValidation
{
    /// <summary>The byte offset of the first invalid UTF-8 sequence, or -1; <paramref name="truncated"/> tells an
    /// incomplete sequence at the very end ("incomplete utf-8 byte sequence") from an invalid one.</summary>
    public static long FindInvalidUtf8(ReadOnlySpan<byte> bytes, out bool truncated)
    {
        truncated = false;
        if (Utf8.IsValid(bytes)) return -1;
        Span<char> scratch = stackalloc char[1024];
        int offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == OperationStatus.Done) return -1;
            offset += read;
            if (status == OperationStatus.DestinationTooSmall) continue;
            truncated = IsTruncated(bytes, offset);
            return offset;
        }
    }

    /// <summary>The index of the first unpaired surrogate, or -1.</summary>
    public static long FindUnpairedSurrogate(ReadOnlySpan<char> chars)
    {
        int i = chars.IndexOfAnyInRange('\ud800', '\udfff');
        if (i < 0) return -1;
        while (i < chars.Length)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i += 2;
            else if (char.IsSurrogate(chars[i])) return i;
            else i++;
            int next = chars[i..].IndexOfAnyInRange('\ud800', '\udfff');
            if (next < 0) return -1;
            i += next;
        }
        return -1;
    }

    // A lead byte whose sequence runs past the end with only continuation bytes after it.
    private static bool IsTruncated(ReadOnlySpan<byte> bytes, int at)
    {
        byte lead = bytes[at];
        int need = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
        if (need == 0 || bytes.Length - at >= need) return false;
        for (int j = at + 1; j < bytes.Length; j++)
        {
            if ((bytes[j] & 0xC0) != 0x80) return false;
        }
        return true;
    }
}
