using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>Core type definitions inside components (Binary.md "Type Definitions": core:type, core:moduletype):
/// core function types and module types with their import, export, type and outer-alias declarations.</summary>
internal sealed partial class ComponentParser
{
    internal static byte CoreValType(SExpr t)
    {
        if (t.Kind == SExprKind.Keyword)
        {
            switch (t.Text)
            {
                case "i32": return 0x7f;
                case "i64": return 0x7e;
                case "f32": return 0x7d;
                case "f64": return 0x7c;
                case "v128": return 0x7b;
                case "funcref": return 0x70;
                case "externref": return 0x6f;
            }
        }
        else if (t.IsListOf("ref") && t.Items.Count == 3 && t.Items[1].IsKeyword("null"))
        {
            if (t.Items[2].IsKeyword("func")) return 0x70;
            if (t.Items[2].IsKeyword("extern")) return 0x6f;
        }
        throw t.Error($"unsupported core value type {WatParser.Describe(t)}");
    }

    private void CoreTypeField(SExpr f)
    {
        var c = new FieldCursor(f, 2);
        var id = c.TakeId();
        var body = c.List("(func …) or (module …)");
        c.End();
        var b = new List<byte>();
        if (body.IsListOf("func")) CoreFuncType(b, new FieldCursor(body, 1));
        else if (body.IsListOf("module")) ModuleType(b, body, id);
        else throw body.Error($"unsupported core type {WatParser.Describe(body)} (GC types are not supported)");
        _s.Bind(TextSort.CoreType, id, EmitCoreType(b, f));
    }

    /// <summary>Core <c>functype</c>: 0x60 vec(param) vec(result); parameters may carry identifiers.</summary>
    private static void CoreFuncType(List<byte> b, FieldCursor c)
    {
        var ps = new List<byte>();
        var rs = new List<byte>();
        uint np = 0, nr = 0;
        while (c.More)
        {
            var e = c.List("(param …) or (result …)");
            bool isParam = e.IsListOf("param");
            if (!isParam && !e.IsListOf("result")) throw e.Error("expected (param …) or (result …)");
            var ec = new FieldCursor(e, 1);
            if (isParam && ec.TakeId() is not null)
            {
                ps.Add(CoreValType(ec.Next("a value type")));
                np++;
                ec.End();
                continue;
            }
            while (ec.More)
            {
                var t = CoreValType(ec.Next("a value type"));
                if (isParam) { ps.Add(t); np++; }
                else { rs.Add(t); nr++; }
            }
        }
        b.Add(0x60);
        b.U32(np);
        b.AddRange(ps);
        b.U32(nr);
        b.AddRange(rs);
    }

    private void ModuleType(List<byte> b, SExpr body, SExpr? id)
    {
        var saved = _s;
        _s = new ComponentScope(ScopeKind.ModuleType, saved, id?.Text);
        try
        {
            var c = new FieldCursor(body, 1);
            while (c.More) ModuleDecl(c.List("a module declaration"));
            b.Add(0x50);
            b.Vec(_s.Decls);
        }
        finally
        {
            _s = saved;
        }
    }

    private void ModuleDecl(SExpr d)
    {
        var c = new FieldCursor(d, 1);
        switch (d.Head)
        {
            case "import":
            {
                var x = new List<byte> { 0x00 };
                x.Name(c.String("a module name").Bytes);
                x.Name(c.String("a field name").Bytes);
                var (desc, sort, did) = CoreExternType(c.List("an import description"));
                c.End();
                x.AddRange(desc);
                _s.Decls.Add([.. x]);
                _s.Bind(sort, did, _s.Next(sort));
                return;
            }
            case "export":
            {
                var x = new List<byte> { 0x03 };
                x.Name(c.String("an export name").Bytes);
                var (desc, _, _) = CoreExternType(c.List("an export description"));
                c.End();
                x.AddRange(desc);
                _s.Decls.Add([.. x]);
                return;
            }
            case "type":
            {
                var tid = c.TakeId();
                var body = c.List("(func …)");
                c.End();
                if (!body.IsListOf("func")) throw body.Error("module types may only declare function types");
                var t = new List<byte>();
                CoreFuncType(t, new FieldCursor(body, 1));
                _s.Bind(TextSort.CoreType, tid, EmitCoreType(t, d));
                return;
            }
            case "alias":
                AliasField(d);
                return;
            default:
                throw d.Error($"unexpected module type declaration {WatParser.Describe(d)}");
        }
    }

    /// <summary>Core <c>externtype</c> of an import or export declaration (func, table, memory, global, tag).</summary>
    private (List<byte>, TextSort, SExpr?) CoreExternType(SExpr d)
    {
        var c = new FieldCursor(d, 1);
        var id = c.TakeId();
        var b = new List<byte>();
        switch (d.Head)
        {
            case "func":
            case "tag":
            {
                uint ti;
                if (c.Peek is { } p && IsTypeUse(p))
                {
                    // A restated signature after (type $t) is only a check; the index is encoded.
                    c.Pos = c.Items.Count;
                    ti = Resolve(TextSort.CoreType, p.Items[1]);
                }
                else
                {
                    var t = new List<byte>();
                    CoreFuncType(t, new FieldCursor(d, c.Pos));
                    c.Pos = d.Items.Count;
                    ti = EmitCoreType(t, d);
                }
                c.End();
                if (d.Head == "tag") b.AddRange([0x04, 0x00]);
                else b.Add(0x00);
                b.U32(ti);
                return (b, d.Head == "tag" ? TextSort.CoreTag : TextSort.CoreFunc, id);
            }
            case "table":
                // Core binary tabletype: reftype, then limits.
                b.Add(0x01);
                var lim = Limits(c, out bool is64);
                b.Add(CoreValType(c.Next("a reference type")));
                c.End();
                b.AddRange(LimitBytes(lim, is64));
                return (b, TextSort.CoreTable, id);
            case "memory":
                b.Add(0x02);
                b.AddRange(LimitBytes(Limits(c, out bool m64), m64));
                c.End();
                return (b, TextSort.CoreMemory, id);
            case "global":
                b.Add(0x03);
                var g = c.Next("a global type");
                if (g.IsListOf("mut") && g.Items.Count == 2)
                {
                    b.Add(CoreValType(g.Items[1]));
                    b.Add(0x01);
                }
                else
                {
                    b.Add(CoreValType(g));
                    b.Add(0x00);
                }
                c.End();
                return (b, TextSort.CoreGlobal, id);
            default:
                throw d.Error($"unknown core extern type {WatParser.Describe(d)}");
        }
    }

    private static (ulong Min, ulong? Max, bool Shared) Limits(FieldCursor c, out bool is64)
    {
        is64 = c.TakeKeyword("i64");
        c.TakeKeyword("i32");
        var min = ParseU64(c.Next("a minimum"));
        ulong? max = c.Peek is { Kind: SExprKind.Reserved } ? ParseU64(c.Next("a maximum")) : null;
        bool shared = c.TakeKeyword("shared");
        return (min, max, shared);
    }

    private static List<byte> LimitBytes((ulong Min, ulong? Max, bool Shared) l, bool is64)
    {
        var b = new List<byte> { (byte)((l.Max.HasValue ? 1 : 0) | (l.Shared ? 2 : 0) | (is64 ? 4 : 0)) };
        AddU64(b, l.Min);
        if (l.Max is { } m) AddU64(b, m);
        return b;
    }

    private static void AddU64(List<byte> b, ulong v)
    {
        do
        {
            byte x = (byte)(v & 0x7f);
            v >>= 7;
            if (v != 0) x |= 0x80;
            b.Add(x);
        }
        while (v != 0);
    }

    private static ulong ParseU64(SExpr tok)
    {
        var s = tok.Text.Replace("_", "", StringComparison.Ordinal);
        bool ok = s.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.TryParse(s.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var v)
            : ulong.TryParse(s, System.Globalization.NumberStyles.None, null, out v);
        return ok ? v : throw tok.Error($"expected an integer, found {tok.Text}");
    }

    /// <summary><c>(type $t)</c> or inline module declarations after <c>(core module $id? (import "n")</c>.</summary>
    private List<byte> CoreModuleTypeUse(FieldCursor c, SExpr at)
    {
        var b = new List<byte> { 0x00, 0x11 };
        if (c.Peek is { } p && IsTypeUse(p))
        {
            c.Pos++;
            c.End();
            b.U32(Resolve(TextSort.CoreType, new FieldCursor(p, 1).Next("a core type index")));
            return b;
        }
        var inline = new SExpr(SExprKind.List, "", at.Line, at.Column, at.Start)
        {
            Items = [new SExpr(SExprKind.Keyword, "module", at.Line, at.Column, at.Start), .. c.Rest()],
        };
        var t = new List<byte>();
        ModuleType(t, inline, null);
        b.U32(EmitCoreType(t, at));
        return b;
    }
}
