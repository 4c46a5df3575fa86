using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace WitSharp.Artifacts;

/// <summary>What an artifact holds.</summary>
internal enum ArtifactKind : byte
{
    Module = 1,
    Component = 2,
}

/// <summary>The header of an artifact, as read back by <see cref="ArtifactFormat.Read"/>.</summary>
internal sealed record ArtifactHeader(ushort FormatVersion, ArtifactKind Kind, string RuntimeVersion, string Settings, ulong SettingsHash);

/// <summary>Writes and checks artifacts. Layout (integers little-endian):
/// <code>
///   12  magic "WITSHARP-ART"
///    2  format version (<see cref="FormatVersion"/>)
///    1  kind (1 module, 2 component)
///    1  flags (0; reserved)
///    1  n, then n bytes UTF-8: runtime version (the runtime assembly's informational version)
///    2  m, then m bytes UTF-8: code settings, "debug-info=false;epoch=false;fuel=false"
///    8  hash of the code settings (first 8 bytes of their SHA-256)
///    8  payload length p
///    8  code length c
///    p  payload
///   32  SHA-256 of every byte before it
///    c  code: the compiled code's encoded image, covered by its own SHA-256 recorded in the payload (CodeImage)
/// </code>
/// The checksum covers the header too, so a flipped bit anywhere before the code is caught; it is checked before
/// the version and settings comparisons, so those messages only appear for genuine artifacts of another
/// runtime/config. The code has its own hash so that loading need not read it when its image is already in the
/// code cache (tens of megabytes for a large component, against a 50 ms load budget): the cache file holds the
/// image with that hash, so damage in the artifact's copy cannot change what runs. Whenever the code itself is
/// used, its hash is checked first.
/// Magic and format version come first and never move: any later layout change bumps the version, and an
/// older reader rejects the newer artifact by its version instead of misreading it.</summary>
internal static class ArtifactFormat
{
    /// <summary>Version 3: the payload holds the metadata instantiation needs and the method tokens of the compiled
    /// code (ModuleArtifact, ComponentArtifact); the code, a saved .NET assembly with or without ReadyToRun native
    /// code (CodeImage), follows the checksum in its own section. Version 2 kept the code inside the payload and
    /// version 1 held the validated binary and recompiled it on load; such artifacts are rejected by their version.</summary>
    public const ushort FormatVersion = 3;

    public static ReadOnlySpan<byte> Magic => "WITSHARP-ART"u8;

    private const int ChecksumLength = 32;


    /// <summary>The version string this runtime writes and accepts.</summary>
    public static string RuntimeVersion { get; } =
        typeof(ArtifactFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ArtifactFormat).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Builds an artifact for <paramref name="payload"/> and <paramref name="code"/> compiled by <paramref name="engine"/>.</summary>
    public static byte[] Write(ArtifactKind kind, Engine engine, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> code = default) =>
        Write(kind, RuntimeVersion, CodeSettings.Of(engine), payload, FormatVersion, code);

    /// <summary>The general form; tests use it to make artifacts "from" another runtime or format version.</summary>
    internal static byte[] Write(ArtifactKind kind, string runtimeVersion, CodeSettings settings, ReadOnlySpan<byte> payload, ushort formatVersion, ReadOnlySpan<byte> code = default)
    {
        var version = Encoding.UTF8.GetBytes(runtimeVersion);
        var text = Encoding.UTF8.GetBytes(settings.Text);
        if (version.Length > byte.MaxValue || text.Length > ushort.MaxValue) throw new ArgumentException("header string too long");
        int headerLength = Magic.Length + 2 + 1 + 1 + 1 + version.Length + 2 + text.Length + 8 + 8 + 8;
        var result = new byte[headerLength + payload.Length + ChecksumLength + code.Length];
        var w = result.AsSpan();
        Magic.CopyTo(w);
        int at = Magic.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(w[at..], formatVersion); at += 2;
        w[at++] = (byte)kind;
        w[at++] = 0;
        w[at++] = (byte)version.Length;
        version.CopyTo(w[at..]); at += version.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(w[at..], (ushort)text.Length); at += 2;
        text.CopyTo(w[at..]); at += text.Length;
        BinaryPrimitives.WriteUInt64LittleEndian(w[at..], settings.Hash); at += 8;
        BinaryPrimitives.WriteUInt64LittleEndian(w[at..], (ulong)payload.Length); at += 8;
        BinaryPrimitives.WriteUInt64LittleEndian(w[at..], (ulong)code.Length); at += 8;
        payload.CopyTo(w[at..]); at += payload.Length;
        SHA256.HashData(w[..at], w[at..]);
        code.CopyTo(w[(at + ChecksumLength)..]);
        return result;
    }

    /// <summary>Checks <paramref name="bytes"/> completely and returns the payload. Throws
    /// <see cref="ArtifactException"/> for anything but an intact artifact of <paramref name="kind"/> written
    /// by this runtime version for an engine with <paramref name="engine"/>'s code settings; <paramref name="code"/>
    /// is the code section, whose own hash the payload records (not checked here).</summary>
    public static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> bytes, ArtifactKind kind, Engine engine, out ReadOnlySpan<byte> code)
    {
        var header = ReadHeader(bytes, out var payload, out code);
        if (header.Kind != kind)
            throw new ArtifactException(ArtifactError.Kind, $"it holds a {Describe(header.Kind)}, not a {Describe(kind)}; load it with {(header.Kind == ArtifactKind.Component ? "Component" : "Module")}.Deserialize");
        if (header.RuntimeVersion != RuntimeVersion)
            throw new ArtifactException(ArtifactError.RuntimeVersion, $"it was produced by WitSharp runtime {header.RuntimeVersion}, this is {RuntimeVersion}; serialize it again with this version (or load the original .wasm)");
        var mine = CodeSettings.Of(engine);
        var theirs = CodeSettings.Parse(header.Settings);
        if (theirs is null || theirs.Hash != header.SettingsHash)
            throw new ArtifactException(ArtifactError.Corrupted, "its code settings record is malformed");
        if (theirs.Hash != mine.Hash)
        {
            var names = mine.Differences(theirs);
            var detail = string.Join(", ", names.Select(n => $"{n}={theirs.ValueOf(n)} in the artifact but {mine.ValueOf(n)} in this engine"));
            throw new ArtifactException(ArtifactError.Config, $"it was compiled with other code-affecting Config settings ({detail}); deserialize it with an engine configured the same way, or serialize it again")
            {
                DifferingSettings = names,
            };
        }
        return payload;
    }

    /// <summary>Parses and checksums the header without comparing it to an engine.</summary>
    public static ArtifactHeader ReadHeader(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> payload) => ReadHeader(bytes, out payload, out _);

    /// <summary>As <see cref="ReadHeader(ReadOnlySpan{byte}, out ReadOnlySpan{byte})"/>, also returning the code section.</summary>
    public static ArtifactHeader ReadHeader(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> code)
    {
        if (bytes.Length < Magic.Length || !bytes.StartsWith(Magic))
        {
            if (bytes.StartsWith("\0asm"u8))
            {
                bool component = bytes.Length >= 8 && bytes[6] == 1; // layer field: 0 module, 1 component
                throw new ArtifactException(ArtifactError.PlainWasm, $"this looks like a plain .wasm binary, not a WitSharp artifact; use {(component ? "Component" : "Module")}.FromBytes");
            }
            if (Magic.StartsWith(bytes))
                throw new ArtifactException(ArtifactError.Truncated, $"truncated: {bytes.Length} bytes, shorter than the {Magic.Length}-byte magic");
            throw new ArtifactException(ArtifactError.NotAnArtifact, "not a WitSharp artifact (no \"WITSHARP-ART\" magic)");
        }
        var r = new Reader(bytes, Magic.Length);
        ushort format = r.U16("format version");
        if (format != FormatVersion)
            throw new ArtifactException(ArtifactError.FormatVersion, $"artifact format version {format}, this runtime reads version {FormatVersion}; serialize it again with this runtime");
        var kind = (ArtifactKind)r.U8("kind");
        byte flags = r.U8("flags");
        string version = r.Utf8(r.U8("runtime version length"), "runtime version");
        string settings = r.Utf8(r.U16("settings length"), "code settings");
        ulong hash = r.U64("settings hash");
        ulong length = r.U64("payload length");
        ulong codeLength = r.U64("code length");
        long expected = r.Position + (long)Math.Min(length, (ulong)int.MaxValue) + ChecksumLength + (long)Math.Min(codeLength, (ulong)int.MaxValue);
        if (length > int.MaxValue || codeLength > int.MaxValue || bytes.Length < expected)
            throw new ArtifactException(ArtifactError.Truncated, $"truncated: the header declares a {length}-byte payload, a {ChecksumLength}-byte checksum and {codeLength} bytes of code, but only {bytes.Length - r.Position} bytes follow it");
        if (bytes.Length > expected)
            throw new ArtifactException(ArtifactError.Corrupted, $"{bytes.Length - expected} unexpected bytes after the end of the artifact");
        int end = r.Position + (int)length;
        Span<byte> actual = stackalloc byte[ChecksumLength];
        SHA256.HashData(bytes[..end], actual);
        if (!actual.SequenceEqual(bytes.Slice(end, ChecksumLength)))
            throw new ArtifactException(ArtifactError.Corrupted, "checksum mismatch: the artifact was modified or damaged");
        // Only checked after the checksum: a valid checksum with unknown values means a writer bug or a
        // newer writer that forgot to bump the format version, never damage.
        if (flags != 0 || kind is not (ArtifactKind.Module or ArtifactKind.Component))
            throw new ArtifactException(ArtifactError.FormatVersion, $"unknown kind {(byte)kind} or flags 0x{flags:x2} for format version {format}");
        payload = bytes[r.Position..end];
        code = bytes[(end + ChecksumLength)..];
        return new ArtifactHeader(format, kind, version, settings, hash);
    }

    private static string Describe(ArtifactKind kind) => kind == ArtifactKind.Component ? "component" : "core module";

    /// <summary>Bounds-checked little-endian reads; running out of bytes is truncation.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes, int position)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        public int Position { get; private set; } = position;

        private ReadOnlySpan<byte> Take(int n, string what)
        {
            if (_bytes.Length - Position < n)
                throw new ArtifactException(ArtifactError.Truncated, $"truncated: the artifact ends at byte {_bytes.Length}, inside its header ({what})");
            var s = _bytes.Slice(Position, n);
            Position += n;
            return s;
        }

        public byte U8(string what) => Take(1, what)[0];
        public ushort U16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));
        public ulong U64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));
        public string Utf8(int n, string what) => Encoding.UTF8.GetString(Take(n, what));
    }
}
