using System.Diagnostics;
using WitSharp.Components;

namespace WitSharp.Precompile.EndToEnd.Tests;

/// <summary>The tool and the item metadata that choose the engine settings an artifact is compiled for, and the
/// errors the tool reports for a bad component.</summary>
public sealed class PrecompileToolTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("witsharp-precompile-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static byte[] EmbeddedArtifact(string path)
    {
        using var stream = typeof(PrecompileToolTests).Assembly.GetManifestResourceStream(ComponentBindings.ArtifactResourcePrefix + path)!;
        Assert.NotNull(stream);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    [Fact]
    public void FuelConsumptionMetadataCompilesTheArtifactForAFuelEngine()
    {
        var artifact = EmbeddedArtifact("../fixtures/wat/types.wasm");
        using (var fuel = new Engine(new Config().WithFuelConsumption(true)))
        {
            Assert.Contains("add", Component.Deserialize(fuel, artifact).ExportNames);
        }
        using var plain = new Engine();
        var e = Assert.Throws<ArtifactException>(() => Component.Deserialize(plain, artifact));
        Assert.Equal(ArtifactError.Config, e.Error);
        Assert.Equal(["fuel"], e.DifferingSettings);
    }

    private static string ToolPath()
    {
        // The tool project's output beside this project's (same configuration), as the csproj points the build at it.
        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var root = WitSharp.Tests.RepoPaths.Root;
        return Path.Combine(root, "tools", "WitSharp.Precompile", "bin", config, "net10.0", "WitSharp.Precompile.dll");
    }

    private static (int Code, string Output) RunTool(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(ToolPath());
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "the tool timed out");
        return (p.ExitCode, stdout + stderr.Result);
    }

    [Fact]
    public void TheToolWritesAnArtifactForTheSettingsItIsGiven()
    {
        var output = Path.Combine(_temp, "sub", "types.cwasm");
        var (code, text) = RunTool(Path.Combine(AppContext.BaseDirectory, "types.wasm"), output, "--epoch-interruption");
        Assert.True(code == 0, text);
        Assert.False(File.Exists(output + ".tmp"));
        using var epoch = new Engine(new Config().WithEpochInterruption(true));
        Assert.Contains("add", Component.DeserializeFile(epoch, output).ExportNames);
    }

    [Fact]
    public void ABadComponentIsACanonicalErrorAtItsPath()
    {
        var bad = Path.Combine(_temp, "bad.wasm");
        File.WriteAllBytes(bad, [0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 0xff]);
        var output = Path.Combine(_temp, "bad.cwasm");
        var (code, text) = RunTool(bad, output);
        Assert.Equal(1, code);
        Assert.Contains(bad + ": error WITSHARPPC003: cannot compile the component:", text, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        (code, text) = RunTool(bad, output, "--no-such-flag");
        Assert.Equal(2, code);
        Assert.Contains("error WITSHARPPC001: unknown option `--no-such-flag`", text, StringComparison.Ordinal);
    }
}
