using WitSharp.Wit.Binary;
using WitSharp.Wit.Decoding;
using BinaryComponent = WitSharp.Wit.Binary.Component;
using WalkScope = WitSharp.Wit.Decoding.Scope;

namespace WitSharp.Components;

/// <summary>
/// Computes a component's <see cref="ComponentType"/> statically from its binary, with the WIT library's
/// <see cref="TypeWalker"/> (the same index-space walk that decodes a component into a WIT world), and converts
/// its entries into the public reflection model. Core module imports and exports are listed with kind
/// <see cref="ComponentItemKind.Module"/> (the walker does not track them, so they are read from the binary).
/// </summary>
internal sealed class ComponentTypeReader
{
    private readonly Dictionary<TypeEntry, ComponentResourceType> _resources = [];

    public static ComponentType Read(BinaryComponent binary)
    {
        WalkScope scope;
        try
        {
            scope = new TypeWalker().WalkComponent(binary, null, 0);
        }
        catch (WitBinaryException e)
        {
            throw new ComponentException("cannot compute the component's type: " + e.Message);
        }
        var reader = new ComponentTypeReader();
        return new ComponentType(reader.Items(scope.Imports, binary.Imports.Select(i => (i.Name.Name, i.Type.Kind))),
            reader.Items(scope.Exports, binary.Exports.Select(e => (e.Name.Name, e.Type?.Kind ?? KindOf(e.Item.Sort)))));
    }

    private static ExternKind KindOf(ComponentSort sort) => sort switch
    {
        ComponentSort.CoreModule => ExternKind.CoreModule,
        ComponentSort.Func => ExternKind.Func,
        ComponentSort.Type => ExternKind.Type,
        ComponentSort.Component => ExternKind.Component,
        ComponentSort.Value => ExternKind.Value,
        _ => ExternKind.Instance,
    };

    /// <summary>The items of a shape in binary order; core modules (absent from the shape) included.</summary>
    private List<KeyValuePair<string, ComponentItemType>> Items(Shape shape, IEnumerable<(string Name, ExternKind Kind)> order)
    {
        var result = new List<KeyValuePair<string, ComponentItemType>>();
        foreach (var (name, kind) in order)
        {
            if (kind == ExternKind.CoreModule) result.Add(new(name, new ComponentItemType(ComponentItemKind.Module)));
            else if (shape.TryGet(name, out var e)) result.Add(new(name, Item(name, e)));
        }
        return result;
    }

    private List<KeyValuePair<string, ComponentItemType>> Items(Shape shape) =>
        [.. shape.Items.Select(kv => new KeyValuePair<string, ComponentItemType>(kv.Key, Item(kv.Key, kv.Value)))];

    private ComponentItemType Item(string name, Entity e)
    {
        switch (e.Type)
        {
            case FuncEntry f:
                return new ComponentItemType(ComponentItemKind.Func) { Function = Function(f) };
            case InstanceEntry i:
                return new ComponentItemType(ComponentItemKind.Instance) { Exports = Items(i.Exports) };
            case ComponentEntry c:
                return new ComponentItemType(ComponentItemKind.Component) { Imports = Items(c.Imports), Exports = Items(c.Exports) };
            default:
                var target = Resolve(e.Type);
                return target switch
                {
                    ResourceEntry => new ComponentItemType(ComponentItemKind.Resource) { Resource = Resource(target, name) },
                    // A type export naming a function, instance or component type (e.g. WIT packages encoded as components).
                    FuncEntry f => new ComponentItemType(ComponentItemKind.Type) { Function = Function(f) },
                    InstanceEntry i => new ComponentItemType(ComponentItemKind.Type) { Exports = Items(i.Exports) },
                    ComponentEntry c => new ComponentItemType(ComponentItemKind.Type) { Imports = Items(c.Imports), Exports = Items(c.Exports) },
                    _ => new ComponentItemType(ComponentItemKind.Type) { ValueType = Value(target) },
                };
        }
    }

    private static TypeEntry Resolve(TypeEntry t)
    {
        while (t is AliasEntry a) t = a.Target;
        return t;
    }

    private ComponentResourceType Resource(TypeEntry entry, string? name)
    {
        if (!_resources.TryGetValue(entry, out var r))
        {
            r = new ComponentResourceType(name ?? "resource@0x" + entry.Offset.ToString("x", System.Globalization.CultureInfo.InvariantCulture), entry);
            _resources[entry] = r;
        }
        return r;
    }

    private ComponentFunctionType Function(FuncEntry f) =>
        new([.. f.Def.Parameters.Select(p => new ComponentField(p.Label, Value(p.Type, f.Scope)))],
            f.Def.Result is { } r ? Value(r, f.Scope) : null);

    private ComponentValueType Value(ComponentValType t, WalkScope scope)
    {
        if (!t.IsIndex) return Primitive(t.Primitive);
        var entry = Resolve(TypeWalker.Get(scope.Types, t.TypeIndex, "type", 0));
        return Value(entry);
    }

    private ComponentValueType Value(TypeEntry entry)
    {
        if (entry is not ValueEntry v)
            throw new ComponentException($"type at byte offset 0x{entry.Offset:x} is not a value type");
        var s = v.Scope;
        ComponentValueType V(ComponentValType t) => Value(t, s);
        ComponentValueType? O(ComponentValType? t) => t is { } x ? V(x) : null;
        return v.Def switch
        {
            PrimitiveType p => Primitive(p.Primitive),
            RecordType r => ComponentValueType.Record([.. r.Fields.Select(f => (f.Label, V(f.Type)))]),
            TupleType t => ComponentValueType.Tuple([.. t.Types.Select(V)]),
            VariantType vt => ComponentValueType.Variant([.. vt.Cases.Select(c => (c.Label, O(c.Type)))]),
            EnumType e => ComponentValueType.Enum([.. e.Names]),
            FlagsType f => ComponentValueType.Flags([.. f.Names]),
            OptionType o => ComponentValueType.Option(V(o.Type)),
            ResultType r => ComponentValueType.Result(O(r.Ok), O(r.Error)),
            ListType l => ComponentValueType.List(V(l.Element)),
            OwnType o => ComponentValueType.Own(Resource(Resolve(TypeWalker.Get(s.Types, o.ResourceIndex, "type", v.Offset)), null)),
            BorrowType b => ComponentValueType.Borrow(Resource(Resolve(TypeWalker.Get(s.Types, b.ResourceIndex, "type", v.Offset)), null)),
            _ => throw new ComponentException($"the value type {v.Def.GetType().Name} (at byte offset 0x{v.Offset:x}) is not supported yet"),
        };
    }

    private static ComponentValueType Primitive(PrimitiveValType p) => p switch
    {
        PrimitiveValType.Bool => ComponentValueType.Bool,
        PrimitiveValType.S8 => ComponentValueType.S8,
        PrimitiveValType.U8 => ComponentValueType.U8,
        PrimitiveValType.S16 => ComponentValueType.S16,
        PrimitiveValType.U16 => ComponentValueType.U16,
        PrimitiveValType.S32 => ComponentValueType.S32,
        PrimitiveValType.U32 => ComponentValueType.U32,
        PrimitiveValType.S64 => ComponentValueType.S64,
        PrimitiveValType.U64 => ComponentValueType.U64,
        PrimitiveValType.F32 => ComponentValueType.F32,
        PrimitiveValType.F64 => ComponentValueType.F64,
        PrimitiveValType.Char => ComponentValueType.Char,
        PrimitiveValType.String => ComponentValueType.String,
        _ => throw new ComponentException($"the value type `{p}` is not supported yet"),
    };
}
