using WitSharp.Components;
using WitSharp.Generator.EndToEnd.Tests.E2e.Handles.Host;

namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>Bindings for handles/world.wit, whose component is handles/handles.wat.</summary>
[ComponentImport("handles/world.wit")]
public partial class Handles;

/// <summary>
/// Host objects passed into exports on the typed path: they enter the handle table AddToLinker made for the
/// linker (the same table the imported resource's destructor deletes from); a borrowed one stays there only for the
/// call, an owned one until the component drops it (the host's Dispose runs) or hands it back.
/// </summary>
public sealed class HandleTests : IDisposable
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Handles _handles;
    private readonly Host _host = new();

    public HandleTests()
    {
        _store = new Store(_engine);
        using var linker = new ComponentLinker(_engine);
        Handles.AddToLinker(linker, _host);
        var component = Component.FromText(_engine, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "handles", "handles.wat")));
        _handles = Handles.Instantiate(_store, component, linker);
    }

    public void Dispose()
    {
        _handles.Dispose();
        _store.Dispose();
        _engine.Dispose();
    }

    private sealed class Host : Handles.IImports
    {
        public List<(Thing Thing, uint N)> Kept { get; } = [];

        public IThing CreateThing(uint v) => new Thing(v);

        public uint Keep(Holder h)
        {
            var thing = (Thing)h.T;
            Kept.Add((thing, h.N));
            return thing.Value() + h.N;
        }
    }

    private sealed class Thing(uint value) : IThing
    {
        public bool Disposed { get; private set; }

        public uint Value() => value;

        public void Dispose() => Disposed = true;
    }

    private ResourceTable Table()
    {
        // The bindings' table, reached the way a debugger would: the world's context.
        var cx = typeof(Handles).GetField("__cx", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(_handles)!;
        return (ResourceTable)cx.GetType().GetProperty("Table")!.GetValue(cx)!;
    }

    [Fact]
    public void BorrowedHostObjectsAreLentForTheCallOnly()
    {
        var thing = new Thing(7);
        for (var i = 0; i < 3; i++) Assert.Equal(7u, _handles.Peek(thing));
        Assert.Equal(0, Table().Count);
        Assert.False(thing.Disposed);
        Assert.Equal(1u + 2u + 3u, _handles.PeekAll([new Thing(1), new Thing(2), new Thing(3)]));
        Assert.Equal(0, Table().Count);
    }

    [Fact]
    public void OwnedHostObjectsAreDisposedWhenTheComponentDropsThem()
    {
        var thing = new Thing(42);
        Assert.Equal(42u, _handles.Consume(thing));
        Assert.True(thing.Disposed);
        Assert.Equal(0, Table().Count);
    }

    [Fact]
    public void OwnedHostObjectsComeBackAsThemselves()
    {
        var thing = new Thing(5);
        Assert.Same(thing, _handles.Pass(thing));
        Assert.False(thing.Disposed);
        Assert.Equal(0, Table().Count);
    }

    [Fact]
    public void RecordsWithOwnedHandlesGoToTheComponentAndBack()
    {
        // The record crosses as its wire twin: the thing enters the table on the way in, the component hands the
        // handle back inside the returned record (lifted from memory), and it leaves the table as itself.
        var thing = new Thing(3);
        var back = _handles.Wrap(new Holder(thing, 40));
        Assert.Same(thing, back.T);
        Assert.Equal(41u, back.N);
        Assert.False(thing.Disposed);
        Assert.Equal(0, Table().Count);
    }

    [Fact]
    public void HostImportsReceiveRecordsWithOwnedHandles()
    {
        // The component constructs a host thing (it enters the table) and gives it to the host inside a holder:
        // lifting the record moves it out of the table to the host.
        Assert.Equal(9u + 9u, _handles.Relay(9));
        var kept = Assert.Single(_host.Kept);
        Assert.Equal(9u, kept.Thing.Value());
        Assert.Equal(9u, kept.N);
        Assert.False(kept.Thing.Disposed);
        Assert.Equal(0, Table().Count);
    }

    [Fact]
    public void VariantsWithOwnedHandlesGoToTheComponentAndBack()
    {
        var thing = new Thing(8);
        var back = Assert.IsType<MaybeThing.Some>(_handles.Echo(new MaybeThing.Some(thing)));
        Assert.Same(thing, back.Value);
        Assert.False(thing.Disposed);
        Assert.Equal(0, Table().Count);
        Assert.IsType<MaybeThing.Nothing>(_handles.Echo(new MaybeThing.Nothing()));
        Assert.Equal(0, Table().Count);
    }
}
