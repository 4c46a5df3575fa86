using System.Runtime.CompilerServices;
using WitSharp.Core.Instances;
using WitSharp.Wit.Binary;

namespace WitSharp.Components.Adapters;

/// <summary>
/// One end of a fused adapter (CanonicalABI.md <c>LiftLowerContext</c> of the caller's <c>canon lower</c> or of the
/// callee's <c>canon lift</c>): its linear memory, <c>realloc</c>, string encoding and instance. Every access is
/// bounds-checked against the memory's current length and every allocation is checked for alignment and bounds;
/// the trap messages are those of the dynamic path (<see cref="LiftLowerContext"/>), so the wast corpora see the
/// same text whichever path ran.
/// </summary>
/// <remarks>Spans are invalidated by <see cref="Reallocate"/> (guest code may grow memory): callers re-fetch them.
/// Like the rest of the component layer this assumes a little-endian host.</remarks>
internal sealed unsafe class AdapterSide
{
    private readonly CanonicalOptions _options;
    private readonly FuncItem? _target;
    private readonly string _suffix; // after the target's name in trap messages; the whole name when there is no target
    private readonly MemoryInstance? _memory;
    private Func<int, int, int, int, int>? _realloc;

    public AdapterSide(CanonicalOptions options, FuncItem target, string suffix)
    {
        _options = options;
        _target = target;
        _suffix = suffix;
        _memory = options.Memory?.Instance;
        Encoding = options.StringEncoding;
    }

    /// <summary>One end of a dynamic-path call (a <see cref="LiftLowerContext"/>, for <see cref="StringTranscoder"/>),
    /// named by <paramref name="where"/>. It lives for one call, so realloc is called through
    /// <c>Function.Invoke</c> rather than bound to a compiled delegate.</summary>
    public AdapterSide(CanonicalOptions options, string where)
    {
        _options = options;
        _suffix = where;
        _memory = options.Memory?.Instance;
        Encoding = options.StringEncoding;
        if (options.Realloc is { } r) _realloc = (old, oldSize, alignment, newSize) => (int)r.Invoke(old, oldSize, alignment, newSize)!;
    }

    /// <summary>The <c>string-encoding</c> option of this end.</summary>
    public StringEncoding Encoding { get; }

    /// <summary>The options this end was built from (for the handle contexts of one call).</summary>
    public CanonicalOptions Options => _options;

    /// <summary>The linear memory, or null when the function type needs none.</summary>
    public MemoryInstance? Memory => _memory;

    /// <summary>The function named in trap messages; formatted only when a trap is raised (a function is named
    /// after its export once instantiation has exported it, after the adapter was built).</summary>
    public string Where => _target is null ? _suffix : $"`{_target.Name}`{_suffix}";

    private MemoryInstance Mem => _memory ?? throw new ComponentException($"{Where}: the canonical options have no `memory`");

    /// <summary>The memory's current length in bytes.</summary>
    public ulong Length => Mem.Length;

    /// <summary>Bytes [<paramref name="ptr"/>, +<paramref name="length"/>), bounds-checked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Span(uint ptr, long length)
    {
        var m = Mem;
        if ((ulong)ptr + (ulong)length > m.Length) throw OutOfBounds(ptr, length);
        return new Span<byte>(m.Base + ptr, (int)length);
    }

    /// <summary>A reference to byte <paramref name="ptr"/> after checking <paramref name="size"/> bytes are inside memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref byte At(uint ptr, int size)
    {
        var m = Mem;
        if ((ulong)ptr + (ulong)(uint)size > m.Length) throw OutOfBounds(ptr, size);
        return ref m.Base[ptr];
    }

    /// <summary>The checks of "lift_flat_values" / "lower_flat_values" for a pointer to a whole value
    /// (<c>trap_if(ptr != align_to(ptr, alignment))</c>, <c>trap_if(ptr + size > len(memory))</c>).</summary>
    public void CheckRange(uint ptr, int alignment, long size, string what)
    {
        if (ptr % (uint)alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: unaligned pointer: {what} pointer 0x{ptr:x} is not {alignment}-byte aligned");
        if ((ulong)ptr + (ulong)size > Mem.Length)
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: {what} pointer/length out of bounds of memory: {size} bytes at 0x{ptr:x} (memory is {Mem.Length} bytes)");
    }

    /// <summary><c>cx.reallocate(old, old_size, alignment, new_size)</c>: realloc runs with <c>may_leave</c>
    /// cleared, then its result is checked for alignment and bounds.</summary>
    public uint Reallocate(uint old, long oldSize, int alignment, long newSize, string what)
    {
        var realloc = _realloc ??= Bind();
        var inst = _options.Instance;
        uint ptr;
        inst.MayLeave = false;
        try
        {
            ptr = (uint)realloc((int)old, (int)(uint)oldSize, alignment, (int)(uint)newSize);
        }
        finally
        {
            inst.MayLeave = true;
        }
        if (ptr % (uint)alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: realloc return: result not aligned (unaligned pointer 0x{ptr:x} for {what}, alignment {alignment})");
        if ((ulong)ptr + (ulong)newSize > Mem.Length)
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: realloc return: beyond end of memory ({what}: {newSize} bytes at 0x{ptr:x}, memory is {Mem.Length} bytes); {(what.Contains("string", StringComparison.Ordinal) ? "string" : "list")} content out-of-bounds");
        return ptr;
    }

    /// <summary>A guest-value trap naming the function (bad char, discriminant, string).</summary>
    public TrapException Trap(string what) => new(TrapCode.Unreachable, $"{Where}: {what}");

    private Func<int, int, int, int, int> Bind()
    {
        var r = _options.Realloc ?? throw new ComponentException($"{Where}: the canonical options have no `realloc`");
        return r.WrapFunc<int, int, int, int, int>() ?? throw new ComponentException($"{Where}: `realloc` has the wrong core type");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TrapException OutOfBounds(uint ptr, long length) =>
        new(TrapCode.MemoryOutOfBounds, $"{Where}: pointer/length out of bounds of memory: {length} bytes at 0x{ptr:x} (memory is {Mem.Length} bytes)");
}
