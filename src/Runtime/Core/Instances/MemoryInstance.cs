using System.Runtime.InteropServices;

namespace WitSharp.Core.Instances;

/// <summary>A linear memory (spec 4.2.8) in unmanaged memory. Compiled code caches <see cref="Base"/> and
/// <see cref="Length"/> in locals and reloads them after calls and <c>memory.grow</c> (DESIGN.md
/// "Linear memory is unmanaged memory"), so growing may move the buffer.
/// <para>Small memories live in one exactly-sized mapping (<see cref="MapThreshold"/>; zero pages from the kernel, no
/// <c>memset</c>) or, below a page or when mapping is refused, one <see cref="NativeMemory"/> block.
/// Once a memory reaches <see cref="ReserveThreshold"/> it moves, once, into a reservation of its whole maximum
/// (<see cref="VirtualMemory"/>); from then on <see cref="Base"/> never moves and growing commits pages without
/// copying or zeroing (docs/RATIONALE.md "Linear memory reservations").</para></summary>
internal sealed unsafe class MemoryInstance : IDisposable
{
    public const ulong PageSize = 65536;

    /// <summary>Implementation limit: 65,536 pages (4 GiB), the whole 32-bit address space.</summary>
    public const ulong MaxPages32 = 65536;

    /// <summary>Size from which a memory lives in a reservation of its maximum. Below it a copy on growth is
    /// cheap and many small instances do not each hold up to 4 GiB of address space.</summary>
    public const ulong ReserveThreshold = 16UL << 20;

    /// <summary>Size from which a memory below <see cref="ReserveThreshold"/> is an exactly-sized mapping rather
    /// than a heap block: one page already costs glibc a 64 KiB <c>memset</c>, a mapping costs one system call
    /// and a fault per 4 KiB page actually touched.</summary>
    public const ulong MapThreshold = PageSize;

    /// <summary>Size up to which a memory that instantiation writes into stays a heap block although it reaches
    /// <see cref="MapThreshold"/>. One page: glibc serves larger blocks from <c>mmap</c> itself (its
    /// <c>M_MMAP_THRESHOLD</c> starts at 128 KiB), so a heap block would only save something up to there.</summary>
    public const ulong WrittenHeapThreshold = PageSize;

    // GC pressure is capped: it only has to make the collector finalize dropped instances promptly, and
    // gigabytes of (mostly untouched, lazily committed) memory must not force a gen2 collection per growth.
    private const long MaxPressure = 64L << 20;

    public MemoryInstance(MemoryType type) : this(type, writtenAtInstantiation: false) { }

    /// <param name="type">The memory's limits.</param>
    /// <param name="writtenAtInstantiation">True when the instantiator is about to write into the fresh memory
    /// (active data segments, spec 4.5.4 step 15). A memory of at most <see cref="WrittenHeapThreshold"/> is then a
    /// heap block: the write would fault a fresh page into a mapping, which costs more than the heap's
    /// <c>memset</c> of one page
    /// (docs/RATIONALE.md "Linear memory: heap block or mapping, net GC pressure, copy-on-write images").</param>
    public MemoryInstance(MemoryType type, bool writtenAtInstantiation)
    {
        Type = type;
        ulong bytes = type.Limits.Min * PageSize;
        if (bytes < ReserveThreshold || !TryReserve(bytes, null, 0))
            Base = AllocateZeroed(bytes, writtenAtInstantiation, out _mapped);
        Length = bytes;
        // Tell the GC about the unmanaged buffer so that dropped instances are finalized (and their
        // memory freed) promptly; measured: without it, instantiation-heavy hosts ran 6x slower.
        _pressure = (long)Math.Min(bytes, (ulong)MaxPressure);
        MemoryPressure.Shared.Add(_pressure);
    }

    private long _pressure;

    // Bytes reserved at Base when the memory lives in a reservation; 0 when it is a NativeMemory block.
    private ulong _reserved;

    // Bytes mapped at Base when a small memory is an exactly-sized mapping (VirtualMemory.Map); 0 otherwise.
    private ulong _mapped;

    public MemoryType Type { get; }

    /// <summary>First byte of the memory. Public field: emitted code reads it with <c>ldfld</c>.</summary>
    public byte* Base;

    /// <summary>Size in bytes (a multiple of the page size).</summary>
    public ulong Length;

    public ulong Pages => Length / PageSize;

    public ulong MaximumPages => Math.Min(Type.Limits.Max ?? MaxPages32, MaxPages32);

    /// <summary>True once the memory lives in a reservation of its maximum (its base no longer moves).</summary>
    public bool IsReserved => _reserved != 0;

    /// <summary>True when the memory is a mapping or reservation (page-aligned, zero pages faulted in lazily).</summary>
    public bool IsPageBacked => _mapped != 0 || _reserved != 0;

    /// <summary>True while the memory is an exactly-sized mapping (<see cref="MapThreshold"/>), false for a heap
    /// block or a reservation.</summary>
    public bool IsMapped => _mapped != 0;

    /// <summary>The store whose limits (<c>Store.SetLimits</c>) apply to growing this memory.</summary>
    public StoreState? Owner;

    /// <summary><c>memory.grow</c> (spec 4.4.7.x): returns the old size in pages, or -1 when the memory
    /// cannot grow (over its maximum, or the allocation failed).</summary>
    public int Grow(uint deltaPages)
    {
        ulong old = Pages;
        ulong target = old + deltaPages;
        if (target > MaximumPages) return -1;
        if (deltaPages == 0) return (int)old;
        if (Owner?.Limits is { } limits && !limits.MemoryGrowing(target * PageSize)) return -1;
        ulong newBytes = target * PageSize;
        if (_reserved != 0)
        {
            if (!VirtualMemory.Commit(Base + Length, newBytes - Length)) return -1;
        }
        else if (newBytes < ReserveThreshold || !TryReserve(newBytes, Base, Length))
        {
            // Move into a fresh (already zeroed) block of the new size: a mapping from MapThreshold on, whose
            // untouched pages cost nothing, where realloc of a heap block would have to clear the new part. A
            // grown memory is not written by instantiation, so it never prefers the heap.
            byte* moved;
            ulong mapped;
            try
            {
                moved = AllocateZeroed(newBytes, preferHeap: false, out mapped);
            }
            catch (OutOfMemoryException)
            {
                return -1;
            }
            Buffer.MemoryCopy(Base, moved, newBytes, Length);
            FreeBlock(Base, _mapped);
            _mapped = mapped;
            Base = moved;
        }
        Length = newBytes;
        AddPressure(newBytes);
        return (int)old;
    }

    private void AddPressure(ulong bytes)
    {
        long pressure = (long)Math.Min(bytes, (ulong)MaxPressure);
        if (pressure > _pressure)
        {
            MemoryPressure.Shared.Add(pressure - _pressure);
            _pressure = pressure;
        }
    }

    /// <summary>A zero-filled block for a memory below <see cref="ReserveThreshold"/>: from
    /// <see cref="MapThreshold"/> on an exactly-sized mapping (zero pages from the kernel, faulted in lazily),
    /// otherwise (or when mapping is refused, or for a block of at most <see cref="WrittenHeapThreshold"/> when
    /// <paramref name="preferHeap"/>) a <see cref="NativeMemory"/> block. <paramref name="mapped"/> is the mapped
    /// size (0 for a heap block). Throws <see cref="OutOfMemoryException"/> when both fail.</summary>
    private static byte* AllocateZeroed(ulong bytes, bool preferHeap, out ulong mapped)
    {
        mapped = 0;
        if (bytes >= MapThreshold && !(preferHeap && bytes <= WrittenHeapThreshold))
        {
            byte* block = VirtualMemory.Map(bytes);
            if (block != null)
            {
                mapped = bytes;
                return block;
            }
        }
        return (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
    }

    /// <summary>Frees a block made by <see cref="AllocateZeroed"/> (<paramref name="mapped"/> as it returned).</summary>
    private static void FreeBlock(byte* block, ulong mapped)
    {
        if (mapped != 0) VirtualMemory.Release(block, mapped);
        else NativeMemory.Free(block);
    }

    /// <summary>Moves the memory into a reservation of its maximum with <paramref name="bytes"/> committed,
    /// copying the <paramref name="oldLength"/> bytes at <paramref name="old"/> (then freed). False, with nothing
    /// changed, when reservations are unavailable or refused.</summary>
    private bool TryReserve(ulong bytes, byte* old, ulong oldLength)
    {
        // No guard region: every access is bounds-checked against Length (DESIGN.md: guard pages are not an
        // option since .NET cannot catch an access violation), so the maximum is all that is reserved.
        ulong size = MaximumPages * PageSize;
        if (size < bytes) return false;
        byte* reservation = VirtualMemory.Reserve(size);
        if (reservation == null) return false;
        if (!VirtualMemory.Commit(reservation, bytes))
        {
            VirtualMemory.Release(reservation, size);
            return false;
        }
        if (old != null)
        {
            Buffer.MemoryCopy(old, reservation, bytes, oldLength);
            FreeBlock(old, _mapped);
            _mapped = 0;
        }
        Base = reservation;
        _reserved = size;
        return true;
    }

    /// <summary>Entry point for compiled <c>memory.grow</c>.</summary>
    public static int GrowStatic(int deltaPages, MemoryInstance memory) => memory.Grow((uint)deltaPages);

    public Span<byte> Span(ulong offset, int length)
    {
        if (offset + (ulong)length > Length || length < 0) throw new ArgumentOutOfRangeException(nameof(offset));
        return new Span<byte>(Base + offset, length);
    }

    public void Dispose()
    {
        if (Base != null)
        {
            Free();
            Length = 0;
            MemoryPressure.Shared.Remove(_pressure);
            _pressure = 0;
        }
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (_reserved != 0) VirtualMemory.Release(Base, _reserved);
        else FreeBlock(Base, _mapped);
        Base = null;
        _reserved = 0;
        _mapped = 0;
    }

    ~MemoryInstance()
    {
        // The pressure of a dropped memory is not withdrawn (MemoryPressure remarks): the collection that
        // finalized it then counts as ineffective, which lets the GC space pressure-induced collections further.
        if (Base != null) Free();
    }
}
