using System.Text;
using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>Module, instance, component, alias, import, export and start definitions (Explainer.md
/// "Component definitions", "Instance definitions", "Alias definitions", "Import and export definitions").</summary>
internal sealed partial class ComponentParser
{
    private void CoreModuleField(SExpr f)
    {
        var c = new FieldCursor(f, 2);
        var id = c.TakeId();
        var exports = c.InlineExports();
        if (c.InlineImport() is { } imp)
        {
            var desc = CoreModuleTypeUse(c, f);
            uint ii = EmitImport(imp, desc, TextSort.CoreModule);
            _s.Bind(TextSort.CoreModule, id, ii);
            EmitInlineExports(exports, TextSort.CoreModule, ii);
            return;
        }
        byte[] module;
        if (c.TakeKeyword("binary")) module = Strings(c);
        else if (c.TakeKeyword("quote"))
        {
            var at = f;
            try
            {
                module = Wat.ParseModule(new UTF8Encoding(false, true).GetString(Strings(c)));
            }
            catch (DecoderFallbackException)
            {
                throw at.Error("malformed UTF-8 encoding");
            }
        }
        else module = WatParser.Parse(c.Rest());
        if (_s.Kind != ScopeKind.Component) throw f.Error("core modules can only be defined in components");
        uint idx = Emit(TextSort.CoreModule, 1, 0, [.. module], f);
        _s.Bind(TextSort.CoreModule, id, idx);
        EmitInlineExports(exports, TextSort.CoreModule, idx);
    }

    private static byte[] Strings(FieldCursor c)
    {
        var o = new List<byte>();
        while (c.More) o.AddRange(c.String("a string").Bytes);
        return [.. o];
    }

    private void CoreInstanceField(SExpr f)
    {
        var c = new FieldCursor(f, 2);
        var id = c.TakeId();
        var b = new List<byte>();
        if (c.Peek is { } p && p.IsListOf("instantiate"))
        {
            c.Pos++;
            var ic = new FieldCursor(p, 1);
            uint module = BareOrItemRef(TextSort.CoreModule, ic.Next("a module index"));
            var args = new List<byte[]>();
            while (ic.More)
            {
                var w = ic.List("(with \"name\" (instance …))");
                if (!w.IsListOf("with")) throw w.Error("expected (with \"name\" (instance …))");
                var wc = new FieldCursor(w, 1);
                var name = wc.String("an instance name");
                var inst = wc.List("(instance …)");
                if (!inst.IsListOf("instance")) throw inst.Error("core instantiation arguments must be instances");
                var a = new List<byte>();
                a.Name(name.Bytes);
                a.Add(0x12);
                a.U32(CoreInstanceRef(inst));
                wc.End();
                args.Add([.. a]);
            }
            b.Add(0x00);
            b.U32(module);
            b.Vec(args);
        }
        else CoreInlineExports(b, c);
        c.End();
        uint idx = Emit(TextSort.CoreInstance, 2, 0, b, f);
        _s.Bind(TextSort.CoreInstance, id, idx);
    }

    /// <summary><c>(instance $i)</c>, or an inline instance <c>(instance (export "n" (func $f))*)</c>.</summary>
    private uint CoreInstanceRef(SExpr inst)
    {
        var c = new FieldCursor(inst, 1);
        if (c.Peek is { } p && !p.IsList)
        {
            uint i = ResolveRef(TextSort.CoreInstance, c);
            c.End();
            return i;
        }
        var b = new List<byte>();
        CoreInlineExports(b, c);
        return Emit(TextSort.CoreInstance, 2, 0, b, inst);
    }

    private void CoreInlineExports(List<byte> b, FieldCursor c)
    {
        var exports = new List<byte[]>();
        while (c.More)
        {
            var e = c.List("(export \"name\" (sort idx))");
            if (!e.IsListOf("export")) throw e.Error("expected (export \"name\" (sort idx))");
            var ec = new FieldCursor(e, 1);
            var name = ec.String("an export name");
            var item = ec.List("a core item reference");
            ec.End();
            var ic = new FieldCursor(item, 0);
            ic.TakeKeyword("core");
            var kw = ic.Next("a core sort");
            var sort = SortCodes.FromKeyword(kw.Text, core: true) ?? throw kw.Error($"unknown core sort {kw.Text}");
            uint idx = ResolveRef(sort, ic);
            ic.End();
            var x = new List<byte>();
            x.Name(name.Bytes);
            x.Add(SortCodes.CoreByte(sort));
            x.U32(idx);
            exports.Add([.. x]);
        }
        b.Add(0x01);
        b.Vec(exports);
    }

    /// <summary><c>(core func|table|memory|global|tag $id? (alias core export …) | (canon …))</c>.</summary>
    private void CoreItemField(SExpr f, TextSort sort)
    {
        var c = new FieldCursor(f, 2);
        var id = c.TakeId();
        var body = c.List("(alias …) or (canon …)");
        c.End();
        uint idx;
        if (body.IsListOf("alias")) idx = AliasBody(body, 1, sort);
        else if (body.IsListOf("canon"))
        {
            if (sort != TextSort.CoreFunc) throw body.Error("canon definitions produce core functions");
            idx = Canon(body, null, out var produced, out _);
            if (produced != sort) throw body.Error("canon lift produces a component function");
        }
        else throw body.Error("expected (alias …) or (canon …)");
        _s.Bind(sort, id, idx);
    }

    private void NestedComponentField(SExpr f)
    {
        var c = new FieldCursor(f, 1);
        var id = c.TakeId();
        var exports = c.InlineExports();
        uint idx;
        if (c.InlineImport() is { } imp)
        {
            var desc = new List<byte> { 0x04 };
            desc.U32(TypeUse(c, f, "component"));
            idx = EmitImport(imp, desc, TextSort.Component);
        }
        else
        {
            if (_s.Kind != ScopeKind.Component) throw f.Error("components can only be defined in components");
            byte[] bytes;
            if (c.Peek is { } p && (p.IsKeyword("binary") || p.IsKeyword("quote")))
            {
                var sub = new SExpr(SExprKind.List, "", f.Line, f.Column, f.Start) { Items = [f.Items[0], .. c.Rest()] };
                bytes = ComponentWat.ComponentSource(sub);
            }
            else
            {
                var saved = _s;
                _s = new ComponentScope(ScopeKind.Component, saved, id?.Text);
                try
                {
                    while (c.More) Field(c.Next("a field"));
                    bytes = Encode(_s);
                }
                finally
                {
                    _s = saved;
                }
            }
            idx = Emit(TextSort.Component, 4, 0, [.. bytes], f);
        }
        _s.Bind(TextSort.Component, id, idx);
        EmitInlineExports(exports, TextSort.Component, idx);
    }

    private void InstanceField(SExpr f)
    {
        if (_s.Kind != ScopeKind.Component) throw f.Error("instances can only be defined in components");
        var c = new FieldCursor(f, 1);
        var id = c.TakeId();
        var exports = c.InlineExports();
        uint idx;
        if (c.InlineImport() is { } imp)
        {
            var desc = new List<byte> { 0x05 };
            desc.U32(TypeUse(c, f, "instance"));
            idx = EmitImport(imp, desc, TextSort.Instance);
        }
        else if (c.Peek is { } p && p.IsListOf("alias"))
        {
            c.Pos++;
            c.End();
            idx = AliasBody(p, 1, TextSort.Instance);
        }
        else if (c.Peek is { } q && q.IsListOf("instantiate"))
        {
            c.Pos++;
            c.End();
            var ic = new FieldCursor(q, 1);
            uint component = BareOrItemRef(TextSort.Component, ic.Next("a component index"));
            var args = new List<byte[]>();
            while (ic.More)
            {
                var w = ic.List("(with \"name\" (sort idx))");
                if (!w.IsListOf("with")) throw w.Error("expected (with \"name\" (sort idx))");
                var wc = new FieldCursor(w, 1);
                var name = wc.String("an argument name");
                var item = wc.List("an item reference");
                wc.End();
                var a = new List<byte>();
                a.Name(name.Bytes);
                var (sort, ix) = SortIdx(item, allowInlineInstance: true);
                WriteSortIdx(a, sort, ix);
                args.Add([.. a]);
            }
            var b = new List<byte> { 0x00 };
            b.U32(component);
            b.Vec(args);
            idx = Emit(TextSort.Instance, 5, 0, b, f);
        }
        else
        {
            var b = new List<byte>();
            InlineInstanceExports(b, c);
            idx = Emit(TextSort.Instance, 5, 0, b, f);
        }
        _s.Bind(TextSort.Instance, id, idx);
        EmitInlineExports(exports, TextSort.Instance, idx);
    }

    private void InlineInstanceExports(List<byte> b, FieldCursor c)
    {
        var exports = new List<byte[]>();
        while (c.More)
        {
            var e = c.List("(export \"name\" (sort idx))");
            if (!e.IsListOf("export")) throw e.Error("expected (export \"name\" (sort idx))");
            var x = new List<byte>();
            int at = ExternName(x, e, 1);
            if (at != e.Items.Count - 1) throw e.Error("expected one item reference after the export name");
            var (sort, idx) = SortIdx(e.Items[at], allowInlineInstance: true);
            WriteSortIdx(x, sort, idx);
            exports.Add([.. x]);
        }
        b.Add(0x01);
        b.Vec(exports);
    }

    /// <summary>A <c>sortidx</c>: <c>(func $f)</c>, <c>(core module $m)</c>, <c>(instance $i "x")</c>, or an
    /// inline instance <c>(instance (export …)*)</c> where allowed.</summary>
    private (TextSort, uint) SortIdx(SExpr item, bool allowInlineInstance)
    {
        if (!item.IsList) throw item.Error("expected an item reference such as (func $f)");
        var c = new FieldCursor(item, 0);
        bool core = c.TakeKeyword("core");
        var kw = c.Next("a sort");
        var sort = SortCodes.FromKeyword(kw.Text, core) ?? throw kw.Error($"unknown sort {kw.Text}");
        if (allowInlineInstance && sort == TextSort.Instance && (!c.More || c.Peek!.IsList))
        {
            var b = new List<byte>();
            InlineInstanceExports(b, c);
            return (sort, Emit(TextSort.Instance, 5, 0, b, item));
        }
        uint idx = ResolveRef(sort, c);
        c.End();
        return (sort, idx);
    }

    private void AliasField(SExpr f)
    {
        // (alias export $i "n" (sort $id?)) / (alias core export $i "n" (core sort $id?)) / (alias outer $c $x (sort $id?))
        var last = f.Items.Count > 1 ? f.Items[^1] : throw f.Error("malformed alias");
        if (!last.IsList) throw last.Error("expected (sort $id?) at the end of the alias");
        var lc = new FieldCursor(last, 0);
        bool core = lc.TakeKeyword("core");
        var kw = lc.Next("a sort");
        var sort = SortCodes.FromKeyword(kw.Text, core || _s.Kind == ScopeKind.ModuleType) ?? throw kw.Error($"unknown sort {kw.Text}");
        var id = lc.TakeId();
        lc.End();
        var trimmed = new SExpr(SExprKind.List, "", f.Line, f.Column, f.Start) { Items = f.Items.GetRange(0, f.Items.Count - 1) };
        uint idx = AliasBody(trimmed, 1, sort);
        _s.Bind(sort, id, idx);
    }

    /// <summary>The alias target at <paramref name="from"/>: <c>export $i "n"</c>, <c>core export $i "n"</c>
    /// or <c>outer $c $x</c>; emits the alias and returns the new index.</summary>
    private uint AliasBody(SExpr form, int from, TextSort sort)
    {
        var c = new FieldCursor(form, from);
        var t = new List<byte>();
        if (c.TakeKeyword("export"))
        {
            t.Add(0x00);
            t.U32(Resolve(TextSort.Instance, c.Next("an instance index")));
            t.Name(c.String("an export name").Bytes);
        }
        else if (c.TakeKeyword("core"))
        {
            if (!c.TakeKeyword("export")) throw form.Error("expected alias core export");
            t.Add(0x01);
            t.U32(Resolve(TextSort.CoreInstance, c.Next("a core instance index")));
            t.Name(c.String("an export name").Bytes);
        }
        else if (c.TakeKeyword("outer"))
        {
            var scopeTok = c.Next("an outer scope");
            var target = _s;
            uint depth;
            if (scopeTok.Kind == SExprKind.Id)
            {
                depth = 0;
                while (target is not null && target.Id != scopeTok.Text) { target = target.Parent; depth++; }
                if (target is null) throw scopeTok.Error($"unknown outer scope {scopeTok.Text}");
            }
            else
            {
                // A numeric count beyond the enclosing scopes is encoded as written: rejecting it is validation's job.
                depth = ParseU32(scopeTok);
                for (uint k = 0; k < depth && target is not null; k++) target = target.Parent;
            }
            var idxTok = c.Next("an index");
            uint idx;
            if (idxTok.Kind == SExprKind.Id)
            {
                if (target is null) throw scopeTok.Error($"outer count {depth} exceeds the enclosing scopes");
                if (!target.TryLookup(sort, idxTok.Text, out idx)) throw idxTok.Error($"unknown {SortCodes.Describe(sort)} {idxTok.Text}");
            }
            else idx = ParseU32(idxTok);
            c.End();
            return EmitOuterAlias(sort, depth, idx, form);
        }
        else throw form.Error("expected export, core export or outer");
        c.End();
        return EmitAlias(sort, t, form);
    }

    private void StartField(SExpr f)
    {
        if (_s.Kind != ScopeKind.Component) throw f.Error("start definitions are only allowed in components");
        // Binary.md: the start section holds one start function; a second one cannot be encoded.
        if (_s.Items.Exists(i => i.Section == 9)) throw f.Error("component cannot have more than one start function");
        var c = new FieldCursor(f, 1);
        var b = new List<byte>();
        b.U32(BareOrItemRef(TextSort.Func, c.Next("a function index")));
        var args = new List<byte[]>();
        var results = new List<SExpr?>();
        while (c.More)
        {
            var e = c.List("(value $v) or (result (value $id?))");
            if (e.IsListOf("value"))
            {
                var a = new List<byte>();
                a.U32(Resolve(TextSort.Value, new FieldCursor(e, 1).Next("a value index")));
                args.Add([.. a]);
            }
            else if (e.IsListOf("result"))
            {
                var v = new FieldCursor(e, 1).List("(value $id?)");
                results.Add(new FieldCursor(v, 1).TakeId());
            }
            else throw e.Error("expected (value …) or (result …)");
        }
        b.Vec(args);
        b.U32((uint)results.Count);
        _s.Items.Add((9, [.. b]));
        foreach (var r in results) _s.Bind(TextSort.Value, r, _s.Next(TextSort.Value));
    }

    private void ImportField(SExpr f)
    {
        var name = new List<byte>();
        int at = ExternName(name, f, 1);
        if (at != f.Items.Count - 1) throw f.Error("expected one extern type after the import name");
        var (desc, sort, id) = ExternDesc(f.Items[at]);
        name.AddRange(desc);
        uint idx = Emit(sort, 10, 0x03, name, f);
        _s.Bind(sort, id, idx);
    }

    /// <summary>The inline import abbreviation <c>(sort $id? (import "n") …)</c>.</summary>
    private uint EmitImport(SExpr imp, List<byte> desc, TextSort sort)
    {
        var b = new List<byte>();
        ExternName(b, imp, 1);
        b.AddRange(desc);
        return Emit(sort, 10, 0x03, b, imp);
    }

    private void ExportField(SExpr f)
    {
        if (_s.Kind != ScopeKind.Component)
        {
            var name = new List<byte>();
            int at = ExternName(name, f, 1);
            if (at != f.Items.Count - 1) throw f.Error("expected one extern type after the export name");
            var (desc, dsort, did) = ExternDesc(f.Items[at]);
            name.AddRange(desc);
            _s.Bind(dsort, did, Emit(dsort, 11, 0x04, name, f));
            return;
        }
        var c = new FieldCursor(f, 1);
        var id = c.TakeId();
        var b = new List<byte>();
        c.Pos = ExternName(b, f, c.Pos);
        var (sort, idx) = SortIdx(c.List("an item reference"), allowInlineInstance: false);
        List<byte>? ascribed = null;
        if (c.More)
        {
            var (desc, dsort, _) = ExternDesc(c.Next("an extern type"));
            if (dsort != sort) throw f.Error("the export's type ascription has a different sort");
            ascribed = desc;
        }
        c.End();
        WriteSortIdx(b, sort, idx);
        if (ascribed is null) b.Add(0x00);
        else
        {
            b.Add(0x01);
            b.AddRange(ascribed);
        }
        _s.Bind(sort, id, Emit(sort, 11, 0x04, b, f));
    }
}
