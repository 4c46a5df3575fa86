using System;
using System.Collections.Generic;
using System.Linq;

namespace WitSharp.Wit.Binary;

/// <summary>A section header as read: id, payload position and size (for diagnostics and tooling).</summary>
public sealed class ComponentSection
{
    /// <summary>Creates the header.</summary>
    public ComponentSection(byte id, int offset, int payloadOffset, int payloadSize)
    {
        Id = id;
        Offset = offset;
        PayloadOffset = payloadOffset;
        PayloadSize = payloadSize;
    }

    /// <summary>Section id (0 custom … 12 value).</summary>
    public byte Id { get; }

    /// <summary>Offset of the id byte.</summary>
    public int Offset { get; }

    /// <summary>Offset of the payload.</summary>
    public int PayloadOffset { get; }

    /// <summary>Payload length in bytes.</summary>
    public int PayloadSize { get; }
}

/// <summary>
/// A decoded component: every section turned into plain data, in binary order. Core module bodies are
/// byte ranges of <see cref="Source"/>. Offsets throughout are absolute positions in <see cref="Source"/>.
/// </summary>
public sealed class Component
{
    /// <summary>Creates the component.</summary>
    public Component(byte[] source, int offset, int length, IReadOnlyList<ComponentSection> sections, IReadOnlyList<ComponentDefinition> definitions)
    {
        Source = source;
        Offset = offset;
        Length = length;
        Sections = sections;
        Definitions = definitions;
    }

    /// <summary>The buffer the component was decoded from (shared, do not modify).</summary>
    public byte[] Source { get; }

    /// <summary>Offset of the component's preamble in <see cref="Source"/>.</summary>
    public int Offset { get; }

    /// <summary>Length of the component in bytes.</summary>
    public int Length { get; }

    /// <summary>Section headers in order.</summary>
    public IReadOnlyList<ComponentSection> Sections { get; }

    /// <summary>All definitions in binary order (custom sections included).</summary>
    public IReadOnlyList<ComponentDefinition> Definitions { get; }

    /// <summary>Imports in order.</summary>
    public IEnumerable<ImportDefinition> Imports => Definitions.OfType<ImportDefinition>();

    /// <summary>Exports in order.</summary>
    public IEnumerable<ExportDefinition> Exports => Definitions.OfType<ExportDefinition>();

    /// <summary>Custom sections in order.</summary>
    public IEnumerable<CustomSectionDefinition> CustomSections => Definitions.OfType<CustomSectionDefinition>();

    /// <summary>Nested core modules in order.</summary>
    public IEnumerable<CoreModuleDefinition> CoreModules => Definitions.OfType<CoreModuleDefinition>();

    /// <summary>Canonical definitions in order.</summary>
    public IEnumerable<CanonDefinition> Canons => Definitions.OfType<CanonDefinition>();

    /// <summary>Decodes a component binary.</summary>
    public static Component Decode(byte[] bytes) => ComponentDecoder.Decode(bytes);

    /// <summary>True when <paramref name="bytes"/> starts with the component preamble (layer 1).</summary>
    public static bool IsComponent(byte[] bytes) =>
        bytes is not null && bytes.Length >= 8 && bytes[0] == 0 && bytes[1] == 0x61 && bytes[2] == 0x73 && bytes[3] == 0x6D
        && bytes[6] == 0x01 && bytes[7] == 0x00;

    /// <summary>A copy of a core module's bytes.</summary>
    public static byte[] CopyBytes(ArraySegment<byte> segment)
    {
        var copy = new byte[segment.Count];
        Buffer.BlockCopy(segment.Array!, segment.Offset, copy, 0, segment.Count);
        return copy;
    }
}
