using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>Type definitions (Explainer.md "Type definitions"; Binary.md "Type Definitions"): value types,
/// function, component, instance and resource types, and the extern types of imports and exports. A
/// value type written inline where an index is expected becomes its own type definition, emitted first.</summary>
internal sealed partial class ComponentParser
{
    private static byte? Primitive(string kw) => kw switch
    {
        "bool" => 0x7f,
        "s8" => 0x7e,
        "u8" => 0x7d,
        "s16" => 0x7c,
        "u16" => 0x7b,
        "s32" => 0x7a,
        "u32" => 0x79,
        "s64" => 0x78,
        "u64" => 0x77,
        "f32" or "float32" => 0x76,
        "f64" or "float64" => 0x75,
        "char" => 0x74,
        "string" => 0x73,
        "error-context" => 0x64,
        _ => null,
    };

    private void TypeField(SExpr f)
    {
        var c = new FieldCursor(f, 1);
        var id = c.TakeId();
        var exports = c.InlineExports();
        uint idx;
        if (c.InlineImport() is { } imp)
        {
            var desc = new List<byte> { 0x03 };
            var bound = c.List("(eq $t) or (sub resource)");
            TypeBound(desc, bound);
            c.End();
            idx = EmitImport(imp, desc, TextSort.Type);
        }
        else
        {
            var body = c.Next("a type");
            c.End();
            if (body.IsListOf("alias")) idx = AliasBody(body, 1, TextSort.Type);
            else idx = EmitType(DefType(body, id), f);
        }
        _s.Bind(TextSort.Type, id, idx);
        EmitInlineExports(exports, TextSort.Type, idx);
    }

    private void TypeBound(List<byte> b, SExpr bound)
    {
        if (bound.IsListOf("eq"))
        {
            b.Add(0x00);
            b.U32(Resolve(TextSort.Type, new FieldCursor(bound, 1).Next("a type index")));
        }
        else if (bound.IsListOf("sub") && bound.Items.Count == 2 && bound.Items[1].IsKeyword("resource")) b.Add(0x01);
        else throw bound.Error("expected (eq $t) or (sub resource)");
    }

    /// <summary>A <c>deftype</c>. <paramref name="id"/> names the scope of a component or instance type.</summary>
    private List<byte> DefType(SExpr body, SExpr? id)
    {
        var b = new List<byte>();
        if (!body.IsList)
        {
            if (body.Kind == SExprKind.Keyword && Primitive(body.Text) is { } p) { b.Add(p); return b; }
            throw body.Error($"expected a type definition, found {WatParser.Describe(body)}");
        }
        var c = new FieldCursor(body, 1);
        switch (body.Head)
        {
            case "func":
                FuncType(b, c);
                break;
            case "component":
            case "instance":
                var kind = body.Head == "component" ? ScopeKind.ComponentType : ScopeKind.InstanceType;
                var saved = _s;
                _s = new ComponentScope(kind, saved, id?.Text);
                try
                {
                    while (c.More) Decl(c.List("a declaration"));
                    b.Add(kind == ScopeKind.ComponentType ? (byte)0x41 : (byte)0x42);
                    b.Vec(_s.Decls);
                }
                finally
                {
                    _s = saved;
                }
                break;
            case "resource":
                b.Add(0x3f);
                var rep = c.List("(rep i32)");
                if (!rep.IsListOf("rep") || rep.Items.Count != 2) throw rep.Error("expected (rep i32)");
                b.Add(CoreValType(rep.Items[1]));
                if (c.More)
                {
                    var dtor = c.List("(dtor …)");
                    if (!dtor.IsListOf("dtor") || dtor.Items.Count != 2) throw dtor.Error("expected (dtor (func $f))");
                    b.Add(0x01);
                    b.U32(BareOrItemRef(TextSort.CoreFunc, dtor.Items[1]));
                }
                else b.Add(0x00);
                c.End();
                break;
            default:
                DefValType(b, body);
                break;
        }
        return b;
    }

    private void DefValType(List<byte> b, SExpr body)
    {
        var c = new FieldCursor(body, 1);
        switch (body.Head)
        {
            case "record":
                b.Add(0x72);
                var fields = new List<byte[]>();
                while (c.More)
                {
                    var fl = c.List("(field \"name\" type)");
                    if (!fl.IsListOf("field")) throw fl.Error("expected (field \"name\" type)");
                    var fc = new FieldCursor(fl, 1);
                    fc.TakeId();
                    var x = new List<byte>();
                    x.Name(fc.String("a field name").Bytes);
                    ValType(x, fc.Next("a field type"));
                    fc.End();
                    fields.Add([.. x]);
                }
                b.Vec(fields);
                break;
            case "variant":
                b.Add(0x71);
                var cases = new List<byte[]>();
                var caseIds = new HashSet<string>(StringComparer.Ordinal);
                while (c.More)
                {
                    var cl = c.List("(case \"name\" type?)");
                    if (!cl.IsListOf("case")) throw cl.Error("expected (case \"name\" type?)");
                    var cc = new FieldCursor(cl, 1);
                    if (cc.TakeId() is { } caseId && !caseIds.Add(caseId.Text)) throw caseId.Error($"duplicate variant case identifier {caseId.Text}");
                    var x = new List<byte>();
                    x.Name(cc.String("a case name").Bytes);
                    if (cc.More && !cc.Peek!.IsListOf("refines"))
                    {
                        x.Add(0x01);
                        ValType(x, cc.Next("a case type"));
                    }
                    else x.Add(0x00);
                    if (cc.More) throw cc.Peek!.Error("(refines …) is not supported by binary version 0x0d");
                    x.Add(0x00);
                    cases.Add([.. x]);
                }
                b.Vec(cases);
                break;
            case "list":
                var elem = c.Next("an element type");
                if (c.More)
                {
                    b.Add(0x67);
                    ValType(b, elem);
                    b.U32(ParseU32(c.Next("a length")));
                }
                else
                {
                    b.Add(0x70);
                    ValType(b, elem);
                }
                break;
            case "tuple":
                b.Add(0x6f);
                var ts = new List<byte[]>();
                while (c.More)
                {
                    var x = new List<byte>();
                    ValType(x, c.Next("a type"));
                    ts.Add([.. x]);
                }
                b.Vec(ts);
                break;
            case "flags":
            case "enum":
                b.Add(body.Head == "flags" ? (byte)0x6e : (byte)0x6d);
                var labels = new List<byte[]>();
                while (c.More)
                {
                    var x = new List<byte>();
                    x.Name(c.String("a label").Bytes);
                    labels.Add([.. x]);
                }
                b.Vec(labels);
                break;
            case "option":
                b.Add(0x6b);
                ValType(b, c.Next("a type"));
                break;
            case "result":
                b.Add(0x6a);
                if (c.More && !c.Peek!.IsListOf("error"))
                {
                    b.Add(0x01);
                    ValType(b, c.Next("a type"));
                }
                else b.Add(0x00);
                if (c.More)
                {
                    var err = c.List("(error type)");
                    if (!err.IsListOf("error") || err.Items.Count != 2) throw err.Error("expected (error type)");
                    b.Add(0x01);
                    ValType(b, err.Items[1]);
                }
                else b.Add(0x00);
                break;
            case "own":
            case "borrow":
                b.Add(body.Head == "own" ? (byte)0x69 : (byte)0x68);
                b.U32(Resolve(TextSort.Type, c.Next("a resource type index")));
                break;
            case "stream":
            case "future":
                b.Add(body.Head == "stream" ? (byte)0x66 : (byte)0x65);
                if (c.More)
                {
                    b.Add(0x01);
                    ValType(b, c.Next("a type"));
                }
                else b.Add(0x00);
                break;
            case "map":
                b.Add(0x63);
                ValType(b, c.Next("a key type"));
                ValType(b, c.Next("a value type"));
                break;
            default:
                throw body.Error($"unknown type constructor {WatParser.Describe(body)}");
        }
        c.End();
    }

    /// <summary>A <c>valtype</c>: a primitive, a type index (s33), or an inline defined type hoisted into its own definition.</summary>
    private void ValType(List<byte> b, SExpr t)
    {
        if (t.Kind == SExprKind.Keyword)
        {
            b.Add(Primitive(t.Text) ?? throw t.Error($"unknown value type {t.Text}"));
            return;
        }
        if (!t.IsList)
        {
            b.S64(Resolve(TextSort.Type, t));
            return;
        }
        var def = new List<byte>();
        DefValType(def, t);
        b.S64(EmitType(def, t));
    }

    /// <summary><c>functype</c>: <c>async? (param "n" t)* (result t)?</c>.</summary>
    private void FuncType(List<byte> b, FieldCursor c)
    {
        b.Add(c.TakeKeyword("async") ? (byte)0x43 : (byte)0x40);
        var ps = new List<byte[]>();
        while (c.Peek is { } p && p.IsListOf("param"))
        {
            c.Pos++;
            var pc = new FieldCursor(p, 1);
            var x = new List<byte>();
            x.Name(pc.String("a parameter name").Bytes);
            ValType(x, pc.Next("a parameter type"));
            pc.End();
            ps.Add([.. x]);
        }
        b.Vec(ps);
        if (c.Peek is { } r && r.IsListOf("result"))
        {
            c.Pos++;
            var rc = new FieldCursor(r, 1);
            if (rc.Peek is { Kind: SExprKind.String } s) throw s.Error("named results are not supported by binary version 0x0d");
            b.Add(0x00);
            ValType(b, rc.Next("a result type"));
            rc.End();
        }
        else
        {
            b.Add(0x01);
            b.Add(0x00);
        }
        c.End();
    }

    /// <summary><c>(type $t)</c> as a type use, as opposed to a <c>(type $t deftype)</c> declaration.</summary>
    private static bool IsTypeUse(SExpr e) => e.IsListOf("type") && e.Items.Count == 2 && !e.Items[1].IsList;

    /// <summary>A function type use: <c>(type $t)</c> or an inline signature, hoisted.</summary>
    private uint FuncTypeUse(FieldCursor c, SExpr at)
    {
        if (c.Peek is { } p && IsTypeUse(p))
        {
            // (func (type $t) (param …)*) may restate the signature; the index is what is encoded.
            c.Pos = c.Items.Count;
            return Resolve(TextSort.Type, p.Items[1]);
        }
        var b = new List<byte>();
        FuncType(b, c);
        return EmitType(b, at);
    }

    /// <summary>A component or instance type use: <c>(type $t)</c> or inline declarations, hoisted.</summary>
    private uint TypeUse(FieldCursor c, SExpr at, string kind)
    {
        if (c.Peek is { } p && IsTypeUse(p))
        {
            c.Pos++;
            c.End();
            return Resolve(TextSort.Type, p.Items[1]);
        }
        var inline = new SExpr(SExprKind.List, "", at.Line, at.Column, at.Start)
        {
            Items = [new SExpr(SExprKind.Keyword, kind, at.Line, at.Column, at.Start), .. c.Rest()],
        };
        return EmitType(DefType(inline, null), at);
    }

    /// <summary>A declaration of a component or instance type (Binary.md componentdecl / instancedecl).</summary>
    private void Decl(SExpr d)
    {
        switch (d.Head)
        {
            case "import": ImportField(d); return;
            case "export": ExportField(d); return;
            case "type": TypeField(d); return;
            case "alias": AliasField(d); return;
            case "core" when d.Items.Count > 1 && d.Items[1].IsKeyword("type"): CoreTypeField(d); return;
            default: throw d.Error($"unexpected declaration {WatParser.Describe(d)}");
        }
    }

    /// <summary>An extern type (Binary.md externtype) with the identifier it binds, if any.</summary>
    private (List<byte> Bytes, TextSort Sort, SExpr? Id) ExternDesc(SExpr d)
    {
        if (!d.IsList) throw d.Error("expected an extern type such as (func …)");
        var c = new FieldCursor(d, 1);
        var b = new List<byte>();
        switch (d.Head)
        {
            case "core":
                if (!c.TakeKeyword("module")) throw d.Error("expected (core module …)");
                var mid = c.TakeId();
                return (CoreModuleTypeUse(c, d), TextSort.CoreModule, mid);
            case "func":
                var fid = c.TakeId();
                b.Add(0x01);
                b.U32(FuncTypeUse(c, d));
                return (b, TextSort.Func, fid);
            case "component":
            case "instance":
                var cid = c.TakeId();
                b.Add(d.Head == "component" ? (byte)0x04 : (byte)0x05);
                b.U32(TypeUse(c, d, d.Head));
                return (b, d.Head == "component" ? TextSort.Component : TextSort.Instance, cid);
            case "type":
                var tid = c.TakeId();
                b.Add(0x03);
                TypeBound(b, c.List("(eq $t) or (sub resource)"));
                c.End();
                return (b, TextSort.Type, tid);
            case "value":
                var vid = c.TakeId();
                b.Add(0x02);
                var v = c.Next("a value type");
                if (v.IsListOf("eq"))
                {
                    b.Add(0x00);
                    b.U32(Resolve(TextSort.Value, new FieldCursor(v, 1).Next("a value index")));
                }
                else
                {
                    b.Add(0x01);
                    ValType(b, IsTypeUse(v) ? v.Items[1] : v);
                }
                c.End();
                return (b, TextSort.Value, vid);
            default:
                throw d.Error($"unknown extern type {WatParser.Describe(d)}");
        }
    }
}
