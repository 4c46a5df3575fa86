using System.Text;
using WitSharp.Components;
using WitSharp.Components.Adapters;
using WitSharp.Wit.Binary;

namespace WitSharp.Runtime.Tests.Components.Adapters;

/// <summary>
/// One end of a component-to-component copy for the equivalence tests: a fresh linear memory and a bump
/// <c>realloc</c> (a host function, so it runs through the same checked realloc path as a guest's) that records
/// every call. Two ends built alike see the same allocations exactly when they receive the same realloc calls.
/// </summary>
internal sealed class AdapterEnd
{
    private readonly Memory _memory;
    private int _next;

    public AdapterEnd(Store store, StringEncoding encoding, int pages, string name)
    {
        _memory = new Memory(store, pages, pages);
        _next = 8; // never hand out 0, as a real allocator would not
        var realloc = Function.FromCallback<int, int, int, int, int>(store, (old, oldSize, align, newSize) =>
        {
            Calls.Append($"({old},{oldSize},{align},{newSize})");
            int ptr = (_next + align - 1) & -align;
            if ((long)ptr + newSize > _memory.GetLength()) return ptr; // the caller's bounds check traps
            _next = ptr + newSize;
            if (oldSize > 0) _memory.GetSpan(old, Math.Min(oldSize, newSize)).CopyTo(_memory.GetSpan(ptr, Math.Min(oldSize, newSize)));
            return ptr;
        });
        Options = new CanonicalOptions(_memory, realloc, null, encoding, new InstanceFlags());
        Side = new AdapterSide(Options, new HostFuncItem(new CanonFuncType([], [], null), name, (_, _) => { }), "");
    }

    public CanonicalOptions Options { get; }

    public AdapterSide Side { get; }

    /// <summary>Every realloc call as (old, old size, alignment, new size).</summary>
    public StringBuilder Calls { get; } = new();

    /// <summary>The bytes handed out so far.</summary>
    public byte[] Used => _memory.GetSpan(0, _next).ToArray();

    public LiftLowerContext Context(StringOrigins? origins = null) => new(Options, "test") { Origins = origins };

    /// <summary>Overwrites byte <paramref name="at"/> (mutation tests).</summary>
    public void Poke(int at, byte value) => _memory.GetSpan(at, 1)[0] = value;

    public int Next => _next;
}

/// <summary>What one path produced: the trap (if any), the flat output, the destination memory and its realloc calls.</summary>
internal sealed record CopyOutcome(string? Trap, string Flat, byte[] Memory, string Calls)
{
    public override string ToString() =>
        Trap is not null ? $"trap: {Trap}" : $"flat [{Flat}], calls {Calls}, {Memory.Length} bytes";

    public bool SameAs(CopyOutcome other) =>
        Trap is null == other.Trap is null
        && (Trap is not null || (Flat == other.Flat && Calls == other.Calls && Memory.AsSpan().SequenceEqual(other.Memory)));
}
