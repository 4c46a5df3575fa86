using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components;

/// <summary>Features the runtime does not implement yet fail with a <see cref="ComponentException"/> that names
/// the feature and the byte offset, never by running wrongly.</summary>
public sealed class UnsupportedFeatureTests
{
    [Fact]
    public void Async_builtins_are_rejected_when_loading()
    {
        var engine = new Engine();
        var e = Assert.Throws<ComponentException>(() =>
            Component.FromFile(engine, ComponentTestHost.FixturePath("unsupported-builtin.wasm")));
        Assert.Contains("`BackpressureInc` is not supported yet", e.Message);
        Assert.True(e.Offset > 0);
    }

    [Fact]
    public void Stream_types_are_rejected_when_instantiating()
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, ComponentTestHost.FixturePath("unsupported-stream.wasm"));
        var e = Assert.Throws<ComponentException>(() => new ComponentLinker(engine).Instantiate(new Store(engine), component));
        Assert.Contains("stream and future types are not supported yet", e.Message);
        Assert.Contains("byte offset 0x", e.Message);
    }
}
