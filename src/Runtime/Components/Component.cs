using WitSharp.Wit.Binary;
using BinaryComponent = WitSharp.Wit.Binary.Component;

namespace WitSharp.Components;

/// <summary>
/// A compiled component (Wasmtime.Components.Component): the decoded component with every nested core module
/// compiled. Features the runtime does not support yet are rejected here with a <see cref="ComponentException"/>
/// naming them, so instantiation never silently does the wrong thing.
/// </summary>
public sealed partial class Component : IDisposable
{
    private Component(Engine engine, BinaryComponent binary, IReadOnlyDictionary<CoreModuleDefinition, Module> modules)
    {
        Engine = engine;
        Binary = binary;
        Modules = modules;
    }

    /// <summary>The engine the core modules were compiled with.</summary>
    public Engine Engine { get; }

    internal BinaryComponent Binary { get; }

    internal IReadOnlyDictionary<CoreModuleDefinition, Module> Modules { get; }

    /// <summary>The names of the component's imports, in order.</summary>
    public IEnumerable<string> ImportNames => Binary.Imports.Select(i => i.Name.Name);

    /// <summary>The names of the component's exports, in order.</summary>
    public IEnumerable<string> ExportNames => Binary.Exports.Select(e => e.Name.Name);

    /// <summary>Decodes and compiles a component binary.</summary>
    /// <exception cref="ComponentException">Malformed, or uses an unsupported feature.</exception>
    public static Component FromBytes(Engine engine, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var copy = bytes.ToArray();
        if (!BinaryComponent.IsComponent(copy))
            throw new ComponentException("not a component binary (expected the component preamble: version 0x0d, layer 1)", 0);
        BinaryComponent binary;
        try
        {
            binary = BinaryComponent.Decode(copy);
        }
        catch (WitBinaryException e)
        {
            throw new ComponentException("malformed component: " + e.Message);
        }
        var modules = new Dictionary<CoreModuleDefinition, Module>();
        // Validation compiles each core module (the core validator runs there); Prepare reuses them.
        Validation.ComponentValidator.Validate(binary, (m, name) => modules[m] = Module.FromBytes(engine, name, m.Bytes.AsSpan()));
        Prepare(engine, binary, modules, 0);
        return new Component(engine, binary, modules);
    }

    /// <summary>Decodes and compiles a component binary (wasmtime <c>Component::from_binary</c>; same as <see cref="FromBytes"/>).</summary>
    /// <exception cref="ComponentException">Malformed, or uses an unsupported feature.</exception>
    public static Component FromBinary(Engine engine, ReadOnlySpan<byte> bytes) => FromBytes(engine, bytes);

    /// <summary>Parses the component text format (a <c>(component …)</c> in WAT) and compiles it.</summary>
    /// <exception cref="MalformedException">The text is not well-formed (carries line and column).</exception>
    /// <exception cref="ComponentException">The component is malformed or uses an unsupported feature.</exception>
    public static Component FromText(Engine engine, string text)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(text);
        return FromBytes(engine, Text.ComponentWat.Parse(text));
    }

    /// <summary>Reads, decodes and compiles a component file.</summary>
    public static Component FromFile(Engine engine, string path) => FromBytes(engine, File.ReadAllBytes(path));

    /// <summary>Nothing to release; present for Wasmtime.Components compatibility.</summary>
    public void Dispose() { }

    private static void Prepare(Engine engine, BinaryComponent c, Dictionary<CoreModuleDefinition, Module> modules, int depth)
    {
        int moduleIndex = 0;
        foreach (var d in c.Definitions)
        {
            switch (d)
            {
                case CoreModuleDefinition m:
                    if (!modules.ContainsKey(m)) modules[m] = Module.FromBytes(engine, $"module{depth}.{moduleIndex}", m.Bytes.AsSpan());
                    moduleIndex++;
                    break;
                case NestedComponentDefinition n:
                    Prepare(engine, n.Component, modules, depth + 1);
                    break;
                case CanonDefinition canon:
                    CheckCanon(canon);
                    break;
                case StartDefinition s:
                    throw new ComponentException("component start functions (🪙 value imports) are not supported yet", s.Offset);
                case ValueDefinition v:
                    throw new ComponentException("value definitions (🪙) are not supported yet", v.Offset);
            }
        }
    }

    private static void CheckCanon(CanonDefinition canon)
    {
        switch (canon.Kind)
        {
            case CanonKind.Lift or CanonKind.Lower:
                if (canon.Options.IsAsync || canon.Options.Callback is not null)
                    throw new ComponentException($"canon {canon.Kind.ToString().ToLowerInvariant()} with the `async` option is not supported yet", canon.Offset);
                break;
            case CanonKind.ResourceNew or CanonKind.ResourceDrop or CanonKind.ResourceRep:
                // Instantiation provides them as core functions over the instance's handle table (Resources/ResourceBuiltins.cs).
                break;
            default:
                throw new ComponentException($"the canonical built-in `{canon.Kind}` is not supported yet", canon.Offset);
        }
    }
}
