using System.Text;

namespace WitSharp.Core.Text;

/// <summary>Reads a WAST script (the spec interpreter's script format: modules, registrations, actions and
/// assertions) into a plain list of <see cref="WastCommand"/>s. Modules are kept as source and encoded on
/// demand by the runner.</summary>
internal static class Wast
{
    public static List<WastCommand> ParseScript(string text)
    {
        var commands = new List<WastCommand>();
        var nodes = SExprReader.ReadAll(text);
        if (nodes.Count > 0 && nodes[0].Head is "type" or "import" or "func" or "table" or "memory" or "global" or "export" or "start" or "elem" or "data")
        {
            // A script that is just module fields is one inline module (spec interpreter: inline_module).
            var first = nodes[0];
            var items = new List<SExpr> { new(SExprKind.Keyword, "module", first.Line, first.Column, first.Start) };
            items.AddRange(nodes);
            var module = new SExpr(SExprKind.List, "", first.Line, first.Column, first.Start) { Items = items };
            commands.Add(new WastModuleCommand(ParseModule(module)));
            return commands;
        }
        foreach (var node in nodes) commands.Add(ParseCommand(node));
        return commands;
    }

    private static WastCommand ParseCommand(SExpr node)
    {
        var items = node.Items;
        switch (node.Head)
        {
            case "module":
                return new WastModuleCommand(ParseModule(node));
            case "register":
                {
                    if (items.Count < 2 || items.Count > 3) throw node.Error("unexpected token");
                    string? mod = items.Count == 3 ? Id(items[2]) : null;
                    return new WastRegister(node.Line, Str(items[1]), mod);
                }
            case "invoke":
            case "get":
                return new WastActionCommand(ParseAction(node));
            case "assert_return":
                {
                    if (items.Count < 2) throw node.Error("unexpected token");
                    var action = ParseAction(items[1]);
                    var results = new List<WastResult>();
                    for (int i = 2; i < items.Count; i++) results.Add(ParseResult(items[i]));
                    return new WastAssertReturn(node.Line, action, results);
                }
            case "assert_trap":
                {
                    if (items.Count != 3) throw node.Error("unexpected token");
                    if (items[1].IsListOf("module")) return new WastAssertModule(node.Line, WastModuleAssertion.Uninstantiable, ParseModule(items[1]), Str(items[2]));
                    return new WastAssertTrap(node.Line, ParseAction(items[1]), Str(items[2]));
                }
            case "assert_exhaustion":
                if (items.Count != 3) throw node.Error("unexpected token");
                return new WastAssertTrap(node.Line, ParseAction(items[1]), Str(items[2]), Exhaustion: true);
            case "assert_invalid":
                return AssertModule(node, WastModuleAssertion.Invalid);
            case "assert_malformed":
                return AssertModule(node, WastModuleAssertion.Malformed);
            case "assert_unlinkable":
                return AssertModule(node, WastModuleAssertion.Unlinkable);
            case "assert_uninstantiable":
                return AssertModule(node, WastModuleAssertion.Uninstantiable);
            default:
                throw node.Error($"unknown script command {WatParser.Describe(node)}");
        }
    }

    private static WastAssertModule AssertModule(SExpr node, WastModuleAssertion kind)
    {
        var items = node.Items;
        if (items.Count != 3 || !items[1].IsListOf("module")) throw node.Error("unexpected token");
        return new WastAssertModule(node.Line, kind, ParseModule(items[1]), Str(items[2]));
    }

    private static WastModule ParseModule(SExpr node)
    {
        var items = node.Items;
        int i = 1;
        string? name = null;
        if (i < items.Count && items[i].Kind == SExprKind.Id) name = items[i++].Text;
        var form = i < items.Count && items[i].IsKeyword("binary") ? WastModuleForm.Binary
            : i < items.Count && items[i].IsKeyword("quote") ? WastModuleForm.Quote
            : WastModuleForm.Text;
        return new WastModule(node.Line, name, form, node);
    }

    private static WastAction ParseAction(SExpr node)
    {
        var items = node.Items;
        var kind = node.Head switch
        {
            "invoke" => WastActionKind.Invoke,
            "get" => WastActionKind.Get,
            _ => throw node.Error($"unexpected token {WatParser.Describe(node)}: expected an action"),
        };
        int i = 1;
        string? mod = i < items.Count && items[i].Kind == SExprKind.Id ? items[i++].Text : null;
        if (i >= items.Count) throw node.Error("unexpected token: missing export name");
        string export = Str(items[i++]);
        var args = new List<WastValue>();
        for (; i < items.Count; i++) args.Add(ParseConst(items[i]));
        if (kind == WastActionKind.Get && args.Count > 0) throw node.Error("unexpected token");
        return new WastAction(node.Line, kind, mod, export, args);
    }

    private static string Str(SExpr s)
    {
        if (s.Kind != SExprKind.String) throw s.Error($"unexpected token {WatParser.Describe(s)}: expected a string");
        return Encoding.UTF8.GetString(s.Bytes);
    }

    private static string Id(SExpr s)
    {
        if (s.Kind != SExprKind.Id) throw s.Error($"unexpected token {WatParser.Describe(s)}: expected an identifier");
        return s.Text;
    }

    /// <summary>An argument constant: <c>(t.const n)</c>, <c>(ref.null ht)</c> or <c>(ref.extern n)</c>.</summary>
    internal static WastValue ParseConst(SExpr node)
    {
        var items = node.Items;
        string head = node.Head ?? throw node.Error($"unexpected token {WatParser.Describe(node)}: expected a constant");
        switch (head)
        {
            case "i32.const": return new WastValue(ValType.I32, NumericLiterals.ParseInt(Single(node), 32));
            case "i64.const": return new WastValue(ValType.I64, NumericLiterals.ParseInt(Single(node), 64));
            case "f32.const": return new WastValue(ValType.F32, NumericLiterals.ParseF32(Single(node)));
            case "f64.const": return new WastValue(ValType.F64, NumericLiterals.ParseF64(Single(node)));
            case "v128.const":
                {
                    int i = 1;
                    var bytes = WatParser.ParseV128(node, items, ref i);
                    if (i != items.Count) throw items[i].Error("unexpected token");
                    return new WastValue(ValType.V128, BitConverter.ToUInt64(bytes, 0), BitConverter.ToUInt64(bytes, 8));
                }
            case "ref.null":
                {
                    var ht = Single(node);
                    return ht.Text switch
                    {
                        "func" => new WastValue(ValType.FuncRef, 0, 0, IsNull: true),
                        "extern" => new WastValue(ValType.ExternRef, 0, 0, IsNull: true),
                        _ => throw ht.Error($"unexpected token {ht.Text}"),
                    };
                }
            case "ref.extern":
                return new WastValue(ValType.ExternRef, NumericLiterals.ParseInt(Single(node), 64));
            default:
                throw node.Error($"unknown operator {head}");
        }
    }

    private static SExpr Single(SExpr node)
    {
        if (node.Items.Count != 2 || node.Items[1].IsList) throw node.Error("unexpected token: expected one immediate");
        return node.Items[1];
    }

    /// <summary>An expected result: a constant, a NaN pattern, a v128 with per-lane patterns, a reference pattern, or <c>either</c>.</summary>
    internal static WastResult ParseResult(SExpr node)
    {
        var items = node.Items;
        switch (node.Head)
        {
            case "f32.const" or "f64.const":
                {
                    var type = node.Head == "f32.const" ? ValType.F32 : ValType.F64;
                    var lit = Single(node);
                    if (lit.Text == "nan:canonical") return new WastResult(WastResultKind.NanCanonical, type);
                    if (lit.Text == "nan:arithmetic") return new WastResult(WastResultKind.NanArithmetic, type);
                    return new WastResult(WastResultKind.Value, type) { Value = ParseConst(node) };
                }
            case "v128.const":
                {
                    bool hasNan = false;
                    for (int k = 2; k < items.Count; k++) hasNan |= items[k].Text is "nan:canonical" or "nan:arithmetic";
                    if (!hasNan) return new WastResult(WastResultKind.Value, ValType.V128) { Value = ParseConst(node) };
                    if (items.Count < 2) throw node.Error("unexpected token");
                    var shape = items[1];
                    var (count, type) = shape.Text switch
                    {
                        "f32x4" => (4, ValType.F32),
                        "f64x2" => (2, ValType.F64),
                        _ => throw shape.Error("unexpected token: NaN patterns need a float shape"),
                    };
                    if (items.Count != 2 + count) throw node.Error("wrong number of lane literals");
                    var lanes = new List<WastResult>();
                    for (int k = 2; k < items.Count; k++)
                    {
                        var lit = items[k];
                        lanes.Add(lit.Text switch
                        {
                            "nan:canonical" => new WastResult(WastResultKind.NanCanonical, type),
                            "nan:arithmetic" => new WastResult(WastResultKind.NanArithmetic, type),
                            _ => new WastResult(WastResultKind.Value, type)
                            {
                                Value = new WastValue(type, type == ValType.F32 ? NumericLiterals.ParseF32(lit) : NumericLiterals.ParseF64(lit)),
                            },
                        });
                    }
                    return new WastResult(WastResultKind.V128Lanes, ValType.V128) { LaneType = type, LaneBits = type == ValType.F32 ? 32 : 64, Lanes = lanes };
                }
            case "ref.func" when items.Count == 1:
                return new WastResult(WastResultKind.AnyRef, ValType.FuncRef);
            case "ref.extern" when items.Count == 1:
                return new WastResult(WastResultKind.AnyRef, ValType.ExternRef);
            case "either":
                {
                    var alts = new List<WastResult>();
                    for (int k = 1; k < items.Count; k++) alts.Add(ParseResult(items[k]));
                    return new WastResult(WastResultKind.Either, alts.Count > 0 ? alts[0].Type : ValType.I32) { Alternatives = alts };
                }
            default:
                {
                    var v = ParseConst(node);
                    return new WastResult(WastResultKind.Value, v.Type) { Value = v };
                }
        }
    }
}
