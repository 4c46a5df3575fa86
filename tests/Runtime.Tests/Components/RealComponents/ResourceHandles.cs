using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>Named resource handles of one scenario. Placeholder until ComponentValue carries resource handles
/// (Own/Borrow/AsResource, comp-resources): every use fails with the reason.</summary>
internal sealed class ResourceHandles(Store store) : IHandleScope
{
    private const string Missing = "ComponentValue has no own/borrow handles yet (comp-resources)";

    public Store Store { get; } = store;

    public void Bind(string name, ComponentValue value) => throw new NotSupportedException(Missing);

    public ComponentValue Own(string name) => throw new NotSupportedException(Missing);

    public ComponentValue Borrow(string name) => throw new NotSupportedException(Missing);

    public void Drop(string name) => throw new NotSupportedException(Missing);
}
