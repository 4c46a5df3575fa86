using System;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Diagnostics;

/// <summary>An error at a source span, before it is mapped to file:line:column by the <see cref="SourceMap"/>.</summary>
internal sealed class SpanException : Exception
{
    public SpanException(Span span, string reason)
        : base(reason)
    {
        Span = span;
    }

    public Span Span { get; }
}
