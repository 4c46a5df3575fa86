using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// Resolves binary type definitions to run-time type entries (<see cref="CanonType"/>, <see cref="CanonFuncType"/>,
/// <see cref="InstanceTypeEntry"/>, <see cref="ResourceTypeEntry"/>) in the type index space of a <see cref="Scope"/>.
/// </summary>
internal static class TypeResolver
{
    public static CanonType Value(Scope scope, ComponentValType t, long offset)
    {
        if (!t.IsIndex)
        {
            return t.Primitive switch
            {
                PrimitiveValType.Bool => PrimitiveCanonType.Bool,
                PrimitiveValType.S8 => PrimitiveCanonType.S8,
                PrimitiveValType.U8 => PrimitiveCanonType.U8,
                PrimitiveValType.S16 => PrimitiveCanonType.S16,
                PrimitiveValType.U16 => PrimitiveCanonType.U16,
                PrimitiveValType.S32 => PrimitiveCanonType.S32,
                PrimitiveValType.U32 => PrimitiveCanonType.U32,
                PrimitiveValType.S64 => PrimitiveCanonType.S64,
                PrimitiveValType.U64 => PrimitiveCanonType.U64,
                PrimitiveValType.F32 => PrimitiveCanonType.F32,
                PrimitiveValType.F64 => PrimitiveCanonType.F64,
                PrimitiveValType.Char => PrimitiveCanonType.Char,
                PrimitiveValType.String => PrimitiveCanonType.String,
                _ => throw new ComponentException($"the value type `{t}` (error-context) is not supported yet", offset),
            };
        }
        var entry = scope.Get(ComponentSort.Type, t.TypeIndex, offset);
        return entry as CanonType ?? throw new ComponentException($"type {t.TypeIndex} is not a value type", offset);
    }

    public static object Define(Scope scope, DefType def)
    {
        long at = def.Offset;
        CanonType V(ComponentValType t) => Value(scope, t, at);
        CanonType? O(ComponentValType? t) => t is { } x ? V(x) : null;
        switch (def)
        {
            case PrimitiveType p: return V(ComponentValType.Of(p.Primitive));
            case RecordType r: return new RecordCanonType(ComponentValueKind.Record, [.. r.Fields.Select(f => f.Label)], [.. r.Fields.Select(f => V(f.Type))]);
            case TupleType t: return new RecordCanonType(ComponentValueKind.Tuple, null, [.. t.Types.Select(V)]);
            case VariantType v: return new VariantCanonType(ComponentValueKind.Variant, [.. v.Cases.Select(c => c.Label)], [.. v.Cases.Select(c => O(c.Type))]);
            case EnumType e: return new VariantCanonType(ComponentValueKind.Enum, e.Names, [.. e.Names.Select(_ => (CanonType?)null)]);
            case OptionType o: return new VariantCanonType(ComponentValueKind.Option, ["none", "some"], [null, V(o.Type)]);
            case ResultType r: return new VariantCanonType(ComponentValueKind.Result, ["ok", "error"], [O(r.Ok), O(r.Error)]);
            case FlagsType f:
                if (f.Names.Count is 0 or > 32)
                    throw new ComponentException($"flags with {f.Names.Count} labels (the canonical ABI allows 1..32)", at);
                return new FlagsCanonType(f.Names);
            case ListType l:
                if (l.FixedLength is { } n)
                {
                    if (n is 0 or > int.MaxValue) throw new ComponentException($"fixed-length list of {n} elements", at);
                    return new ListCanonType(V(l.Element), (int)n);
                }
                return new ListCanonType(V(l.Element));
            case OwnType o: return new HandleCanonType(true, scope.Get<ResourceTypeEntry>(ComponentSort.Type, o.ResourceIndex, at));
            case BorrowType b: return new HandleCanonType(false, scope.Get<ResourceTypeEntry>(ComponentSort.Type, b.ResourceIndex, at));
            case FuncType f:
                if (f.IsAsync) throw new ComponentException("async functions are not supported yet", at);
                return new CanonFuncType([.. f.Parameters.Select(p => p.Label)], [.. f.Parameters.Select(p => V(p.Type))], O(f.Result));
            case ResourceTypeDef: return new ResourceTypeEntry("resource@" + at);
            case InstanceTypeDef i:
            {
                var inner = new Scope(scope);
                var entry = new InstanceTypeEntry();
                foreach (var d in i.Declarations) Declare(inner, d, entry.Exports, null);
                return entry;
            }
            case ComponentTypeDef c:
            {
                var inner = new Scope(scope);
                var entry = new ComponentTypeEntry();
                foreach (var d in c.Declarations) Declare(inner, d, entry.Exports, entry.Imports);
                return entry;
            }
            case StreamType or FutureType: throw new ComponentException("stream and future types are not supported yet", at);
            // CanonicalABI.md "Despecialization": map<K, V> is list<tuple<K, V>>, presented as that list.
            case MapType m: return new ListCanonType(new RecordCanonType(ComponentValueKind.Tuple, null, [V(m.Key), V(m.Value)]));
            default: throw new ComponentException($"type definition {def.GetType().Name} is not supported", at);
        }
    }

    /// <summary>The type described by an extern type (import/export ascription) in <paramref name="scope"/>.</summary>
    public static object Extern(Scope scope, ExternType t, string name, long offset) => t.Kind switch
    {
        ExternKind.Type when t.Bound == ExternBound.SubResource => new ResourceTypeEntry(name),
        ExternKind.Type => scope.Get(ComponentSort.Type, t.Index, offset),
        ExternKind.Func or ExternKind.Instance or ExternKind.Component => scope.Get(ComponentSort.Type, t.Index, offset),
        ExternKind.Value => throw new ComponentException($"`{name}`: value imports and exports are not supported yet", offset),
        _ => scope.Get(ComponentSort.CoreType, t.Index, offset) is CoreModuleType m
            ? CoreModuleTypeEntry.Resolve(scope, m, offset)
            : throw new ComponentException($"`{name}`: core type {t.Index} is not a module type", offset),
    };

    private static void Declare(Scope inner, TypeDeclaration d, Dictionary<string, object> exports, Dictionary<string, object>? imports)
    {
        switch (d.Kind)
        {
            case TypeDeclarationKind.CoreType:
                inner.CoreTypes.Add(d.CoreType!);
                break;
            case TypeDeclarationKind.Type:
                inner.Types.Add(Define(inner, d.Type!));
                break;
            case TypeDeclarationKind.Alias:
            {
                var a = d.Alias!;
                if (a.Kind == AliasKind.InstanceExport)
                {
                    // An export of an instance declared earlier in this type (Explainer.md "Alias definitions").
                    var decl = inner.Get<InstanceTypeEntry>(ComponentSort.Instance, a.InstanceOrCount, a.Offset);
                    if (!decl.Exports.TryGetValue(a.Name!, out var exported))
                        throw new ComponentException($"instance {a.InstanceOrCount} has no export `{a.Name}`", a.Offset);
                    inner.Space(a.Sort).Add(exported);
                    break;
                }
                if (a.Kind != AliasKind.Outer)
                    throw new ComponentException("core instance export aliases are not allowed inside type declarations", a.Offset);
                inner.Space(a.Sort).Add(inner.Outer(a.InstanceOrCount, a.Offset).Get(a.Sort, a.OuterIndex, a.Offset));
                break;
            }
            case TypeDeclarationKind.Export:
            case TypeDeclarationKind.Import:
            {
                var name = d.Name!.Name;
                var type = Extern(inner, d.ExternType!, name, d.Offset);
                // An exported/imported type introduces a new type index (Explainer.md "Type definitions").
                if (d.ExternType!.Kind == ExternKind.Type) inner.Types.Add(type);
                else if (d.ExternType.Kind == ExternKind.Instance) inner.Instances.Add(type);
                else if (d.ExternType.Kind == ExternKind.Func) inner.Funcs.Add(type);
                else if (d.ExternType.Kind == ExternKind.CoreModule) inner.CoreModules.Add(type);
                else if (d.ExternType.Kind == ExternKind.Component) inner.Components.Add(type);
                (d.Kind == TypeDeclarationKind.Export ? exports : imports ?? exports)[name] = type;
                break;
            }
        }
    }
}
