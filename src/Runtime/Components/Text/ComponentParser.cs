using System.Globalization;
using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>Turns the fields of a text-format component (Explainer.md) into its binary (Binary.md). One
/// pass in textual order: the component model has no forward references, so each definition is emitted
/// as it is read and takes the next index of its sort. Abbreviations expand into the definitions they
/// stand for, emitted around the one that uses them, in the order the reference encoder (wasm-tools)
/// uses: inline types and aliases before, inline exports after.</summary>
internal sealed partial class ComponentParser
{
    private ComponentScope _s;

    private ComponentParser(ComponentScope scope) => _s = scope;

    /// <summary>Parses component fields <paramref name="items"/>[<paramref name="from"/>..] (an optional
    /// leading <c>$id</c> names the component) into a component binary.</summary>
    public static byte[] ParseFields(List<SExpr> items, int from)
    {
        string? id = null;
        if (from < items.Count && items[from].Kind == SExprKind.Id) id = items[from++].Text;
        var p = new ComponentParser(new ComponentScope(ScopeKind.Component, null, id));
        for (int i = from; i < items.Count; i++) p.Field(items[i]);
        return Encode(p._s);
    }

    private void Field(SExpr f)
    {
        if (!f.IsList || f.Head is null) throw f.Error($"expected a component field, found {WatParser.Describe(f)}");
        var head = f.Head;
        if (head.StartsWith('@')) return; // custom annotations carry no semantics here
        switch (head)
        {
            case "core":
                var kw = f.Items.Count > 1 && f.Items[1].Kind == SExprKind.Keyword ? f.Items[1].Text : "";
                switch (kw)
                {
                    case "module": CoreModuleField(f); return;
                    case "instance": CoreInstanceField(f); return;
                    case "type": CoreTypeField(f); return;
                    default:
                        var sort = SortCodes.FromKeyword(kw, core: true)
                            ?? throw f.Error($"unexpected core field {kw}");
                        CoreItemField(f, sort);
                        return;
                }
            case "component": NestedComponentField(f); return;
            case "instance": InstanceField(f); return;
            case "alias": AliasField(f); return;
            case "type": TypeField(f); return;
            case "canon": CanonField(f); return;
            case "func": FuncField(f); return;
            case "start": StartField(f); return;
            case "import": ImportField(f); return;
            case "export": ExportField(f); return;
            default: throw f.Error($"unexpected component field ({head}");
        }
    }

    // ---- emission -------------------------------------------------------------------------------------

    /// <summary>Appends a definition and returns its index. <paramref name="section"/> is the component
    /// section id; <paramref name="declTag"/> the tag of the same item as an instance/component type
    /// declaration (Binary.md: instancedecl 0x00 core type, 0x01 type, 0x02 alias, 0x03 import, 0x04 export).</summary>
    private uint Emit(TextSort sort, byte section, byte declTag, List<byte> bytes, SExpr at)
    {
        if (_s.Kind == ScopeKind.Component) _s.Items.Add((section, [.. bytes]));
        else
        {
            if (_s.Kind == ScopeKind.ComponentType || declTag != 0x03)
            {
                var d = new byte[bytes.Count + 1];
                d[0] = declTag;
                bytes.CopyTo(d, 1);
                _s.Decls.Add(d);
            }
            else throw at.Error("imports are not allowed in an instance type");
        }
        return _s.Next(sort);
    }

    private uint EmitType(List<byte> deftype, SExpr at) => Emit(TextSort.Type, 7, 0x01, deftype, at);

    private uint EmitCoreType(List<byte> coretype, SExpr at)
    {
        if (_s.Kind == ScopeKind.ModuleType)
        {
            // core:moduledecl 0x01 core:type
            _s.Decls.Add([0x01, .. coretype]);
            return _s.Next(TextSort.CoreType);
        }
        return Emit(TextSort.CoreType, 3, 0x00, coretype, at);
    }

    private uint EmitAlias(TextSort sort, List<byte> target, SExpr at)
    {
        var b = new List<byte>();
        SortCodes.Write(b, sort);
        b.AddRange(target);
        return Emit(sort, 6, 0x02, b, at);
    }

    private void EmitInlineExports(List<SExpr> exports, TextSort sort, uint index)
    {
        foreach (var e in exports)
        {
            if (_s.Kind != ScopeKind.Component) throw e.Error("inline exports are only allowed in components");
            var b = new List<byte>();
            ExternName(b, e, 1);
            WriteSortIdx(b, sort, index);
            b.Add(0x00); // no type ascription
            Emit(sort, 11, 0x04, b, e);
        }
    }

    private static void WriteSortIdx(List<byte> b, TextSort sort, uint index)
    {
        SortCodes.Write(b, sort);
        b.U32(index);
    }

    /// <summary><c>nameattributes</c> from a string and its attribute lists, starting at <paramref name="at"/>;
    /// returns the position after them. Plain names take form 0x00; attributes force form 0x02.</summary>
    private static int ExternName(List<byte> b, SExpr form, int at)
    {
        var items = form.Items;
        if (at < items.Count && items[at].IsListOf("interface") && items[at].Items.Count == 2 && items[at].Items[1].Kind == SExprKind.String)
        {
            // Legacy (interface "ns:pkg/iface@v") names: form 0x01 (Binary.md nameattributes).
            b.Add(0x01);
            b.Name(items[at].Items[1].Bytes);
            return at + 1;
        }
        if (at >= items.Count || items[at].Kind != SExprKind.String) throw form.Error("expected a name string");
        var name = items[at++];
        var attrs = new List<byte[]>();
        while (at < items.Count && FieldCursor.IsNameAttribute(items[at]))
        {
            var a = items[at++];
            if (a.Items.Count != 2 || a.Items[1].Kind != SExprKind.String) throw a.Error($"malformed ({a.Head} \"…\")");
            var ab = new List<byte> { a.Head switch { "implements" => 0x00, "versionsuffix" => 0x01, _ => 0x02 } };
            ab.Name(a.Items[1].Bytes);
            attrs.Add([.. ab]);
        }
        if (attrs.Count == 0)
        {
            b.Add(0x00);
            b.Name(name.Bytes);
        }
        else
        {
            b.Add(0x02);
            b.Name(name.Bytes);
            b.Vec(attrs);
        }
        return at;
    }

    // ---- index resolution ------------------------------------------------------------------------------

    /// <summary>Resolves an index or identifier in <paramref name="sort"/>. An identifier bound only in an
    /// enclosing scope is reached through an implicit <c>alias outer</c>, emitted here (before the definition
    /// that uses it) and bound in the current scope for later uses.</summary>
    private uint Resolve(TextSort sort, SExpr tok)
    {
        if (tok.Kind == SExprKind.Reserved) return ParseU32(tok);
        if (tok.Kind != SExprKind.Id) throw tok.Error($"expected a {SortCodes.Describe(sort)} index, found {WatParser.Describe(tok)}");
        if (_s.TryLookup(sort, tok.Text, out var idx)) return idx;
        // Outer aliases exist only for types, core types, components and core modules (Binary.md "Alias
        // Definitions": outeraliassort); module types only see core types.
        bool aliasable = sort is TextSort.Type or TextSort.CoreType or TextSort.Component or TextSort.CoreModule;
        if (!aliasable)
        {
            for (var o = _s.Parent; o is not null; o = o.Parent)
                if (o.TryLookup(sort, tok.Text, out _)) throw tok.Error($"outer item `{tok.Text}` is not a module, type, or component");
        }
        else if (_s.Kind != ScopeKind.ModuleType || sort == TextSort.CoreType)
        {
            uint depth = 0;
            for (var o = _s.Parent; o is not null; o = o.Parent)
            {
                depth++;
                if (o.TryLookup(sort, tok.Text, out var outer))
                {
                    uint local = EmitOuterAlias(sort, depth, outer, tok);
                    _s.Bind(sort, tok, local);
                    return local;
                }
            }
        }
        throw tok.Error($"unknown {SortCodes.Describe(sort)} {tok.Text}");
    }

    private uint EmitOuterAlias(TextSort sort, uint depth, uint index, SExpr at)
    {
        if (_s.Kind == ScopeKind.ModuleType)
        {
            if (sort != TextSort.CoreType) throw at.Error("module types may only alias outer core types");
            var d = new List<byte> { 0x02, 0x10, 0x01 };
            d.U32(depth);
            d.U32(index);
            _s.Decls.Add([.. d]);
            return _s.Next(sort);
        }
        var t = new List<byte> { 0x02 };
        t.U32(depth);
        t.U32(index);
        return EmitAlias(sort, t, at);
    }

    internal static uint ParseU32(SExpr tok)
    {
        var s = tok.Text.Replace("_", "", StringComparison.Ordinal);
        bool ok = s.StartsWith("0x", StringComparison.Ordinal)
            ? uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            : uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        if (!ok) throw tok.Error($"expected a u32, found {tok.Text}");
        return v;
    }

    /// <summary>Resolves an item reference <c>idx name*</c> at <paramref name="c"/>: each trailing name is a
    /// projection through an instance export (the inline-alias abbreviation <c>(func $i "f")</c>).</summary>
    private uint ResolveRef(TextSort sort, FieldCursor c)
    {
        var first = c.Next("an index");
        var names = new List<SExpr>();
        while (c.More && c.Peek!.Kind == SExprKind.String) names.Add(c.Next("name"));
        if (names.Count == 0) return Resolve(sort, first);
        // Core instances export only core functions, tables, memories, globals and tags; core modules
        // (and core types) are reached through component instances.
        bool core = SortCodes.IsCore(sort) && sort is not (TextSort.CoreModule or TextSort.CoreType);
        uint inst = Resolve(core ? TextSort.CoreInstance : TextSort.Instance, first);
        for (int i = 0; i < names.Count; i++)
        {
            var target = new List<byte> { (byte)(core ? 0x01 : 0x00) };
            target.U32(inst);
            target.Name(names[i].Bytes);
            bool last = i == names.Count - 1;
            if (core && !last) throw names[i].Error("core instances cannot be projected twice");
            inst = EmitAlias(last ? sort : TextSort.Instance, target, names[i]);
        }
        return inst;
    }

    /// <summary>A reference that may be written bare (<c>$f</c>) or as an item (<c>(core func $f)</c> / <c>(func $f)</c>).</summary>
    private uint BareOrItemRef(TextSort sort, SExpr e)
    {
        if (!e.IsList) return Resolve(sort, e);
        var c = new FieldCursor(e, 0);
        // The sort keyword may omit "core" where the context implies it: (module $i "m") in instantiate.
        c.TakeKeyword("core");
        var kw = c.Next("a sort");
        var s = SortCodes.FromKeyword(kw.Text, SortCodes.IsCore(sort));
        if (s != sort) throw kw.Error($"expected a {SortCodes.Describe(sort)} reference");
        uint idx = ResolveRef(sort, c);
        c.End();
        return idx;
    }

    // ---- encoding ------------------------------------------------------------------------------------

    private static byte[] Encode(ComponentScope s)
    {
        var o = new List<byte> { 0x00, 0x61, 0x73, 0x6D, 0x0d, 0x00, 0x01, 0x00 };
        int i = 0;
        while (i < s.Items.Count)
        {
            var (id, bytes) = s.Items[i];
            var payload = new List<byte>();
            if (id is 1 or 4 or 9)
            {
                payload.AddRange(bytes);
                i++;
            }
            else
            {
                int j = i;
                while (j < s.Items.Count && s.Items[j].Section == id) j++;
                payload.U32((uint)(j - i));
                for (int k = i; k < j; k++) payload.AddRange(s.Items[k].Bytes);
                i = j;
            }
            o.Add(id);
            o.U32((uint)payload.Count);
            o.AddRange(payload);
        }
        return [.. o];
    }
}
