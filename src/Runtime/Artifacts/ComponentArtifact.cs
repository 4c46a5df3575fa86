using WitSharp.Components;
using WitSharp.Core.Compilation;
using WitSharp.Wit.Binary;
using BinaryComponent = WitSharp.Wit.Binary.Component;
using Component = WitSharp.Components.Component;

namespace WitSharp.Artifacts;

/// <summary>The payload of a component artifact, format version 2:
/// <code>
///   deflated the component binary with every core module stripped of its function bodies (WasmStripper)
///   u32     n, the number of core modules, then per module in definition order (depth first, nested
///           components included): string module name, string type name in the assembly, its method
///           tokens (MethodTokens)
///   code    the description of the compiled code of all n modules, one .NET assembly saved by
///           PersistedCompiler, which follows in the artifact's code section (CodeImage)
/// </code>
/// One assembly for the whole component: its metadata (type references into the runtime, signatures) is shared
/// by the modules, and loading costs one <c>Assembly.Load</c>. Loading skips component validation (it ran
/// when the component was compiled; the checksum proves the bytes are unchanged) but keeps the feature checks
/// of <c>Component.Prepare</c>, which are cheap and protect against nothing the checksum does not already.</summary>
internal static class ComponentArtifact
{
    /// <summary>Compiles every core module of <paramref name="component"/> into one assembly and builds the payload.</summary>
    public static SavedArtifact Payload(Component component)
    {
        var binary = component.Binary;
        var compiler = new PersistedCompiler(component.Engine);
        var w = new PayloadWriter();
        w.Deflated(WasmStripper.StripComponent(binary.Source.AsSpan(binary.Offset, binary.Length)));
        var modules = CoreModules(binary);
        var names = new List<(string Module, string Type)>();
        foreach (var m in modules)
        {
            var module = component.Modules[m];
            names.Add((module.Name, compiler.Add(module.SourceInfo())));
        }
        var (image, tokens) = compiler.Save();
        w.U32(modules.Count);
        for (int i = 0; i < names.Count; i++)
        {
            w.String(names[i].Module);
            w.String(names[i].Type);
            w.Tokens(tokens[i]);
        }
        var code = CodeImage.Write(w, image, compiler.AssemblyName, component.Engine);
        return new SavedArtifact(w.ToArray(), code);
    }

    /// <summary>Loads a verified payload into <paramref name="engine"/>.</summary>
    public static Component Load(Engine engine, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> code, Func<SavedArtifact> saved)
    {
        var r = new PayloadReader(payload);
        var bytes = r.Inflated("component");
        int count = r.U32("module count");
        var names = new (string Module, string Type, MethodTokens Tokens)[Math.Min(count, bytes.Length)];
        if (names.Length != count) throw new ArtifactException(ArtifactError.Corrupted, "malformed payload (module count) behind a valid checksum");
        for (int i = 0; i < count; i++) names[i] = (r.String("module name"), r.String("type name"), r.Tokens());
        var assembly = CodeImage.Load(ref r, engine, code);
        r.End();
        BinaryComponent binary;
        try
        {
            binary = BinaryComponent.Decode(bytes);
        }
        catch (WitBinaryException e)
        {
            throw new ArtifactException(ArtifactError.Corrupted, $"the component structure in the artifact does not decode: {e.Message}");
        }
        var definitions = CoreModules(binary);
        if (definitions.Count != count)
            throw new ArtifactException(ArtifactError.Corrupted, $"the artifact lists {count} compiled core modules but its component has {definitions.Count}");
        var modules = new Dictionary<CoreModuleDefinition, Module>();
        for (int i = 0; i < count; i++)
        {
            var info = ModuleArtifact.Decode(BinaryComponent.CopyBytes(definitions[i].Bytes));
            modules[definitions[i]] = Module.FromLoaded(engine, names[i].Module, LoadedCode.Bind(engine, info, names[i].Module, assembly, names[i].Type, names[i].Tokens));
        }
        return Component.FromLoaded(engine, binary, modules, saved);
    }

    /// <summary>Core module definitions in a fixed order, the same when saving and loading: binary order, with a
    /// nested component's modules where the component is defined.</summary>
    private static List<CoreModuleDefinition> CoreModules(BinaryComponent binary)
    {
        var list = new List<CoreModuleDefinition>();
        Walk(binary);
        return list;

        void Walk(BinaryComponent c)
        {
            foreach (var d in c.Definitions)
            {
                if (d is CoreModuleDefinition m) list.Add(m);
                else if (d is NestedComponentDefinition n) Walk(n.Component);
            }
        }
    }
}
