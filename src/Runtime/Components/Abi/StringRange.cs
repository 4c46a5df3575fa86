using System.Text;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// What a lifted string's (pointer, tagged length) pair means under a <c>string-encoding</c> option
/// (CanonicalABI.md "load_string_from_range"): its alignment, its byte length and the strict decoder for its
/// bytes. Shared by the dynamic path (<see cref="LiftLowerContext"/>) and the typed path
/// (<see cref="Typed.StringMarshaler"/>) so the two cannot disagree on the latin1+utf16 tag or the limits.
/// </summary>
internal readonly record struct StringRange(int Alignment, long ByteLength, Encoding Encoding)
{
    /// <summary>MAX_STRING_BYTE_LENGTH: 2^28 - 1.</summary>
    public const int MaxByteLength = (1 << 28) - 1;

    /// <summary>The byte-length limit of a string between two components (the source's length and every
    /// allocation transcoding makes): 2^31 - 1, wasmtime's limit for its fused adapters, which its big-strings.wast
    /// checks at every boundary (docs/RATIONALE.md "String length limits"). Host-facing paths keep
    /// <see cref="MaxByteLength"/>.</summary>
    public const long FusedMaxByteLength = int.MaxValue;

    /// <summary>Strings between components up to this many bytes are validated when lifted, where the spec decodes
    /// them; longer ones after the first realloc, as wasmtime's adapters do, so that a failing realloc is reached
    /// without first reading up to 2 GiB of guest memory.</summary>
    public const long EagerValidationBytes = 1 << 20;

    /// <summary>UTF16_TAG: the high bit of a latin1+utf16 length marks UTF-16 content.</summary>
    public const uint Utf16Tag = 1u << 31;

    /// <summary>UTF-8 that throws on invalid sequences (lifting traps instead of substituting).</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Little-endian UTF-16 that throws on unpaired surrogates.</summary>
    public static readonly UnicodeEncoding StrictUtf16 = new(false, false, true);

    /// <summary>The range of a string of <paramref name="taggedCodeUnits"/> code units under <paramref name="encoding"/>.</summary>
    public static StringRange Of(StringEncoding encoding, uint taggedCodeUnits) => encoding switch
    {
        StringEncoding.Utf8 => new(1, taggedCodeUnits, StrictUtf8),
        StringEncoding.Utf16 => new(2, 2L * taggedCodeUnits, StrictUtf16),
        _ => (taggedCodeUnits & Utf16Tag) != 0
            ? new(2, 2L * (taggedCodeUnits ^ Utf16Tag), StrictUtf16)
            : new(2, taggedCodeUnits, Encoding.Latin1),
    };
}
