using System;
using System.Linq;
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
