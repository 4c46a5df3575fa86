using WitSharp.Components;
using WitSharp.Generator.EndToEnd.Tests.E2e.Kitchen.Types;
using HostPoint = WitSharp.Generator.EndToEnd.Tests.E2e.Kitchen.Types.Point;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>Calls components/kitchen.wasm (a jco-built component, see components/build.sh) through bindings the
/// generator made in this project's build from its WIT: every kind of value both ways, an exported interface,
/// and host imports called from inside an export.</summary>
public sealed class KitchenTests : IDisposable
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly ComponentLinker _linker;
    private readonly Host _host = new();
    private readonly Kitchen _kitchen;

    public KitchenTests()
    {
        _store = new Store(_engine);
        _linker = new ComponentLinker(_engine);
        Kitchen.AddToLinker(_linker, _host);
        var component = Component.FromFile(_engine, Path.Combine(AppContext.BaseDirectory, "components", "kitchen.wasm"));
        _kitchen = Kitchen.Instantiate(_store, component, _linker);
    }

    public void Dispose()
    {
        _kitchen.Dispose();
        _store.Dispose();
        _engine.Dispose();
    }

    private sealed class Host : Kitchen.IImports
    {
        public List<string> Logged { get; } = [];

        public HostPoint OffsetBy { get; set; } = new(10, 20);

        public void Log(string msg) => Logged.Add(msg);

        public HostPoint Offset() => OffsetBy;

        public List<Tally> Tallies { get; } = [];

        public WitSharp.Generator.EndToEnd.Tests.E2e.Kitchen.Host.ITally CreateTally(int start)
        {
            var t = new Tally(start);
            Tallies.Add(t);
            return t;
        }
    }

    /// <summary>The host's implementation of the imported resource `tally`.</summary>
    private sealed class Tally(int start) : WitSharp.Generator.EndToEnd.Tests.E2e.Kitchen.Host.ITally
    {
        public int Value { get; private set; } = start;

        public bool Disposed { get; private set; }

        public void Add(int n) => Value += n;

        public int Total() => Value;

        public void Dispose() => Disposed = true;
    }

    [Theory]
    [InlineData("world")]
    [InlineData("")]
    [InlineData("héllo wörld ✓ 𝄞")]
    public void StringsGoInAndComeBack(string name) => Assert.Equal("Hello, " + name + "!", _kitchen.Greet(name));

    [Fact]
    public void RecordsAreFlattenedAndReturnedThroughMemory() =>
        Assert.Equal(new HostPoint(4, -6), _kitchen.AddPoints(new HostPoint(1, 2), new HostPoint(3, -8)));

    [Fact]
    public void ListsOfPrimitives()
    {
        Assert.Equal(0L, _kitchen.Sum([]));
        Assert.Equal(6L, _kitchen.Sum([1, 2, 3]));
        Assert.Equal(2L * int.MaxValue, _kitchen.Sum([int.MaxValue, int.MaxValue]));
        var big = Enumerable.Range(1, 10_000).ToArray();
        Assert.Equal(big.Sum(x => (long)x), _kitchen.Sum(big));
    }

    [Fact]
    public void VariantCasesWithAndWithoutPayloads()
    {
        Assert.Equal(12f, _kitchen.Area(new Shape.Circle(2f)));
        Assert.Equal(15f, _kitchen.Area(new Shape.Rect(new HostPoint(3, 5))));
        Assert.Equal(0f, _kitchen.Area(new Shape.Empty()));
    }

    [Fact]
    public void EnumsRoundTrip()
    {
        Assert.Equal(Color.Green, _kitchen.Next(Color.Red));
        Assert.Equal(Color.Blue, _kitchen.Next(Color.Green));
        Assert.Equal(Color.Red, _kitchen.Next(Color.Blue));
    }

    [Fact]
    public void FlagsRoundTrip()
    {
        Assert.Equal(Perms.Write | Perms.Exec, _kitchen.Toggle(Perms.Read));
        Assert.Equal(Perms.None, _kitchen.Toggle(Perms.Read | Perms.Write | Perms.Exec));
        Assert.Equal(Perms.Read | Perms.Write | Perms.Exec, _kitchen.Toggle(Perms.None));
    }

    [Fact]
    public void OptionsAreNullable()
    {
        Assert.Equal(2u, _kitchen.Find([5, 6, 7], 7));
        Assert.Equal(0u, _kitchen.Find([5, 6, 7], 5));
        Assert.Null(_kitchen.Find([5, 6, 7], 8));
        Assert.Null(_kitchen.Find([], 1));
    }

    [Fact]
    public void ResultsAreValues()
    {
        Assert.Equal(Result<int, string>.Ok(-3), _kitchen.CheckedDiv(7, -2));
        var error = _kitchen.CheckedDiv(1, 0);
        Assert.True(error.IsErr);
        Assert.Equal("division by zero", error.Error);
    }

    [Fact]
    public void ExportedInterfaceIsAProperty() => Assert.Equal(-42, _kitchen.Math.Mul(6, -7));

    [Fact]
    public void HostImportsAreCalledFromTheGuest()
    {
        _host.OffsetBy = new HostPoint(100, -100);
        Assert.Equal(new HostPoint(101, -98), _kitchen.Shifted(new HostPoint(1, 2)));
        Assert.Equal(["shifted by the host offset"], _host.Logged);
    }

    [Fact]
    public void ImportedResourcesAreHostObjectsDisposedWhenTheComponentDropsThem()
    {
        Assert.Equal(5050, _kitchen.CountTo(100));
        Assert.Equal(0, _kitchen.CountTo(0));
        Assert.Equal(2, _host.Tallies.Count);
        Assert.All(_host.Tallies, t => Assert.True(t.Disposed));
        Assert.Equal(5050, _host.Tallies[0].Value);
    }

    [Fact]
    public void ManyCallsOnOneInstance()
    {
        for (var i = 0; i < 200; i++) Assert.Equal("Hello, " + i + "!", _kitchen.Greet(i.ToString()));
    }

    [Fact]
    public void DisposedBindingsRefuseCalls()
    {
        _kitchen.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _kitchen.Greet("x"));
        Assert.Throws<ObjectDisposedException>(() => _kitchen.Math.Mul(1, 2));
        Assert.Throws<ObjectDisposedException>(() => _kitchen.Instance);
    }
}
