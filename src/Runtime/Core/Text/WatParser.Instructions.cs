using WitSharp.Core.Binary;

namespace WitSharp.Core.Text;

/// <summary>Function bodies and instructions, plain and folded (spec text/instructions).</summary>
internal sealed partial class WatParser
{
    /// <summary>Per-body state: local names, the label stack (innermost last; the function body itself
    /// is the outermost label) and the output.</summary>
    private sealed class FuncContext(Dictionary<string, uint> locals)
    {
        public Dictionary<string, uint> Locals { get; } = locals;
        public List<string?> Labels { get; } = [null];
        public BinaryBuilder Out { get; } = new();
    }

    private byte[] EncodeFunctionBody(List<SExpr> items, int i, TypeUse use, uint typeIndex)
    {
        var names = new Dictionary<string, uint>(StringComparer.Ordinal);
        uint localIndex = 0;
        if (use.HasInline)
        {
            foreach (var id in use.ParamIds) BindLocal(names, id, localIndex++);
        }
        else
        {
            localIndex = (uint)(TypeAt(typeIndex)?.Params.Length ?? 0);
        }
        var locals = new List<ValType>();
        while (i < items.Count && items[i].IsListOf("local"))
        {
            var l = items[i++].Items;
            if (l.Count > 1 && l[1].Kind == SExprKind.Id)
            {
                if (l.Count != 3) throw l[0].Error("unexpected token");
                BindLocal(names, l[1], localIndex++);
                locals.Add(ParseValType(l[2]));
            }
            else
            {
                for (int k = 1; k < l.Count; k++)
                {
                    locals.Add(ParseValType(l[k]));
                    localIndex++;
                }
            }
        }
        var ctx = new FuncContext(names);
        ParseInstrs(items, ref i, ctx);
        if (i < items.Count) throw items[i].Error($"unexpected token {Describe(items[i])}");
        ctx.Out.Byte(Opcode.End);

        var body = new BinaryBuilder();
        // Locals are run-length encoded: consecutive equal types share one group (spec binary/modules 5.5.13).
        var groups = new List<(uint Count, ValType Type)>();
        foreach (var t in locals)
        {
            if (groups.Count > 0 && groups[^1].Type == t) groups[^1] = (groups[^1].Count + 1, t);
            else groups.Add((1, t));
        }
        body.U32((uint)groups.Count);
        foreach (var (count, type) in groups)
        {
            body.U32(count);
            body.Byte((byte)type);
        }
        body.Bytes(ctx.Out.AsSpan());
        return body.ToArray();
    }

    private static void BindLocal(Dictionary<string, uint> names, SExpr? id, uint index)
    {
        if (id is null) return;
        if (!names.TryAdd(id.Text, index)) throw id.Error($"duplicate local {id.Text}");
    }

    /// <summary>Reads instructions until the end of <paramref name="items"/> or a bare <c>end</c>/<c>else</c>,
    /// which the enclosing block consumes.</summary>
    private void ParseInstrs(List<SExpr> items, ref int i, FuncContext c)
    {
        while (i < items.Count)
        {
            var it = items[i];
            if (it.IsList)
            {
                ParseFolded(it, c);
                i++;
                continue;
            }
            if (it.Kind == SExprKind.Keyword && it.Text is "end" or "else") return;
            ParsePlain(items, ref i, c);
        }
    }

    private static InstrInfo Lookup(SExpr tok)
    {
        if (tok.Kind == SExprKind.Keyword && InstructionTable.TryGet(tok.Text, out var info)) return info;
        throw tok.Error(tok.Kind is SExprKind.Keyword or SExprKind.Reserved ? $"unknown operator {tok.Text}" : $"unexpected token {Describe(tok)}");
    }

    private void ParsePlain(List<SExpr> items, ref int i, FuncContext c)
    {
        var tok = items[i++];
        var info = Lookup(tok);
        if (info.Kind is ImmKind.Block or ImmKind.Loop or ImmKind.If)
        {
            var label = i < items.Count && items[i].Kind == SExprKind.Id ? items[i++] : null;
            var bt = ParseBlockType(items, ref i);
            c.Out.Byte((byte)info.Code);
            c.Out.Bytes(bt);
            c.Labels.Add(label?.Text);
            ParseInstrs(items, ref i, c);
            if (info.Kind == ImmKind.If && i < items.Count && items[i].IsKeyword("else"))
            {
                i++;
                CheckEndLabel(items, ref i, label);
                c.Out.Byte(Opcode.Else);
                ParseInstrs(items, ref i, c);
            }
            if (i >= items.Count || !items[i].IsKeyword("end"))
                throw (i < items.Count ? items[i] : tok).Error(i < items.Count ? $"unexpected token {Describe(items[i])}" : "unexpected end of block (missing end)");
            i++;
            CheckEndLabel(items, ref i, label);
            c.Labels.RemoveAt(c.Labels.Count - 1);
            c.Out.Byte(Opcode.End);
            return;
        }
        EncodeInstr(tok, info, items, ref i, c, c.Out);
    }

    private static void CheckEndLabel(List<SExpr> items, ref int i, SExpr? label)
    {
        if (i < items.Count && items[i].Kind == SExprKind.Id)
        {
            if (label is null || label.Text != items[i].Text) throw items[i].Error("mismatching label");
            i++;
        }
    }

    private void ParseFolded(SExpr e, FuncContext c)
    {
        var items = e.Items;
        if (items.Count == 0 || items[0].Kind != SExprKind.Keyword) throw e.Error($"unexpected token {Describe(e)}");
        // A function's fields (type use, locals, exports) after its first instruction are out of place,
        // not unknown instructions (spec text/modules: fields precede the body).
        if (items[0].Text is "param" or "result" or "local" or "type" or "export" or "import") throw e.Error($"unexpected token {Describe(e)}");
        var info = Lookup(items[0]);
        int i = 1;
        if (info.Kind is ImmKind.Block or ImmKind.Loop)
        {
            var label = i < items.Count && items[i].Kind == SExprKind.Id ? items[i++] : null;
            var bt = ParseBlockType(items, ref i);
            c.Out.Byte((byte)info.Code);
            c.Out.Bytes(bt);
            c.Labels.Add(label?.Text);
            ParseInstrs(items, ref i, c);
            if (i < items.Count) throw items[i].Error($"unexpected token {items[i].Text}");
            c.Labels.RemoveAt(c.Labels.Count - 1);
            c.Out.Byte(Opcode.End);
            return;
        }
        if (info.Kind == ImmKind.If)
        {
            var label = i < items.Count && items[i].Kind == SExprKind.Id ? items[i++] : null;
            var bt = ParseBlockType(items, ref i);
            while (i < items.Count && items[i].IsList && !items[i].IsListOf("then")) ParseFolded(items[i++], c);
            if (i >= items.Count || !items[i].IsListOf("then")) throw (i < items.Count ? items[i] : e).Error("unexpected token: expected (then …)");
            var then = items[i++];
            c.Out.Byte(Opcode.If);
            c.Out.Bytes(bt);
            c.Labels.Add(label?.Text);
            int j = 1;
            ParseInstrs(then.Items, ref j, c);
            if (j < then.Items.Count) throw then.Items[j].Error($"unexpected token {then.Items[j].Text}");
            if (i < items.Count && items[i].IsListOf("else"))
            {
                var els = items[i++];
                c.Out.Byte(Opcode.Else);
                j = 1;
                ParseInstrs(els.Items, ref j, c);
                if (j < els.Items.Count) throw els.Items[j].Error($"unexpected token {els.Items[j].Text}");
            }
            if (i < items.Count) throw items[i].Error($"unexpected token {Describe(items[i])}");
            c.Labels.RemoveAt(c.Labels.Count - 1);
            c.Out.Byte(Opcode.End);
            return;
        }
        // (op immediates… operands…): the operands are evaluated first, so the op is emitted after them.
        var op = new BinaryBuilder();
        EncodeInstr(items[0], info, items, ref i, c, op);
        for (; i < items.Count; i++)
        {
            if (!items[i].IsList) throw items[i].Error($"unexpected token {items[i].Text}");
            ParseFolded(items[i], c);
        }
        c.Out.Bytes(op.AsSpan());
    }

    /// <summary>A block type (spec text/instructions 6.5.2): empty, one result value type, or a type index
    /// (explicit or implicit for parameters and multiple results). Encoded as wabt does: a use whose type
    /// has no parameters and at most one result is written as a value type.</summary>
    private byte[] ParseBlockType(List<SExpr> items, ref int i)
    {
        var use = ParseTypeUse(items, ref i, allowNames: false);
        FuncType? ft;
        uint index = 0;
        if (use.TypeRef is not null)
        {
            index = ResolveTypeUse(use, items[0]);
            ft = TypeAt(index);
        }
        else ft = use.Inline;
        var b = new BinaryBuilder();
        if (ft is not null && ft.Params.Length == 0 && ft.Results.Length <= 1)
        {
            b.Byte(ft.Results.Length == 0 ? (byte)0x40 : (byte)ft.Results[0]);
            return b.ToArray();
        }
        if (use.TypeRef is null) index = FindOrAddType(ft!);
        b.S64(index);
        return b.ToArray();
    }

    private uint ResolveLabel(SExpr tok, FuncContext c)
    {
        if (tok.Kind == SExprKind.Id)
        {
            for (int k = c.Labels.Count - 1; k >= 0; k--)
            {
                if (c.Labels[k] == tok.Text) return (uint)(c.Labels.Count - 1 - k);
            }
            throw tok.Error($"unknown label {tok.Text}");
        }
        return NameSpace.ParseU32(tok);
    }

    private static uint ResolveLocal(SExpr tok, FuncContext c)
    {
        if (tok.Kind == SExprKind.Id)
        {
            if (c.Locals.TryGetValue(tok.Text, out uint i)) return i;
            throw tok.Error($"unknown local {tok.Text}");
        }
        return NameSpace.ParseU32(tok);
    }

    private static SExpr Next(List<SExpr> items, ref int i, SExpr after)
    {
        if (i >= items.Count || items[i].IsList) throw (i < items.Count ? items[i] : after).Error($"unexpected token: {after.Text} needs an immediate");
        return items[i++];
    }

    private static bool NextIsIndex(List<SExpr> items, int i) => i < items.Count && !items[i].IsList && NameSpace.IsIndex(items[i]);

    /// <summary>Writes the opcode and reads and writes the immediates of a non-block instruction.</summary>
    private void EncodeInstr(SExpr tok, InstrInfo info, List<SExpr> items, ref int i, FuncContext c, BinaryBuilder o)
    {
        if (info.Prefix != 0)
        {
            o.Byte(info.Prefix);
            o.U32(info.Code);
        }
        else o.Byte((byte)info.Code);
        switch (info.Kind)
        {
            case ImmKind.None:
                break;
            case ImmKind.Label:
                o.U32(ResolveLabel(Next(items, ref i, tok), c));
                break;
            case ImmKind.BrTable:
                {
                    var labels = new List<uint>();
                    while (NextIsIndex(items, i)) labels.Add(ResolveLabel(items[i++], c));
                    if (labels.Count == 0) throw tok.Error("unexpected token: br_table needs a label");
                    o.U32((uint)labels.Count - 1);
                    foreach (var l in labels) o.U32(l);
                    break;
                }
            case ImmKind.Func:
                o.U32(_funcNames.Resolve(Next(items, ref i, tok)));
                break;
            case ImmKind.CallIndirect:
                {
                    uint table = NextIsIndex(items, i) ? _tableNames.Resolve(items[i++]) : 0;
                    var use = ParseTypeUse(items, ref i, allowNames: false);
                    o.U32(ResolveTypeUse(use, tok));
                    o.U32(table);
                    break;
                }
            case ImmKind.Local:
                o.U32(ResolveLocal(Next(items, ref i, tok), c));
                break;
            case ImmKind.Global:
                o.U32(_globalNames.Resolve(Next(items, ref i, tok)));
                break;
            case ImmKind.Table:
                o.U32(NextIsIndex(items, i) ? _tableNames.Resolve(items[i++]) : 0);
                break;
            case ImmKind.TableCopy:
                {
                    uint dst = 0, src = 0;
                    if (NextIsIndex(items, i))
                    {
                        dst = _tableNames.Resolve(items[i++]);
                        src = _tableNames.Resolve(Next(items, ref i, tok));
                    }
                    o.U32(dst);
                    o.U32(src);
                    break;
                }
            case ImmKind.TableInit:
                {
                    var first = Next(items, ref i, tok);
                    if (NextIsIndex(items, i))
                    {
                        uint table = _tableNames.Resolve(first);
                        o.U32(_elemNames.Resolve(items[i++]));
                        o.U32(table);
                    }
                    else
                    {
                        o.U32(_elemNames.Resolve(first));
                        o.U32(0);
                    }
                    break;
                }
            case ImmKind.Elem:
                o.U32(_elemNames.Resolve(Next(items, ref i, tok)));
                break;
            case ImmKind.Data:
                _usesDataCount = true;
                o.U32(_dataNames.Resolve(Next(items, ref i, tok)));
                break;
            case ImmKind.MemoryInit:
                _usesDataCount = true;
                o.U32(_dataNames.Resolve(Next(items, ref i, tok)));
                o.Byte(0);
                break;
            case ImmKind.Memory:
                o.Byte(0);
                break;
            case ImmKind.MemoryCopy:
                o.Byte(0);
                o.Byte(0);
                break;
            case ImmKind.Memarg:
                EncodeMemarg(items, ref i, info.NaturalAlign, o);
                break;
            case ImmKind.I32:
                o.S32((int)(uint)NumericLiterals.ParseInt(Next(items, ref i, tok), 32));
                break;
            case ImmKind.I64:
                o.S64((long)NumericLiterals.ParseInt(Next(items, ref i, tok), 64));
                break;
            case ImmKind.F32:
                o.U32Fixed(NumericLiterals.ParseF32(Next(items, ref i, tok)));
                break;
            case ImmKind.F64:
                o.U64Fixed(NumericLiterals.ParseF64(Next(items, ref i, tok)));
                break;
            case ImmKind.RefNull:
                {
                    var ht = Next(items, ref i, tok);
                    o.Byte(ht.Text switch
                    {
                        "func" => (byte)ValType.FuncRef,
                        "extern" => (byte)ValType.ExternRef,
                        _ => throw ht.Error($"unexpected token {ht.Text}"),
                    });
                    break;
                }
            case ImmKind.Select:
                {
                    var types = new List<ValType>();
                    bool typed = false;
                    while (i < items.Count && items[i].IsListOf("result"))
                    {
                        typed = true;
                        var r = items[i++].Items;
                        for (int k = 1; k < r.Count; k++) types.Add(ParseValType(r[k]));
                    }
                    if (typed)
                    {
                        // Rewrite the opcode: select with types is 0x1C (spec binary/instructions 5.4.3).
                        o.Truncate(o.Length - 1);
                        o.Byte(Opcode.SelectTyped);
                        o.U32((uint)types.Count);
                        foreach (var t in types) o.Byte((byte)t);
                    }
                    break;
                }
            default:
                EncodeSimdImmediates(tok, info, items, ref i, o);
                break;
        }
    }

    /// <summary><c>offset=n</c>? <c>align=n</c>? (spec text/instructions 6.5.5); alignment is stored as its log2.</summary>
    private static void EncodeMemarg(List<SExpr> items, ref int i, byte naturalAlign, BinaryBuilder o)
    {
        ulong offset = 0;
        uint alignLog = naturalAlign;
        if (i < items.Count && items[i].Kind == SExprKind.Keyword && items[i].Text.StartsWith("offset=", StringComparison.Ordinal))
        {
            var tok = items[i++];
            string v = tok.Text["offset=".Length..];
            if (!NumericLiterals.TryParseUnsigned(v, out offset, out bool overflow) || offset > uint.MaxValue)
                throw tok.Error(overflow || offset > uint.MaxValue ? "i32 constant out of range" : $"unknown operator {tok.Text}");
        }
        if (i < items.Count && items[i].Kind == SExprKind.Keyword && items[i].Text.StartsWith("align=", StringComparison.Ordinal))
        {
            var tok = items[i++];
            string v = tok.Text["align=".Length..];
            if (!NumericLiterals.TryParseUnsigned(v, out ulong align, out bool overflow) || align > uint.MaxValue)
                throw tok.Error(overflow || align > uint.MaxValue ? "constant out of range" : $"unknown operator {tok.Text}");
            if (align == 0 || (align & (align - 1)) != 0) throw tok.Error("alignment must be a power of two");
            alignLog = (uint)System.Numerics.BitOperations.Log2(align);
        }
        o.U32(alignLog);
        o.U64(offset);
    }
}
