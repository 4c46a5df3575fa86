using System;
using System.Collections.Generic;

namespace WitSharp.Wit.Binary;

/// <summary>Component-level types: <c>deftype</c>, <c>valtype</c>, declarators and extern types
/// (Binary.md "Type Definitions").</summary>
public static partial class ComponentDecoder
{
    internal static bool IsPrimitive(byte b) => (b >= 0x73 && b <= 0x7F) || b == 0x64;

    internal static DefType ReadDefType(BinaryCursor c, int depth)
    {
        if (depth > MaxNesting) throw c.Error("types nested more than " + MaxNesting + " deep");
        var offset = c.Position;
        var b = c.ReadByte();
        if (IsPrimitive(b)) return new PrimitiveType(offset, (PrimitiveValType)b);
        switch (b)
        {
            case 0x72:
                var fields = c.ReadVector(x => new LabeledValType(x.ReadName(), ReadValType(x)));
                if (fields.Count == 0) throw BinaryCursor.Error("record type with no fields", offset);
                return new RecordType(offset, fields);
            case 0x71:
                var cases = c.ReadVector(ReadCase);
                if (cases.Count == 0) throw BinaryCursor.Error("variant type with no cases", offset);
                return new VariantType(offset, cases);
            case 0x70:
                return new ListType(offset, ReadValType(c), null);
            case 0x67:
                var element = ReadValType(c);
                var length = c.ReadU32();
                if (length == 0) throw BinaryCursor.Error("fixed-length list of length 0", offset);
                return new ListType(offset, element, length);
            case 0x6F:
                var types = c.ReadVector(ReadValType);
                if (types.Count == 0) throw BinaryCursor.Error("tuple type with no elements", offset);
                return new TupleType(offset, types);
            case 0x6E:
                var flags = c.ReadVector(x => x.ReadName());
                if (flags.Count == 0 || flags.Count > 32)
                    throw BinaryCursor.Error("flags type must have 1 to 32 labels, found " + flags.Count, offset);
                return new FlagsType(offset, flags);
            case 0x6D:
                var names = c.ReadVector(x => x.ReadName());
                if (names.Count == 0) throw BinaryCursor.Error("enum type with no cases", offset);
                return new EnumType(offset, names);
            case 0x6B:
                return new OptionType(offset, ReadValType(c));
            case 0x6A:
                var ok = ReadOptionalValType(c);
                var err = ReadOptionalValType(c);
                return new ResultType(offset, ok, err);
            case 0x69:
                return new OwnType(offset, c.ReadU32());
            case 0x68:
                return new BorrowType(offset, c.ReadU32());
            case 0x66:
                return new StreamType(offset, ReadOptionalValType(c));
            case 0x65:
                return new FutureType(offset, ReadOptionalValType(c));
            case 0x63:
                var key = ReadValType(c);
                return new MapType(offset, key, ReadValType(c));
            case 0x40:
            case 0x43:
                var parameters = c.ReadVector(x => new LabeledValType(x.ReadName(), ReadValType(x)));
                return new FuncType(offset, b == 0x43, parameters, ReadResultList(c));
            case 0x41:
                return new ComponentTypeDef(offset, ReadDeclarations(c, depth, allowImports: true));
            case 0x42:
                return new InstanceTypeDef(offset, ReadDeclarations(c, depth, allowImports: false));
            case 0x3F:
                var rep = ReadCoreValType(c);
                uint? dtor = c.ReadOptionFlag("resource destructor") ? c.ReadU32() : null;
                return new ResourceTypeDef(offset, rep, dtor);
            default:
                throw BinaryCursor.Error("invalid type opcode 0x" + b.ToString("x2"), offset);
        }
    }

    private static VariantCase ReadCase(BinaryCursor c)
    {
        var label = c.ReadName();
        var type = ReadOptionalValType(c);
        var at = c.Position;
        // The trailing byte was once the `refines` option; only "absent" remains valid (Binary.md notes).
        if (c.ReadByte() != 0x00) throw BinaryCursor.Error("variant case must end with 0x00", at);
        return new VariantCase(label, type);
    }

    private static ComponentValType? ReadResultList(BinaryCursor c)
    {
        var at = c.Position;
        var b = c.ReadByte();
        switch (b)
        {
            case 0x00:
                return ReadValType(c);
            case 0x01:
                var at2 = c.Position;
                if (c.ReadByte() != 0x00) throw BinaryCursor.Error("named results are no longer supported", at2);
                return null;
            default:
                throw BinaryCursor.Error("invalid result list 0x" + b.ToString("x2"), at);
        }
    }

    internal static ComponentValType? ReadOptionalValType(BinaryCursor c) =>
        c.ReadOptionFlag("value type") ? ReadValType(c) : null;

    /// <summary>A <c>valtype</c>: a primitive opcode, or a non-negative s33 type index.</summary>
    internal static ComponentValType ReadValType(BinaryCursor c)
    {
        var at = c.Position;
        var b = c.PeekByte();
        if (IsPrimitive(b))
        {
            c.ReadByte();
            return ComponentValType.Of((PrimitiveValType)b);
        }

        var v = c.ReadS33();
        if (v < 0) throw BinaryCursor.Error("invalid value type 0x" + b.ToString("x2"), at);
        return ComponentValType.Index((uint)v);
    }

    private static IReadOnlyList<TypeDeclaration> ReadDeclarations(BinaryCursor c, int depth, bool allowImports)
    {
        var n = c.ReadCount();
        if (n == 0) return Array.Empty<TypeDeclaration>();
        var list = new TypeDeclaration[n];
        for (var i = 0; i < n; i++)
        {
            var offset = c.Position;
            var tag = c.ReadByte();
            list[i] = tag switch
            {
                0x00 => new TypeDeclaration(offset, TypeDeclarationKind.CoreType, ReadCoreType(c, depth + 1), null, null, null, null),
                0x01 => new TypeDeclaration(offset, TypeDeclarationKind.Type, null, ReadDefType(c, depth + 1), null, null, null),
                0x02 => new TypeDeclaration(offset, TypeDeclarationKind.Alias, null, null, ReadAlias(c), null, null),
                0x03 when allowImports => new TypeDeclaration(offset, TypeDeclarationKind.Import, null, null, null, ReadExternName(c), ReadExternType(c)),
                0x04 => new TypeDeclaration(offset, TypeDeclarationKind.Export, null, null, null, ReadExternName(c), ReadExternType(c)),
                _ => throw BinaryCursor.Error((allowImports ? "invalid component type declarator 0x" : "invalid instance type declarator 0x") + tag.ToString("x2"), offset),
            };
        }

        return list;
    }

    internal static ExternType ReadExternType(BinaryCursor c)
    {
        var at = c.Position;
        var b = c.ReadByte();
        switch (b)
        {
            case 0x00:
                var at2 = c.Position;
                if (c.ReadByte() != 0x11) throw BinaryCursor.Error("core extern type must be a module (0x11)", at2);
                return new ExternType(ExternKind.CoreModule, c.ReadU32());
            case 0x01:
                return new ExternType(ExternKind.Func, c.ReadU32());
            case 0x02:
                var vb = c.ReadByte();
                return vb switch
                {
                    0x00 => new ExternType(ExternKind.Value, c.ReadU32(), ExternBound.Eq),
                    0x01 => new ExternType(ExternKind.Value, 0, ExternBound.ValueType, ReadValType(c)),
                    _ => throw BinaryCursor.Error("invalid value bound 0x" + vb.ToString("x2"), at + 1),
                };
            case 0x03:
                var tb = c.ReadByte();
                return tb switch
                {
                    0x00 => new ExternType(ExternKind.Type, c.ReadU32(), ExternBound.Eq),
                    0x01 => new ExternType(ExternKind.Type, 0, ExternBound.SubResource),
                    _ => throw BinaryCursor.Error("invalid type bound 0x" + tb.ToString("x2"), at + 1),
                };
            case 0x04:
                return new ExternType(ExternKind.Component, c.ReadU32());
            case 0x05:
                return new ExternType(ExternKind.Instance, c.ReadU32());
            default:
                throw BinaryCursor.Error("invalid extern type 0x" + b.ToString("x2"), at);
        }
    }

    /// <summary><c>nameattributes</c>: 0x00/0x01 plain forms, 0x02 with attributes (🏷️/🔗).</summary>
    internal static ExternName ReadExternName(BinaryCursor c)
    {
        var at = c.Position;
        var tag = c.ReadByte();
        switch (tag)
        {
            case 0x00:
            case 0x01:
                return new ExternName(c.ReadName(), tag);
            case 0x02:
                var name = c.ReadName();
                string? implements = null, suffix = null, externalId = null;
                var n = c.ReadCount();
                for (var i = 0; i < n; i++)
                {
                    var attrAt = c.Position;
                    var kind = c.ReadByte();
                    var value = c.ReadName();
                    switch (kind)
                    {
                        case 0x00 when implements is null: implements = value; break;
                        case 0x01 when suffix is null: suffix = value; break;
                        case 0x02 when externalId is null: externalId = value; break;
                        case 0x00 or 0x01 or 0x02:
                            throw BinaryCursor.Error("duplicate name attribute 0x" + kind.ToString("x2"), attrAt);
                        default:
                            throw BinaryCursor.Error("invalid name attribute 0x" + kind.ToString("x2"), attrAt);
                    }
                }

                return new ExternName(name, tag, implements, suffix, externalId);
            default:
                throw BinaryCursor.Error("invalid extern name prefix 0x" + tag.ToString("x2"), at);
        }
    }
}
