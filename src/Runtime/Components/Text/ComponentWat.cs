using System.Text;
using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>Entry point of the component text format (Explainer.md): WAT source of a component to its
/// binary (Binary.md, version 0x0d, layer 1).</summary>
internal static class ComponentWat
{
    /// <summary>Parses <paramref name="text"/> — a <c>(component …)</c> (text, <c>binary</c> or <c>quote</c>
    /// form) or bare component fields — and returns the component binary.</summary>
    /// <exception cref="MalformedException">The text is not well-formed; carries line and column.</exception>
    public static byte[] Parse(string text)
    {
        var nodes = SExprReader.ReadAll(text);
        if (nodes.Count == 1 && nodes[0].IsListOf("component")) return ComponentSource(nodes[0]);
        return ComponentParser.ParseFields(nodes, 0);
    }

    /// <summary>Handles <c>(component $id? binary "…"*)</c>, <c>(component $id? quote "…"*)</c> and the text form.</summary>
    internal static byte[] ComponentSource(SExpr component)
    {
        var items = component.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        if (i < items.Count && items[i].IsKeyword("binary")) return Concat(items, i + 1);
        if (i < items.Count && items[i].IsKeyword("quote"))
        {
            var bytes = Concat(items, i + 1);
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw items[i].Error("malformed UTF-8 encoding");
            }
            return Parse(text);
        }
        return ComponentParser.ParseFields(items, 1);
    }

    private static byte[] Concat(List<SExpr> items, int from)
    {
        var o = new List<byte>();
        for (int i = from; i < items.Count; i++)
        {
            if (items[i].Kind != SExprKind.String) throw items[i].Error("expected a string");
            o.AddRange(items[i].Bytes);
        }
        return [.. o];
    }
}
