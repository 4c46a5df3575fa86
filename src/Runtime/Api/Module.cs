using WitSharp.Artifacts;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Compilation;
using WitSharp.Core.Text;
using WitSharp.Core.Validation;

namespace WitSharp;

/// <summary>A compiled core module (wasmtime-dotnet <c>Module</c>): decoded, validated and compiled to IL
/// once; instantiate it any number of times with a <see cref="Linker"/>.</summary>
public sealed class Module : IDisposable
{
    private Module(Engine engine, string name, CompiledModule compiled)
    {
        Engine = engine;
        Name = name;
        Compiled = compiled;
        var info = compiled.Info;
        Imports = [.. info.Imports.Select(i => ModuleImport.From(i, info))];
        Exports = [.. info.Exports.Select(e => ModuleExport.From(e, info))];
    }

    /// <summary>The name given at creation.</summary>
    public string Name { get; }

    /// <summary>The engine that compiled the module.</summary>
    public Engine Engine { get; }

    /// <summary>The module's imports in declaration order.</summary>
    public IReadOnlyList<ModuleImport> Imports { get; }

    /// <summary>The module's exports in declaration order.</summary>
    public IReadOnlyList<ModuleExport> Exports { get; }

    internal CompiledModule Compiled { get; }

    /// <summary>Decodes, validates and compiles a binary module.</summary>
    /// <exception cref="MalformedException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidException">The module fails validation.</exception>
    public static Module FromBytes(Engine engine, string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var info = ModuleDecoder.Decode(bytes.ToArray());
        ModuleValidator.Validate(info);
        return new Module(engine, name, engine.CodeGen.Compile(info, name));
    }

    /// <summary>Parses a module in the WebAssembly text format, then as <see cref="FromBytes"/>.</summary>
    public static Module FromText(Engine engine, string name, string text) =>
        FromBytes(engine, name, Wat.ParseModule(text));

    /// <summary>Loads a binary module from a file (the file name is the module name).</summary>
    public static Module FromFile(Engine engine, string path) =>
        FromBytes(engine, Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path));

    /// <summary>Loads a text module from a file.</summary>
    public static Module FromTextFile(Engine engine, string path) =>
        FromText(engine, Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));

    /// <summary>Loads a binary module from a stream.</summary>
    public static Module FromStream(Engine engine, string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return FromBytes(engine, name, ms.ToArray());
    }

    /// <summary>Loads a text-format (WAT) module from a stream (UTF-8, or the encoding its byte-order mark
    /// names).</summary>
    public static Module FromTextStream(Engine engine, string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return FromText(engine, name, reader.ReadToEnd());
    }

    /// <summary>Checks that <paramref name="bytes"/> is a valid module without compiling it.</summary>
    /// <returns>Null when valid, otherwise the reason.</returns>
    public static string? Validate(Engine engine, ReadOnlySpan<byte> bytes)
    {
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(bytes.ToArray()));
            return null;
        }
        catch (WasmException e)
        {
            return e.Message;
        }
    }

    // Built on first Serialize and kept; for a module loaded from an artifact, that artifact's payload (its
    // function bodies are gone, only the compiled code is left).
    private SavedArtifact? _saved;
    private bool _loaded;

    /// <summary>Serializes the module into an artifact for <see cref="Deserialize"/> (wasmtime
    /// <c>Module::serialize</c>): a header (magic <c>WITSHARP-ART</c>, format version, runtime version, the engine's
    /// code-affecting settings and their hash), then the payload and a SHA-256 checksum of everything (layout:
    /// <c>Artifacts/ArtifactFormat.cs</c>). Format version 2's payload is the module's compiled code as a saved
    /// .NET assembly plus the module without its function bodies, so loading neither validates nor emits IL
    /// (<c>Artifacts/ModuleArtifact.cs</c>). The first call compiles every function eagerly.</summary>
    public byte[] Serialize()
    {
        var saved = LazyInitializer.EnsureInitialized(ref _saved, () => ModuleArtifact.Payload(Engine, SourceInfo()));
        return ArtifactFormat.Write(ArtifactKind.Module, Engine, saved.Payload, saved.Code);
    }

    /// <summary>Loads a module produced by <see cref="Serialize"/> or <see cref="Engine.PrecompileModule"/>
    /// (wasmtime-dotnet <c>Module.Deserialize</c>). The artifact is checked completely before anything from it
    /// is loaded: nothing from a rejected artifact runs. The compiled code inside is trusted (as in wasmtime):
    /// load only artifacts you produced.</summary>
    /// <exception cref="ArtifactException">The bytes are a plain <c>.wasm</c> binary, not an artifact, are
    /// truncated or damaged, come from another format or runtime version, hold a component, or were compiled
    /// with other code-affecting <see cref="Config"/> settings than <paramref name="engine"/>'s
    /// (<see cref="ArtifactException.Error"/> says which).</exception>
    public static Module Deserialize(Engine engine, string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var payload = ArtifactFormat.Read(bytes, ArtifactKind.Module, engine, out var code);
        var module = FromLoaded(engine, name, ModuleArtifact.Load(engine, name, payload, code));
        module._saved = new SavedArtifact(payload.ToArray(), code.ToArray());
        return module;
    }

    /// <summary>Decodes and validates <paramref name="bytes"/> and compiles them straight into an artifact,
    /// without compiling them for this engine too (<see cref="Engine.PrecompileModule"/>).</summary>
    internal static byte[] Precompile(Engine engine, byte[] bytes)
    {
        var info = ModuleDecoder.Decode(bytes.ToArray());
        ModuleValidator.Validate(info);
        var saved = ModuleArtifact.Payload(engine, info);
        return ArtifactFormat.Write(ArtifactKind.Module, engine, saved.Payload, saved.Code);
    }

    /// <summary>A module whose compiled code was loaded from an artifact.</summary>
    internal static Module FromLoaded(Engine engine, string name, CompiledModule compiled) =>
        new(engine, name, compiled) { _loaded = true };

    /// <summary>The decoded module with its function bodies, for compiling it into an artifact.</summary>
    internal ModuleInfo SourceInfo() => _loaded
        ? throw new InvalidOperationException("a module loaded from an artifact has no function bodies left to compile; serialize the component or module it came from")
        : Compiled.Info;

    /// <summary>Loads a module serialized to a file (see <see cref="Deserialize"/>).</summary>
    /// <exception cref="ArtifactException">As <see cref="Deserialize"/>.</exception>
    public static Module DeserializeFile(Engine engine, string name, string path)
    {
        using var file = ArtifactFile.Open(path);
        return Deserialize(engine, name, file.Bytes);
    }

    /// <summary>Converts the text format to the binary format.</summary>
    public static byte[] ConvertText(string text) => Wat.ParseModule(text);

    /// <summary>Nothing to release (compiled code stays loaded); present for wasmtime-dotnet compatibility.</summary>
    public void Dispose() { }
}
