using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// The source of strings lifted during one component-to-component call. CanonicalABI.md represents a lifted
/// string as <c>(str, src_encoding, src_tagged_code_units)</c> and <c>store_string_into_range</c> picks its
/// allocation sizes (and so its realloc calls) from that source; the dynamic path lifts into a
/// <see cref="ComponentValue"/>, so the source is kept beside it here, keyed by the value's identity.
/// </summary>
internal sealed class StringOrigins
{
    private readonly Dictionary<ComponentValue, (StringEncoding Encoding, uint TaggedCodeUnits)> _origins =
        new(ReferenceEqualityComparer.Instance);

    public void Record(ComponentValue value, StringEncoding encoding, uint taggedCodeUnits) =>
        _origins[value] = (encoding, taggedCodeUnits);

    public bool TryGet(ComponentValue value, out (StringEncoding Encoding, uint TaggedCodeUnits) origin) =>
        _origins.TryGetValue(value, out origin);
}
