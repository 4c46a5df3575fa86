namespace WitSharp.Wit.Syntax;

/// <summary>A range of UTF-16 offsets in the concatenated sources of a <see cref="SourceMap"/>.</summary>
internal readonly struct Span
{
    public Span(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public override string ToString() => Start + ".." + End;
}
