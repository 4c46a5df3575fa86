using System;
using System.Collections.Generic;

namespace WitSharp.Wit.Binary;

/// <summary>
/// Decodes a component binary (Binary.md) into a <see cref="Component"/>: one reader per section,
/// nothing interpreted beyond the grammar (index spaces and validation belong to the consumer).
/// </summary>
/// <remarks>Nesting (components in components, types in types) is limited to <see cref="MaxNesting"/>
/// levels so a hostile binary cannot exhaust the stack.</remarks>
public static partial class ComponentDecoder
{
    /// <summary>Deepest nesting of components and component/instance/module types accepted.</summary>
    public const int MaxNesting = 100;

    /// <summary>The component-model binary version this decoder reads (pre-standard 0x0d).</summary>
    public const ushort Version = 0x0D;

    /// <summary>Decodes a whole component binary.</summary>
    /// <exception cref="WitBinaryException">The bytes are not a well-formed component.</exception>
    public static Component Decode(byte[] bytes)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        return DecodeComponent(new BinaryCursor(bytes, 0, bytes.Length), 0);
    }

    internal static Component DecodeComponent(BinaryCursor c, int depth)
    {
        if (depth > MaxNesting) throw c.Error("components nested more than " + MaxNesting + " deep");
        var start = c.Position;
        ReadPreamble(c);
        var sections = new List<ComponentSection>();
        var defs = new List<ComponentDefinition>();
        while (!c.AtEnd)
        {
            var sectionStart = c.Position;
            var id = c.ReadByte();
            var size = c.ReadU32();
            var payloadStart = c.Position;
            var body = c.Slice(size);
            sections.Add(new ComponentSection(id, sectionStart, payloadStart, (int)size));
            ReadSection(body, id, sectionStart, defs, depth);
        }

        return new Component(c.Data, start, c.Position - start, sections, defs);
    }

    private static void ReadPreamble(BinaryCursor c)
    {
        var start = c.Position;
        if (c.Remaining < 8) throw c.Error("too short for a component preamble");
        if (c.ReadByte() != 0x00 || c.ReadByte() != 0x61 || c.ReadByte() != 0x73 || c.ReadByte() != 0x6D)
            throw BinaryCursor.Error("missing \\0asm magic", start);
        var version = (ushort)(c.ReadByte() | (c.ReadByte() << 8));
        var layer = (ushort)(c.ReadByte() | (c.ReadByte() << 8));
        if (layer == 0) throw BinaryCursor.Error("this is a core module (layer 0), not a component", start + 4);
        if (layer != 1) throw BinaryCursor.Error("unknown binary layer " + layer, start + 6);
        if (version != Version)
            throw BinaryCursor.Error("unsupported component binary version 0x" + version.ToString("x") + " (expected 0x0d)", start + 4);
    }

    private static void ReadSection(BinaryCursor c, byte id, int sectionStart, List<ComponentDefinition> defs, int depth)
    {
        switch (id)
        {
            case 0:
                var name = c.ReadName();
                defs.Add(new CustomSectionDefinition(sectionStart, name, new ArraySegment<byte>(c.Data, c.Position, c.Remaining)));
                return;
            case 1:
                // The module stays a byte range: the runtime decodes core modules with its own readers.
                if (c.Remaining < 8) throw c.Error("core module section too short");
                defs.Add(new CoreModuleDefinition(c.Position, new ArraySegment<byte>(c.Data, c.Position, c.Remaining)));
                c.Skip((uint)c.Remaining);
                return;
            case 2:
                ReadItems(c, defs, ReadCoreInstance);
                break;
            case 3:
                ReadItems(c, defs, x => new CoreTypeDefinition(x.Position, ReadCoreType(x, depth + 1)));
                break;
            case 4:
                var at = c.Position;
                defs.Add(new NestedComponentDefinition(at, DecodeComponent(c, depth + 1)));
                break;
            case 5:
                ReadItems(c, defs, ReadInstance);
                break;
            case 6:
                ReadItems(c, defs, x => new AliasDefinition(ReadAlias(x)));
                break;
            case 7:
                ReadItems(c, defs, x => new TypeDefinition(ReadDefType(x, depth + 1)));
                break;
            case 8:
                ReadItems(c, defs, ReadCanon);
                break;
            case 9:
                defs.Add(ReadStart(c));
                break;
            case 10:
                ReadItems(c, defs, x =>
                {
                    var offset = x.Position;
                    return new ImportDefinition(offset, ReadExternName(x), ReadExternType(x));
                });
                break;
            case 11:
                ReadItems(c, defs, ReadExport);
                break;
            case 12:
                ReadItems(c, defs, ReadValue);
                break;
            default:
                throw BinaryCursor.Error("unknown component section id " + id, sectionStart);
        }

        c.ExpectEnd("section " + id);
    }

    private static void ReadItems(BinaryCursor c, List<ComponentDefinition> defs, Func<BinaryCursor, ComponentDefinition> item)
    {
        var n = c.ReadCount();
        for (var i = 0; i < n; i++) defs.Add(item(c));
    }

    private static StartDefinition ReadStart(BinaryCursor c)
    {
        var offset = c.Position;
        var func = c.ReadU32();
        var args = c.ReadVector(x => x.ReadU32());
        var results = c.ReadU32();
        return new StartDefinition(offset, func, args, results);
    }

    private static ExportDefinition ReadExport(BinaryCursor c)
    {
        var offset = c.Position;
        var name = ReadExternName(c);
        var item = ReadSortIndex(c);
        ExternType? type = c.ReadOptionFlag("export type") ? ReadExternType(c) : null;
        return new ExportDefinition(offset, name, item, type);
    }

    private static ValueDefinition ReadValue(BinaryCursor c)
    {
        var offset = c.Position;
        var type = ReadValType(c);
        var len = c.ReadU32();
        var start = c.Skip(len);
        return new ValueDefinition(offset, type, new ArraySegment<byte>(c.Data, start, (int)len));
    }

    private static InstanceDefinition ReadInstance(BinaryCursor c)
    {
        var offset = c.Position;
        var tag = c.ReadByte();
        switch (tag)
        {
            case 0x00:
                var component = c.ReadU32();
                var args = c.ReadVector(x => new InstantiateArg(x.ReadName(), ReadSortIndex(x)));
                return new InstanceDefinition(offset, component, args, Array.Empty<InlineExport>());
            case 0x01:
                var exports = c.ReadVector(x => new InlineExport(ReadExternName(x), ReadSortIndex(x)));
                return new InstanceDefinition(offset, null, Array.Empty<InstantiateArg>(), exports);
            default:
                throw BinaryCursor.Error("invalid instance expression 0x" + tag.ToString("x2"), offset);
        }
    }

    private static CoreInstanceDefinition ReadCoreInstance(BinaryCursor c)
    {
        var offset = c.Position;
        var tag = c.ReadByte();
        switch (tag)
        {
            case 0x00:
                var module = c.ReadU32();
                var args = c.ReadVector(x =>
                {
                    var name = x.ReadName();
                    var at = x.Position;
                    var sort = x.ReadByte();
                    if (sort != 0x12) throw BinaryCursor.Error("core instantiate argument must be an instance (0x12), found 0x" + sort.ToString("x2"), at);
                    return new CoreInstantiateArg(name, x.ReadU32());
                });
                return new CoreInstanceDefinition(offset, module, args, Array.Empty<CoreInlineExport>());
            case 0x01:
                var exports = c.ReadVector(x => new CoreInlineExport(x.ReadName(), new SortIndex(ReadCoreSort(x), x.ReadU32())));
                return new CoreInstanceDefinition(offset, null, Array.Empty<CoreInstantiateArg>(), exports);
            default:
                throw BinaryCursor.Error("invalid core instance expression 0x" + tag.ToString("x2"), offset);
        }
    }

    internal static ComponentSort ReadCoreSort(BinaryCursor c)
    {
        var at = c.Position;
        var b = c.ReadByte();
        return b switch
        {
            0x00 => ComponentSort.CoreFunc,
            0x01 => ComponentSort.CoreTable,
            0x02 => ComponentSort.CoreMemory,
            0x03 => ComponentSort.CoreGlobal,
            0x04 => ComponentSort.CoreTag,
            0x10 => ComponentSort.CoreType,
            0x11 => ComponentSort.CoreModule,
            0x12 => ComponentSort.CoreInstance,
            _ => throw BinaryCursor.Error("invalid core sort 0x" + b.ToString("x2"), at),
        };
    }

    internal static ComponentSort ReadSort(BinaryCursor c)
    {
        var at = c.Position;
        var b = c.ReadByte();
        return b switch
        {
            0x00 => ReadCoreSort(c),
            0x01 => ComponentSort.Func,
            0x02 => ComponentSort.Value,
            0x03 => ComponentSort.Type,
            0x04 => ComponentSort.Component,
            0x05 => ComponentSort.Instance,
            _ => throw BinaryCursor.Error("invalid sort 0x" + b.ToString("x2"), at),
        };
    }

    internal static SortIndex ReadSortIndex(BinaryCursor c)
    {
        var sort = ReadSort(c);
        return new SortIndex(sort, c.ReadU32());
    }

    internal static Alias ReadAlias(BinaryCursor c)
    {
        var offset = c.Position;
        var sort = ReadSort(c);
        var at = c.Position;
        var tag = c.ReadByte();
        switch (tag)
        {
            case 0x00:
                return new Alias(offset, sort, AliasKind.InstanceExport, c.ReadU32(), c.ReadName(), 0);
            case 0x01:
                if (sort > ComponentSort.CoreInstance) throw BinaryCursor.Error("core export alias of a non-core sort " + sort, offset);
                return new Alias(offset, sort, AliasKind.CoreInstanceExport, c.ReadU32(), c.ReadName(), 0);
            case 0x02:
                var count = c.ReadU32();
                return new Alias(offset, sort, AliasKind.Outer, count, null, c.ReadU32());
            default:
                throw BinaryCursor.Error("invalid alias target 0x" + tag.ToString("x2"), at);
        }
    }
}
