using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Compilation;

namespace WitSharp.Artifacts;

/// <summary>The payload of a core module artifact, format version 2:
/// <code>
///   deflated the module binary without function bodies (WasmStripper.StripModule): types, imports, exports,
///           tables, memories, globals, element and data segments, names — what instantiation reads
///   string  the name of the module's type in the assembly
///   tokens  where its methods are in the assembly (MethodTokens)
///   code    the description of the compiled code, a .NET assembly saved by PersistedCompiler, which follows
///           in the artifact's code section (CodeImage)
/// </code>
/// Loading decodes the small stripped binary (no validation: it was validated when compiled, and the checksum
/// proves it is unchanged), loads the assembly and binds its signature ids; no IL is emitted.</summary>
internal static class ModuleArtifact
{
    /// <summary>Compiles the validated <paramref name="info"/> (with bodies) into a payload.</summary>
    public static SavedArtifact Payload(Engine engine, ModuleInfo info)
    {
        var compiler = new PersistedCompiler(engine);
        string typeName = compiler.Add(info);
        var (image, tokens) = compiler.Save();
        var w = new PayloadWriter();
        w.Deflated(WasmStripper.StripModule(info.Bytes.Span));
        w.String(typeName);
        w.Tokens(tokens[0]);
        var code = CodeImage.Write(w, image, compiler.AssemblyName, engine);
        return new SavedArtifact(w.ToArray(), code);
    }

    /// <summary>Loads a verified payload into <paramref name="engine"/>.</summary>
    public static CompiledModule Load(Engine engine, string name, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> code)
    {
        var r = new PayloadReader(payload);
        var stripped = r.Inflated("module");
        string typeName = r.String("type name");
        var tokens = r.Tokens();
        var assembly = CodeImage.Load(ref r, engine, code);
        r.End();
        var info = Decode(stripped);
        return LoadedCode.Bind(engine, info, name, assembly, typeName, tokens);
    }

    /// <summary>Decodes a stripped module; it decoded before it was stripped, so a failure is a writer bug.</summary>
    internal static ModuleInfo Decode(byte[] stripped)
    {
        try
        {
            return ModuleDecoder.Decode(stripped);
        }
        catch (WasmException e)
        {
            throw new ArtifactException(ArtifactError.Corrupted, $"the module metadata in the artifact does not decode: {e.Message}");
        }
    }
}
