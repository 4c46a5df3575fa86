using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using WitSharp.Core.Compilation;

namespace WitSharp.Artifacts;

/// <summary>How an artifact stores the PE image of its compiled code. In the payload:
/// <code>
///   1       encoding: 1 = IL assembly, 2 = ReadyToRun assembly (IL plus native code), both zlib (RFC 1950)
///   string  (encoding 2 only) the platform of the native code, e.g. "linux-x64"
///   4       u32 length of the image once inflated
///   32      SHA-256 of the code section
/// </code>
/// and the deflated image as the artifact's code section (ArtifactFormat), so that a load that finds the image in
/// the code cache never reads it.
/// Compressed because IL is much less dense than wasm code (4-byte tokens, spilled locals, 8-byte bounds checks)
/// and native code more so: the componentize-js module's 12.5 MB of wasm becomes a 36 MB IL assembly (12.8 MB
/// deflated at the fastest level) or an 81 MB ReadyToRun image (about 31 MB deflated at the smallest-size level; the
/// slower level pays for itself here, crossgen2 took minutes). A ReadyToRun image for this process's platform
/// is loaded from a file in the <see cref="CodeCache"/> (the runtime ignores native code in an image loaded from
/// bytes); any other image is loaded from bytes and JIT-compiled.</summary>
internal static class CodeImage
{
    private const byte IL = 1, ReadyToRun = 2;

    /// <summary>Writes the description of <paramref name="image"/> to the payload and returns the code section:
    /// the image deflated, first compiled to native code when the engine names a ReadyToRun compiler
    /// (<see cref="Config.WithReadyToRunCompiler"/>).</summary>
    public static byte[] Write(PayloadWriter w, byte[] image, string assemblyName, Engine engine)
    {
        byte[] code;
        if (engine.Config.ReadyToRunCompiler is { } crossgen2)
        {
            var native = ReadyToRunCompiler.Compile(crossgen2, image, assemblyName);
            w.Byte(ReadyToRun);
            w.String(ReadyToRunCompiler.Platform);
            w.U32(native.Length);
            code = Zlib.Deflate(native, CompressionLevel.SmallestSize);
        }
        else
        {
            w.Byte(IL);
            w.U32(image.Length);
            code = Zlib.Deflate(image, CompressionLevel.Fastest);
        }
        w.Bytes(SHA256.HashData(code));
        return code;
    }

    /// <summary>Loads the code described by a verified payload. A ReadyToRun image for this platform is mapped from
    /// its cache file (named by the code's hash), which is written first if missing; only then is the code section
    /// read, after its hash is checked.</summary>
    public static Assembly Load(ref PayloadReader r, Engine engine, ReadOnlySpan<byte> code)
    {
        var hash = Parse(ref r, out var platform, out int length);
        if (platform == ReadyToRunCompiler.Platform && engine.Config.CodeCacheDirectory is { } directory)
        {
            string path = CodeCache.PathFor(directory, hash);
            if (CodeCache.IsPresent(path, length)) return LoadedCode.LoadFile(path);
            var image = Zlib.Inflate(Verified(code, hash), length, "compiled code");
            return CodeCache.TryWrite(path, image) ? LoadedCode.LoadFile(path) : LoadedCode.Load(image);
        }
        return LoadedCode.Load(Zlib.Inflate(Verified(code, hash), length, "compiled code"));
    }

    /// <summary>Checks and inflates the code without loading it; <paramref name="platform"/> is the native code's
    /// platform, or null for an IL-only image.</summary>
    public static byte[] Read(ref PayloadReader r, ReadOnlySpan<byte> code, out string? platform)
    {
        var hash = Parse(ref r, out platform, out int length);
        return Zlib.Inflate(Verified(code, hash), length, "compiled code");
    }

    private static ReadOnlySpan<byte> Parse(ref PayloadReader r, out string? platform, out int length)
    {
        byte encoding = r.Byte("code encoding");
        if (encoding is not (IL or ReadyToRun)) throw new ArtifactException(ArtifactError.Corrupted, $"unknown code encoding {encoding} behind a valid checksum");
        platform = encoding == ReadyToRun ? r.String("code platform") : null;
        length = r.U32("code length");
        var hash = r.Bytes(SHA256.HashSizeInBytes, "code hash");
        if (length == 0) throw new ArtifactException(ArtifactError.Corrupted, "the artifact holds no compiled code");
        return hash;
    }

    private static ReadOnlySpan<byte> Verified(ReadOnlySpan<byte> code, ReadOnlySpan<byte> hash)
    {
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(code, actual);
        if (!actual.SequenceEqual(hash))
            throw new ArtifactException(ArtifactError.Corrupted, "checksum mismatch in the compiled code: the artifact was modified or damaged");
        if (code.IsEmpty) throw new ArtifactException(ArtifactError.Corrupted, "the artifact holds no compiled code");
        return code;
    }
}
