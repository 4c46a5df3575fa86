using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.Resources;

/// <summary>The per-instance handle table (CanonicalABI.md "Table State"): index 0 invalid, sequential
/// allocation, LIFO reuse of freed indices, typed lookups.</summary>
public sealed class HandleTableTests
{
    private static readonly ResourceType A = ResourceType.Host<HandleTableTests>();
    private static readonly ResourceType B = ResourceType.Host<string>();

    private static ResourceHandle Own(uint rep, ResourceType? type = null) => new(type ?? A, rep, own: true, borrowScope: null);

    [Fact]
    public void Indices_start_at_one_and_freed_indices_are_reused_last_in_first_out()
    {
        var t = new ResourceHandleTable();
        Assert.Equal(1u, t.Add(Own(100)));
        Assert.Equal(2u, t.Add(Own(200)));
        Assert.Equal(3u, t.Add(Own(300)));
        t.Remove(1);
        t.Remove(2);
        t.Remove(3);
        Assert.Equal(3u, t.Add(Own(500)));
        Assert.Equal(2u, t.Add(Own(600)));
        Assert.Equal(1u, t.Add(Own(700)));
        Assert.Equal(4u, t.Add(Own(800)));
        Assert.Equal(700u, t.Get(1).Rep);
        Assert.Equal(4, t.Count);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    [InlineData(uint.MaxValue)]
    public void Unknown_indices_trap_naming_the_index(uint index)
    {
        var t = new ResourceHandleTable();
        t.Add(Own(1));
        var e = Assert.Throws<TrapException>(() => t.Get(index));
        Assert.Equal($"unknown handle index {index}", e.Message);
        Assert.Throws<TrapException>(() => t.Remove(index));
    }

    [Fact]
    public void A_removed_index_is_unknown()
    {
        var t = new ResourceHandleTable();
        uint i = t.Add(Own(1));
        t.Remove(i);
        Assert.Contains("unknown handle index 1", Assert.Throws<TrapException>(() => t.Remove(i)).Message);
    }

    [Fact]
    public void Typed_lookup_traps_on_another_type()
    {
        var t = new ResourceHandleTable();
        uint i = t.Add(Own(1, B));
        var e = Assert.Throws<TrapException>(() => t.Get(i, A));
        Assert.Equal("handle index 1 used with the wrong type, expected host-defined resource but found a different host-defined resource", e.Message);
        Assert.Equal(1u, t.Get(i, B).Rep);
    }

    [Fact]
    public void Host_resource_types_are_one_per_dotnet_type()
    {
        Type t = typeof(string);
        Assert.Same(ResourceType.Host<string>(), ResourceType.Host(t));
        Assert.NotSame(ResourceType.Host<string>(), ResourceType.Host<object>());
        Assert.True(ResourceType.Host<string>().IsHostDefined);
        Assert.Equal(typeof(string), ResourceType.Host<string>().HostType);
    }
}
