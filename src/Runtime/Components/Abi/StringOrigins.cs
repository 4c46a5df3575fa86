using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// The source of strings lifted during one component-to-component call. CanonicalABI.md represents a lifted
/// string as <c>(str, src_encoding, src_tagged_code_units)</c> and <c>store_string_into_range</c> picks its
/// allocation sizes (and so its realloc calls) from that source. Between two components the string is never
/// decoded into a .NET string: the lifted <see cref="ComponentValue"/> is a placeholder whose source range in the
/// caller's memory is kept here, keyed by the value's identity, and lowering transcodes memory to memory
/// (LiftLowerContext.Transcode.cs).
/// </summary>
internal sealed class StringOrigins
{
    private readonly Dictionary<ComponentValue, GuestString> _origins = new(ReferenceEqualityComparer.Instance);

    public void Record(ComponentValue value, GuestString source) => _origins[value] = source;

    public bool TryGet(ComponentValue value, out GuestString source) => _origins.TryGetValue(value, out source);
}

/// <summary>A lifted string still in the memory it was lifted from: <paramref name="Ptr"/> and
/// <paramref name="TaggedCodeUnits"/> as the source's <c>string-encoding</c> <paramref name="Encoding"/> gave them,
/// already checked for alignment, bounds and the length limit. <paramref name="Validated"/> says whether its
/// contents were already checked to be valid (small strings are checked at lift, where the spec decodes).</summary>
internal readonly record struct GuestString(Memory Memory, long Ptr, StringEncoding Encoding, uint TaggedCodeUnits, bool Validated);
