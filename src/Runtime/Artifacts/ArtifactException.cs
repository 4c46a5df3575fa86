namespace WitSharp;

/// <summary>Why an artifact was rejected by <see cref="Module.Deserialize"/>.</summary>
public enum ArtifactError
{
    /// <summary>The bytes do not start with the artifact magic and are not a WebAssembly binary either.</summary>
    NotAnArtifact,
    /// <summary>The bytes are a plain WebAssembly binary (<c>\0asm</c>), not an artifact: load them with
    /// <see cref="Module.FromBytes"/> (or <c>Component.FromBytes</c>).</summary>
    PlainWasm,
    /// <summary>The artifact ends before its header or its declared payload and checksum do.</summary>
    Truncated,
    /// <summary>The artifact uses another layout version of the format than this runtime reads.</summary>
    FormatVersion,
    /// <summary>The artifact was produced by another version of the WitSharp runtime.</summary>
    RuntimeVersion,
    /// <summary>The artifact was produced by an engine whose code-affecting settings differ from this engine's.</summary>
    Config,
    /// <summary>The artifact holds a component where a module was expected, or the reverse.</summary>
    Kind,
    /// <summary>The bytes do not match the checksum stored in the artifact, or there are bytes after its end.</summary>
    Corrupted,
}

/// <summary>An artifact (the output of <see cref="Module.Serialize"/>) cannot be loaded by this engine. Nothing
/// from a rejected artifact is compiled or run. <see cref="Error"/> says which check failed; the message says
/// what to do about it. Derives from <see cref="WasmtimeException"/> so <c>catch (WasmtimeException)</c>
/// keeps catching deserialization failures, as in wasmtime-dotnet.</summary>
public sealed class ArtifactException : WasmtimeException
{
    /// <summary>Creates the exception for <paramref name="error"/> with a message that explains it.</summary>
    public ArtifactException(ArtifactError error, string message) : base($"cannot load artifact: {message}")
    {
        Error = error;
    }

    /// <summary>Which check rejected the artifact.</summary>
    public ArtifactError Error { get; }

    /// <summary>For <see cref="ArtifactError.Config"/>: the names of the settings whose values differ
    /// (<c>fuel</c>, <c>epoch</c>, <c>debug-info</c>); empty otherwise.</summary>
    public IReadOnlyList<string> DifferingSettings { get; init; } = [];
}
