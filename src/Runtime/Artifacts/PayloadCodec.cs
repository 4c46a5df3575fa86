using System.Buffers.Binary;
using System.Text;

namespace WitSharp.Artifacts;

/// <summary>Writes the fields of a version-2 payload: length-prefixed (u32, little-endian) blobs and UTF-8
/// strings, and u32 counts.</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream _out = new();

    public void U32(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, checked((uint)value));
        _out.Write(b);
    }

    public void Byte(byte value) => _out.WriteByte(value);

    public void Blob(ReadOnlySpan<byte> bytes)
    {
        U32(bytes.Length);
        _out.Write(bytes);
    }

    public void String(string s) => Blob(Encoding.UTF8.GetBytes(s));

    /// <summary>u32 inflated length, then a blob of the bytes deflated (zlib). For the stripped binary, whose data
    /// segments dominate a large module (3.3 MB of the componentize-js one, 1.3 MB deflated).</summary>
    public void Deflated(ReadOnlySpan<byte> bytes)
    {
        U32(bytes.Length);
        Blob(Zlib.Deflate(bytes, System.IO.Compression.CompressionLevel.Optimal));
    }

    /// <summary>Bytes of a length both sides know (no prefix).</summary>
    public void Bytes(ReadOnlySpan<byte> bytes) => _out.Write(bytes);

    /// <summary>u32 n, n × u32 function token, u32 m, m × (u32 function index, u32 export entry token).</summary>
    public void Tokens(Core.Compilation.MethodTokens tokens)
    {
        U32(tokens.Functions.Length);
        foreach (int token in tokens.Functions) U32(token);
        U32(tokens.ExportIndices.Length);
        for (int i = 0; i < tokens.ExportIndices.Length; i++)
        {
            U32((int)tokens.ExportIndices[i]);
            U32(tokens.ExportTokens[i]);
        }
    }

    public byte[] ToArray() => _out.ToArray();
}

/// <summary>Reads what <see cref="PayloadWriter"/> wrote. The artifact's checksum has been verified before a
/// payload is parsed, so a field that does not fit is a writer bug rather than damage; it is still reported as
/// <see cref="ArtifactError.Corrupted"/> instead of an index exception, and nothing is loaded.</summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public int U32(string what)
    {
        uint v = BinaryPrimitives.ReadUInt32LittleEndian(Take(4, what));
        if (v > int.MaxValue) throw Bad(what);
        return (int)v;
    }

    public byte Byte(string what) => Take(1, what)[0];

    public ReadOnlySpan<byte> Blob(string what) => Take(U32(what + " length"), what);

    public ReadOnlySpan<byte> Bytes(int length, string what) => Take(length, what);

    /// <summary>Reads what <see cref="PayloadWriter.Deflated"/> wrote.</summary>
    public byte[] Inflated(string what)
    {
        int length = U32(what + " length");
        return Zlib.Inflate(Blob(what), length, what);
    }

    public string String(string what) => Encoding.UTF8.GetString(Blob(what));

    public Core.Compilation.MethodTokens Tokens()
    {
        int count = U32("function count");
        if (count > (_bytes.Length - _position) / 4) throw Bad("function tokens");
        var functions = new int[count];
        for (int i = 0; i < count; i++) functions[i] = U32("function token");
        int n = U32("export entry count");
        if (n > (_bytes.Length - _position) / 8) throw Bad("export entry tokens");
        var indices = new uint[n];
        var tokens = new int[n];
        for (int i = 0; i < n; i++)
        {
            indices[i] = (uint)U32("export entry index");
            tokens[i] = U32("export entry token");
        }
        return new Core.Compilation.MethodTokens(functions, indices, tokens);
    }

    public readonly void End()
    {
        if (!AtEnd) throw Bad("end of payload");
    }

    private ReadOnlySpan<byte> Take(int n, string what)
    {
        if (_bytes.Length - _position < n) throw Bad(what);
        var s = _bytes.Slice(_position, n);
        _position += n;
        return s;
    }

    private static ArtifactException Bad(string what) =>
        new(ArtifactError.Corrupted, $"malformed payload ({what}) behind a valid checksum");
}
