using WitSharp.Components;

namespace WitSharp.Precompile.EndToEnd.Tests;

/// <summary>The build compiled the artifact for the default engine settings. An engine that meters fuel needs
/// other code: Load falls back to compiling the embedded .wasm (the chosen policy, docs/RATIONALE.md "Build-time
/// precompilation"), or, with the RequirePrecompiledArtifact switch on, throws naming the setting.</summary>
public sealed class SettingsMismatchTests
{
    [Fact]
    public void AnEngineWithOtherSettingsCompilesTheEmbeddedWasm()
    {
        using var engine = new Engine(new Config().WithFuelConsumption(true));
        int before = CompiledCode.EmittedTypes();
        var component = CTypes.Load(engine);
        Assert.True(CompiledCode.EmittedTypes() > before, "the fallback compiles the .wasm");

        using var store = new Store(engine);
        store.Fuel = 10_000_000;
        using var linker = new ComponentLinker(engine);
        using var c = CTypes.Instantiate(store, component, linker);
        Assert.Equal("olleh", c.Reverse("hello"));
        Assert.True(store.Fuel < 10_000_000, "the compiled code meters fuel, so it was compiled for this engine");
    }

    [Fact]
    public void WithTheSwitchAMismatchThrowsNamingTheSetting()
    {
        AppContext.SetSwitch(ComponentBindings.RequireArtifactSwitch, true);
        try
        {
            using var engine = new Engine(new Config().WithFuelConsumption(true));
            var e = Assert.Throws<ArtifactException>(() => CTypes.Load(engine));
            Assert.Equal(ArtifactError.Config, e.Error);
            Assert.Equal(["fuel"], e.DifferingSettings);
            Assert.Contains("FuelConsumption", e.Message, StringComparison.Ordinal);
            Assert.Contains(ComponentBindings.RequireArtifactSwitch, e.Message, StringComparison.Ordinal);

            // Matching settings still load under the switch.
            using var plain = new Engine();
            Assert.NotNull(CTypes.Load(plain));
        }
        finally
        {
            AppContext.SetSwitch(ComponentBindings.RequireArtifactSwitch, false);
        }
    }
}
