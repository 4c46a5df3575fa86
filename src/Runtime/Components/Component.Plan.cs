namespace WitSharp.Components;

public sealed partial class Component
{
    /// <summary>Instantiation work that depends only on this component, shared by all its instances.</summary>
    internal InstantiationPlan Plan { get; } = new();
}
