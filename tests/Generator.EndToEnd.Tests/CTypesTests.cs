using System.Text;
using WitSharp.Components;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>Calls a C component (tests/fixtures/components/ctypes: clang + jco new, expected outcomes recorded
/// with jco) through bindings generated from its binary: strings, chars, lists, records with nested lists and
/// options, tuples, variants, enums, flags, nested options, results with and without payloads, traps.</summary>
public sealed class CTypesTests : IDisposable
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly CTypes _c;

    public CTypesTests()
    {
        _store = new Store(_engine);
        using var linker = new ComponentLinker(_engine);
        _c = CTypes.Instantiate(_store, CTypes.Load(_engine), linker);
    }

    public void Dispose()
    {
        _c.Dispose();
        _store.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public void Strings()
    {
        Assert.Equal("olleh", _c.Reverse("hello"));
        Assert.Equal("c€b😀a", _c.Reverse("a😀b€c"));
        Assert.Equal(["a", "b", "", "c"], _c.Split("a,b,,c", new Rune(',')));
        Assert.Equal(["x", "y"], _c.Split("x€y", new Rune('€')));
        Assert.Equal("a-b-c", _c.Join(["a", "b", "c"], "-"));
        Assert.Equal("", _c.Join([], "-"));
    }

    [Fact]
    public void ListsOfPrimitives()
    {
        Assert.Equal(ulong.MaxValue, _c.Sum([ulong.MaxValue - 1, 1]));
        Assert.Equal(new byte[] { 0xfe, 0xfd, 0x00 }, _c.XorBytes([1, 2, 0xff], 0xff));
        Assert.Empty(_c.XorBytes([], 1));
    }

    [Fact]
    public void OptionalTuples()
    {
        Assert.Null(_c.Stats([]));
        Assert.Equal((1.0, 3.0, 2.0), _c.Stats([3.0, 1.0, 2.0]));
    }

    [Fact]
    public void RecordsWithListsAndOptions()
    {
        var ada = new CTypes.Person("Ada", 36, ["math"], "ADA@Example.org");
        Assert.Contains("Ada", _c.Greet(ada));
        var older = _c.Birthday(ada);
        Assert.Equal("Ada", older.Name);
        Assert.Equal(37, older.Age);
        Assert.Equal(["math", "older"], older.Tags);
        Assert.Equal("ada@example.org", older.Email);
        var noEmail = _c.Birthday(new CTypes.Person("Bob", 255, [], null));
        Assert.Equal(255, noEmail.Age);
        Assert.Null(noEmail.Email);
    }

    [Fact]
    public void OptionsAndResults()
    {
        Assert.Equal(1u, _c.Find(["a", "b"], "b"));
        Assert.Null(_c.Find(["a", "b"], "z"));
        Assert.Equal(Result<int, string>.Ok(-42), _c.Parse("-42"));
        Assert.True(_c.Parse("forty-two").IsErr);
        Assert.Equal(Result<int, ValueTuple>.Ok(3), _c.CheckedDiv(7, 2));
        Assert.True(_c.CheckedDiv(7, 0).IsErr);
    }

    [Fact]
    public void EnumsAndFlags()
    {
        Assert.Equal(CTypes.Level.Low, _c.Classify(-5));
        Assert.Equal(CTypes.Perms.Read | CTypes.Perms.Exec, _c.Toggle(CTypes.Perms.Read | CTypes.Perms.Write, CTypes.Perms.Write | CTypes.Perms.Exec));
    }

    [Fact]
    public void VariantsRoundTrip()
    {
        var created = new CTypes.Event.Created(new CTypes.Person("p", 1, [], null));
        var renamed = Assert.IsType<CTypes.Event.Renamed>(_c.Next(created));
        Assert.Equal(("p", "p!"), renamed.Value);
        Assert.Equal(new CTypes.Event.Deleted(3), _c.Next(renamed));
        Assert.IsType<CTypes.Event.Cleared>(_c.Next(new CTypes.Event.Deleted(3)));
        var fresh = Assert.IsType<CTypes.Event.Created>(_c.Next(new CTypes.Event.Cleared()));
        Assert.Equal("new", fresh.Value.Name);
        Assert.Equal(["fresh"], fresh.Value.Tags);
        Assert.False(string.IsNullOrEmpty(_c.Describe(renamed)));
    }

    [Fact]
    public void NestedOptionsKeepSomeNoneApart()
    {
        Assert.Equal(Option<byte?>.Some(null), _c.Deep(Option<byte?>.None));
        Assert.Equal(Option<byte?>.Some(0), _c.Deep(Option<byte?>.Some(null)));
        Assert.Equal(Option<byte?>.None, _c.Deep(Option<byte?>.Some(255)));
        Assert.Equal(Option<byte?>.Some(8), _c.Deep(Option<byte?>.Some(7)));
    }

    [Fact]
    public void TuplesOfEveryScalar()
    {
        var (a, b, c, d, e, f) = _c.Mix(5, 7, 0xf0f0f0f0, 3.0f, new Rune(0x1F600), true);
        Assert.Equal((byte)250, a);
        Assert.Equal((short)-7, b);
        Assert.Equal(~0xf0f0f0f0u, c);
        Assert.Equal(1.5f, d);
        Assert.Equal(new Rune(0x1F600), e);
        Assert.False(f);
    }

    [Fact]
    public void ExportedResourcesAreDisposableObjects()
    {
        var counters = _c.Counters;
        var before = counters.Live();
        using (var a = counters.CreateCounter("a", 10))
        using (var b = counters.CreateCounter("b", 5))
        {
            Assert.Equal(before + 2, counters.Live());
            Assert.Equal(13, a.Add(3));
            Assert.Equal("a", a.Name());
            Assert.Equal(("b", 5L), b.Snapshot());
            // A static function taking two borrows and returning a new owned counter.
            using var merged = counters.CounterMerge(a, b);
            Assert.Equal("a+b", merged.Name());
            Assert.Equal(18, merged.Add(0));
            Assert.Equal(13 + 5 + 18, counters.Total([a, b, merged]));
            Assert.Equal(before + 3, counters.Live());
        }
        // Disposing drops the handles: the guest destructor ran for each.
        Assert.Equal(before, counters.Live());
    }

    [Fact]
    public void ListsOfResources()
    {
        var made = _c.Counters.Make(["x", "y", "z"]);
        Assert.Equal(["x", "y", "z"], made.Select(c => c.Name()));
        Assert.Equal(0 + 1 + 2, _c.Counters.Total(made));
        foreach (var c in made) c.Dispose();
        Assert.Equal(0u, _c.Counters.Live());
    }

    [Fact]
    public void GuestTrapsSurfaceAsTrapException() => Assert.Throws<TrapException>(() => _c.Fail());
}
