using System.IO.Compression;

namespace WitSharp.Artifacts;

/// <summary>How a payload stores the PE image of its compiled code:
/// <code>
///   1  encoding: 1 = zlib (RFC 1950) deflate
///   4  u32 length of the image once inflated
///   blob  the encoded image
/// </code>
/// Compressed because IL is much less dense than wasm code (LEB immediates and a stack machine vs 4-byte
/// tokens, 4-byte constants and spilled locals): the componentize-js module's 12.5 MB of wasm becomes a 46 MB
/// assembly, which deflates to about 12 MB at the fastest level. Inflating costs tens of milliseconds per
/// 10 MB of image; the checksum is then taken over the compressed bytes, which pays part of it back.</summary>
internal static class CodeImage
{
    private const byte Zlib = 1;

    public static void Write(PayloadWriter w, byte[] image)
    {
        using var compressed = new MemoryStream(image.Length / 3);
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(image);
        w.Byte(Zlib);
        w.U32(image.Length);
        w.Blob(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
    }

    public static byte[] Read(ref PayloadReader r)
    {
        byte encoding = r.Byte("code encoding");
        int length = r.U32("code length");
        var encoded = r.Blob("code");
        if (encoding != Zlib) throw new ArtifactException(ArtifactError.Corrupted, $"unknown code encoding {encoding} behind a valid checksum");
        if (encoded.IsEmpty || length == 0) throw new ArtifactException(ArtifactError.Corrupted, "the artifact holds no compiled code");
        var image = new byte[length];
        try
        {
            unsafe
            {
                fixed (byte* p = encoded)
                {
                    using var z = new ZLibStream(new UnmanagedMemoryStream(p, encoded.Length), CompressionMode.Decompress);
                    z.ReadExactly(image);
                    if (z.ReadByte() != -1) throw new InvalidDataException("longer than declared");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ArtifactException(ArtifactError.Corrupted, $"the compiled code in the artifact does not inflate: {e.Message}");
        }
        return image;
    }
}
