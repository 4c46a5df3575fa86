using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>Writes the call-boundary conversions of the typed path for uses that contain resource handles
/// (CanonicalABI.md "Handle types"): the C# shape the user sees (an exported resource's class, a host object
/// implementing an imported resource's interface, and lists/options/results/tuples of them) to the shape the
/// runtime's marshalers carry (<c>ResourceAny</c> for exported resources, <c>Resource&lt;T&gt;</c> for host
/// resources kept in the bindings' <c>ResourceTable</c>) and back. No <c>ComponentValue</c> is involved: the
/// runtime transfers the handles itself. One <c>ToWireN</c>/<c>FromWireN</c> pair is written per distinct use.</summary>
internal sealed class HandleConversions
{
    public const string ClassName = "__Handles";

    private readonly TypeCatalog _catalog;
    private readonly System.Func<string, string> _resourceClass;
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly List<TypeRef> _pending = new();
    private readonly List<string> _twins = new();

    public HandleConversions(TypeCatalog catalog, System.Func<string, string> resourceClass)
    {
        _catalog = catalog;
        _resourceClass = resourceClass;
    }

    public bool IsEmpty => _pending.Count == 0;

    /// <summary>An expression turning the user's value <paramref name="expr"/> into the typed path's value.</summary>
    public string ToWire(TypeRef t, string expr, string cx) =>
        _catalog.HasHandles(t) ? ClassName + ".ToWire" + Helper(t) + "(" + cx + ", " + expr + ")" : expr;

    /// <summary>An expression turning the typed path's value <paramref name="expr"/> into the user's value.</summary>
    public string FromWire(TypeRef t, string expr, string cx) =>
        _catalog.HasHandles(t) ? ClassName + ".FromWire" + Helper(t) + "(" + cx + ", " + expr + ")" : expr;

    // own<R> and borrow<R> (and lists of them) share a C# type but not a conversion: key by structure.
    private static string Key(TypeRef t) =>
        t.Kind.ToString() + ":" + t.CsType + (t.Args.Count == 0 ? string.Empty : "(" + string.Join(",", t.Args.Select(Key)) + ")");

    private int Helper(TypeRef t)
    {
        var key = Key(t);
        if (_index.TryGetValue(key, out var i)) return i;
        i = _pending.Count;
        _index[key] = i;
        _pending.Add(t);
        return i;
    }

    /// <summary>Writes the helper class; helpers may register more helpers while being written.</summary>
    public void Write(SourceWriter w)
    {
        w.Line();
        w.Open("private static class " + ClassName);
        for (var i = 0; i < _pending.Count; i++)
        {
            if (i > 0) w.Line();
            var t = _pending[i];
            var n = i.ToString(CultureInfo.InvariantCulture);
            w.Open("public static " + _catalog.Wire(t) + " ToWire" + n + "(" + ValueConversions.ContextClass + " cx, " + t.CsType + " v)");
            WriteToWire(w, t);
            w.Close();
            w.Line();
            w.Open("public static " + t.CsType + " FromWire" + n + "(" + ValueConversions.ContextClass + " cx, " + _catalog.Wire(t) + " v)");
            WriteFromWire(w, t);
            w.Close();
        }
        w.Close();
        // Wire twins are named by TypedComponentFunction fields of resource classes (internal), so they sit next to
        // the conversions class rather than inside it.
        foreach (var twin in _twins) WireTwins.Write(w, _catalog, _catalog.Declared[twin], twin);
    }

    private void WriteToWire(SourceWriter w, TypeRef t)
    {
        switch (t.Kind)
        {
            case RefKind.Variant:
                if (!_twins.Contains(t.CsType)) _twins.Add(t.CsType);
                WriteVariantConversion(w, _catalog.Declared[t.CsType], t.CsType, _catalog.Wire(t), (r, e) => ToWire(r, e, "cx"));
                break;
            case RefKind.Record:
                if (!_twins.Contains(t.CsType)) _twins.Add(t.CsType);
                w.Line("return new " + _catalog.Wire(t) + "(" + string.Join(", ", _catalog.Declared[t.CsType].Members.Select(m => ToWire(m.Ref!, "v." + m.Name, "cx"))) + ");");
                break;
            case RefKind.Own or RefKind.Borrow when IsExported(t):
                // A handle the component exported goes back as the ResourceAny it came as (moved for own, lent for borrow).
                w.Line("return v is " + _resourceClass(t.CsType) + " r ? r.Handle : throw new global::System.ArgumentException(v is null ? \"a resource handle is required\" : \"not a resource of these bindings: \" + v.GetType().Name, nameof(v));");
                break;
            case RefKind.Own or RefKind.Borrow:
                // A host object enters the bindings' handle table; the component sees its index as the rep. An owned
                // one leaves it when the component drops it (the destructor AddToLinker defined); a lent one only for
                // the call (CanonicalABI.md "lower_borrow": the borrow ends with the call), when the call's Release runs.
                w.Line("global::System.ArgumentNullException.ThrowIfNull(v);");
                w.Line("var table = cx.Table ?? throw new global::System.NotSupportedException(\"host resources live in the handle table AddToLinker made for the linker these bindings were instantiated with; call AddToLinker on that linker first\");");
                w.Line("var r = table.Push<" + t.CsType + ">(v);");
                if (t.Kind == RefKind.Borrow) w.Line("cx.Lend(() => table.Delete<" + t.CsType + ">(r));");
                w.Line("return r;");
                break;
            case RefKind.List:
                w.Line("global::System.ArgumentNullException.ThrowIfNull(v);");
                w.Line("var result = " + NewArray(_catalog.Wire(t.Args[0]), "v.Length") + ";");
                w.Line("for (var i = 0; i < v.Length; i++) result[i] = " + ToWire(t.Args[0], "v[i]", "cx") + ";");
                w.Line("return result;");
                break;
            case RefKind.Option when IsOptionStruct(t):
                var wo = "global::WitSharp.Option<" + _catalog.Wire(t.Args[0]) + ">";
                w.Line("return v.HasValue ? " + wo + ".Some(" + ToWire(t.Args[0], "v.Value", "cx") + ") : " + wo + ".None;");
                break;
            case RefKind.Option:
                w.Line("return v is { } x ? (" + _catalog.Wire(t) + ")" + ToWire(t.Args[0], "x", "cx") + " : null;");
                break;
            case RefKind.Result:
                var wr = _catalog.Wire(t);
                w.Line("return v.IsErr ? " + wr + ".Err(" + ToWire(t.Args[1], "v.Error", "cx") + ") : " + wr + ".Ok(" + ToWire(t.Args[0], "v.Value", "cx") + ");");
                break;
            case RefKind.Tuple:
                w.Line("return " + MakeTuple(_catalog.Wire(t), t.Args.Select((a, k) => ToWire(a, "v.Item" + (k + 1).ToString(CultureInfo.InvariantCulture), "cx")).ToList()) + ";");
                break;
            default:
                w.Line("return v;");
                break;
        }
    }

    private void WriteFromWire(SourceWriter w, TypeRef t)
    {
        switch (t.Kind)
        {
            case RefKind.Variant:
                WriteVariantConversion(w, _catalog.Declared[t.CsType], _catalog.Wire(t), t.CsType, (r, e) => FromWire(r, e, "cx"));
                break;
            case RefKind.Record:
                w.Line("return new " + t.CsType + "(" + string.Join(", ", _catalog.Declared[t.CsType].Members.Select(m => FromWire(m.Ref!, "v." + m.Name, "cx"))) + ");");
                break;
            case RefKind.Own or RefKind.Borrow when IsExported(t):
                w.Line("global::System.ArgumentNullException.ThrowIfNull(v);");
                w.Line("return new " + _resourceClass(t.CsType) + "(cx.Owner ?? throw new global::System.NotSupportedException(\"a resource the component exports reached the host outside its bindings\"), v);");
                break;
            case RefKind.Own:
                // The component hands the host's object back for good: it leaves the table.
                w.Line("return (cx.Table ?? throw new global::System.InvalidOperationException(\"no handle table\")).Delete<" + t.CsType + ">(v);");
                break;
            case RefKind.Borrow:
                w.Line("return (cx.Table ?? throw new global::System.InvalidOperationException(\"no handle table\")).Get<" + t.CsType + ">(v);");
                break;
            case RefKind.List:
                w.Line("var result = " + NewArray(t.Args[0].CsType, "v.Length") + ";");
                w.Line("for (var i = 0; i < v.Length; i++) result[i] = " + FromWire(t.Args[0], "v[i]", "cx") + ";");
                w.Line("return result;");
                break;
            case RefKind.Option when IsOptionStruct(t):
                w.Line("return v.HasValue ? " + t.CsType + ".Some(" + FromWire(t.Args[0], "v.Value", "cx") + ") : " + t.CsType + ".None;");
                break;
            case RefKind.Option:
                w.Line("return v is { } x ? (" + t.CsType + ")" + FromWire(t.Args[0], "x", "cx") + " : null;");
                break;
            case RefKind.Result:
                w.Line("return v.IsErr ? " + t.CsType + ".Err(" + FromWire(t.Args[1], "v.Error", "cx") + ") : " + t.CsType + ".Ok(" + FromWire(t.Args[0], "v.Value", "cx") + ");");
                break;
            case RefKind.Tuple:
                w.Line("return " + MakeTuple(t.CsType, t.Args.Select((a, k) => FromWire(a, "v.Item" + (k + 1).ToString(CultureInfo.InvariantCulture), "cx")).ToList()) + ";");
                break;
            default:
                w.Line("return v;");
                break;
        }
    }

    /// <summary>Whether lowering a use lends host objects for the duration of a call (a borrow of an imported
    /// resource anywhere in it): the call then releases the table entries when it ends.</summary>
    public bool Lends(TypeRef t) => t.Kind switch
    {
        RefKind.Borrow => !IsExported(t),
        RefKind.Record or RefKind.Variant => _catalog.NeedsTwin(t.CsType) && _catalog.Declared[t.CsType].Members.Any(m => m.Ref is { } r && Lends(r)),
        _ => t.Args.Any(Lends),
    };

    /// <summary>A variant to its twin or back: case by case (same case names on both sides), payloads converted.</summary>
    private static void WriteVariantConversion(SourceWriter w, TypeModel t, string from, string to, System.Func<TypeRef, string, string> convert)
    {
        var payload = Emitter.PayloadName(t);
        w.Open("return v switch");
        foreach (var m in t.Members)
        {
            w.Line(m.Ref is { } r
                ? from + "." + m.Name + " c => new " + to + "." + m.Name + "(" + convert(r, "c." + payload) + "),"
                : from + "." + m.Name + " => new " + to + "." + m.Name + "(),");
        }
        w.Line("null => throw new global::System.ArgumentNullException(nameof(v)),");
        w.Line("_ => throw new global::System.ArgumentException(\"unknown case \" + v.GetType().Name, nameof(v)),");
        w.Close(";");
    }

    private bool IsExported(TypeRef t) => _catalog.Find(t.CsType)?.Shape == TypeShape.ExportedResource;

    private static bool IsOptionStruct(TypeRef t) => t.CsType.StartsWith("global::WitSharp.Option<", System.StringComparison.Ordinal);

    private static string MakeTuple(string type, List<string> parts) =>
        parts.Count == 1 ? "new " + type + "(" + parts[0] + ")" : "(" + string.Join(", ", parts) + ")";

    /// <summary><c>new E[n][]</c>, not <c>new E[][n]</c>: the length goes before the element type's own ranks.</summary>
    private static string NewArray(string element, string length)
    {
        var baseType = element;
        var suffix = string.Empty;
        while (baseType.EndsWith("[]", System.StringComparison.Ordinal))
        {
            baseType = baseType.Substring(0, baseType.Length - 2);
            suffix += "[]";
        }
        return "new " + baseType + "[" + length + "]" + suffix;
    }
}
