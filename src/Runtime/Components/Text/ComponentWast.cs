using System.Text;
using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>Reads component-model WAST scripts (the directives of the component-model, wasmtime and
/// wasm-tools component test suites) into commands. Definitions are kept as source and encoded by the
/// runner, so a malformed definition inside <c>assert_malformed</c> is not an error of the script.</summary>
internal static class ComponentWast
{
    /// <summary>Parses a script.</summary>
    /// <exception cref="MalformedException">A directive is not well-formed.</exception>
    public static List<ComponentWastCommand> ParseScript(string text)
    {
        var commands = new List<ComponentWastCommand>();
        foreach (var node in SExprReader.ReadAll(text))
        {
            if (!node.IsList || node.Head is null) throw node.Error($"expected a script command, found {WatParser.Describe(node)}");
            commands.Add(Command(node));
        }
        return commands;
    }

    private static ComponentWastCommand Command(SExpr n)
    {
        var c = new FieldCursor(n, 1);
        switch (n.Head)
        {
            case "component" when n.Items.Count >= 3 && n.Items[1].IsKeyword("instance"):
            {
                c.Pos = 2;
                var id = c.TakeId();
                var def = c.Next("a component definition name");
                c.End();
                return new ComponentWastInstance(n.Line, id?.Text, def.Text);
            }
            case "component":
            case "module":
            case "core":
                return new ComponentWastDefine(Definition(n));
            case "register":
            {
                var name = Utf8(c.String("a registration name"));
                var id = c.TakeId();
                c.End();
                return new ComponentWastRegister(n.Line, name, id?.Text);
            }
            case "invoke":
                return new ComponentWastInvoke(Action(n));
            case "assert_return":
            {
                var action = Action(c.List("(invoke …)"));
                var expected = new List<ComponentValue>();
                while (c.More) expected.Add(Value(c.Next("a value")));
                return new ComponentWastAssertReturn(n.Line, action, expected);
            }
            case "assert_trap":
            {
                var target = c.List("(invoke …) or a component");
                var msg = Utf8(c.String("a failure message"));
                c.End();
                return target.IsListOf("invoke")
                    ? new ComponentWastAssertTrap(n.Line, Action(target), null, msg)
                    : new ComponentWastAssertTrap(n.Line, null, Definition(target), msg);
            }
            case "assert_invalid":
            case "assert_malformed":
            case "assert_unlinkable":
            {
                var def = Definition(c.List("a component"));
                var msg = Utf8(c.String("a failure message"));
                c.End();
                var kind = n.Head switch
                {
                    "assert_invalid" => ComponentWastAssertion.Invalid,
                    "assert_malformed" => ComponentWastAssertion.Malformed,
                    _ => ComponentWastAssertion.Unlinkable,
                };
                return new ComponentWastAssertModule(n.Line, kind, def, msg);
            }
            default:
                throw n.Error($"unknown script command ({n.Head}");
        }
    }

    /// <summary>A definition: <c>(component $id? …)</c>, <c>(component definition $id? …)</c>,
    /// <c>(module …)</c> or <c>(core module …)</c>, in text, binary or quote form.</summary>
    internal static ComponentWastModule Definition(SExpr n)
    {
        bool core = n.IsListOf("module") || (n.IsListOf("core") && n.Items.Count > 1 && n.Items[1].IsKeyword("module"));
        if (!core && !n.IsListOf("component")) throw n.Error($"expected a component or module, found {WatParser.Describe(n)}");
        int i = n.IsListOf("core") ? 2 : 1;
        bool definition = !core && i < n.Items.Count && n.Items[i].IsKeyword("definition");
        if (definition) i++;
        string? name = null;
        if (i < n.Items.Count && n.Items[i].Kind == SExprKind.Id) name = n.Items[i++].Text;
        var form = ComponentWastForm.Text;
        if (i < n.Items.Count && n.Items[i].IsKeyword("binary")) form = ComponentWastForm.Binary;
        else if (i < n.Items.Count && n.Items[i].IsKeyword("quote")) form = ComponentWastForm.Quote;
        return new ComponentWastModule(n.Line, name, form, core, definition, n);
    }

    private static ComponentWastAction Action(SExpr n)
    {
        if (!n.IsListOf("invoke")) throw n.Error($"expected (invoke …), found {WatParser.Describe(n)}");
        var c = new FieldCursor(n, 1);
        var inst = c.TakeId();
        var export = Utf8(c.String("an export name"));
        var args = new List<ComponentValue>();
        while (c.More) args.Add(Value(c.Next("an argument")));
        return new ComponentWastAction(n.Line, inst?.Text, export, args);
    }

    /// <summary>A value: <c>(kind.const …)</c>, <c>(option.some v)</c>, … — or, inside a record field, the
    /// same without parentheses (<c>(field "a" u32.const 1)</c>).</summary>
    internal static ComponentValue Value(SExpr n)
    {
        if (!n.IsList || n.Head is null) throw n.Error($"expected a value such as (u32.const 1), found {WatParser.Describe(n)}");
        return Value(n, 0);
    }

    private static ComponentValue Value(SExpr n, int at)
    {
        var items = n.Items;
        if (at >= items.Count || items[at].Kind != SExprKind.Keyword) throw n.Error("expected a value constructor");
        var head = items[at].Text;
        var c = new FieldCursor(n, at + 1);
        var kind = head.EndsWith(".const", StringComparison.Ordinal) ? head[..^6] : head;
        var labels = new List<string>();
        var children = new List<ComponentValue>();
        string? scalar = null;
        switch (kind)
        {
            case "bool":
            case "u8": case "s8": case "u16": case "s16": case "u32": case "s32": case "u64": case "s64":
            case "f32": case "f64":
                var tok = c.Next("a literal");
                if (tok.IsList || tok.Kind == SExprKind.String) throw tok.Error($"expected a {kind} literal");
                scalar = tok.Text;
                if (kind == "bool" && scalar is not ("true" or "false")) throw tok.Error("expected true or false");
                break;
            case "str":
            case "string":
            case "char":
                scalar = Utf8(c.String("a string literal"));
                if (kind == "char" && scalar.EnumerateRunes().Count() != 1) throw n.Error("a char literal must hold one Unicode scalar value");
                break;
            case "enum":
                labels.Add(Utf8(c.String("a case name")));
                break;
            case "flags":
                while (c.More) labels.Add(Utf8(c.String("a flag name")));
                break;
            case "variant":
                labels.Add(Utf8(c.String("a case name")));
                if (c.More) children.Add(Value(c.Next("a payload")));
                break;
            case "record":
                while (c.More)
                {
                    var f = c.List("(field \"name\" value)");
                    if (!f.IsListOf("field") || f.Items.Count < 3 || f.Items[1].Kind != SExprKind.String) throw f.Error("expected (field \"name\" value)");
                    labels.Add(Utf8(f.Items[1]));
                    children.Add(f.Items[2].IsList ? Value(f.Items[2]) : Value(f, 2));
                }
                break;
            case "list":
            case "tuple":
            case "option.some":
            case "option.none":
            case "result.ok":
            case "result.err":
                while (c.More) children.Add(Value(c.Next("a value")));
                break;
            default:
                throw items[at].Error($"unknown value constructor {head}");
        }
        c.End();
        return new ComponentValue(kind == "string" ? "str" : kind, scalar, labels, children);
    }

    private static string Utf8(SExpr s)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(s.Bytes);
        }
        catch (DecoderFallbackException)
        {
            throw s.Error("malformed UTF-8 encoding");
        }
    }
}
