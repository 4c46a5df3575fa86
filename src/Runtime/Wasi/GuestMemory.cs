using System.Buffers.Binary;
using WitSharp.Core.Instances;

namespace WitSharp.Wasi;

/// <summary>Bounds-checked view of the calling instance's linear memory for one WASI call. Every guest pointer
/// is checked against the memory's current size; a range outside it ends the call with <c>EFAULT</c>
/// (<see cref="Errno.Fault"/>), so a hostile pointer never reaches the host's address space.</summary>
internal readonly unsafe struct GuestMemory(MemoryInstance memory)
{
    /// <summary>The bytes <c>[address, address + length)</c>, or EFAULT.</summary>
    public Span<byte> Slice(uint address, uint length)
    {
        if ((ulong)address + length > memory.Length || length > int.MaxValue) throw new WasiErrnoException(Errno.Fault);
        return new Span<byte>(memory.Base + address, (int)length);
    }

    public Span<byte> Slice(int address, int length) => Slice((uint)address, (uint)length);

    public uint ReadU32(uint address) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(address, 4));
    public ulong ReadU64(uint address) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(address, 8));
    public void WriteU8(uint address, byte value) => Slice(address, 1)[0] = value;
    public void WriteU16(uint address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Slice(address, 2), value);
    public void WriteU32(uint address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Slice(address, 4), value);
    public void WriteU64(uint address, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Slice(address, 8), value);

    /// <summary>A guest string (UTF-8, not NUL-terminated); invalid UTF-8 is <c>EILSEQ</c>-like, reported as EINVAL.</summary>
    public string ReadString(int address, int length)
    {
        var bytes = Slice(address, length);
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new WasiErrnoException(Errno.Inval);
        }
    }

    /// <summary>The buffers of an <c>iovec</c>/<c>ciovec</c> array (8 bytes each: pointer, length).</summary>
    public List<(uint Address, uint Length)> IoVecs(int address, int count)
    {
        if (count < 0) throw new WasiErrnoException(Errno.Inval);
        if ((ulong)count * 8 > uint.MaxValue) throw new WasiErrnoException(Errno.Fault);
        Slice((uint)address, (uint)count * 8);
        var list = new List<(uint, uint)>(count);
        for (int i = 0; i < count; i++)
        {
            uint at = (uint)address + (uint)i * 8;
            uint ptr = ReadU32(at), len = ReadU32(at + 4);
            Slice(ptr, len);
            list.Add((ptr, len));
        }
        return list;
    }
}
