using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>Named resource handles of one scenario, held as <see cref="ResourceAny"/> values: bound from the own
/// handles calls return, passed back as own (moved) or borrow (lent), dropped with <see cref="ResourceAny.ResourceDrop"/>.</summary>
internal sealed class ResourceHandles(Store store) : IHandleScope
{
    private readonly Dictionary<string, ResourceAny> _handles = [];

    public Store Store { get; } = store;

    public void Bind(string name, ComponentValue value) => _handles[name] = value.AsResource();

    public ComponentValue Own(string name) => ComponentValue.Own(Get(name));

    public ComponentValue Borrow(string name) => ComponentValue.Borrow(Get(name));

    public void Drop(string name)
    {
        Get(name).ResourceDrop(Store);
        _handles.Remove(name);
    }

    private ResourceAny Get(string name) =>
        _handles.TryGetValue(name, out var r) ? r : throw new InvalidOperationException($"no resource handle named `{name}` was bound");
}
