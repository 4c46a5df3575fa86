using System.Collections.Generic;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>The declared types of one world (keyed by their fully qualified C# name, as <see cref="TypeRef.CsType"/>
/// names them) and what the typed call path (DESIGN.md "Generator": <c>TypedComponentFunction</c>, typed
/// <c>DefineFunction</c>) can carry: which records and variants implement <c>IComponentType&lt;T&gt;</c>, which
/// type uses need handle conversions at the call boundary, and the <c>ComponentValueType</c> expression of a use.</summary>
internal sealed class TypeCatalog
{
    public const string Cvt = "global::WitSharp.Components.ComponentValueType";

    private readonly Dictionary<string, TypeModel> _declared;
    private readonly string _classPath;
    private readonly Dictionary<string, bool> _implements = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _twins = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string> _twinNames = new(System.StringComparer.Ordinal);

    public TypeCatalog(WorldModel model)
    {
        _declared = new Dictionary<string, TypeModel>(System.StringComparer.Ordinal);
        var classPath = "global::" + model.Class.FullName;
        _classPath = classPath;
        foreach (var t in model.Types) _declared[classPath + "." + t.Name] = t;
        foreach (var c in model.Containers)
        {
            foreach (var t in c.Types) _declared["global::" + c.Namespace + "." + t.Name] = t;
        }
    }

    public Dictionary<string, TypeModel> Declared => _declared;

    public TypeModel? Find(string csType) => _declared.TryGetValue(csType, out var t) ? t : null;

    /// <summary>Whether the generated record or variant implements <c>IComponentType&lt;T&gt;</c>: it has fields or
    /// cases, and everything in it is marshaled statically (no resource handles: a handle's transfer needs the
    /// run-time resource type of the call, which a static member cannot see; no maps or async types).</summary>
    public bool Implements(string csType)
    {
        if (_implements.TryGetValue(csType, out var cached)) return cached;
        var ok = Find(csType) is { Shape: TypeShape.Record or TypeShape.Variant } t && t.Members.Count > 0
            && t.Members.All(m => m.Ref is not { } r || IsStatic(r));
        _implements[csType] = ok;
        return ok;
    }

    /// <summary>Whether a generated record or variant carries resource handles (directly or in its fields/cases) and
    /// otherwise only what the typed path carries: it then travels as a wire twin (<see cref="TwinName"/>), a type
    /// of the same fields/cases with handles as <c>ResourceAny</c> / <c>Resource&lt;T&gt;</c> whose
    /// <c>CreateMarshaler</c> hook binds per call to the function's own type (docs/RATIONALE.md
    /// "IComponentType.CreateMarshaler").</summary>
    public bool NeedsTwin(string csType)
    {
        if (_twins.TryGetValue(csType, out var cached)) return cached;
        var ok = !Implements(csType) && Find(csType) is { Shape: TypeShape.Record or TypeShape.Variant } t && t.Members.Count > 0
            && t.Members.All(m => m.Ref is not { } r ? t.Shape == TypeShape.Variant : IsTyped(r));
        _twins[csType] = ok;
        return ok;
    }

    /// <summary>The C# name (nested in the bindings class, internal: resource classes' fields name it) of a record's
    /// wire twin: <c>__</c>, the record's name, <c>Wire</c>, numbered when two interfaces declare records of the same name.</summary>
    public string TwinName(string csType)
    {
        if (_twinNames.TryGetValue(csType, out var name)) return name;
        var baseName = "__" + _declared[csType].Name + "Wire";
        name = baseName;
        for (var n = 2; _twinNames.ContainsValue(name); n++) name = baseName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _twinNames[csType] = name;
        return name;
    }

    /// <summary>A use marshaled entirely by <c>ComponentMarshaler.Create</c> (no handles anywhere in it).</summary>
    public bool IsStatic(TypeRef t) => t.Kind switch
    {
        RefKind.Record or RefKind.Variant => Implements(t.CsType),
        RefKind.Own or RefKind.Borrow or RefKind.Map or RefKind.Unsupported => false,
        _ => t.Args.All(IsStatic),
    };

    /// <summary>A use the typed path carries: static, or with resource handles only outside records and variants
    /// (converted at the call boundary to <c>ResourceAny</c> / <c>Resource&lt;T&gt;</c>).</summary>
    public bool IsTyped(TypeRef t) => t.Kind switch
    {
        RefKind.Record or RefKind.Variant => Implements(t.CsType) || NeedsTwin(t.CsType),
        RefKind.Own or RefKind.Borrow => Find(t.CsType) is { Shape: TypeShape.ImportedResource or TypeShape.ExportedResource },
        RefKind.Map or RefKind.Unsupported => false,
        _ => t.Args.All(IsTyped),
    };

    /// <summary>Whether a use contains a resource handle that the boundary converts (records and variants with
    /// handles are converted to their wire twins).</summary>
    public bool HasHandles(TypeRef t) => t.Kind switch
    {
        RefKind.Own or RefKind.Borrow => true,
        RefKind.Record or RefKind.Variant => NeedsTwin(t.CsType),
        _ => t.Args.Any(HasHandles),
    };

    /// <summary>The C# type the typed path marshals for a use: the use's own type, with exported-resource handles
    /// as <c>ResourceAny</c> and imported (host) resource handles as <c>Resource&lt;T&gt;</c>.</summary>
    public string Wire(TypeRef t)
    {
        if (!HasHandles(t)) return t.CsType;
        switch (t.Kind)
        {
            case RefKind.Own or RefKind.Borrow:
                return Find(t.CsType)?.Shape == TypeShape.ExportedResource
                    ? "global::WitSharp.Components.ResourceAny"
                    : "global::WitSharp.Components.Resource<" + t.CsType + ">";
            case RefKind.Record or RefKind.Variant:
                return _classPath + "." + TwinName(t.CsType);
            case RefKind.List:
                return Wire(t.Args[0]) + "[]";
            case RefKind.Option:
                return t.CsType.StartsWith("global::WitSharp.Option<", System.StringComparison.Ordinal)
                    ? "global::WitSharp.Option<" + Wire(t.Args[0]) + ">"
                    : Wire(t.Args[0]) + "?";
            case RefKind.Result:
                return "global::WitSharp.Result<" + Wire(t.Args[0]) + ", " + Wire(t.Args[1]) + ">";
            case RefKind.Tuple:
                return t.Args.Count == 1
                    ? "global::System.ValueTuple<" + Wire(t.Args[0]) + ">"
                    : "(" + string.Join(", ", t.Args.Select(Wire)) + ")";
            default:
                return t.CsType;
        }
    }

    /// <summary>A C# expression of the <c>ComponentValueType</c> of a static use (Explainer.md "Value types"), with
    /// the WIT labels the component's type carries, so the runtime's one-time check compares them structurally.</summary>
    public string TypeExpression(TypeRef t)
    {
        switch (t.Kind)
        {
            case RefKind.Bool: return Cvt + ".Bool";
            case RefKind.S8: return Cvt + ".S8";
            case RefKind.U8: return Cvt + ".U8";
            case RefKind.S16: return Cvt + ".S16";
            case RefKind.U16: return Cvt + ".U16";
            case RefKind.S32: return Cvt + ".S32";
            case RefKind.U32: return Cvt + ".U32";
            case RefKind.S64: return Cvt + ".S64";
            case RefKind.U64: return Cvt + ".U64";
            case RefKind.F32: return Cvt + ".F32";
            case RefKind.F64: return Cvt + ".F64";
            case RefKind.Char: return Cvt + ".Char";
            case RefKind.String: return Cvt + ".String";
            case RefKind.List: return Cvt + ".List(" + TypeExpression(t.Args[0]) + ")";
            case RefKind.Option: return Cvt + ".Option(" + TypeExpression(t.Args[0]) + ")";
            case RefKind.Result: return Cvt + ".Result(" + PayloadExpression(t.Args[0]) + ", " + PayloadExpression(t.Args[1]) + ")";
            case RefKind.Tuple: return Cvt + ".Tuple(" + string.Join(", ", t.Args.Select(TypeExpression)) + ")";
            case RefKind.Record or RefKind.Variant: return t.CsType + "." + MarshalEmitter.TypeField;
            case RefKind.Enum:
                return Cvt + ".Enum(" + string.Join(", ", _declared[t.CsType].Members.Select(m => SourceWriter.Literal(m.WitName))) + ")";
            case RefKind.Flags:
                return Cvt + ".Flags(" + string.Join(", ", _declared[t.CsType].Members.Select(m => SourceWriter.Literal(m.WitName))) + ")";
            default:
                throw new System.InvalidOperationException("no static component type for " + t.CsType);
        }
    }

    private string PayloadExpression(TypeRef t) => t.Kind == RefKind.Unit ? "null" : TypeExpression(t);
}
