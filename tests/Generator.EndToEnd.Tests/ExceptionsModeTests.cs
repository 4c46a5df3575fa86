using WitSharp.Components;
using WitSharp.Generator.EndToEnd.Tests.Raising.E2e.Kitchen.Types;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>ErrorMode = Exceptions: a WIT result's ok payload is returned and its error raised as
/// <see cref="ResultException{TError}"/>.</summary>
public sealed class ExceptionsModeTests
{
    private sealed class Host : RaisingKitchen.IImports
    {
        public void Log(string msg)
        {
        }

        public Point Offset() => default;

        public WitSharp.Generator.EndToEnd.Tests.Raising.E2e.Kitchen.Host.ITally CreateTally(int start) => throw new NotSupportedException("not used by these tests");
    }

    [Fact]
    public void ErrorsAreRaised()
    {
        using var engine = new Engine();
        using var store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        RaisingKitchen.AddToLinker(linker, new Host());
        var component = Component.FromFile(engine, Path.Combine(AppContext.BaseDirectory, "components", "kitchen.wasm"));
        using var kitchen = RaisingKitchen.Instantiate(store, component, linker);
        Assert.Equal(4, kitchen.CheckedDiv(8, 2));
        var e = Assert.Throws<ResultException<string>>(() => kitchen.CheckedDiv(8, 0));
        Assert.Equal("division by zero", e.Error);
    }
}
