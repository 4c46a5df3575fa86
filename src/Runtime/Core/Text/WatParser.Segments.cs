using WitSharp.Core.Binary;

namespace WitSharp.Core.Text;

/// <summary>Element and data segments, offsets and constant expressions (spec text/modules 6.6.9–6.6.12).</summary>
internal sealed partial class WatParser
{
    /// <summary>An element list. <see cref="FuncIndices"/> is set when every item is a plain function
    /// reference, so the compact <c>elemkind</c> encodings can be used (as wabt does).</summary>
    private sealed class ElemList
    {
        public ValType Type = ValType.FuncRef;
        public List<uint>? FuncIndices;
        public List<byte[]> Exprs { get; } = [];
        public int Count => FuncIndices?.Count ?? Exprs.Count;
    }

    private void DefineElem(SExpr field)
    {
        var items = field.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        if (i < items.Count && items[i].IsKeyword("declare"))
        {
            _elems.Add(EncodeElemSegment(SegmentMode.Declarative, 0, null, ParseElemList(items, i + 1, null, implicitFuncList: false)));
            return;
        }
        uint table = 0;
        bool active = false;
        if (i < items.Count && items[i].IsListOf("table"))
        {
            var t = items[i++];
            if (t.Items.Count != 2) throw t.Error("unexpected token");
            table = _tableNames.Resolve(t.Items[1]);
            active = true;
            if (i >= items.Count || !items[i].IsList) throw field.Error("unexpected token: missing offset");
        }
        if (i < items.Count && items[i].IsList && !items[i].IsListOf("item"))
        {
            var offset = ParseOffset(items[i++]);
            _elems.Add(EncodeElemSegment(SegmentMode.Active, table, offset, ParseElemList(items, i, ValType.FuncRef, implicitFuncList: true)));
            return;
        }
        if (active) throw field.Error("unexpected token");
        _elems.Add(EncodeElemSegment(SegmentMode.Passive, 0, null, ParseElemList(items, i, null, implicitFuncList: false)));
    }

    /// <summary>Reads <c>func x*</c>, <c>reftype elemexpr*</c>, or (in active and inline-table forms)
    /// a bare list of function indices or element expressions.</summary>
    private ElemList ParseElemList(List<SExpr> items, int i, ValType? implicitType, bool implicitFuncList)
    {
        var list = new ElemList();
        bool exprs;
        if (i < items.Count && items[i].IsKeyword("func"))
        {
            i++;
            exprs = false;
        }
        else if (i < items.Count && TryValType(items[i], out var rt))
        {
            if (!rt.IsReference()) throw items[i].Error($"unexpected token {items[i].Text}");
            list.Type = rt;
            i++;
            exprs = true;
        }
        else if (implicitFuncList)
        {
            list.Type = implicitType ?? ValType.FuncRef;
            exprs = i < items.Count && items[i].IsList;
        }
        else
        {
            throw (i < items.Count ? items[i] : items[0]).Error("unexpected token: expected element type");
        }
        if (!exprs)
        {
            list.FuncIndices = [];
            for (; i < items.Count; i++)
            {
                if (items[i].IsList) throw items[i].Error("unexpected token");
                list.FuncIndices.Add(_funcNames.Resolve(items[i]));
            }
            return list;
        }
        for (; i < items.Count; i++)
        {
            var e = items[i];
            if (!e.IsList) throw e.Error($"unexpected token {e.Text}");
            list.Exprs.Add(e.IsListOf("item") ? EncodeConstExpr(e.Items, 1, e.Items.Count) : EncodeConstExpr(items, i, i + 1));
        }
        if (list.Type == ValType.FuncRef)
        {
            var funcs = new List<uint>();
            foreach (var x in list.Exprs)
            {
                if (!TryPlainRefFunc(x, out uint f)) return list;
                funcs.Add(f);
            }
            list.FuncIndices = funcs;
        }
        return list;
    }

    /// <summary>Recognises the encoded expression <c>ref.func x end</c>.</summary>
    private static bool TryPlainRefFunc(byte[] expr, out uint func)
    {
        func = 0;
        if (expr.Length < 3 || expr[0] != Opcode.RefFunc || expr[^1] != Opcode.End) return false;
        int shift = 0;
        int k = 1;
        for (; k < expr.Length - 1; k++)
        {
            func |= (uint)(expr[k] & 0x7F) << shift;
            shift += 7;
            if ((expr[k] & 0x80) == 0) break;
        }
        return k == expr.Length - 2;
    }

    /// <summary>Encodes an element segment with the smallest of the eight binary forms (spec binary/modules 5.5.12).</summary>
    private static byte[] EncodeElemSegment(SegmentMode mode, uint table, byte[]? offset, ElemList list)
    {
        bool useExprs = list.FuncIndices is null;
        int flags = mode switch
        {
            SegmentMode.Passive => 1,
            SegmentMode.Declarative => 3,
            _ => table != 0 || (useExprs && list.Type != ValType.FuncRef) ? 2 : 0,
        };
        if (useExprs) flags |= 4;
        var b = new BinaryBuilder();
        b.U32((uint)flags);
        if (flags is 2 or 6) b.U32(table);
        if ((flags & 1) == 0) b.Bytes(offset);
        if ((flags & 3) != 0) b.Byte(useExprs ? (byte)list.Type : (byte)0);
        if (useExprs)
        {
            b.U32((uint)list.Exprs.Count);
            foreach (var e in list.Exprs) b.Bytes(e);
        }
        else
        {
            b.U32((uint)list.FuncIndices!.Count);
            foreach (var f in list.FuncIndices) b.U32(f);
        }
        return b.ToArray();
    }

    /// <summary><c>(offset instr*)</c> or its abbreviation, a single folded instruction.</summary>
    private byte[] ParseOffset(SExpr e)
    {
        if (e.IsListOf("offset")) return EncodeConstExpr(e.Items, 1, e.Items.Count);
        return EncodeConstExpr([e], 0, 1);
    }

    private void DefineData(SExpr field)
    {
        var items = field.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        var b = new BinaryBuilder();
        uint mem = 0;
        bool explicitMem = false;
        if (i < items.Count && items[i].IsListOf("memory"))
        {
            var m = items[i++];
            if (m.Items.Count != 2) throw m.Error("unexpected token");
            mem = _memNames.Resolve(m.Items[1]);
            explicitMem = true;
            if (i >= items.Count || !items[i].IsList) throw field.Error("unexpected token: missing offset");
        }
        if (i < items.Count && items[i].IsList)
        {
            var offset = ParseOffset(items[i++]);
            if (mem == 0) b.Byte(0);
            else
            {
                b.Byte(2);
                b.U32(mem);
            }
            b.Bytes(offset);
        }
        else
        {
            if (explicitMem) throw field.Error("unexpected token");
            b.Byte(1);
        }
        b.Vec(ConcatStrings(items, i));
        _datas.Add(b.ToArray());
    }

    /// <summary>Encodes <c>items[from..to)</c> as a constant expression, including the final <c>end</c>.
    /// Whether it is actually constant is for validation to decide.</summary>
    private byte[] EncodeConstExpr(List<SExpr> items, int from, int to)
    {
        var ctx = new FuncContext(new Dictionary<string, uint>(StringComparer.Ordinal));
        int i = from;
        var slice = from == 0 && to == items.Count ? items : items.GetRange(from, to - from);
        i = 0;
        ParseInstrs(slice, ref i, ctx);
        if (i < slice.Count) throw slice[i].Error($"unexpected token {Describe(slice[i])}");
        ctx.Out.Byte(Opcode.End);
        return ctx.Out.ToArray();
    }
}
