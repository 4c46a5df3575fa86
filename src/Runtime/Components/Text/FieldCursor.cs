using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>A read position inside one parenthesised form, with the small look-aheads the component
/// grammar needs (optional <c>$id</c>, inline <c>(export "n")</c> and <c>(import "n")</c> abbreviations).</summary>
internal sealed class FieldCursor
{
    private static readonly HashSet<string> s_nameAttributes = ["implements", "versionsuffix", "external-id"];

    public FieldCursor(SExpr form, int start)
    {
        Form = form;
        Pos = start;
    }

    public SExpr Form { get; }
    public List<SExpr> Items => Form.Items;
    public int Pos { get; set; }
    public bool More => Pos < Items.Count;
    public SExpr? Peek => More ? Items[Pos] : null;

    public SExpr Next(string what)
    {
        if (!More) throw Form.Error($"unexpected end of {WatParser.Describe(Form)}: expected {what}");
        return Items[Pos++];
    }

    public SExpr? TakeId()
    {
        if (More && Items[Pos].Kind == SExprKind.Id) return Items[Pos++];
        return null;
    }

    public bool TakeKeyword(string kw)
    {
        if (More && Items[Pos].IsKeyword(kw)) { Pos++; return true; }
        return false;
    }

    public SExpr String(string what)
    {
        var s = Next(what);
        if (s.Kind != SExprKind.String) throw s.Error($"expected {what}, found {WatParser.Describe(s)}");
        return s;
    }

    public SExpr List(string what)
    {
        var s = Next(what);
        if (!s.IsList) throw s.Error($"expected {what}, found {WatParser.Describe(s)}");
        return s;
    }

    public void End()
    {
        if (More) throw Items[Pos].Error($"unexpected {WatParser.Describe(Items[Pos])} in {WatParser.Describe(Form)}");
    }

    /// <summary>True for <c>(export "n" attr*)</c> / <c>(import "n" attr*)</c> with no item after the name:
    /// the inline abbreviations of Explainer.md "Import and export definitions".</summary>
    public static bool IsInlineName(SExpr e, string head)
    {
        if (!e.IsListOf(head) || e.Items.Count < 2 || e.Items[1].Kind != SExprKind.String) return false;
        for (int i = 2; i < e.Items.Count; i++)
            if (e.Items[i].Head is not { } h || !s_nameAttributes.Contains(h)) return false;
        return true;
    }

    public static bool IsNameAttribute(SExpr e) => e.Head is { } h && s_nameAttributes.Contains(h);

    public List<SExpr> InlineExports()
    {
        var list = new List<SExpr>();
        while (More && IsInlineName(Items[Pos], "export")) list.Add(Items[Pos++]);
        return list;
    }

    public SExpr? InlineImport() => More && IsInlineName(Items[Pos], "import") ? Items[Pos++] : null;

    public List<SExpr> Rest()
    {
        var r = Items.GetRange(Pos, Items.Count - Pos);
        Pos = Items.Count;
        return r;
    }
}
