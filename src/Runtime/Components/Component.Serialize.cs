using WitSharp.Artifacts;
using WitSharp.Wit.Binary;
using BinaryComponent = WitSharp.Wit.Binary.Component;

namespace WitSharp.Components;

public sealed partial class Component
{
    // For a deserialized component: its payload, written again by Serialize (its modules have no bodies left
    // to compile). Otherwise built on first Serialize and kept.
    private Func<SavedArtifact>? _loadedFrom;
    private SavedArtifact? _saved;

    /// <summary>Serializes the compiled component into an artifact (wasmtime <c>Component::serialize</c>) that
    /// <see cref="Deserialize"/> loads without decoding function bodies, validating or compiling: the component's
    /// structure, each core module's metadata without its code, and the compiled code of all its core modules as
    /// one saved .NET assembly (format version 2; layout in <c>Artifacts/ComponentArtifact.cs</c>). The header is
    /// the one of <see cref="Module.Serialize"/>: magic <c>WITSHARP-ART</c>, format and runtime version,
    /// code-affecting settings, SHA-256 checksum. The first call compiles every function eagerly (the engine
    /// otherwise emits code as it is needed), so it takes about as long as compiling the component.</summary>
    public byte[] Serialize()
    {
        var saved = LazyInitializer.EnsureInitialized(ref _saved, () => _loadedFrom is { } source ? source() : ComponentArtifact.Payload(this));
        return ArtifactFormat.Write(ArtifactKind.Component, Engine, saved.Payload, saved.Code);
    }

    /// <summary>Loads a component produced by <see cref="Serialize"/> or <see cref="WitSharp.Engine.PrecompileComponent"/>
    /// (wasmtime <c>Component::deserialize</c>). The artifact is checked completely before anything from it is
    /// loaded or run. Unlike wasmtime this is safe to call on untrusted bytes in the sense that damage is
    /// detected (checksum); but the compiled code in an artifact is trusted, so only load artifacts you produced.</summary>
    /// <exception cref="ArtifactException">The bytes are a plain <c>.wasm</c> binary, not an artifact, are truncated
    /// or damaged, come from another format or runtime version, hold a core module, or were compiled with other
    /// code-affecting <see cref="Config"/> settings than <paramref name="engine"/>'s
    /// (<see cref="ArtifactException.Error"/> says which).</exception>
    public static Component Deserialize(Engine engine, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var payload = ArtifactFormat.Read(bytes, ArtifactKind.Component, engine, out var code);
        var saved = new SavedArtifact(payload.ToArray(), code.ToArray());
        return ComponentArtifact.Load(engine, payload, code, () => saved);
    }

    /// <summary>Loads a component artifact from a file (wasmtime <c>Component::deserialize_file</c>; see
    /// <see cref="Deserialize"/>).</summary>
    /// <exception cref="ArtifactException">As <see cref="Deserialize"/>.</exception>
    public static Component DeserializeFile(Engine engine, string path)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(path);
        // Mapped, not read: when the code is in the code cache only the header and payload pages are touched.
        using var file = ArtifactFile.Open(path);
        var payload = ArtifactFormat.Read(file.Bytes, ArtifactKind.Component, engine, out var code).ToArray();
        var full = Path.GetFullPath(path);
        return ComponentArtifact.Load(engine, payload, code, () => SavedArtifact.Reread(full, ArtifactKind.Component, engine, payload));
    }

    /// <summary>Compiles <paramref name="bytes"/> and returns its artifact (<see cref="WitSharp.Engine.PrecompileComponent"/>).</summary>
    internal static byte[] Precompile(Engine engine, byte[] bytes) => FromBytes(engine, bytes).Serialize();

    /// <summary>A component whose core modules were loaded from an artifact; the feature checks of
    /// <see cref="Prepare"/> run as for a compiled one.</summary>
    internal static Component FromLoaded(Engine engine, BinaryComponent binary, Dictionary<CoreModuleDefinition, Module> modules, Func<SavedArtifact> saved)
    {
        Prepare(engine, binary, modules, 0);
        return new Component(engine, binary, modules) { _loadedFrom = saved };
    }
}
