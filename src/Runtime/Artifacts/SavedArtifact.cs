namespace WitSharp.Artifacts;

/// <summary>The two parts of an artifact after its header (ArtifactFormat): the payload and the code section.
/// Kept by a compiled or deserialized module or component so that serializing it again writes the same bytes.</summary>
internal sealed record SavedArtifact(byte[] Payload, byte[] Code)
{
    /// <summary>The parts of the artifact file <paramref name="path"/>, read again when a component loaded from it is
    /// serialized: loading does not keep the tens of megabytes of code it may not even have read (code cache). The
    /// file must still hold the artifact that was loaded, whose payload was <paramref name="payload"/>.</summary>
    public static SavedArtifact Reread(string path, ArtifactKind kind, Engine engine, byte[] payload)
    {
        var bytes = File.ReadAllBytes(path);
        var now = ArtifactFormat.Read(bytes, kind, engine, out var code);
        if (!now.SequenceEqual(payload))
            throw new ArtifactException(ArtifactError.Corrupted, $"{path} no longer holds the artifact the component was loaded from");
        return new SavedArtifact(payload, code.ToArray());
    }
}
