namespace WitSharp.Core.Text;

/// <summary>Kinds of nodes in the parenthesised token tree of the text format (spec text/lexical).</summary>
internal enum SExprKind : byte
{
    List,
    /// <summary>Starts with a lowercase letter: instruction names, keywords, <c>offset=4</c>.</summary>
    Keyword,
    /// <summary>Starts with <c>$</c>: a symbolic identifier.</summary>
    Id,
    String,
    /// <summary>Any other run of idchars: numbers, and reserved tokens that no rule accepts.</summary>
    Reserved,
}

/// <summary>One node of the token tree: a parenthesised list or a single token, with its source position.
/// The text format is parsed from this tree so that folded instructions and abbreviations can look ahead
/// freely; positions travel with every node for <see cref="MalformedException"/>.</summary>
internal sealed class SExpr
{
    private static readonly List<SExpr> s_noItems = [];

    public SExpr(SExprKind kind, string text, int line, int column, int start)
    {
        Kind = kind;
        Text = text;
        Line = line;
        Column = column;
        Start = start;
    }

    public SExprKind Kind { get; }
    /// <summary>Token text (for strings: the raw source including quotes); empty for lists.</summary>
    public string Text { get; }
    public int Line { get; }
    public int Column { get; }
    /// <summary>Character offset of the token (or the opening parenthesis) in the source.</summary>
    public int Start { get; }
    /// <summary>Character offset just past the token (or the closing parenthesis).</summary>
    public int End { get; set; }
    /// <summary>Decoded bytes of a string token.</summary>
    public byte[] Bytes { get; init; } = [];
    public List<SExpr> Items { get; init; } = s_noItems;

    public bool IsList => Kind == SExprKind.List;
    public bool IsKeyword(string k) => Kind == SExprKind.Keyword && Text == k;

    /// <summary>The keyword heading a list, or null.</summary>
    public string? Head => Kind == SExprKind.List && Items.Count > 0 && Items[0].Kind == SExprKind.Keyword ? Items[0].Text : null;

    public bool IsListOf(string head) => Head == head;

    public MalformedException Error(string reason) => new(reason, Line, Column);

    public override string ToString() => Kind == SExprKind.List ? "(" + string.Join(" ", Items) + ")" : Text;
}
