using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using WitSharp.Core;
using WitSharp.Core.Instances;

namespace WitSharp;

/// <summary>A linear memory (wasmtime-dotnet <c>Memory</c>). Reads and writes are little endian and bounds
/// checked; spans are invalidated by <see cref="Grow"/>.</summary>
public sealed unsafe class Memory
{
    /// <summary>Bytes per WebAssembly page.</summary>
    public const int PageSize = 65536;

    internal Memory(Store store, MemoryInstance instance)
    {
        Store = store;
        Instance = instance;
    }

    /// <summary>Creates a memory of <paramref name="minimum"/> pages (at most <paramref name="maximum"/>).</summary>
    public Memory(Store store, long minimum = 0, long? maximum = null, bool is64Bit = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (is64Bit) throw new WasmtimeException("64-bit memories are not supported");
        if (minimum < 0 || minimum > 65536 || maximum is < 0 or > 65536 || maximum < minimum)
            throw new WasmtimeException("memory size must be at most 65536 pages (4 GiB)");
        Store = store;
        store.State.Limits?.CheckNewMemory((ulong)minimum);
        Instance = new MemoryInstance(new MemoryType(new Limits((ulong)minimum, (ulong?)maximum))) { Owner = store.State };
        store.Own(Instance);
    }

    internal Store Store { get; }
    internal MemoryInstance Instance { get; }

    /// <summary>Minimum size in pages.</summary>
    public long Minimum => (long)Instance.Type.Limits.Min;

    /// <summary>Maximum size in pages, if any.</summary>
    public long? Maximum => (long?)Instance.Type.Limits.Max;

    /// <summary>Always false: 64-bit memories are not part of WebAssembly 2.0.</summary>
    public bool Is64Bit => false;

    /// <summary>Always false: shared memories are not part of WebAssembly 2.0.</summary>
    public bool IsShared => false;

    /// <summary>Current size in pages.</summary>
    public long GetSize() => (long)Instance.Pages;

    /// <summary>Current size in bytes.</summary>
    public long GetLength() => (long)Instance.Length;

    /// <summary>Address of byte 0; valid until the memory grows.</summary>
    public IntPtr GetPointer() => (IntPtr)Instance.Base;

    /// <summary>The bytes [<paramref name="address"/>, <paramref name="address"/> + <paramref name="length"/>).</summary>
    public Span<byte> GetSpan(long address, int length) => Instance.Span(CheckAddress(address), length);

    /// <summary>The memory from <paramref name="address"/> as <paramref name="length"/> values of <typeparamref name="T"/>.</summary>
    public Span<T> GetSpan<T>(long address, int length) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(GetSpan(address, checked(length * sizeof(T))));

    /// <summary>The whole memory as <typeparamref name="T"/> values (at most <see cref="int.MaxValue"/> bytes).</summary>
    public Span<T> GetSpan<T>(int address) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(GetSpan(address, (int)Math.Min(GetLength() - address, int.MaxValue)));

    /// <summary>Reads an unmanaged value.</summary>
    public T Read<T>(long address) where T : unmanaged => MemoryMarshal.Read<T>(GetSpan(address, sizeof(T)));

    /// <summary>Writes an unmanaged value.</summary>
    public void Write<T>(long address, T value) where T : unmanaged => MemoryMarshal.Write(GetSpan(address, sizeof(T)), in value);

    /// <summary>Reads a byte.</summary>
    public byte ReadByte(long address) => GetSpan(address, 1)[0];

    /// <summary>Writes a byte.</summary>
    public void WriteByte(long address, byte value) => GetSpan(address, 1)[0] = value;

    /// <summary>Reads a little-endian 16-bit integer.</summary>
    public short ReadInt16(long address) => BinaryPrimitives.ReadInt16LittleEndian(GetSpan(address, 2));

    /// <summary>Writes a little-endian 16-bit integer.</summary>
    public void WriteInt16(long address, short value) => BinaryPrimitives.WriteInt16LittleEndian(GetSpan(address, 2), value);

    /// <summary>Reads a little-endian 32-bit integer.</summary>
    public int ReadInt32(long address) => BinaryPrimitives.ReadInt32LittleEndian(GetSpan(address, 4));

    /// <summary>Writes a little-endian 32-bit integer.</summary>
    public void WriteInt32(long address, int value) => BinaryPrimitives.WriteInt32LittleEndian(GetSpan(address, 4), value);

    /// <summary>Reads a little-endian 64-bit integer.</summary>
    public long ReadInt64(long address) => BinaryPrimitives.ReadInt64LittleEndian(GetSpan(address, 8));

    /// <summary>Writes a little-endian 64-bit integer.</summary>
    public void WriteInt64(long address, long value) => BinaryPrimitives.WriteInt64LittleEndian(GetSpan(address, 8), value);

    /// <summary>Reads a pointer-sized integer.</summary>
    public IntPtr ReadIntPtr(long address) => IntPtr.Size == 8 ? checked((IntPtr)ReadInt64(address)) : ReadInt32(address);

    /// <summary>Writes a pointer-sized integer.</summary>
    public void WriteIntPtr(long address, IntPtr value)
    {
        if (IntPtr.Size == 8) WriteInt64(address, value);
        else WriteInt32(address, checked((int)value));
    }

    /// <summary>Reads a little-endian f32 (bit pattern kept).</summary>
    public float ReadSingle(long address) => BitConverter.Int32BitsToSingle(ReadInt32(address));

    /// <summary>Writes a little-endian f32 (bit pattern kept).</summary>
    public void WriteSingle(long address, float value) => WriteInt32(address, BitConverter.SingleToInt32Bits(value));

    /// <summary>Reads a little-endian f64 (bit pattern kept).</summary>
    public double ReadDouble(long address) => BitConverter.Int64BitsToDouble(ReadInt64(address));

    /// <summary>Writes a little-endian f64 (bit pattern kept).</summary>
    public void WriteDouble(long address, double value) => WriteInt64(address, BitConverter.DoubleToInt64Bits(value));

    /// <summary>Decodes <paramref name="length"/> bytes as a string.</summary>
    public string ReadString(long address, int length, Encoding? encoding = null) =>
        (encoding ?? Encoding.UTF8).GetString(GetSpan(address, length));

    /// <summary>Decodes a NUL-terminated UTF-8 string.</summary>
    public string ReadNullTerminatedString(long address)
    {
        var rest = GetSpan(address, (int)Math.Min(GetLength() - address, int.MaxValue));
        int end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }

    /// <summary>Encodes <paramref name="value"/> at <paramref name="address"/>; returns the number of bytes written.</summary>
    public int WriteString(long address, string value, Encoding? encoding = null)
    {
        var enc = encoding ?? Encoding.UTF8;
        var bytes = enc.GetBytes(value);
        bytes.CopyTo(GetSpan(address, bytes.Length));
        return bytes.Length;
    }

    /// <summary>Grows the memory by <paramref name="delta"/> pages.</summary>
    /// <returns>The previous size in pages.</returns>
    /// <exception cref="WasmException">The memory cannot grow that much.</exception>
    public long Grow(long delta)
    {
        if (delta < 0 || delta > uint.MaxValue) throw new WasmtimeException($"failed to grow memory by `{delta}`");
        int old = Instance.Grow((uint)delta);
        return old < 0 ? throw new WasmtimeException($"failed to grow memory by `{delta}`") : old;
    }

    private ulong CheckAddress(long address) =>
        address < 0 ? throw new ArgumentOutOfRangeException(nameof(address)) : (ulong)address;
}
