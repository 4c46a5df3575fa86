using System;
using System.Linq;
using WitSharp.Generator.Model;
using WitSharp.Wit;

namespace WitSharp.Generator.Pipeline;

/// <summary>Renders a WIT type use as a fully qualified C# type (docs/type-mapping.md). Declared types
/// (records, variants, enums, flags, resources) are looked up through <see cref="DeclaredName"/>; the rest
/// is structural. Types C# bindings cannot express yet (future, stream, error-context) render as
/// <c>object</c> and are reported once each.</summary>
internal sealed class TypeRenderer
{
    public const string ValueTuple = "global::System.ValueTuple";

    private readonly Resolve _resolve;

    public TypeRenderer(Resolve resolve) => _resolve = resolve;

    /// <summary>The C# name of a declared type, given its id and whether it is referenced from the export side.</summary>
    public Func<int, bool, string>? DeclaredName { get; set; }

    /// <summary>Called with a description of a type that cannot be bound yet.</summary>
    public Action<string>? OnUnsupported { get; set; }

    public string Render(WitType type, bool exportSide) => type.Kind switch
    {
        WitTypeKind.Bool => "bool",
        WitTypeKind.U8 => "byte",
        WitTypeKind.U16 => "ushort",
        WitTypeKind.U32 => "uint",
        WitTypeKind.U64 => "ulong",
        WitTypeKind.S8 => "sbyte",
        WitTypeKind.S16 => "short",
        WitTypeKind.S32 => "int",
        WitTypeKind.S64 => "long",
        WitTypeKind.F32 => "float",
        WitTypeKind.F64 => "double",
        WitTypeKind.Char => "global::System.Text.Rune",
        WitTypeKind.String => "string",
        WitTypeKind.ErrorContext => Unsupported("error-context"),
        _ => RenderId(type.TypeId, exportSide),
    };

    /// <summary>Whether the type, after following aliases, is an <c>option</c> (so an enclosing option needs
    /// <c>Option&lt;T&gt;</c> to keep <c>None</c> and <c>Some(None)</c> apart).</summary>
    public bool IsOption(WitType type) => type.IsId && _resolve.Types[_resolve.Dealias(type.TypeId)].Kind is OptionKind;

    /// <summary>The <c>result</c> behind a type, following aliases, or null.</summary>
    public ResultKind? AsResult(WitType type) => type.IsId ? _resolve.Types[_resolve.Dealias(type.TypeId)].Kind as ResultKind : null;

    /// <summary>Whether a type definition becomes a C# declaration (as opposed to a structural use).</summary>
    public static bool IsDeclared(TypeDef def) =>
        def.Name is not null && def.Kind.Tag is TypeDefKindTag.Record or TypeDefKindTag.Variant or TypeDefKindTag.Enum or TypeDefKindTag.Flags or TypeDefKindTag.Resource;

    private string RenderId(int id, bool exportSide)
    {
        var def = _resolve.Types[id];
        if (IsDeclared(def)) return DeclaredName!(id, exportSide);
        switch (def.Kind)
        {
            case AliasKind alias:
                return Render(alias.Target, exportSide);
            case HandleKind handle:
                return RenderId(_resolve.Dealias(handle.ResourceTypeId), exportSide);
            case OptionKind option:
                var inner = Render(option.Type, exportSide);
                return IsOption(option.Type) ? "global::WitSharp.Option<" + inner + ">" : inner + "?";
            case ResultKind result:
                return "global::WitSharp.Result<" + RenderOrUnit(result.Ok, exportSide) + ", " + RenderOrUnit(result.Err, exportSide) + ">";
            case TupleKind tuple:
                return tuple.Types.Count switch
                {
                    0 => ValueTuple,
                    1 => ValueTuple + "<" + Render(tuple.Types[0], exportSide) + ">",
                    _ => "(" + string.Join(", ", tuple.Types.Select(t => Render(t, exportSide))) + ")",
                };
            case ListKind list:
                return Render(list.Element, exportSide) + "[]";
            case FixedSizeListKind fixedList:
                return Render(fixedList.Element, exportSide) + "[]";
            case MapKind map:
                return "global::System.Collections.Generic.IReadOnlyDictionary<" + Render(map.Key, exportSide) + ", " + Render(map.Value, exportSide) + ">";
            case FutureKind:
                return Unsupported("future");
            case StreamKind:
                return Unsupported("stream");
            default:
                throw new InvalidOperationException("unexpected type definition " + def);
        }
    }

    /// <summary>The use of <paramref name="type"/> as the generated conversions see it (<see cref="Model.TypeRef"/>),
    /// with the same C# type <see cref="Render"/> gives.</summary>
    public Model.TypeRef Ref(WitType type, bool exportSide)
    {
        var cs = Render(type, exportSide);
        switch (type.Kind)
        {
            case WitTypeKind.Bool: return Model.TypeRef.Simple(Model.RefKind.Bool, cs);
            case WitTypeKind.U8: return Model.TypeRef.Simple(Model.RefKind.U8, cs);
            case WitTypeKind.U16: return Model.TypeRef.Simple(Model.RefKind.U16, cs);
            case WitTypeKind.U32: return Model.TypeRef.Simple(Model.RefKind.U32, cs);
            case WitTypeKind.U64: return Model.TypeRef.Simple(Model.RefKind.U64, cs);
            case WitTypeKind.S8: return Model.TypeRef.Simple(Model.RefKind.S8, cs);
            case WitTypeKind.S16: return Model.TypeRef.Simple(Model.RefKind.S16, cs);
            case WitTypeKind.S32: return Model.TypeRef.Simple(Model.RefKind.S32, cs);
            case WitTypeKind.S64: return Model.TypeRef.Simple(Model.RefKind.S64, cs);
            case WitTypeKind.F32: return Model.TypeRef.Simple(Model.RefKind.F32, cs);
            case WitTypeKind.F64: return Model.TypeRef.Simple(Model.RefKind.F64, cs);
            case WitTypeKind.Char: return Model.TypeRef.Simple(Model.RefKind.Char, cs);
            case WitTypeKind.String: return Model.TypeRef.Simple(Model.RefKind.String, cs);
            case WitTypeKind.ErrorContext: return Model.TypeRef.Simple(Model.RefKind.Unsupported, cs);
        }
        return RefId(type.TypeId, exportSide, cs, borrow: false);
    }

    private Model.TypeRef RefId(int id, bool exportSide, string cs, bool borrow)
    {
        var def = _resolve.Types[id];
        switch (def.Kind)
        {
            case RecordKind when def.Name is not null: return Model.TypeRef.Simple(Model.RefKind.Record, cs);
            case VariantKind when def.Name is not null: return Model.TypeRef.Simple(Model.RefKind.Variant, cs);
            case EnumKind when def.Name is not null: return Model.TypeRef.Simple(Model.RefKind.Enum, cs);
            case FlagsKind when def.Name is not null: return Model.TypeRef.Simple(Model.RefKind.Flags, cs);
            case ResourceKind: return Model.TypeRef.Simple(borrow ? Model.RefKind.Borrow : Model.RefKind.Own, cs);
            case AliasKind alias:
                return alias.Target.IsId ? RefId(alias.Target.TypeId, exportSide, cs, borrow) : Ref(alias.Target, exportSide);
            case HandleKind handle:
                return RefId(_resolve.Dealias(handle.ResourceTypeId), exportSide, cs, handle.IsBorrow);
            case OptionKind option:
                return new Model.TypeRef(Model.RefKind.Option, cs, new[] { Ref(option.Type, exportSide) }.ToEquatableArray());
            case ResultKind result:
                return new Model.TypeRef(Model.RefKind.Result, cs, new[] { RefOrUnit(result.Ok, exportSide), RefOrUnit(result.Err, exportSide) }.ToEquatableArray());
            case TupleKind tuple:
                return new Model.TypeRef(Model.RefKind.Tuple, cs, tuple.Types.Select(t => Ref(t, exportSide)).ToEquatableArray());
            case ListKind list:
                return new Model.TypeRef(Model.RefKind.List, cs, new[] { Ref(list.Element, exportSide) }.ToEquatableArray());
            case FixedSizeListKind fixedList:
                return new Model.TypeRef(Model.RefKind.List, cs, new[] { Ref(fixedList.Element, exportSide) }.ToEquatableArray());
            case MapKind map:
                return new Model.TypeRef(Model.RefKind.Map, cs, new[] { Ref(map.Key, exportSide), Ref(map.Value, exportSide) }.ToEquatableArray());
            default:
                return Model.TypeRef.Simple(Model.RefKind.Unsupported, cs);
        }
    }

    public Model.TypeRef RefOrUnit(WitType? type, bool exportSide) =>
        type is { } t ? Ref(t, exportSide) : Model.TypeRef.Simple(Model.RefKind.Unit, ValueTuple);

    public string RenderOrUnit(WitType? type, bool exportSide) => type is { } t ? Render(t, exportSide) : ValueTuple;

    private string Unsupported(string what)
    {
        OnUnsupported?.Invoke(what);
        return "object";
    }

    /// <summary>The smallest unsigned type holding <paramref name="count"/> flag bits, or null past 64.</summary>
    public static string? FlagsUnderlying(int count) => count switch
    {
        <= 8 => "byte",
        <= 16 => "ushort",
        <= 32 => "uint",
        <= 64 => "ulong",
        _ => null,
    };

    /// <summary>The canonical ABI discriminant size of an enum with <paramref name="count"/> cases
    /// (CanonicalABI.md "discriminant_type").</summary>
    public static string EnumUnderlying(int count) => count <= 256 ? "byte" : count <= 65536 ? "ushort" : "uint";
}
