using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Diagnostics;

/// <summary>A source position kept as plain data (a <see cref="Location"/> holds a syntax tree and would
/// defeat pipeline caching); turned back into a <see cref="Location"/> only when reported.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null) return null;
        var span = location.GetLineSpan();
        return new LocationInfo(
            location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
            span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
    }

    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic kept as plain data until it is reported.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptors.ById(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());
}

/// <summary>Maps a <c>WitException</c>'s file, line and column (1-based; the column counts UTF-8 bytes
/// as wit-parser does) to a location inside the additional file that holds the text.</summary>
internal static class WitLocations
{
    public static LocationInfo? Find(Wit.WitException error, Func<string, string?> textOf)
    {
        if (!error.HasLocation || error.File is null) return null;
        var text = textOf(error.File);
        if (text is null) return new LocationInfo(error.File, 0, 0, error.Line - 1, Math.Max(0, error.Column - 1), error.Line - 1, Math.Max(0, error.Column - 1));
        var lineStart = 0;
        for (var line = 1; line < error.Line && lineStart < text.Length; line++)
        {
            var nl = text.IndexOf('\n', lineStart);
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        // Walk the line counting UTF-8 bytes until the byte column is reached.
        var pos = lineStart;
        var bytes = 0;
        while (pos < text.Length && text[pos] != '\n' && bytes < error.Column - 1)
        {
            var c = text[pos];
            if (char.IsHighSurrogate(c) && pos + 1 < text.Length)
            {
                bytes += 4;
                pos += 2;
                continue;
            }
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            pos++;
        }
        var col = pos - lineStart;
        return new LocationInfo(error.File, pos, 0, error.Line - 1, col, error.Line - 1, col);
    }
}
