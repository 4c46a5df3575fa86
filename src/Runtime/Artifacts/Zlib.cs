using System.IO.Compression;

namespace WitSharp.Artifacts;

/// <summary>zlib (RFC 1950) for the compressed parts of an artifact: the stripped binary (PayloadCodec) and the
/// code image (CodeImage).</summary>
internal static class Zlib
{
    public static byte[] Deflate(ReadOnlySpan<byte> bytes, CompressionLevel level)
    {
        using var compressed = new MemoryStream(bytes.Length / 3 + 64);
        using (var z = new ZLibStream(compressed, level, leaveOpen: true)) z.Write(bytes);
        return compressed.ToArray();
    }

    /// <summary>Inflates <paramref name="encoded"/>, which must hold exactly <paramref name="length"/> bytes;
    /// anything else is <see cref="ArtifactError.Corrupted"/> (naming <paramref name="what"/>).</summary>
    public static byte[] Inflate(ReadOnlySpan<byte> encoded, int length, string what)
    {
        var bytes = new byte[length];
        try
        {
            unsafe
            {
                fixed (byte* p = encoded)
                {
                    using var z = new ZLibStream(new UnmanagedMemoryStream(p, encoded.Length), CompressionMode.Decompress);
                    z.ReadExactly(bytes);
                    if (z.ReadByte() != -1) throw new InvalidDataException("longer than declared");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ArtifactException(ArtifactError.Corrupted, $"the {what} in the artifact does not inflate: {e.Message}");
        }
        return bytes;
    }
}
