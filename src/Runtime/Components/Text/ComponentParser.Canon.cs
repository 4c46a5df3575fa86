using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>Canonical definitions (Explainer.md "Canonical definitions"; Binary.md "Canonical Definitions"):
/// <c>canon lift</c> produces a component function, every other built-in a core function.</summary>
internal sealed partial class ComponentParser
{
    private enum CanonShape : byte
    {
        None,
        Type,
        TypeOpts,
        TypeAsync,
        Opts,
        Async,
        Cancel,
        CancelMemory,
        Context,
        TaskReturn,
        NewIndirect,
        SpawnRef,
        SpawnIndirect,
        Shared,
    }

    private static readonly Dictionary<string, (byte Op, CanonShape Shape)> s_builtins = new(StringComparer.Ordinal)
    {
        ["resource.new"] = (0x02, CanonShape.Type),
        ["resource.drop"] = (0x03, CanonShape.Type),
        ["resource.rep"] = (0x04, CanonShape.Type),
        ["task.cancel"] = (0x05, CanonShape.None),
        ["subtask.cancel"] = (0x06, CanonShape.Async),
        ["backpressure.set"] = (0x08, CanonShape.None),
        ["task.return"] = (0x09, CanonShape.TaskReturn),
        ["context.get"] = (0x0a, CanonShape.Context),
        ["context.set"] = (0x0b, CanonShape.Context),
        ["thread.yield"] = (0x0c, CanonShape.Cancel),
        ["subtask.drop"] = (0x0d, CanonShape.None),
        ["stream.new"] = (0x0e, CanonShape.Type),
        ["stream.read"] = (0x0f, CanonShape.TypeOpts),
        ["stream.write"] = (0x10, CanonShape.TypeOpts),
        ["stream.cancel-read"] = (0x11, CanonShape.TypeAsync),
        ["stream.cancel-write"] = (0x12, CanonShape.TypeAsync),
        ["stream.drop-readable"] = (0x13, CanonShape.Type),
        ["stream.drop-writable"] = (0x14, CanonShape.Type),
        ["future.new"] = (0x15, CanonShape.Type),
        ["future.read"] = (0x16, CanonShape.TypeOpts),
        ["future.write"] = (0x17, CanonShape.TypeOpts),
        ["future.cancel-read"] = (0x18, CanonShape.TypeAsync),
        ["future.cancel-write"] = (0x19, CanonShape.TypeAsync),
        ["future.drop-readable"] = (0x1a, CanonShape.Type),
        ["future.drop-writable"] = (0x1b, CanonShape.Type),
        ["error-context.new"] = (0x1c, CanonShape.Opts),
        ["error-context.debug-message"] = (0x1d, CanonShape.Opts),
        ["error-context.drop"] = (0x1e, CanonShape.None),
        ["waitable-set.new"] = (0x1f, CanonShape.None),
        ["waitable-set.wait"] = (0x20, CanonShape.CancelMemory),
        ["waitable-set.poll"] = (0x21, CanonShape.CancelMemory),
        ["waitable-set.drop"] = (0x22, CanonShape.None),
        ["waitable.join"] = (0x23, CanonShape.None),
        ["backpressure.inc"] = (0x24, CanonShape.None),
        ["backpressure.dec"] = (0x25, CanonShape.None),
        ["thread.index"] = (0x26, CanonShape.None),
        ["thread.new-indirect"] = (0x27, CanonShape.NewIndirect),
        ["thread.resume-later"] = (0x28, CanonShape.None),
        ["thread.suspend"] = (0x29, CanonShape.Cancel),
        ["thread.suspend-then-resume"] = (0x2a, CanonShape.Cancel),
        ["thread.yield-then-resume"] = (0x2b, CanonShape.Cancel),
        ["thread.suspend-then-promote"] = (0x2c, CanonShape.Cancel),
        ["thread.yield-then-promote"] = (0x2d, CanonShape.Cancel),
        ["thread.spawn-ref"] = (0x40, CanonShape.SpawnRef),
        ["thread.spawn-indirect"] = (0x41, CanonShape.SpawnIndirect),
        ["thread.available-parallelism"] = (0x42, CanonShape.Shared),
    };

    private void CanonField(SExpr f)
    {
        uint idx = Canon(f, null, out var sort, out var id);
        _s.Bind(sort, id, idx);
    }

    /// <summary>Emits the canonical definition <paramref name="form"/> and returns the new index.
    /// <paramref name="liftType"/> is the type from the <c>(func (type …) (canon lift …))</c> abbreviation;
    /// <paramref name="id"/> the identifier of the long form's trailing <c>(func $id …)</c> / <c>(core func $id)</c>.</summary>
    private uint Canon(SExpr form, uint? liftType, out TextSort produced, out SExpr? id)
    {
        if (_s.Kind != ScopeKind.Component) throw form.Error("canonical definitions are only allowed in components");
        var items = form.Items;
        var op = items.Count > 1 && items[1].Kind == SExprKind.Keyword ? items[1].Text : throw form.Error("expected a canonical built-in name");
        id = null;
        int end = items.Count;
        var last = items[^1];
        var b = new List<byte>();
        if (op == "lift")
        {
            produced = TextSort.Func;
            uint? type = liftType;
            if (end > 3 && last.IsListOf("func"))
            {
                end--;
                var lc = new FieldCursor(last, 1);
                id = lc.TakeId();
                var coreFunc0 = BareOrItemRef(TextSort.CoreFunc, items[2]);
                var opts0 = Options(form, 3, end);
                type = FuncTypeUse(lc, last);
                b.AddRange([0x00, 0x00]);
                b.U32(coreFunc0);
                b.AddRange(opts0);
                b.U32(type.Value);
                return Emit(TextSort.Func, 8, 0, b, form);
            }
            if (type is null) throw form.Error("canon lift needs a function type: (func $id? (type $t))");
            if (items.Count < 3) throw form.Error("canon lift needs a core function");
            b.AddRange([0x00, 0x00]);
            b.U32(BareOrItemRef(TextSort.CoreFunc, items[2]));
            b.AddRange(Options(form, 3, end));
            b.U32(type.Value);
            return Emit(TextSort.Func, 8, 0, b, form);
        }
        produced = TextSort.CoreFunc;
        if (last.IsListOf("core") && last.Items.Count >= 2 && last.Items[1].IsKeyword("func") && end > (op == "lower" ? 3 : 2))
        {
            end--;
            var lc = new FieldCursor(last, 2);
            id = lc.TakeId();
            lc.End();
        }
        if (op == "lower")
        {
            if (end < 3) throw form.Error("canon lower needs a function");
            b.AddRange([0x01, 0x00]);
            b.U32(BareOrItemRef(TextSort.Func, items[2]));
            b.AddRange(Options(form, 3, end));
            return Emit(TextSort.CoreFunc, 8, 0, b, form);
        }
        if (!s_builtins.TryGetValue(op, out var bi)) throw items[1].Error($"unknown canonical built-in {op}");
        var c = new FieldCursor(form, 2);
        byte opcode = bi.Op;
        switch (bi.Shape)
        {
            case CanonShape.None:
                break;
            case CanonShape.Type:
                uint t = BareOrItemRef(TextSort.Type, c.Next("a type index"));
                if (op == "resource.drop" && c.Pos < end && items[c.Pos].IsKeyword("async")) { c.Pos++; opcode = 0x07; }
                b.Add(opcode);
                b.U32(t);
                break;
            case CanonShape.TypeOpts:
                b.Add(opcode);
                b.U32(BareOrItemRef(TextSort.Type, c.Next("a type index")));
                b.AddRange(Options(form, c.Pos, end));
                c.Pos = end;
                break;
            case CanonShape.TypeAsync:
                b.Add(opcode);
                b.U32(BareOrItemRef(TextSort.Type, c.Next("a type index")));
                b.Add(Flag(c, end, "async"));
                break;
            case CanonShape.Opts:
                b.Add(opcode);
                b.AddRange(Options(form, 2, end));
                c.Pos = end;
                break;
            case CanonShape.Async:
                b.Add(opcode);
                b.Add(Flag(c, end, "async"));
                break;
            case CanonShape.Cancel:
                b.Add(opcode);
                b.Add(Flag(c, end, "cancellable"));
                break;
            case CanonShape.CancelMemory:
                b.Add(opcode);
                b.Add(Flag(c, end, "cancellable"));
                var mem = c.List("(memory $m)");
                if (!mem.IsListOf("memory") || mem.Items.Count < 2) throw mem.Error("expected (memory $m)");
                b.U32(OptionRef(TextSort.CoreMemory, mem));
                break;
            case CanonShape.Context:
                b.Add(opcode);
                b.Add(CoreValType(c.Next("a core value type")));
                b.U32(ParseU32(c.Next("a slot index")));
                break;
            case CanonShape.TaskReturn:
                b.Add(opcode);
                if (c.Pos < end && items[c.Pos].IsListOf("result"))
                {
                    var r = items[c.Pos++];
                    if (r.Items.Count != 2) throw r.Error("expected (result type)");
                    b.Add(0x00);
                    ValType(b, r.Items[1]);
                }
                else b.AddRange([0x01, 0x00]);
                b.AddRange(Options(form, c.Pos, end));
                c.Pos = end;
                break;
            case CanonShape.NewIndirect:
            case CanonShape.SpawnRef:
            case CanonShape.SpawnIndirect:
            case CanonShape.Shared:
                b.Add(opcode);
                if (bi.Shape != CanonShape.NewIndirect) b.Add(Flag(c, end, "shared"));
                if (bi.Shape == CanonShape.Shared) break;
                b.U32(BareOrItemRef(TextSort.CoreType, c.Next("a core type index")));
                if (bi.Shape == CanonShape.SpawnRef) break;
                var tbl = c.Next("(table $t)");
                b.U32(tbl.IsListOf("table") && tbl.Items.Count == 2 ? BareOrItemRef(TextSort.CoreTable, tbl.Items[1]) : BareOrItemRef(TextSort.CoreTable, tbl));
                break;
        }
        if (bi.Shape == CanonShape.None) b.Add(opcode);
        if (c.Pos < end) throw items[c.Pos].Error($"unexpected {WatParser.Describe(items[c.Pos])} in canon {op}");
        return Emit(TextSort.CoreFunc, 8, 0, b, form);
    }

    private static byte Flag(FieldCursor c, int end, string kw)
    {
        if (c.Pos < end && c.Items[c.Pos].IsKeyword(kw)) { c.Pos++; return 1; }
        return 0;
    }

    /// <summary><c>opts</c> (Binary.md canonopt): string encodings, memory, realloc, post-return, async, callback.</summary>
    private List<byte> Options(SExpr form, int from, int end)
    {
        var opts = new List<byte[]>();
        for (int i = from; i < end; i++)
        {
            var o = form.Items[i];
            var x = new List<byte>();
            if (o.Kind == SExprKind.Keyword)
            {
                x.Add(o.Text switch
                {
                    "string-encoding=utf8" => 0x00,
                    "string-encoding=utf16" => 0x01,
                    "string-encoding=latin1+utf16" => 0x02,
                    "async" => 0x06,
                    _ => throw o.Error($"unknown canonical option {o.Text}"),
                });
            }
            else if (o.IsList && o.Items.Count >= 2)
            {
                switch (o.Head)
                {
                    case "memory": x.Add(0x03); x.U32(OptionRef(TextSort.CoreMemory, o)); break;
                    case "realloc": x.Add(0x04); x.U32(OptionRef(TextSort.CoreFunc, o)); break;
                    case "post-return": x.Add(0x05); x.U32(OptionRef(TextSort.CoreFunc, o)); break;
                    case "callback": x.Add(0x07); x.U32(OptionRef(TextSort.CoreFunc, o)); break;
                    default: throw o.Error($"unknown canonical option {WatParser.Describe(o)}");
                }
            }
            else throw o.Error($"unknown canonical option {WatParser.Describe(o)}");
            opts.Add([.. x]);
        }
        var b = new List<byte>();
        b.Vec(opts);
        return b;
    }

    /// <summary>The operand of <c>(memory …)</c> / <c>(realloc …)</c>: <c>$m</c>, <c>$i "name"</c> or <c>(core memory $m)</c>.</summary>
    private uint OptionRef(TextSort sort, SExpr o)
    {
        if (o.Items[1].IsList)
        {
            if (o.Items.Count != 2) throw o.Error($"malformed ({o.Head} …)");
            return BareOrItemRef(sort, o.Items[1]);
        }
        var c = new FieldCursor(o, 1);
        uint idx = ResolveRef(sort, c);
        c.End();
        return idx;
    }

    /// <summary><c>(func $id? (export "n")* …)</c>: an inline import, an inline alias, or the
    /// <c>(func typeuse (canon lift …))</c> abbreviation.</summary>
    private void FuncField(SExpr f)
    {
        if (_s.Kind != ScopeKind.Component) throw f.Error("functions can only be defined in components");
        var c = new FieldCursor(f, 1);
        var id = c.TakeId();
        var exports = c.InlineExports();
        uint idx;
        if (c.InlineImport() is { } imp)
        {
            var desc = new List<byte> { 0x01 };
            desc.U32(FuncTypeUse(c, f));
            idx = EmitImport(imp, desc, TextSort.Func);
        }
        else if (c.Peek is { } p && p.IsListOf("alias"))
        {
            c.Pos++;
            c.End();
            idx = AliasBody(p, 1, TextSort.Func);
        }
        else
        {
            var body = f.Items[^1];
            if (!body.IsListOf("canon")) throw body.Error("expected (canon lift …), (alias …) or (import …)");
            var typeUse = new SExpr(SExprKind.List, "", f.Line, f.Column, f.Start) { Items = f.Items.GetRange(c.Pos, f.Items.Count - 1 - c.Pos) };
            uint type = FuncTypeUse(new FieldCursor(typeUse, 0), f);
            idx = Canon(body, type, out var sort, out _);
            if (sort != TextSort.Func) throw body.Error("only canon lift produces a component function");
        }
        _s.Bind(TextSort.Func, id, idx);
        EmitInlineExports(exports, TextSort.Func, idx);
    }
}
