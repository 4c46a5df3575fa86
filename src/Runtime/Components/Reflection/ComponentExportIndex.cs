namespace WitSharp.Components;

/// <summary>
/// A pre-resolved path to an export of one <see cref="Component"/> (wasmtime <c>ComponentExportIndex</c>), from
/// <see cref="Component.GetExport"/>. Looking a function up by index skips the name lookups of every call site
/// that would otherwise repeat them; generated bindings compute indices once per component. An index is only
/// valid with instances of the component it came from; using it elsewhere throws
/// <see cref="ComponentExportIndexException"/>.
/// </summary>
public sealed class ComponentExportIndex
{
    internal ComponentExportIndex(Component component, string[] path, ComponentItemType type)
    {
        Component = component;
        Path = path;
        Type = type;
    }

    internal Component Component { get; }

    /// <summary>Export names from the component's top level down to the item.</summary>
    internal string[] Path { get; }

    internal ComponentItemType Type { get; }

    /// <summary>The path, e.g. <c>test:bench/api#nop</c>.</summary>
    public override string ToString() => string.Join("#", Path);
}

/// <summary>A <see cref="ComponentExportIndex"/> was used with a component (or an instance of a component) other
/// than the one it was obtained from.</summary>
public sealed class ComponentExportIndexException : WasmException
{
    /// <summary>Creates the exception.</summary>
    public ComponentExportIndexException(string message) : base(message) { }
}

/// <summary>
/// What instantiating a component needs (wasmtime <c>ResourcesRequired</c>), summed over every core module
/// instantiation the component performs, nested components included as often as they are instantiated: used
/// to size pools or reject components up front.
/// </summary>
public sealed class ComponentResourcesRequired
{
    internal ComponentResourcesRequired(int memories, long? maxInitialMemoryPages, int tables, long? maxInitialTableElements)
    {
        NumMemories = memories;
        MaxInitialMemorySize = maxInitialMemoryPages;
        NumTables = tables;
        MaxInitialTableSize = maxInitialTableElements;
    }

    /// <summary>Number of linear memories defined (not imported) by the instantiated core modules.</summary>
    public int NumMemories { get; }

    /// <summary>Largest initial size, in 64 KiB pages, of those memories (null when there are none).</summary>
    public long? MaxInitialMemorySize { get; }

    /// <summary>Number of tables defined (not imported) by the instantiated core modules.</summary>
    public int NumTables { get; }

    /// <summary>Largest initial size, in elements, of those tables (null when there are none).</summary>
    public long? MaxInitialTableSize { get; }
}
