using System.Runtime.InteropServices;

namespace WitSharp.Core.Instances;

/// <summary>A linear memory (spec 4.2.8) in unmanaged memory. Compiled code caches <see cref="Base"/> and
/// <see cref="Length"/> in locals and reloads them after calls and <c>memory.grow</c> (DESIGN.md
/// "Linear memory is unmanaged memory"), so growing may move the buffer.</summary>
internal sealed unsafe class MemoryInstance : IDisposable
{
    public const ulong PageSize = 65536;

    /// <summary>Implementation limit: 65,536 pages (4 GiB), the whole 32-bit address space.</summary>
    public const ulong MaxPages32 = 65536;

    public MemoryInstance(MemoryType type)
    {
        Type = type;
        ulong bytes = type.Limits.Min * PageSize;
        Base = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
        Length = bytes;
        // Tell the GC about the unmanaged buffer so that dropped instances are finalized (and their
        // memory freed) promptly; measured: without it, instantiation-heavy hosts ran 6x slower.
        _pressure = bytes >= PressureThreshold ? (long)Math.Min(bytes, int.MaxValue) : 0;
        if (_pressure > 0) GC.AddMemoryPressure(_pressure);
    }

    private long _pressure;
    private const ulong PressureThreshold = 1;

    public MemoryType Type { get; }

    /// <summary>First byte of the memory. Public field: emitted code reads it with <c>ldfld</c>.</summary>
    public byte* Base;

    /// <summary>Size in bytes (a multiple of the page size).</summary>
    public ulong Length;

    public ulong Pages => Length / PageSize;

    public ulong MaximumPages => Math.Min(Type.Limits.Max ?? MaxPages32, MaxPages32);

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
        byte* grown;
        try
        {
            grown = (byte*)NativeMemory.Realloc(Base, (nuint)newBytes);
        }
        catch (OutOfMemoryException)
        {
            return -1;
        }
        if (grown == null) return -1;
        NativeMemory.Clear(grown + Length, (nuint)(newBytes - Length));
        Base = grown;
        Length = newBytes;
        long pressure = newBytes >= PressureThreshold ? (long)Math.Min(newBytes, int.MaxValue) : 0;
        if (pressure > _pressure)
        {
            GC.AddMemoryPressure(pressure - _pressure);
            _pressure = pressure;
        }
        return (int)old;
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
            NativeMemory.Free(Base);
            Base = null;
            Length = 0;
            if (_pressure > 0) GC.RemoveMemoryPressure(_pressure);
            _pressure = 0;
        }
        GC.SuppressFinalize(this);
    }

    ~MemoryInstance()
    {
        if (Base != null) NativeMemory.Free(Base);
    }
}
