namespace WitSharp.Components;

// Export indices computed at build time (DESIGN.md "Generator": with a `.wasm` input the generator reads the
// component's export section and records the position of every export its bindings call).
public sealed partial class Component
{
    /// <summary>
    /// The index of the top-level export expected at <paramref name="position"/> of the component's export section
    /// (the order of <see cref="ComponentType"/>'s <c>Exports</c>, which is the binary's), or null when the export
    /// there is not named <paramref name="name"/>: generated bindings record the position from the component they
    /// were built from and check at load time that the component they are given is laid out the same way.
    /// </summary>
    /// <param name="position">Zero-based position among the component's top-level exports.</param>
    /// <param name="name">The name the export must have.</param>
    public ComponentExportIndex? GetExportIndex(int position, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var exports = ComponentType.Exports;
        if ((uint)position >= (uint)exports.Count || exports[position].Key != name) return null;
        return new ComponentExportIndex(this, [name], exports[position].Value);
    }
}
