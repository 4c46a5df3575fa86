using WitSharp.Components;

namespace WitSharp.Artifacts;

/// <summary>The payload of a component artifact. Format version 1: the component binary, compiled again on load.</summary>
internal static class ComponentArtifact
{
    public static ReadOnlySpan<byte> Payload(Component component) =>
        component.Binary.Source.AsSpan(component.Binary.Offset, component.Binary.Length);

    public static Component Load(Engine engine, ReadOnlySpan<byte> payload) => Component.FromBytes(engine, payload);
}
