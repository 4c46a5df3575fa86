using System.Collections.Generic;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>Writes the conversions between generated C# types and the runtime's dynamic
/// <c>WitSharp.Components.ComponentValue</c> (the phase-1 call path: DESIGN.md "Generator" names the typed path
/// as the goal). Primitives convert inline; every other type gets one <c>LowerN</c>/<c>LiftN</c> pair in a
/// private nested class, written once per C# type however often the world uses it.</summary>
internal sealed class ValueConversions
{
    public const string ClassName = "__Values";

    /// <summary>What resource handles need on their way through: the world instance (exported resources) and
    /// the host's handle table (imported resources).</summary>
    public const string ContextClass = "__Context";
    private const string Cv = "global::WitSharp.Components.ComponentValue";

    private readonly Dictionary<string, TypeModel> _declared;
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly List<TypeRef> _pending = new();

    public ValueConversions(Dictionary<string, TypeModel> declared) => _declared = declared;

    public bool IsEmpty => _pending.Count == 0;

    /// <summary>A C# expression turning <paramref name="expr"/> (of the C# type of <paramref name="type"/>) into a ComponentValue.</summary>
    public string Lower(TypeRef type, string expr, string cx = "cx") => type.Kind switch
    {
        RefKind.Bool => Cv + ".Bool(" + expr + ")",
        RefKind.S8 => Cv + ".S8(" + expr + ")",
        RefKind.U8 => Cv + ".U8(" + expr + ")",
        RefKind.S16 => Cv + ".S16(" + expr + ")",
        RefKind.U16 => Cv + ".U16(" + expr + ")",
        RefKind.S32 => Cv + ".S32(" + expr + ")",
        RefKind.U32 => Cv + ".U32(" + expr + ")",
        RefKind.S64 => Cv + ".S64(" + expr + ")",
        RefKind.U64 => Cv + ".U64(" + expr + ")",
        RefKind.F32 => Cv + ".F32(" + expr + ")",
        RefKind.F64 => Cv + ".F64(" + expr + ")",
        RefKind.Char => Cv + ".Char((uint)(" + expr + ").Value)",
        RefKind.String => Cv + ".String(" + expr + ")",
        _ => ClassName + ".Lower" + Helper(type) + "(" + cx + ", " + expr + ")",
    };

    /// <summary>A C# expression turning the ComponentValue <paramref name="expr"/> into the C# type of <paramref name="type"/>.</summary>
    public string Lift(TypeRef type, string expr, string cx = "cx") => type.Kind switch
    {
        RefKind.Bool => expr + ".AsBool()",
        RefKind.S8 => expr + ".AsS8()",
        RefKind.U8 => expr + ".AsU8()",
        RefKind.S16 => expr + ".AsS16()",
        RefKind.U16 => expr + ".AsU16()",
        RefKind.S32 => expr + ".AsS32()",
        RefKind.U32 => expr + ".AsU32()",
        RefKind.S64 => expr + ".AsS64()",
        RefKind.U64 => expr + ".AsU64()",
        RefKind.F32 => expr + ".AsF32()",
        RefKind.F64 => expr + ".AsF64()",
        RefKind.Char => "new global::System.Text.Rune(" + expr + ".AsChar())",
        RefKind.String => expr + ".AsString()",
        RefKind.Unit => "default(global::System.ValueTuple)",
        _ => ClassName + ".Lift" + Helper(type) + "(" + cx + ", " + expr + ")",
    };

    /// <summary>Whether values of this type cannot be converted yet (resource handles, maps, async types).</summary>
    public static bool IsUnsupported(TypeRef type, Dictionary<string, TypeModel> declared)
    {
        switch (type.Kind)
        {
            case RefKind.Map or RefKind.Unsupported:
                return true;
            case RefKind.Record or RefKind.Variant:
                return declared.TryGetValue(type.CsType, out var t) && t.Members.Any(m => m.Ref is { } r && IsUnsupported(r, declared));
            default:
                return type.Args.Any(a => IsUnsupported(a, declared));
        }
    }

    private int Helper(TypeRef type)
    {
        if (_index.TryGetValue(type.CsType, out var i)) return i;
        i = _pending.Count;
        _index[type.CsType] = i;
        _pending.Add(type);
        return i;
    }

    /// <summary>Writes the helper class; helpers may register more helpers while being written.</summary>
    public void Write(SourceWriter w)
    {
        w.Line();
        w.Line("[global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]");
        w.Open("private static class " + ClassName);
        for (var i = 0; i < _pending.Count; i++)
        {
            if (i > 0) w.Line();
            WriteLower(w, i, _pending[i]);
            w.Line();
            WriteLift(w, i, _pending[i]);
        }
        w.Close();
    }

    private void WriteLower(SourceWriter w, int i, TypeRef t)
    {
        w.Open("public static " + Cv + " Lower" + i + "(" + ContextClass + " cx, " + t.CsType + " v)");
        switch (t.Kind)
        {
            case RefKind.List:
                w.Line("global::System.ArgumentNullException.ThrowIfNull(v);");
                w.Line("var items = new " + Cv + "[v.Length];");
                w.Line("for (var i = 0; i < v.Length; i++) items[i] = " + Lower(t.Args[0], "v[i]") + ";");
                w.Line("return " + Cv + ".List(items);");
                break;
            case RefKind.Option:
                w.Line(IsOptionStruct(t)
                    ? "return v.HasValue ? " + Cv + ".Some(" + Lower(t.Args[0], "v.Value") + ") : " + Cv + ".None();"
                    : "return v is { } x ? " + Cv + ".Some(" + Lower(t.Args[0], "x") + ") : " + Cv + ".None();");
                break;
            case RefKind.Result:
                var ok = t.Args[0].Kind == RefKind.Unit ? Cv + ".Ok()" : Cv + ".Ok(" + Lower(t.Args[0], "v.Value") + ")";
                var err = t.Args[1].Kind == RefKind.Unit ? Cv + ".Err()" : Cv + ".Err(" + Lower(t.Args[1], "v.Error") + ")";
                w.Line("return v.IsErr ? " + err + " : " + ok + ";");
                break;
            case RefKind.Tuple:
                w.Line("return " + Cv + ".Tuple(" + string.Join(", ", t.Args.Select((a, k) => Lower(a, "v.Item" + (k + 1)))) + ");");
                break;
            case RefKind.Record:
            {
                var type = _declared[t.CsType];
                w.Line("return " + Cv + ".Record(" + string.Join(", ", type.Members.Select(m => "(" + SourceWriter.Literal(m.WitName) + ", " + Lower(m.Ref!, "v." + m.Name) + ")")) + ");");
                break;
            }
            case RefKind.Variant:
            {
                var type = _declared[t.CsType];
                var payload = Emitter.PayloadName(type);
                w.Open("switch (v)");
                foreach (var m in type.Members)
                {
                    w.Line(m.Ref is { } r
                        ? "case " + t.CsType + "." + m.Name + " c: return " + Cv + ".Variant(" + SourceWriter.Literal(m.WitName) + ", " + Lower(r, "c." + payload) + ");"
                        : "case " + t.CsType + "." + m.Name + ": return " + Cv + ".Variant(" + SourceWriter.Literal(m.WitName) + ");");
                }
                w.Line("case null: throw new global::System.ArgumentNullException(nameof(v));");
                w.Line("default: throw new global::System.ArgumentException(\"unknown case \" + v.GetType().Name, nameof(v));");
                w.Close();
                break;
            }
            case RefKind.Enum:
            {
                var type = _declared[t.CsType];
                w.Open("return " + Cv + ".Enum(v switch");
                foreach (var m in type.Members) w.Line(t.CsType + "." + m.Name + " => " + SourceWriter.Literal(m.WitName) + ",");
                w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(v)),");
                w.Close(");");
                break;
            }
            case RefKind.Flags:
            {
                var type = _declared[t.CsType];
                w.Line("var names = new global::System.Collections.Generic.List<string>();");
                foreach (var m in type.Members) w.Line("if ((v & " + t.CsType + "." + m.Name + ") != 0) names.Add(" + SourceWriter.Literal(m.WitName) + ");");
                w.Line("return " + Cv + ".Flags(names);");
                break;
            }
            case RefKind.Own or RefKind.Borrow when _declared.TryGetValue(t.CsType, out var res) && res.Shape == TypeShape.ExportedResource:
                // A handle the component exported: moved (own) or lent (borrow) back to it.
                w.Line("var handle = ((" + ResourceClass(t.CsType) + ")v).Handle;");
                w.Line("return " + Cv + (t.Kind == RefKind.Own ? ".Own(handle);" : ".Borrow(handle);"));
                break;
            case RefKind.Own or RefKind.Borrow:
                // A host object: its handle is an index into the host's table (CanonicalABI.md "Handle types").
                w.Line("global::System.ArgumentNullException.ThrowIfNull(v);");
                w.Line("var table = cx.Table ?? throw new global::System.NotSupportedException(\"host resources are passed through the imports wired by AddToLinker\");");
                w.Line("var handle = table.Push<" + t.CsType + ">(v);");
                w.Line("return " + Cv + (t.Kind == RefKind.Own ? ".Own(handle);" : ".Borrow(handle);"));
                break;
            default:
                w.Line("throw new global::System.NotSupportedException(" + SourceWriter.Literal(Unsupported(t)) + ");");
                break;
        }
        w.Close();
    }

    /// <summary>The generated subclass implementing an exported resource's abstract class.</summary>
    public string ResourceClass(string csType)
    {
        if (!_resources.TryGetValue(csType, out var name))
        {
            name = "__Resource" + _resources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _resources[csType] = name;
        }
        return name;
    }

    private readonly Dictionary<string, string> _resources = new(System.StringComparer.Ordinal);

    private void WriteLift(SourceWriter w, int i, TypeRef t)
    {
        w.Open("public static " + t.CsType + " Lift" + i + "(" + ContextClass + " cx, " + Cv + " v)");
        switch (t.Kind)
        {
            case RefKind.List:
            {
                var element = t.Args[0].CsType;
                // `new int[n][]`, not `new int[][n]`: the length goes before the element type's own ranks.
                var baseType = element;
                var suffix = string.Empty;
                while (baseType.EndsWith("[]", System.StringComparison.Ordinal))
                {
                    baseType = baseType.Substring(0, baseType.Length - 2);
                    suffix += "[]";
                }
                w.Line("var items = v.AsList();");
                w.Line("var result = new " + baseType + "[items.Count]" + suffix + ";");
                w.Line("for (var i = 0; i < result.Length; i++) result[i] = " + Lift(t.Args[0], "items[i]") + ";");
                w.Line("return result;");
                break;
            }
            case RefKind.Option:
                w.Line(IsOptionStruct(t)
                    ? "return v.IsSome ? " + t.CsType + ".Some(" + Lift(t.Args[0], "v.Payload!") + ") : " + t.CsType + ".None;"
                    : "return v.IsSome ? (" + t.CsType + ")" + Lift(t.Args[0], "v.Payload!") + " : null;");
                break;
            case RefKind.Result:
                w.Line("return v.IsOk ? " + t.CsType + ".Ok(" + Lift(t.Args[0], "v.Payload!") + ") : " + t.CsType + ".Err(" + Lift(t.Args[1], "v.Payload!") + ");");
                break;
            case RefKind.Tuple:
                if (t.Args.Count == 0)
                {
                    w.Line("_ = v.AsTuple();");
                    w.Line("return default;");
                }
                else
                {
                    w.Line("var items = v.AsTuple();");
                    var parts = string.Join(", ", t.Args.Select((a, k) => Lift(a, "items[" + k + "]")));
                    w.Line(t.Args.Count == 1 ? "return new " + t.CsType + "(" + parts + ");" : "return (" + parts + ");");
                }
                break;
            case RefKind.Record:
            {
                var type = _declared[t.CsType];
                w.Line("var fields = v.AsRecord();");
                w.Line("return new " + t.CsType + "(" + string.Join(", ", type.Members.Select((m, k) => Lift(m.Ref!, "fields[" + k + "].Value"))) + ");");
                break;
            }
            case RefKind.Variant:
            {
                var type = _declared[t.CsType];
                w.Open("switch (v.AsVariant())");
                foreach (var m in type.Members)
                {
                    w.Line(m.Ref is { } r
                        ? "case " + SourceWriter.Literal(m.WitName) + ": return new " + t.CsType + "." + m.Name + "(" + Lift(r, "v.Payload!") + ");"
                        : "case " + SourceWriter.Literal(m.WitName) + ": return new " + t.CsType + "." + m.Name + "();");
                }
                w.Line("default: throw new global::System.ArgumentException(\"unknown case \" + v.AsVariant(), nameof(v));");
                w.Close();
                break;
            }
            case RefKind.Enum:
            {
                var type = _declared[t.CsType];
                w.Open("return v.AsEnum() switch");
                foreach (var m in type.Members) w.Line(SourceWriter.Literal(m.WitName) + " => " + t.CsType + "." + m.Name + ",");
                w.Line("_ => throw new global::System.ArgumentException(\"unknown case \" + v.AsEnum(), nameof(v)),");
                w.Close(";");
                break;
            }
            case RefKind.Flags:
            {
                var type = _declared[t.CsType];
                w.Line(t.CsType + " result = 0;");
                w.Open("foreach (var name in v.AsFlags())");
                w.Open("result |= name switch");
                foreach (var m in type.Members) w.Line(SourceWriter.Literal(m.WitName) + " => " + t.CsType + "." + m.Name + ",");
                w.Line("_ => throw new global::System.ArgumentException(\"unknown flag \" + name, nameof(v)),");
                w.Close(";");
                w.Close();
                w.Line("return result;");
                break;
            }
            case RefKind.Own or RefKind.Borrow when _declared.TryGetValue(t.CsType, out var res) && res.Shape == TypeShape.ExportedResource:
                w.Line("return new " + ResourceClass(t.CsType) + "(cx.Owner ?? throw new global::System.NotSupportedException(\"a resource the component exports reached the host outside its bindings\"), v.AsResource());");
                break;
            case RefKind.Own:
                // The component hands the host's object back for good: it leaves the table.
                w.Line("return (cx.Table ?? throw new global::System.InvalidOperationException(\"no handle table\")).Delete<" + t.CsType + ">(v.AsResource().Rep);");
                break;
            case RefKind.Borrow:
                w.Line("return (cx.Table ?? throw new global::System.InvalidOperationException(\"no handle table\")).Get<" + t.CsType + ">(v.AsResource().Rep);");
                break;
            default:
                w.Line("throw new global::System.NotSupportedException(" + SourceWriter.Literal(Unsupported(t)) + ");");
                break;
        }
        w.Close();
    }

    private static bool IsOptionStruct(TypeRef t) => t.CsType.StartsWith("global::WitSharp.Option<", System.StringComparison.Ordinal);

    private static string Unsupported(TypeRef t) => t.Kind switch
    {
        RefKind.Own or RefKind.Borrow => "resource handles are not supported by the generated bindings yet",
        RefKind.Map => "map values are not supported by the component runtime yet",
        _ => "this WIT type (future, stream or error-context) is not supported by the generated bindings yet",
    };
}
