using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using WitSharp.Wit.Binary;

namespace WitSharp.Components.Typed;

/// <summary>
/// <c>string</c> ↔ <see cref="string"/>. Lowering transcodes the UTF-16 host string once, straight into the
/// buffer the guest's <c>realloc</c> returned, with one <c>realloc</c> call of the final size (the size is
/// computed by a vectorized scan first). The dynamic path stores host strings with the same code
/// (<see cref="Lower{TDst}"/>).
/// </summary>
internal sealed class StringMarshaler() : ComponentMarshaler<string>(ComponentValueType.String)
{
    // CanonicalABI.md "load_string_from_range": MAX_STRING_BYTE_LENGTH.
    internal const int MaxStringByteLength = StringRange.MaxByteLength;
    private const uint Utf16Tag = StringRange.Utf16Tag;
    private static readonly UTF8Encoding StrictUtf8 = StringRange.StrictUtf8;
    private static readonly UnicodeEncoding StrictUtf16 = StringRange.StrictUtf16;

    public override void LowerFlat(CanonicalContext cx, in string value, Span<ulong> flat)
    {
        var (ptr, units) = Lower(cx, value);
        flat[0] = ptr;
        flat[1] = units;
    }

    public override void Store(CanonicalContext cx, in string value, uint ptr)
    {
        var (p, units) = Lower(cx, value);
        ref byte at = ref cx.GetRef(ptr, 8);
        Unsafe.WriteUnaligned(ref at, Le.U32(p));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, 4), Le.U32(units));
    }

    public override string LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Lift(cx, (uint)flat[0], (uint)flat[1]);

    public override string Load(CanonicalContext cx, uint ptr)
    {
        ref byte at = ref cx.GetRef(ptr, 8);
        return Lift(cx, Le.U32(Unsafe.ReadUnaligned<uint>(ref at)), Le.U32(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, 4))));
    }

    /// <summary>Copies <paramref name="s"/> into guest memory in the guest's encoding; returns the pointer and
    /// the (tagged) number of code units.</summary>
    public static (uint Ptr, uint Units) Lower(CanonicalContext cx, ReadOnlySpan<char> s) => Lower(new TypedDestination(cx), s);

    /// <summary>The host-string lowering of both paths: the typed one (<see cref="TypedDestination"/>) and the
    /// dynamic one (<see cref="LiftLowerContext"/> storing a host <see cref="ComponentValue"/>). Generic over a
    /// struct so each path gets its own specialized code, with its own realloc call and trap messages.</summary>
    /// <remarks>Aggressively inlined so that the typed path's inline budget still reaches its realloc call and span
    /// checks, as when this code took a <see cref="CanonicalContext"/> directly.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (uint Ptr, uint Units) Lower<TDst>(TDst cx, ReadOnlySpan<char> s) where TDst : struct, IStringDestination
    {
        if (s.Length > MaxStringByteLength) throw new ArgumentException($"{cx.Where}: a string of {s.Length} characters exceeds the canonical ABI's maximum length");
        return cx.StringEncoding switch
        {
            StringEncoding.Utf8 => ToUtf8(cx, s),
            StringEncoding.Utf16 => ToUtf16(cx, s),
            _ => ToLatin1OrUtf16(cx, s),
        };
    }

    // UTF-16 host string to a UTF-8 guest: the exact length is counted first (vectorized; ASCII is the fast case),
    // so realloc is called once with the final size and the transcoder writes straight into the guest buffer.
    // (CanonicalABI.md "store_string_to_utf8" describes the optimistic grow-and-shrink sequence for strings coming
    // from another component, whose length in UTF-8 is unknown without a pass; it needs a realloc that copies.)
    private static (uint, uint) ToUtf8<TDst>(TDst cx, ReadOnlySpan<char> s) where TDst : struct, IStringDestination
    {
        int length = Encoding.UTF8.GetByteCount(s);
        if (length > MaxStringByteLength) throw new ArgumentException($"{cx.Where}: a string of {length} UTF-8 bytes exceeds the canonical ABI's maximum length");
        uint ptr = cx.Allocate(1, length);
        var dst = cx.GetSpan(ptr, length);
        if (length == s.Length)
        {
            if (Ascii.FromUtf16(s, dst, out _) == OperationStatus.Done) return (ptr, (uint)length);
        }
        if (Utf8.FromUtf16(s, dst, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done || written != length)
            throw UnpairedSurrogate(cx.Where);
        return (ptr, (uint)length);
    }

    // CanonicalABI.md "store_string_copy" (utf16 to utf16): one block copy.
    private static (uint, uint) ToUtf16<TDst>(TDst cx, ReadOnlySpan<char> s) where TDst : struct, IStringDestination
    {
        CheckSurrogates(cx.Where, s);
        int bytes = checked(2 * s.Length);
        if (bytes > MaxStringByteLength) throw TooLongInUtf16(cx.Where, bytes);
        uint ptr = cx.Allocate(2, bytes);
        CopyUtf16(s, cx.GetSpan(ptr, bytes));
        return (ptr, (uint)s.Length);
    }

    // CanonicalABI.md "store_string_to_latin1_or_utf16": Latin-1 when every code point fits, else tagged UTF-16.
    // The host string is scanned first (vectorized), so one allocation of the final size suffices.
    private static (uint, uint) ToLatin1OrUtf16<TDst>(TDst cx, ReadOnlySpan<char> s) where TDst : struct, IStringDestination
    {
        int n = s.Length;
        if (s.IndexOfAnyExceptInRange('\0', '\u00ff') < 0)
        {
            uint latin1 = cx.Allocate(2, n);
            Encoding.Latin1.GetBytes(s, cx.GetSpan(latin1, n));
            return (latin1, (uint)n);
        }
        CheckSurrogates(cx.Where, s);
        int bytes = checked(2 * n);
        if (bytes > MaxStringByteLength) throw TooLongInUtf16(cx.Where, bytes);
        uint ptr = cx.Allocate(2, bytes);
        CopyUtf16(s, cx.GetSpan(ptr, bytes));
        return (ptr, (uint)n | Utf16Tag);
    }

    private static void CopyUtf16(ReadOnlySpan<char> s, Span<byte> dst)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(s).CopyTo(dst);
            return;
        }
        for (int i = 0; i < s.Length; i++) { dst[2 * i] = (byte)s[i]; dst[2 * i + 1] = (byte)(s[i] >> 8); }
    }

    private static void CheckSurrogates(string where, ReadOnlySpan<char> s)
    {
        int i = s.IndexOfAnyInRange('\ud800', '\udfff');
        if (i < 0) return;
        for (; i < s.Length; i++)
        {
            if (!char.IsSurrogate(s[i])) continue;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            throw UnpairedSurrogate(where);
        }
    }

    // CanonicalABI.md "store_string_copy": trap_if(dst_byte_length > MAX_STRING_BYTE_LENGTH); from the host, the
    // caller's error.
    private static ArgumentException TooLongInUtf16(string where, int bytes) =>
        new($"{where}: a string of {bytes} UTF-16 bytes exceeds the canonical ABI's maximum length");

    private static ArgumentException UnpairedSurrogate(string where) =>
        new($"{where}: the string contains an unpaired surrogate, which is not a sequence of Unicode scalar values");

    /// <summary>CanonicalABI.md "load_string_from_range".</summary>
    public static string Lift(CanonicalContext cx, uint ptr, uint tagged)
    {
        var (alignment, byteLength, encoding) = StringRange.Of(cx.StringEncoding, tagged);
        if (byteLength > MaxStringByteLength) throw cx.Trap($"string of {byteLength} bytes exceeds the maximum string length");
        cx.CheckAligned(ptr, alignment, "string");
        var bytes = cx.GetSpan(ptr, (int)byteLength);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw cx.Trap($"string at 0x{ptr:x} is not valid {(encoding == StrictUtf8 ? "UTF-8" : "UTF-16")}");
        }
    }
}
