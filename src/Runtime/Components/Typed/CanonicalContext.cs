using System.Runtime.CompilerServices;
using WitSharp.Core.Instances;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// The low-level state of one typed lift or lower (CanonicalABI.md <c>LiftLowerContext</c>): the guest's linear
/// memory, its <c>realloc</c> and the string encoding of the canonical options. <see cref="ComponentMarshaler{T}"/>
/// implementations (built-in and source-generated) read and write guest memory only through it, so every access
/// is bounds-checked and every allocation checked for alignment and bounds, trapping as the spec requires.
/// </summary>
/// <remarks>
/// One context is created per typed function (or typed host import) when it is bound and reused by every call;
/// it is as single-threaded as the <see cref="Store"/> it belongs to. Spans returned by <see cref="GetSpan"/> are
/// invalidated by anything that may grow memory (<see cref="Allocate"/> calls the guest).
/// Pointers are guest addresses: unsigned 32-bit (memory64 components are rejected at translation).
/// </remarks>
public sealed unsafe class CanonicalContext
{
    private readonly MemoryInstance? _memory;
    private readonly Func<int, int, int, int, int>? _realloc;

    internal CanonicalContext(Store store, CanonicalOptions options, string where)
    {
        Options = options;
        Where = where;
        _memory = options.Memory?.Instance;
        if (options.Realloc is { } r)
            _realloc = r.WrapFunc<int, int, int, int, int>() ?? throw new ComponentException($"{where}: `realloc` has the wrong core type");
        StringEncoding = options.StringEncoding;
        Store = store;
    }

    internal CanonicalOptions Options { get; }

    /// <summary>The borrow bookkeeping of the call in progress (<c>cx.borrow_scope</c>); set only by calls whose
    /// signature contains handles, null otherwise.</summary>
    internal CallBorrowScope? Borrows { get; set; }

    /// <summary>The store the call runs in.</summary>
    public Store Store { get; }

    /// <summary>The function being called, for trap messages (e.g. <c>`greet`</c>).</summary>
    public string Where { get; }

    /// <summary>The string encoding the guest uses (the <c>string-encoding</c> canonical option).</summary>
    public StringEncoding StringEncoding { get; }

    /// <summary>The guest memory of the canonical options, or null when the function's type needs none.</summary>
    public Memory? Memory => Options.Memory;

    /// <summary>True when the canonical options name a <c>realloc</c> function.</summary>
    public bool HasRealloc => _realloc is not null;

    /// <summary>
    /// The guest bytes [<paramref name="ptr"/>, <paramref name="ptr"/> + <paramref name="length"/>); traps with
    /// <see cref="TrapCode.MemoryOutOfBounds"/> when they are not all inside memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(uint ptr, int length)
    {
        var m = _memory ?? throw NoMemory();
        if ((ulong)ptr + (ulong)(uint)length > m.Length) throw OutOfBounds(ptr, length);
        return new Span<byte>(m.Base + ptr, length);
    }

    /// <summary>A reference to guest byte <paramref name="ptr"/> after checking that <paramref name="size"/> bytes
    /// from it are inside memory (for unaligned little-endian reads and writes with <see cref="Unsafe"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref byte GetRef(uint ptr, int size)
    {
        var m = _memory ?? throw NoMemory();
        if ((ulong)ptr + (ulong)(uint)size > m.Length) throw OutOfBounds(ptr, size);
        return ref m.Base[ptr];
    }

    /// <summary>
    /// Allocates <paramref name="size"/> bytes in the guest with <c>realloc(0, 0, alignment, size)</c> and checks
    /// the result is aligned and in bounds (CanonicalABI.md "store_string", "store_list").
    /// </summary>
    /// <exception cref="TrapException">realloc trapped or returned a misaligned or out-of-bounds pointer.</exception>
    public uint Allocate(int alignment, int size) => Reallocate(0, 0, alignment, size);

    /// <summary><c>realloc(original, originalSize, alignment, newSize)</c> with the result checked; used to shrink or
    /// grow a string buffer whose final size was not known up front (CanonicalABI.md "store_string_to_utf8").</summary>
    public uint Reallocate(uint original, int originalSize, int alignment, int newSize)
    {
        var realloc = _realloc ?? throw new ComponentException($"{Where}: the canonical options have no `realloc`");
        // CanonicalABI.md: may_leave is cleared while realloc runs, so it cannot call imports.
        var instance = Options.Instance;
        instance.MayLeave = false;
        uint ptr;
        try
        {
            ptr = (uint)realloc((int)original, originalSize, alignment, newSize);
        }
        finally
        {
            instance.MayLeave = true;
        }
        CheckAligned(ptr, alignment, "realloc result");
        var m = _memory ?? throw NoMemory();
        if ((ulong)ptr + (ulong)(uint)newSize > m.Length) throw OutOfBounds(ptr, newSize);
        return ptr;
    }

    /// <summary>Traps with <see cref="TrapCode.HeapMisaligned"/> unless <paramref name="ptr"/> is a multiple of
    /// <paramref name="alignment"/> (a power of two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckAligned(uint ptr, int alignment, string what)
    {
        if ((ptr & (uint)(alignment - 1)) != 0) throw Misaligned(ptr, alignment, what);
    }

    /// <summary>A trap for an invalid value coming from the guest (bad discriminant, char, string, flags...),
    /// naming the function.</summary>
    public TrapException Trap(string message) => new(TrapCode.Unreachable, $"{Where}: {message}");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TrapException OutOfBounds(uint ptr, int length) =>
        new(TrapCode.MemoryOutOfBounds, $"{Where}: out-of-bounds access of {(uint)length} bytes at 0x{ptr:x} (memory is {_memory!.Length} bytes)");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TrapException Misaligned(uint ptr, int alignment, string what) =>
        new(TrapCode.HeapMisaligned, $"{Where}: {what} pointer 0x{ptr:x} is not {alignment}-byte aligned");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ComponentException NoMemory() => new($"{Where}: the canonical options have no `memory`");
}
