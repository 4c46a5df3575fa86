using System;

namespace WitSharp.Wit.Binary;

/// <summary>Core types as they appear at component level (Binary.md <c>core:deftype</c>): function
/// types and module types. GC types (rec/sub/struct/array) are reported as unsupported.</summary>
public static partial class ComponentDecoder
{
    internal static CoreType ReadCoreType(BinaryCursor c, int depth)
    {
        if (depth > MaxNesting) throw c.Error("types nested more than " + MaxNesting + " deep");
        var offset = c.Position;
        var b = c.ReadByte();
        switch (b)
        {
            case 0x60:
                var ps = c.ReadVector(ReadCoreValType);
                var rs = c.ReadVector(ReadCoreValType);
                return new CoreFuncType(offset, ps, rs);
            case 0x50:
                return new CoreModuleType(offset, c.ReadVector(x => ReadModuleDeclaration(x, depth)));
            case 0x4E:
            case 0x4F:
            case 0x5F:
            case 0x5E:
            case 0x00:
                throw BinaryCursor.Error("core GC types (0x" + b.ToString("x2") + ") are not supported", offset);
            default:
                throw BinaryCursor.Error("invalid core type opcode 0x" + b.ToString("x2"), offset);
        }
    }

    private static CoreModuleDeclaration ReadModuleDeclaration(BinaryCursor c, int depth)
    {
        var offset = c.Position;
        var tag = c.ReadByte();
        switch (tag)
        {
            case 0x00:
                var module = c.ReadName();
                var name = c.ReadName();
                return new CoreModuleDeclaration(offset, CoreModuleDeclarationKind.Import, module, name, ReadCoreExternType(c), null, 0, 0);
            case 0x01:
                var type = ReadCoreType(c, depth + 1);
                if (type is CoreModuleType) throw BinaryCursor.Error("module types cannot declare module types", type.Offset);
                return new CoreModuleDeclaration(offset, CoreModuleDeclarationKind.Type, null, null, null, type, 0, 0);
            case 0x02:
                var at = c.Position;
                if (c.ReadByte() != 0x10 || c.ReadByte() != 0x01)
                    throw BinaryCursor.Error("core alias must be an outer type alias (0x10 0x01)", at);
                var count = c.ReadU32();
                return new CoreModuleDeclaration(offset, CoreModuleDeclarationKind.OuterTypeAlias, null, null, null, null, count, c.ReadU32());
            case 0x03:
                var exportName = c.ReadName();
                return new CoreModuleDeclaration(offset, CoreModuleDeclarationKind.Export, null, exportName, ReadCoreExternType(c), null, 0, 0);
            default:
                throw BinaryCursor.Error("invalid module type declarator 0x" + tag.ToString("x2"), offset);
        }
    }

    private static CoreExternType ReadCoreExternType(BinaryCursor c)
    {
        var at = c.Position;
        var kind = c.ReadByte();
        switch (kind)
        {
            case 0x00:
                return new CoreExternType(CoreExternKind.Func, c.ReadU32(), default, false, 0, null, false, false);
            case 0x01:
                var elem = ReadCoreValType(c);
                if (elem != CoreValType.FuncRef && elem != CoreValType.ExternRef)
                    throw BinaryCursor.Error("table element type must be a reference type", at + 1);
                ReadLimits(c, out var tmin, out var tmax, out _, out var t64);
                return new CoreExternType(CoreExternKind.Table, 0, elem, false, tmin, tmax, false, t64);
            case 0x02:
                ReadLimits(c, out var min, out var max, out var shared, out var m64);
                return new CoreExternType(CoreExternKind.Memory, 0, default, false, min, max, shared, m64);
            case 0x03:
                var vt = ReadCoreValType(c);
                var mutAt = c.Position;
                var mut = c.ReadByte();
                if (mut > 1) throw BinaryCursor.Error("invalid global mutability 0x" + mut.ToString("x2"), mutAt);
                return new CoreExternType(CoreExternKind.Global, 0, vt, mut == 1, 0, null, false, false);
            case 0x04:
                var attrAt = c.Position;
                if (c.ReadByte() != 0x00) throw BinaryCursor.Error("tag attribute must be 0x00 (exception)", attrAt);
                return new CoreExternType(CoreExternKind.Tag, c.ReadU32(), default, false, 0, null, false, false);
            default:
                throw BinaryCursor.Error("invalid core extern kind 0x" + kind.ToString("x2"), at);
        }
    }

    private static void ReadLimits(BinaryCursor c, out ulong min, out ulong? max, out bool shared, out bool is64)
    {
        var at = c.Position;
        var flags = c.ReadByte();
        if ((flags & ~0x07) != 0) throw BinaryCursor.Error("invalid limits flags 0x" + flags.ToString("x2"), at);
        is64 = (flags & 0x04) != 0;
        shared = (flags & 0x02) != 0;
        min = is64 ? c.ReadU64() : c.ReadU32();
        max = (flags & 0x01) != 0 ? (is64 ? c.ReadU64() : c.ReadU32()) : null;
    }

    /// <summary>A core value type; <c>(ref null func)</c>/<c>(ref null extern)</c> map to the shorthands.</summary>
    internal static CoreValType ReadCoreValType(BinaryCursor c)
    {
        var at = c.Position;
        var b = c.ReadByte();
        switch (b)
        {
            case 0x7F:
            case 0x7E:
            case 0x7D:
            case 0x7C:
            case 0x7B:
            case 0x70:
            case 0x6F:
                return (CoreValType)b;
            case 0x63:
                var heap = c.ReadS33();
                if (heap == -0x10) return CoreValType.FuncRef;
                if (heap == -0x11) return CoreValType.ExternRef;
                throw BinaryCursor.Error("unsupported reference type", at);
            default:
                throw BinaryCursor.Error("invalid core value type 0x" + b.ToString("x2"), at);
        }
    }
}
