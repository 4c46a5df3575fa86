using System;
using System.Collections.Generic;

namespace WitSharp.Wit.Binary;

/// <summary>
/// One definition of a component, in binary order (Binary.md <c>section</c> flattens every section's
/// vector into this sequence). Index spaces are built by walking <see cref="Component.Definitions"/>.
/// </summary>
public abstract class ComponentDefinition
{
    private protected ComponentDefinition(int offset) => Offset = offset;

    /// <summary>Byte offset of the definition in the decoded buffer.</summary>
    public int Offset { get; }
}

/// <summary>A custom section (id 0), kept as a byte range.</summary>
public sealed class CustomSectionDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public CustomSectionDefinition(int offset, string name, ArraySegment<byte> data) : base(offset)
    {
        Name = name;
        Data = data;
    }

    /// <summary>The custom section's name (e.g. <c>component-type:…</c>, <c>component-name</c>).</summary>
    public string Name { get; }

    /// <summary>The payload after the name.</summary>
    public ArraySegment<byte> Data { get; }
}

/// <summary>A nested core module (section 1); the body is not decoded here.</summary>
public sealed class CoreModuleDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public CoreModuleDefinition(int offset, ArraySegment<byte> bytes) : base(offset) => Bytes = bytes;

    /// <summary>The whole core module binary (preamble included). <c>Bytes.Offset</c> is its absolute position.</summary>
    public ArraySegment<byte> Bytes { get; }
}

/// <summary>A core instance (section 2): instantiation of a module, or a bag of exports.</summary>
public sealed class CoreInstanceDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public CoreInstanceDefinition(
        int offset, uint? moduleIndex, IReadOnlyList<CoreInstantiateArg> arguments, IReadOnlyList<CoreInlineExport> exports)
        : base(offset)
    {
        ModuleIndex = moduleIndex;
        Arguments = arguments;
        Exports = exports;
    }

    /// <summary>The module instantiated, or null for an inline-exports instance.</summary>
    public uint? ModuleIndex { get; }

    /// <summary><c>(with n (instance i))</c> arguments.</summary>
    public IReadOnlyList<CoreInstantiateArg> Arguments { get; }

    /// <summary>Inline exports (when <see cref="ModuleIndex"/> is null).</summary>
    public IReadOnlyList<CoreInlineExport> Exports { get; }
}

/// <summary><c>(with n (instance i))</c> for a core instantiation.</summary>
public sealed class CoreInstantiateArg
{
    /// <summary>Creates the argument.</summary>
    public CoreInstantiateArg(string name, uint instanceIndex)
    {
        Name = name;
        InstanceIndex = instanceIndex;
    }

    /// <summary>The imported module name it satisfies.</summary>
    public string Name { get; }

    /// <summary>The core instance index.</summary>
    public uint InstanceIndex { get; }
}

/// <summary><c>(export n si)</c> of a core inline-exports instance.</summary>
public sealed class CoreInlineExport
{
    /// <summary>Creates the export.</summary>
    public CoreInlineExport(string name, SortIndex item)
    {
        Name = name;
        Item = item;
    }

    /// <summary>Export name.</summary>
    public string Name { get; }

    /// <summary>The exported core item.</summary>
    public SortIndex Item { get; }
}

/// <summary>A core type definition (section 3).</summary>
public sealed class CoreTypeDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public CoreTypeDefinition(int offset, CoreType type) : base(offset) => Type = type;

    /// <summary>The type.</summary>
    public CoreType Type { get; }
}

/// <summary>A nested component (section 4).</summary>
public sealed class NestedComponentDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public NestedComponentDefinition(int offset, Component component) : base(offset) => Component = component;

    /// <summary>The decoded nested component.</summary>
    public Component Component { get; }
}

/// <summary>A component instance (section 5).</summary>
public sealed class InstanceDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public InstanceDefinition(
        int offset, uint? componentIndex, IReadOnlyList<InstantiateArg> arguments, IReadOnlyList<InlineExport> exports)
        : base(offset)
    {
        ComponentIndex = componentIndex;
        Arguments = arguments;
        Exports = exports;
    }

    /// <summary>The component instantiated, or null for an inline-exports instance.</summary>
    public uint? ComponentIndex { get; }

    /// <summary><c>(with n si)</c> arguments.</summary>
    public IReadOnlyList<InstantiateArg> Arguments { get; }

    /// <summary>Inline exports (when <see cref="ComponentIndex"/> is null).</summary>
    public IReadOnlyList<InlineExport> Exports { get; }
}

/// <summary><c>(with n si)</c>.</summary>
public sealed class InstantiateArg
{
    /// <summary>Creates the argument.</summary>
    public InstantiateArg(string name, SortIndex item)
    {
        Name = name;
        Item = item;
    }

    /// <summary>The import name it satisfies.</summary>
    public string Name { get; }

    /// <summary>The supplied item.</summary>
    public SortIndex Item { get; }
}

/// <summary><c>(export na si)</c> of an inline-exports instance.</summary>
public sealed class InlineExport
{
    /// <summary>Creates the export.</summary>
    public InlineExport(ExternName name, SortIndex item)
    {
        Name = name;
        Item = item;
    }

    /// <summary>Export name.</summary>
    public ExternName Name { get; }

    /// <summary>The exported item.</summary>
    public SortIndex Item { get; }
}

/// <summary>An alias definition (section 6).</summary>
public sealed class AliasDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public AliasDefinition(Alias alias) : base(alias.Offset) => Alias = alias;

    /// <summary>The alias.</summary>
    public Alias Alias { get; }
}

/// <summary>A type definition (section 7).</summary>
public sealed class TypeDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public TypeDefinition(DefType type) : base(type.Offset) => Type = type;

    /// <summary>The type.</summary>
    public DefType Type { get; }
}

/// <summary>A start definition (section 9, 🪙).</summary>
public sealed class StartDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public StartDefinition(int offset, uint funcIndex, IReadOnlyList<uint> arguments, uint resultCount) : base(offset)
    {
        FuncIndex = funcIndex;
        Arguments = arguments;
        ResultCount = resultCount;
    }

    /// <summary>The function called.</summary>
    public uint FuncIndex { get; }

    /// <summary>Value indices passed.</summary>
    public IReadOnlyList<uint> Arguments { get; }

    /// <summary>Number of result values.</summary>
    public uint ResultCount { get; }
}

/// <summary>An import (section 10).</summary>
public sealed class ImportDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public ImportDefinition(int offset, ExternName name, ExternType type) : base(offset)
    {
        Name = name;
        Type = type;
    }

    /// <summary>Import name.</summary>
    public ExternName Name { get; }

    /// <summary>Import type.</summary>
    public ExternType Type { get; }
}

/// <summary>An export (section 11).</summary>
public sealed class ExportDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public ExportDefinition(int offset, ExternName name, SortIndex item, ExternType? type) : base(offset)
    {
        Name = name;
        Item = item;
        Type = type;
    }

    /// <summary>Export name.</summary>
    public ExternName Name { get; }

    /// <summary>The exported item.</summary>
    public SortIndex Item { get; }

    /// <summary>The optional ascribed type.</summary>
    public ExternType? Type { get; }
}

/// <summary>A value definition (section 12, 🪙): its type and encoded bytes.</summary>
public sealed class ValueDefinition : ComponentDefinition
{
    /// <summary>Creates the definition.</summary>
    public ValueDefinition(int offset, ComponentValType type, ArraySegment<byte> bytes) : base(offset)
    {
        Type = type;
        Bytes = bytes;
    }

    /// <summary>The value's type.</summary>
    public ComponentValType Type { get; }

    /// <summary>The <c>val(t)</c> encoding.</summary>
    public ArraySegment<byte> Bytes { get; }
}
