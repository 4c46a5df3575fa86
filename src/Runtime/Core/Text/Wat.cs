namespace WitSharp.Core.Text;

/// <summary>Entry point of the core text format (spec chapter 6): WAT source to a binary module.</summary>
internal static class Wat
{
    /// <summary>Parses <paramref name="text"/> — a <c>(module …)</c>, a <c>(module binary …)</c> or
    /// <c>(module quote …)</c>, or bare module fields — and returns the canonical binary encoding.</summary>
    /// <exception cref="MalformedException">The text is not well-formed; carries line and column.</exception>
    public static byte[] ParseModule(string text) => WatParser.ParseText(text);
}
