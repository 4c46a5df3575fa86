using WitSharp.Tests;

namespace WitSharp.Generator.Tests;

/// <summary>Bindings from a component binary: the build passes a base64 copy of each WasmComponent with
/// WitSharpComponent metadata naming the .wasm; the generator decodes the component's world (src/Wit/Decoding).</summary>
public sealed class ComponentInputTests
{
    private const string ProjectDir = "/proj";
    private const string Sidecar = ProjectDir + "/obj/witsharp/plugins/types.wasm.b64";
    private const string Wasm = ProjectDir + "/plugins/types.wasm";

    private static string Source(string extra = "") =>
        "namespace App;\n/// <summary>Doc.</summary>\n[WitSharp.ComponentImport(\"plugins/types.wasm\"" + extra + ")]\npublic partial class Types { }\n";

    private static GeneratorRun Run(string base64) =>
        GeneratorHarness.Run(Source(), [new InMemoryAdditionalText(Sidecar, base64)], ProjectDir, new Dictionary<string, string> { [Sidecar] = Wasm });

    [Fact]
    public void ComponentWorldIsGeneratedAndCompiles()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fixtures", "wat", "types.wasm"));
        var run = Run(Convert.ToBase64String(bytes));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompileDiagnostics.IsEmpty, GeneratorHarness.Format(run.CompileDiagnostics) + "\n\n" + run.Combined());
        Assert.Contains(run.Sources, s => s.Text.Contains("public interface IHost", StringComparison.Ordinal));
        Snapshot.Verify(Path.Combine("Component", "types"), run.Combined());
    }

    [Fact]
    public void CorruptComponentIsReported()
    {
        var run = Run(Convert.ToBase64String([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x07, 0xff]));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP011", d.Id);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void DamagedSidecarIsReported()
    {
        var run = Run("not base64 !!");
        Assert.Equal("WITSHARP011", Assert.Single(run.GeneratorDiagnostics).Id);
    }
}
