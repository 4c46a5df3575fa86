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

    /// <summary>Serializes the module into an artifact for <see cref="Deserialize"/>: a header (magic
    /// <c>WITSHARP-ART</c>, format version, runtime version, the engine's code-affecting settings and their
    /// hash) then the payload and a SHA-256 checksum of everything (layout: <c>Artifacts/ArtifactFormat.cs</c>).
    /// Format version 1 carries the validated binary and recompiles it to IL on load (fast: the JIT runs lazily
    /// per function); the header already pins what saved compiled code will need.</summary>
    public byte[] Serialize() => ArtifactFormat.Write(ArtifactKind.Module, Engine, Compiled.Info.Bytes.Span);

    /// <summary>Loads a module produced by <see cref="Serialize"/>. The artifact is checked completely before
    /// anything is compiled: nothing from a rejected artifact runs.</summary>
    /// <exception cref="ArtifactException">The bytes are a plain <c>.wasm</c> binary, not an artifact, are
    /// truncated or damaged, come from another format or runtime version, hold a component, or were compiled
    /// with other code-affecting <see cref="Config"/> settings than <paramref name="engine"/>'s
    /// (<see cref="ArtifactException.Error"/> says which).</exception>
    public static Module Deserialize(Engine engine, string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return FromBytes(engine, name, ArtifactFormat.Read(bytes, ArtifactKind.Module, engine));
    }

    /// <summary>Decodes, validates and compiles <paramref name="bytes"/> and returns its artifact
    /// (<see cref="Engine.PrecompileModule"/>).</summary>
    internal static byte[] Precompile(Engine engine, byte[] bytes) => FromBytes(engine, "module", bytes).Serialize();

    /// <summary>Loads a module serialized to a file (see <see cref="Deserialize"/>).</summary>
    /// <exception cref="ArtifactException">As <see cref="Deserialize"/>.</exception>
    public static Module DeserializeFile(Engine engine, string name, string path) =>
        Deserialize(engine, name, File.ReadAllBytes(path));

    /// <summary>Converts the text format to the binary format.</summary>
    public static byte[] ConvertText(string text) => Wat.ParseModule(text);

    /// <summary>Nothing to release (compiled code stays loaded); present for wasmtime-dotnet compatibility.</summary>
    public void Dispose() { }
}
