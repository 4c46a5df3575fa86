using System;
using System.Collections.Generic;
using System.Text;
using WitSharp.Wit.Diagnostics;

namespace WitSharp.Wit.Syntax;

/// <summary>The set of source files of one parse: each file owns a range of global offsets so that a
/// <see cref="Span"/> alone identifies its file (the reference toolchain's SourceMap).</summary>
internal sealed class SourceMap
{
    private readonly List<Source> _sources = new();
    private int _next;

    internal sealed class Source
    {
        public Source(string name, string text, int offset)
        {
            Name = name;
            Text = text;
            Offset = offset;
        }

        public string Name { get; }

        public string Text { get; }

        public int Offset { get; }
    }

    public IReadOnlyList<Source> Sources => _sources;

    public Source Add(string name, string text)
    {
        var src = new Source(name, text, _next);
        _sources.Add(src);
        // +1 so an end-of-file span still maps to this file.
        _next += text.Length + 1;
        return src;
    }

    public Source SourceFor(int offset)
    {
        for (var i = _sources.Count - 1; i >= 0; i--)
        {
            if (_sources[i].Offset <= offset) return _sources[i];
        }
        return _sources[0];
    }

    /// <summary>Maps a global offset to (file, 1-based line, 1-based UTF-8 byte column, line text).</summary>
    public WitException ToException(int offset, string reason)
    {
        if (_sources.Count == 0) return new WitException(reason);
        var src = SourceFor(offset);
        var rel = Math.Min(Math.Max(0, offset - src.Offset), src.Text.Length);
        var text = src.Text;
        int line = 0, lineStart = 0;
        for (var i = 0; i < rel; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        var lineEnd = text.IndexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = text.Length;
        var snippet = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
        var col = Encoding.UTF8.GetByteCount(text.Substring(lineStart, rel - lineStart));
        return new WitException(reason, src.Name, line + 1, col + 1, snippet);
    }

    public WitException ToException(SpanException e) => ToException(e.Span.Start, e.Message);
}
