using WitSharp.Artifacts;

namespace WitSharp.Components;

public sealed partial class Component
{
    /// <summary>Serializes the compiled component into an artifact (wasmtime <c>Component::serialize</c>) that
    /// <see cref="Deserialize"/> loads without compiling again. The header is the one of
    /// <see cref="Module.Serialize"/> (magic <c>WITSHARP-ART</c>, format and runtime version, code-affecting
    /// settings, SHA-256 checksum; layout in <c>Artifacts/ArtifactFormat.cs</c>) with the component kind.</summary>
    public byte[] Serialize() => ArtifactFormat.Write(ArtifactKind.Component, Engine, ComponentArtifact.Payload(this));

    /// <summary>Loads a component produced by <see cref="Serialize"/> or <see cref="WitSharp.Engine.PrecompileComponent"/>
    /// (wasmtime <c>Component::deserialize</c>). The artifact is checked completely before anything from it is
    /// loaded or run.</summary>
    /// <exception cref="ArtifactException">The bytes are a plain <c>.wasm</c> binary, not an artifact, are truncated
    /// or damaged, come from another format or runtime version, hold a core module, or were compiled with other
    /// code-affecting <see cref="Config"/> settings than <paramref name="engine"/>'s
    /// (<see cref="ArtifactException.Error"/> says which).</exception>
    public static Component Deserialize(Engine engine, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(bytes);
        return ComponentArtifact.Load(engine, ArtifactFormat.Read(bytes, ArtifactKind.Component, engine));
    }

    /// <summary>Loads a component artifact from a file (wasmtime <c>Component::deserialize_file</c>; see
    /// <see cref="Deserialize"/>).</summary>
    /// <exception cref="ArtifactException">As <see cref="Deserialize"/>.</exception>
    public static Component DeserializeFile(Engine engine, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Deserialize(engine, File.ReadAllBytes(path));
    }

    /// <summary>Compiles <paramref name="bytes"/> and returns its artifact (<see cref="WitSharp.Engine.PrecompileComponent"/>).</summary>
    internal static byte[] Precompile(Engine engine, byte[] bytes) => FromBytes(engine, bytes).Serialize();
}
