namespace WitSharp.Core.Text;

/// <summary>Types, type uses and the table, memory and global definitions (spec text/types, text/modules).</summary>
internal sealed partial class WatParser
{
    /// <summary>A type use as written: an optional <c>(type x)</c> and inline parameter and result declarations.</summary>
    private sealed class TypeUse
    {
        public SExpr? TypeRef;
        public uint TypeIndex;
        public List<ValType> Params { get; } = [];
        public List<ValType> Results { get; } = [];
        /// <summary>Identifier of each parameter (null when unnamed), for the function's local space.</summary>
        public List<SExpr?> ParamIds { get; } = [];
        public bool HasInline;
        public FuncType Inline => new([.. Params], [.. Results]);
    }

    internal static bool TryValType(SExpr tok, out ValType t)
    {
        t = default;
        if (tok.Kind != SExprKind.Keyword) return false;
        switch (tok.Text)
        {
            case "i32": t = ValType.I32; return true;
            case "i64": t = ValType.I64; return true;
            case "f32": t = ValType.F32; return true;
            case "f64": t = ValType.F64; return true;
            case "v128": t = ValType.V128; return true;
            case "funcref": t = ValType.FuncRef; return true;
            case "externref": t = ValType.ExternRef; return true;
            default: return false;
        }
    }

    internal static ValType ParseValType(SExpr tok)
    {
        if (TryValType(tok, out var t)) return t;
        throw tok.Error($"unexpected token {Describe(tok)}");
    }

    internal static ValType ParseRefType(SExpr tok)
    {
        var t = ParseValType(tok);
        if (!t.IsReference()) throw tok.Error($"unexpected token {tok.Text}");
        return t;
    }

    /// <summary><c>(type $id? (func (param …)* (result …)*))</c>.</summary>
    private static FuncType ParseTypeDefinition(SExpr field)
    {
        var items = field.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        if (i >= items.Count || !items[i].IsListOf("func")) throw field.Error("unexpected token");
        var fn = items[i].Items;
        ExpectEnd(items, i + 1);
        int j = 1;
        var use = ParseTypeUse(fn, ref j, allowNames: true, allowTypeRef: false);
        ExpectEnd(fn, j);
        return use.Inline;
    }

    private TypeUse ParseTypeUse(List<SExpr> items, ref int i, bool allowNames) => ParseTypeUse(items, ref i, allowNames, true, this);

    private static TypeUse ParseTypeUse(List<SExpr> items, ref int i, bool allowNames, bool allowTypeRef, WatParser? p = null)
    {
        var use = new TypeUse();
        if (allowTypeRef && i < items.Count && items[i].IsListOf("type"))
        {
            var t = items[i];
            if (t.Items.Count != 2) throw t.Error("unexpected token");
            use.TypeRef = t.Items[1];
            use.TypeIndex = p!._typeNames.Resolve(t.Items[1]);
            i++;
        }
        while (i < items.Count && items[i].IsListOf("param"))
        {
            var pr = items[i].Items;
            use.HasInline = true;
            if (pr.Count > 1 && pr[1].Kind == SExprKind.Id)
            {
                if (!allowNames) throw pr[1].Error("unexpected token");
                if (pr.Count != 3) throw items[i].Error("unexpected token");
                use.Params.Add(ParseValType(pr[2]));
                use.ParamIds.Add(pr[1]);
            }
            else
            {
                for (int k = 1; k < pr.Count; k++)
                {
                    use.Params.Add(ParseValType(pr[k]));
                    use.ParamIds.Add(null);
                }
            }
            i++;
        }
        while (i < items.Count && items[i].IsListOf("result"))
        {
            var rs = items[i].Items;
            use.HasInline = true;
            for (int k = 1; k < rs.Count; k++) use.Results.Add(ParseValType(rs[k]));
            i++;
        }
        if (i < items.Count && (items[i].IsListOf("param") || items[i].IsListOf("type")))
            throw items[i].Error($"unexpected token {Describe(items[i])}");
        return use;
    }

    /// <summary>The type index a type use denotes: the explicit one (checked against inline declarations),
    /// or the first equal type, appending an implicit definition when none exists (spec text/modules 6.6.5).</summary>
    private uint ResolveTypeUse(TypeUse use, SExpr at)
    {
        if (use.TypeRef is not null)
        {
            if (use.HasInline)
            {
                if (use.TypeIndex >= _types.Count) throw use.TypeRef.Error("unknown type");
                if (!_types[(int)use.TypeIndex].Equals(use.Inline)) throw at.Error("inline function type");
            }
            return use.TypeIndex;
        }
        return FindOrAddType(use.Inline);
    }

    private uint FindOrAddType(FuncType ft)
    {
        int found = _types.IndexOf(ft);
        if (found >= 0) return (uint)found;
        _types.Add(ft);
        return (uint)(_types.Count - 1);
    }

    /// <summary>The function type a resolved type use stands for, or null for an out-of-range index.</summary>
    private FuncType? TypeAt(uint index) => index < _types.Count ? _types[(int)index] : null;

    private static void EncodeLimits(BinaryBuilder b, List<SExpr> items, ref int i, bool isMemory)
    {
        if (i >= items.Count) throw (items.Count > 0 ? items[^1] : null)?.Error("unexpected end of limits") ?? new MalformedException("unexpected end", 0, 0);
        uint min = ParseLimit(items[i++]);
        if (i < items.Count && !items[i].IsList && items[i].Kind == SExprKind.Reserved)
        {
            uint max = ParseLimit(items[i++]);
            b.Byte(1);
            b.U32(min);
            b.U32(max);
        }
        else
        {
            b.Byte(0);
            b.U32(min);
        }
        _ = isMemory;
    }

    private static uint ParseLimit(SExpr tok) => NameSpace.ParseU32(tok);

    private static void EncodeTableType(BinaryBuilder b, List<SExpr> items, ref int i)
    {
        var limits = new BinaryBuilder();
        EncodeLimits(limits, items, ref i, isMemory: false);
        if (i >= items.Count) throw items[^1].Error("unexpected end: missing reference type");
        b.Byte((byte)ParseRefType(items[i++]));
        b.Bytes(limits.AsSpan());
    }

    private static void EncodeGlobalType(BinaryBuilder b, List<SExpr> items, ref int i)
    {
        if (i >= items.Count) throw items[^1].Error("unexpected end: missing global type");
        var t = items[i++];
        if (t.IsListOf("mut"))
        {
            if (t.Items.Count != 2) throw t.Error("unexpected token");
            b.Byte((byte)ParseValType(t.Items[1]));
            b.Byte(1);
        }
        else
        {
            b.Byte((byte)ParseValType(t));
            b.Byte(0);
        }
    }

    private void DefineTable(SExpr field)
    {
        var items = field.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        uint index = _tableIndex++;
        if (TryInlineImport(field, items, ref i, 1, index)) return;
        var b = new BinaryBuilder();
        if (i < items.Count && TryValType(items[i], out var rt) && rt.IsReference())
        {
            // (table reftype (elem …)): limits are the element count (spec text/modules 6.6.7 abbreviations).
            i++;
            if (i >= items.Count || !items[i].IsListOf("elem")) throw field.Error("unexpected token");
            var elem = items[i++];
            ExpectEnd(items, i);
            var seg = ParseElemList(elem.Items, 1, rt, implicitFuncList: true);
            b.Byte((byte)rt);
            b.Byte(1);
            b.U32((uint)seg.Count);
            b.U32((uint)seg.Count);
            _tables.Add(b.ToArray());
            var offset = new BinaryBuilder();
            offset.Byte(WitSharp.Core.Binary.Opcode.I32Const);
            offset.Byte(0);
            offset.Byte(WitSharp.Core.Binary.Opcode.End);
            _elems.Add(EncodeElemSegment(SegmentMode.Active, index, offset.ToArray(), seg));
            return;
        }
        EncodeTableType(b, items, ref i);
        ExpectEnd(items, i);
        _tables.Add(b.ToArray());
    }

    private void DefineMemory(SExpr field)
    {
        var items = field.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        uint index = _memIndex++;
        if (TryInlineImport(field, items, ref i, 2, index)) return;
        var b = new BinaryBuilder();
        if (i < items.Count && items[i].IsListOf("data"))
        {
            // (memory (data …)): min = max = the data's size in pages (spec text/modules 6.6.8).
            var data = items[i++];
            ExpectEnd(items, i);
            var bytes = ConcatStrings(data.Items, 1);
            uint pages = (uint)((bytes.Length + 65535L) / 65536);
            b.Byte(1);
            b.U32(pages);
            b.U32(pages);
            _memories.Add(b.ToArray());
            var seg = new BinaryBuilder();
            if (index == 0) seg.Byte(0);
            else
            {
                seg.Byte(2);
                seg.U32(index);
            }
            seg.Byte(WitSharp.Core.Binary.Opcode.I32Const);
            seg.Byte(0);
            seg.Byte(WitSharp.Core.Binary.Opcode.End);
            seg.Vec(bytes);
            _datas.Add(seg.ToArray());
            return;
        }
        EncodeLimits(b, items, ref i, isMemory: true);
        ExpectEnd(items, i);
        _memories.Add(b.ToArray());
    }

    private void DefineGlobal(SExpr field)
    {
        var items = field.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        uint index = _globalIndex++;
        if (TryInlineImport(field, items, ref i, 3, index)) return;
        var b = new BinaryBuilder();
        EncodeGlobalType(b, items, ref i);
        b.Bytes(EncodeConstExpr(items, i, items.Count));
        _globals.Add(b.ToArray());
    }
}
