using WitSharp.Artifacts;
using WitSharp.Components;
using WitSharp.Runtime.Tests.Components.RealComponents;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary>A serialized component (format version 2: its structure, its core modules without bodies and one
/// saved assembly of compiled code) loads in a fresh engine and answers every recorded ctypes call as the
/// component compiled from the .wasm does (expected.json, recorded with jco + node).</summary>
public sealed class ComponentArtifactTests(ITestOutputHelper output)
{
    private static readonly Lazy<RecordedCalls> s_calls = new(() => RecordedCalls.Load("ctypes"));

    private static readonly Lazy<byte[]> s_artifact = new(() =>
        Component.FromFile(new Engine(), s_calls.Value.ComponentPath).Serialize());

    /// <summary>Deserialized in an engine that has compiled nothing else, so signature ids and everything the
    /// loaded code binds to come from the artifact, not from the engine that serialized it.</summary>
    private static readonly Lazy<(Engine Engine, Component Component)> s_loaded = new(() =>
    {
        var engine = new Engine();
        return (engine, Component.Deserialize(engine, s_artifact.Value));
    });

    public static TheoryData<string> Scenarios() => [.. RecordedCalls.Load("ctypes").Scenarios.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Deserialized_ctypes_replays_every_scenario(string scenario) =>
        CallReplayer.AssertScenario(s_calls.Value, scenario, s_loaded.Value, output);

    [Fact]
    public void Artifact_holds_compiled_code_and_no_function_bodies()
    {
        var wasm = File.ReadAllBytes(s_calls.Value.ComponentPath);
        var header = ArtifactFormat.ReadHeader(s_artifact.Value, out var payload, out var code);
        Assert.Equal(ArtifactKind.Component, header.Kind);
        Assert.Equal(3, header.FormatVersion);
        var r = new PayloadReader(payload);
        var stripped = r.Inflated("component");
        Assert.True(stripped.Length < wasm.Length, $"stripped component {stripped.Length} B, wasm {wasm.Length} B");
        Assert.Equal(wasm[..8], stripped[..8]); // the component preamble
        int modules = r.U32("count");
        Assert.True(modules >= 1);
        for (int i = 0; i < modules; i++) { r.String("name"); r.String("type"); r.Tokens(); }
        var image = CodeImage.Read(ref r, code, out _);
        Assert.True(image[0] == (byte)'M' && image[1] == (byte)'Z', "the compiled code is a PE image");
        r.End();
    }

    [Fact]
    public void Serializing_a_deserialized_component_gives_the_same_artifact()
    {
        var (engine, component) = s_loaded.Value;
        Assert.Equal(s_artifact.Value, component.Serialize());
        Assert.Equal(component.ExportNames, Component.FromFile(engine, s_calls.Value.ComponentPath).ExportNames);
    }

    [Fact]
    public void Precompile_component_and_deserialize_file()
    {
        var engine = new Engine();
        var path = Path.Combine(Path.GetTempPath(), $"witsharp-art-{Guid.NewGuid():N}.cwasm");
        try
        {
            File.WriteAllBytes(path, engine.PrecompileComponent(File.ReadAllBytes(s_calls.Value.ComponentPath)));
            var component = Component.DeserializeFile(new Engine(), path);
            Assert.Equal(Component.FromFile(engine, s_calls.Value.ComponentPath).ExportNames, component.ExportNames);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
