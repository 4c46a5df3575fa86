namespace WitSharp.Core.Text;

/// <summary>A growable byte buffer with the binary format's primitive encodings (spec binary/values).
/// LEB128s are always minimal, so the encoder's output is canonical.</summary>
internal sealed class BinaryBuilder
{
    private byte[] _buf = new byte[256];

    public int Length { get; private set; }

    public void Byte(byte b)
    {
        if (Length == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
        _buf[Length++] = b;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _buf.Length) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, Length + bytes.Length));
        bytes.CopyTo(_buf.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Drops bytes past <paramref name="length"/> (used to rewrite a just-written opcode).</summary>
    public void Truncate(int length) => Length = length;

    public void U32(uint v) => U64(v);

    public void U64(ulong v)
    {
        do
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            if (v != 0) b |= 0x80;
            Byte(b);
        }
        while (v != 0);
    }

    public void S32(int v) => S64(v);

    public void S64(long v)
    {
        while (true)
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            bool done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            if (!done) b |= 0x80;
            Byte(b);
            if (done) return;
        }
    }

    public void U32Fixed(uint v)
    {
        for (int i = 0; i < 4; i++) Byte((byte)(v >> (8 * i)));
    }

    public void U64Fixed(ulong v)
    {
        for (int i = 0; i < 8; i++) Byte((byte)(v >> (8 * i)));
    }

    /// <summary>A length-prefixed byte vector (names, data strings).</summary>
    public void Vec(ReadOnlySpan<byte> bytes)
    {
        U32((uint)bytes.Length);
        Bytes(bytes);
    }

    /// <summary>Writes <paramref name="content"/> as a section: id, size, bytes.</summary>
    public void Section(byte id, BinaryBuilder content)
    {
        Byte(id);
        U32((uint)content.Length);
        Bytes(content.AsSpan());
    }

    public ReadOnlySpan<byte> AsSpan() => _buf.AsSpan(0, Length);

    public byte[] ToArray() => _buf.AsSpan(0, Length).ToArray();
}
