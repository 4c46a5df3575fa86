using System.Collections.Generic;
using System.Text;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

// Feature gates (`@since`/`@unstable`/`@deprecated`) and doc comments: how the attributes and comments
// written before an item become its Stability and Docs.
internal sealed partial class AstResolver
{
    /// <summary>Reads the feature gate of an item (WIT.md "Feature Gates"; reference: <c>stability</c>).</summary>
    private static Stability MakeStability(List<AstAttribute> attrs)
    {
        switch (attrs.Count)
        {
            case 0:
                return Stability.Unknown;
            case 1:
                return attrs[0].Kind switch
                {
                    AttributeKind.Since => Stability.Stable(attrs[0].Value, null),
                    AttributeKind.Unstable => Stability.Unstable(attrs[0].Value, null),
                    _ => throw new SpanException(attrs[0].Span, "must pair @deprecated with either @since or @unstable"),
                };
            case 2:
            {
                var (a, b) = (attrs[0], attrs[1]);
                if (a.Kind == AttributeKind.Deprecated && b.Kind != AttributeKind.Deprecated) (a, b) = (b, a);
                else if (b.Kind != AttributeKind.Deprecated) throw new SpanException(attrs[1].Span, "unsupported combination of attributes");
                if (a.Kind == AttributeKind.Since) return Stability.Stable(a.Value, b.Value);
                if (a.Kind == AttributeKind.Unstable) return Stability.Unstable(a.Value, b.Value);
                throw new SpanException(attrs[1].Span, "unsupported combination of attributes");
            }
            default:
                throw new SpanException(attrs[1].Span, "unsupported combination of attributes");
        }
    }

    /// <summary>Builds doc text from raw comments the way the reference does: markers stripped, common leading
    /// indentation removed, lines joined with <c>\n</c>, trailing newlines dropped. Works on index ranges of
    /// the raw comments so documentation-heavy files (WASI) do not copy each line several times.</summary>
    internal static Docs MakeDocs(AstDocs docs)
    {
        var count = docs.Lines.Count;
        if (count == 0) return Docs.None;
        var starts = new int[count];
        var ends = new int[count];
        var min = int.MaxValue;
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            var raw = docs.Lines[i];
            int a, b;
            if (raw.StartsWith("/**", System.StringComparison.Ordinal))
            {
                a = 3;
                b = raw.EndsWith("*/", System.StringComparison.Ordinal) ? System.Math.Max(a, raw.Length - 2) : raw.Length;
            }
            else
            {
                a = 0;
                while (a < raw.Length && raw[a] == '/') a++;
                b = raw.Length;
            }
            while (b > a && char.IsWhiteSpace(raw[b - 1])) b--;
            starts[i] = a;
            ends[i] = b;
            total += b - a + 1;
            if (b == a) continue;
            var n = a;
            while (n < b && raw[n] is ' ' or '\t' or '\n' or '\r' or '\f') n++;
            if (n - a < min) min = n - a;
        }
        var sb = new StringBuilder(total);
        for (var i = 0; i < count; i++)
        {
            var raw = docs.Lines[i];
            int a = starts[i], b = ends[i];
            if (a == b)
            {
                sb.Append('\n');
                continue;
            }
            // Drop the common indentation only where the line really starts with that many spaces.
            if (min != int.MaxValue && min > 0)
            {
                var spaces = 0;
                while (spaces < min && raw[a + spaces] == ' ') spaces++;
                if (spaces == min) a += min;
            }
            // Split on '\n' (dropping a '\r' before it), as Rust's `lines()` does.
            var lineStart = a;
            for (var j = a; j <= b; j++)
            {
                if (j < b && raw[j] != '\n') continue;
                var lineEnd = j;
                if (j < b && lineEnd > lineStart && raw[lineEnd - 1] == '\r') lineEnd--;
                sb.Append(raw, lineStart, lineEnd - lineStart).Append('\n');
                lineStart = j + 1;
            }
        }
        var len = sb.Length;
        while (len > 0 && sb[len - 1] == '\n') len--;
        return new Docs(sb.ToString(0, len));
    }
}
