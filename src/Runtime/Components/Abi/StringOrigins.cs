using System.Runtime.InteropServices;
using WitSharp.Components.Adapters;
using WitSharp.Core.Instances;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// The source of strings lifted during one component-to-component call on the dynamic path. CanonicalABI.md
/// represents a lifted string as <c>(str, src_encoding, src_tagged_code_units)</c> and
/// <c>store_string_into_range</c> picks its allocation sizes (and so its realloc calls) from that source. Between
/// two components the string is never decoded into a .NET string: the lifted <see cref="ComponentValue"/> is a
/// placeholder whose source range is kept here, keyed by the value's identity, and lowering transcodes it with the
/// fused adapters' <see cref="StringTranscoder"/>.
/// </summary>
/// <remarks>
/// When caller and callee share one linear memory, the spec's lift has read every string before the lower's first
/// realloc runs — and that realloc (guest code) may overwrite the source bytes. Each context of the call joins
/// with its memory as it is created (the lifting one first, the lowering one before it lowers anything); once two
/// name the same memory, every string lifted so far, and every one lifted after, is snapshotted, so lowering reads
/// exactly what the lift saw. Between two memories the bytes are read in place, with no host copy.
/// </remarks>
internal sealed class StringOrigins
{
    private readonly Dictionary<ComponentValue, LiftedString> _origins = new(ReferenceEqualityComparer.Instance);
    private MemoryInstance? _first;
    private bool _oneMemory;

    /// <summary>True once two contexts of the call named the same memory (strings are then snapshotted).</summary>
    public bool OneMemory => _oneMemory;

    /// <summary>Registers the memory of a context taking part in the call; see the remarks.</summary>
    public void Join(MemoryInstance? memory)
    {
        if (memory is null || _oneMemory) return;
        if (_first is null)
        {
            _first = memory;
            return;
        }
        if (!ReferenceEquals(_first, memory)) return;
        _oneMemory = true;
        foreach (var value in _origins.Keys.ToArray()) _origins[value] = _origins[value].Detached();
    }

    public void Record(ComponentValue value, in LiftedString source) => _origins[value] = _oneMemory ? source.Detached() : source;

    public bool TryGet(ComponentValue value, out LiftedString source) => _origins.TryGetValue(value, out source);
}

/// <summary>The simple encoding of a lifted string's bytes (latin1+utf16 splits on the tag bit).</summary>
internal enum SimpleEncoding { Utf8, Utf16, Latin1 }

/// <summary>
/// A string as "load_string_from_range" checked it (length limit, alignment, bounds): <see cref="Ptr"/> and
/// <see cref="TaggedUnits"/> in the memory of <see cref="Side"/>, whose <c>string-encoding</c> gave them. The source
/// of "store_string_into_range" (<see cref="StringTranscoder.Store"/>). <see cref="Deferred"/> marks a long string
/// whose contents are validated after the first realloc instead (docs/RATIONALE.md "String length limits").
/// <see cref="Snapshot"/>, when set, holds the bytes as they were when lifted (see <see cref="StringOrigins"/>).
/// </summary>
internal readonly record struct LiftedString(
    AdapterSide Side, uint Ptr, uint TaggedUnits, uint Units, long ByteLength, SimpleEncoding Simple, bool Deferred, byte[]? Snapshot = null)
{
    /// <summary>The source's <c>string-encoding</c> option.</summary>
    public StringEncoding Encoding => Side.Encoding;

    /// <summary>The source bytes: the snapshot, or memory re-fetched on each use (a realloc may grow memory).</summary>
    public ReadOnlySpan<byte> Bytes => Snapshot is { } copy ? new ReadOnlySpan<byte>(copy) : Side.Span(Ptr, ByteLength);

    public ReadOnlySpan<char> Chars => MemoryMarshal.Cast<byte, char>(Bytes);

    /// <summary>This string with its bytes copied out of guest memory.</summary>
    public LiftedString Detached() => Snapshot is not null ? this : this with { Snapshot = Side.Span(Ptr, ByteLength).ToArray() };

    /// <summary>Validates a long string, whose validation waits for the realloc that precedes the copy.</summary>
    public void CheckDeferred()
    {
        if (Deferred) StringTranscoder.Validate(this);
    }
}
