using WitSharp.Artifacts;
using WitSharp.Runtime.Tests.Compilation;

namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary>Every way an artifact can be wrong is rejected with <see cref="ArtifactException"/> before any code
/// from it is compiled (issue 6, must-have 2).</summary>
public class ArtifactRejectionTests
{
    private const string SmallWat = "(module (func (export \"f\") (result i32) i32.const 9))";

    private static byte[] SmallArtifact() => Module.FromText(WasmFixture.Engine, "m", SmallWat).Serialize();

    private static ArtifactException Reject(byte[] bytes, Engine? engine = null) =>
        Assert.Throws<ArtifactException>(() => Module.Deserialize(engine ?? WasmFixture.Engine, "m", bytes));

    [Fact]
    public void Plain_wasm_module_is_rejected_with_a_pointer_to_FromBytes()
    {
        var e = Reject(Module.ConvertText(SmallWat));
        Assert.Equal(ArtifactError.PlainWasm, e.Error);
        Assert.Contains("plain .wasm", e.Message);
        Assert.Contains("Module.FromBytes", e.Message);
    }

    [Fact]
    public void Plain_wasm_component_is_rejected_with_a_pointer_to_Component_FromBytes()
    {
        var e = Reject([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
        Assert.Equal(ArtifactError.PlainWasm, e.Error);
        Assert.Contains("Component.FromBytes", e.Message);
    }

    [Fact]
    public void Other_bytes_and_the_old_unversioned_format_are_not_artifacts()
    {
        Assert.Equal(ArtifactError.NotAnArtifact, Reject("hello, world, not wasm"u8.ToArray()).Error);
        Assert.Equal(ArtifactError.NotAnArtifact, Reject([.. "WitSharp.Module\u0001"u8, .. Module.ConvertText(SmallWat)]).Error);
    }

    [Fact]
    public void Every_proper_prefix_is_reported_as_truncated()
    {
        var bytes = SmallArtifact();
        for (int n = 0; n < bytes.Length; n++)
        {
            var e = Reject(bytes[..n]);
            Assert.True(e.Error == ArtifactError.Truncated, $"prefix of {n} bytes: {e.Error}: {e.Message}");
        }
    }

    [Fact]
    public void Extra_bytes_after_the_end_are_rejected()
    {
        Assert.Equal(ArtifactError.Corrupted, Reject([.. SmallArtifact(), 0]).Error);
    }

    [Fact]
    public void Every_flipped_byte_is_rejected()
    {
        var bytes = SmallArtifact();
        for (int i = 0; i < bytes.Length; i++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80, 0xff })
            {
                var copy = (byte[])bytes.Clone();
                copy[i] ^= mask;
                var e = Assert.Throws<ArtifactException>(() => Module.Deserialize(WasmFixture.Engine, "m", copy));
                // A damaged header or payload must never pass as a genuine artifact of another runtime or
                // config: those messages would send the user after the wrong cause.
                Assert.True(e.Error is not (ArtifactError.RuntimeVersion or ArtifactError.Config or ArtifactError.Kind),
                    $"byte {i} ^ 0x{mask:x2}: {e.Error}: {e.Message}");
            }
        }
    }

    [Fact]
    public void Flipped_payload_byte_is_a_checksum_mismatch()
    {
        var bytes = SmallArtifact();
        bytes[^40] ^= 0x20; // inside the payload: the checksum is the last 32 bytes
        var e = Reject(bytes);
        Assert.Equal(ArtifactError.Corrupted, e.Error);
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public void Artifact_of_another_runtime_version_is_rejected_and_names_both_versions()
    {
        var wasm = Module.ConvertText(SmallWat);
        var bytes = ArtifactFormat.Write(ArtifactKind.Module, "0.0.1-older", CodeSettings.Of(WasmFixture.Engine), wasm, ArtifactFormat.FormatVersion);
        var e = Reject(bytes);
        Assert.Equal(ArtifactError.RuntimeVersion, e.Error);
        Assert.Contains("0.0.1-older", e.Message);
        Assert.Contains(ArtifactFormat.RuntimeVersion, e.Message);
    }

    [Fact]
    public void Artifact_of_another_format_version_is_rejected()
    {
        var wasm = Module.ConvertText(SmallWat);
        var bytes = ArtifactFormat.Write(ArtifactKind.Module, ArtifactFormat.RuntimeVersion, CodeSettings.Of(WasmFixture.Engine), wasm, ArtifactFormat.FormatVersion + 1);
        var e = Reject(bytes);
        Assert.Equal(ArtifactError.FormatVersion, e.Error);
        Assert.Contains($"format version {ArtifactFormat.FormatVersion + 1}", e.Message);
    }

    [Fact]
    public void Component_artifact_is_not_a_module()
    {
        var wasm = Module.ConvertText(SmallWat);
        var bytes = ArtifactFormat.Write(ArtifactKind.Component, WasmFixture.Engine, wasm);
        var e = Reject(bytes);
        Assert.Equal(ArtifactError.Kind, e.Error);
        Assert.Contains("Component.Deserialize", e.Message);
    }

    [Theory]
    [InlineData("fuel")]
    [InlineData("epoch")]
    [InlineData("debug-info")]
    public void Artifact_compiled_with_another_code_setting_is_rejected_and_names_it(string setting)
    {
        var config = setting switch
        {
            "fuel" => new Config().WithFuelConsumption(true),
            "epoch" => new Config().WithEpochInterruption(true),
            _ => new Config().WithDebugInfo(true),
        };
        var bytes = Module.FromText(new Engine(config), "m", SmallWat).Serialize();
        var e = Reject(bytes);
        Assert.Equal(ArtifactError.Config, e.Error);
        Assert.Equal([setting], e.DifferingSettings);
        Assert.Contains($"{setting}=true in the artifact but false in this engine", e.Message);
    }

    [Fact]
    public void Several_differing_settings_are_all_named()
    {
        var bytes = Module.FromText(new Engine(new Config().WithFuelConsumption(true).WithEpochInterruption(true)), "m", SmallWat).Serialize();
        Assert.Equal(["epoch", "fuel"], Reject(bytes).DifferingSettings);
    }

    [Fact]
    public void Settings_that_do_not_change_code_do_not_invalidate_artifacts()
    {
        var bytes = SmallArtifact();
        var engine = new Engine(new Config().WithMaximumStackSize(1 << 20).WithOptimizationLevel(OptimizationLevel.None));
        Assert.Equal("m", Module.Deserialize(engine, "m", bytes).Name);
    }

    [Fact]
    public void Deserialize_file_applies_the_same_checks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"witsharp-art-{Guid.NewGuid():N}.cwasm");
        try
        {
            File.WriteAllBytes(path, Module.ConvertText(SmallWat));
            Assert.Equal(ArtifactError.PlainWasm, Assert.Throws<ArtifactException>(() => Module.DeserializeFile(WasmFixture.Engine, "m", path)).Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
