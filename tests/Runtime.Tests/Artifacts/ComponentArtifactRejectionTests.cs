using WitSharp.Artifacts;
using WitSharp.Components;
using WitSharp.Runtime.Tests.Compilation;

namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary>Component artifacts go through the same checks as module artifacts (issue 6): plain binaries,
/// truncation, damage, another format or runtime version, another code configuration and the wrong kind are all
/// rejected with <see cref="ArtifactException"/> before anything from the artifact is loaded. Uses a small
/// component with a nested component (each with a core module) so that every byte can be flipped quickly.</summary>
public class ComponentArtifactRejectionTests
{
    internal const string Wat = """
        (component
          (core module $m
            (table 2 funcref)
            (elem (i32.const 0) $double $square)
            (type $un (func (param i32) (result i32)))
            (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
            (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
            (func (export "apply") (param i32 i32) (result i32)
              (call_indirect (type $un) (local.get 0) (local.get 1))))
          (core instance $i (instantiate $m))
          (func $apply (param "x" u32) (param "f" u32) (result u32) (canon lift (core func $i "apply")))
          (component $inner
            (core module $n (func (export "seven") (result i32) (i32.const 7)))
            (core instance $j (instantiate $n))
            (func $seven (result u32) (canon lift (core func $j "seven")))
            (export "seven" (func $seven)))
          (instance $in (instantiate $inner))
          (export "apply" (func $apply))
          (export "seven" (func $in "seven")))
        """;

    /// <summary>The component binary (the text parsed by Component.FromText).</summary>
    private static readonly Lazy<byte[]> ComponentWasm = new(() => WitSharp.Components.Text.ComponentWat.Parse(Wat));

    private static readonly Lazy<byte[]> s_artifact = new(() => Component.FromText(WasmFixture.Engine, Wat).Serialize());

    private static ArtifactException Reject(byte[] bytes, Engine? engine = null) =>
        Assert.Throws<ArtifactException>(() => Component.Deserialize(engine ?? WasmFixture.Engine, bytes));

    [Fact]
    public void Round_trip_with_a_nested_component_in_a_fresh_engine()
    {
        var engine = new Engine();
        var component = Component.Deserialize(engine, s_artifact.Value);
        var instance = new ComponentLinker(engine).Instantiate(new Store(engine), component);
        Assert.Equal(14u, instance.GetTypedFunction<(uint, uint), uint>("apply")!.Call((7, 0)));
        Assert.Equal(49u, instance.GetTypedFunction<(uint, uint), uint>("apply")!.Call((7, 1)));
        Assert.Equal(7u, instance.GetTypedFunction<ValueTuple, uint>("seven")!.Call(default));
        Assert.Throws<TrapException>(() => instance.GetTypedFunction<(uint, uint), uint>("apply")!.Call((7, 2)));
    }

    [Fact]
    public void Plain_wasm_component_is_rejected_with_a_pointer_to_Component_FromBytes()
    {
        var e = Reject(ComponentWasm.Value);
        Assert.Equal(ArtifactError.PlainWasm, e.Error);
        Assert.Contains("Component.FromBytes", e.Message);
    }

    [Fact]
    public void Module_artifact_is_not_a_component_and_the_reverse()
    {
        var module = Module.FromText(WasmFixture.Engine, "m", "(module)").Serialize();
        var e = Reject(module);
        Assert.Equal(ArtifactError.Kind, e.Error);
        Assert.Contains("Module.Deserialize", e.Message);
        var back = Assert.Throws<ArtifactException>(() => Module.Deserialize(WasmFixture.Engine, "m", s_artifact.Value));
        Assert.Equal(ArtifactError.Kind, back.Error);
        Assert.Contains("Component.Deserialize", back.Message);
    }

    [Fact]
    public void Every_proper_prefix_is_reported_as_truncated()
    {
        var bytes = s_artifact.Value;
        for (int n = 0; n < bytes.Length; n++)
        {
            var e = Reject(bytes[..n]);
            Assert.True(e.Error == ArtifactError.Truncated, $"prefix of {n} bytes: {e.Error}: {e.Message}");
        }
    }

    [Fact]
    public void Every_flipped_byte_is_rejected_as_damage()
    {
        var bytes = s_artifact.Value;
        for (int i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= (byte)(i % 3 == 0 ? 0x01 : i % 3 == 1 ? 0x80 : 0xff);
            var e = Reject(copy);
            Assert.True(e.Error is not (ArtifactError.RuntimeVersion or ArtifactError.Config or ArtifactError.Kind),
                $"byte {i}: {e.Error}: {e.Message}");
        }
    }

    [Fact]
    public void Extra_bytes_after_the_end_are_rejected()
    {
        Assert.Equal(ArtifactError.Corrupted, Reject([.. s_artifact.Value, 0]).Error);
    }

    [Fact]
    public void Artifact_of_another_runtime_or_format_version_is_rejected()
    {
        ArtifactFormat.ReadHeader(s_artifact.Value, out var payload, out var code);
        var settings = CodeSettings.Of(WasmFixture.Engine);
        var older = Reject(ArtifactFormat.Write(ArtifactKind.Component, "0.0.1-older", settings, payload, ArtifactFormat.FormatVersion, code));
        Assert.Equal(ArtifactError.RuntimeVersion, older.Error);
        Assert.Contains("0.0.1-older", older.Message);
        var v1 = Reject(ArtifactFormat.Write(ArtifactKind.Component, ArtifactFormat.RuntimeVersion, settings, payload, 1));
        Assert.Equal(ArtifactError.FormatVersion, v1.Error);
        Assert.Contains("format version 1", v1.Message);
    }

    [Theory]
    [InlineData("fuel")]
    [InlineData("epoch")]
    [InlineData("debug-info")]
    public void Artifact_compiled_with_another_code_setting_is_rejected_both_ways(string setting)
    {
        var config = setting switch
        {
            "fuel" => new Config().WithFuelConsumption(true),
            "epoch" => new Config().WithEpochInterruption(true),
            _ => new Config().WithDebugInfo(true),
        };
        var other = new Engine(config);
        var e = Reject(Component.FromText(other, Wat).Serialize());
        Assert.Equal(ArtifactError.Config, e.Error);
        Assert.Equal([setting], e.DifferingSettings);
        var back = Reject(s_artifact.Value, other);
        Assert.Equal(ArtifactError.Config, back.Error);
        Assert.Contains($"{setting}=false in the artifact but true in this engine", back.Message);
    }

    [Fact]
    public void Fuel_component_artifact_still_meters_fuel()
    {
        var config = () => new Config().WithFuelConsumption(true);
        var bytes = new Engine(config()).PrecompileComponent(ComponentWasm.Value);
        var engine = new Engine(config());
        var component = Component.Deserialize(engine, bytes);
        var store = new Store(engine) { Fuel = 1_000_000 };
        var instance = new ComponentLinker(engine).Instantiate(store, component);
        Assert.Equal(49u, instance.GetTypedFunction<(uint, uint), uint>("apply")!.Call((7, 1)));
        Assert.True(store.Fuel < 1_000_000, "the loaded code consumed no fuel");
    }

    [Fact]
    public void Deserialize_file_applies_the_same_checks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"witsharp-art-{Guid.NewGuid():N}.cwasm");
        try
        {
            File.WriteAllBytes(path, s_artifact.Value[..^1]);
            Assert.Equal(ArtifactError.Truncated, Assert.Throws<ArtifactException>(() => Component.DeserializeFile(WasmFixture.Engine, path)).Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
