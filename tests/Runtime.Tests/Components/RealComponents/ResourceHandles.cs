using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>Named resource handles of one scenario, as <see cref="ResourceAny"/> values: own handles returned
/// by calls, lent as <c>borrow</c> arguments, moved by <c>own</c> arguments and dropped by <c>drop</c>.</summary>
internal sealed class ResourceHandles(Store store) : IHandleScope
{
    private readonly Dictionary<string, ResourceAny> _handles = [];

    public void Bind(string name, ComponentValue value)
    {
        var resource = value.AsResource();
        if (!resource.Owned) throw new InvalidDataException($"{name}: a result of type own came back as {resource}");
        _handles.Add(name, resource);
    }

    public ComponentValue Own(string name)
    {
        var resource = Get(name);
        _handles.Remove(name); // moved into the callee
        return ComponentValue.Own(resource);
    }

    public ComponentValue Borrow(string name) => ComponentValue.Borrow(Get(name));

    public void Drop(string name)
    {
        Get(name).ResourceDrop(store);
        _handles.Remove(name);
    }

    private ResourceAny Get(string name) =>
        _handles.TryGetValue(name, out var resource) ? resource : throw new InvalidDataException($"no live handle named {name}");
}
