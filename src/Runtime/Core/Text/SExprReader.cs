using System.Text;

namespace WitSharp.Core.Text;

/// <summary>Lexes text-format source into a tree of <see cref="SExpr"/> (spec text/lexical: tokens,
/// white space, line and block comments). A token is a maximal run of idchars and string literals:
/// a run that is neither a lone string nor pure idchars is a reserved token (so <c>$l"a"</c> and
/// <c>0drop</c> are rejected where they are used).</summary>
internal sealed class SExprReader
{
    private readonly string _src;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private SExprReader(string src) => _src = src;

    /// <summary>Reads every top-level node of <paramref name="source"/>.</summary>
    public static List<SExpr> ReadAll(string source)
    {
        var r = new SExprReader(source);
        var stack = new Stack<(SExpr Node, List<SExpr> Items)>();
        var top = new List<SExpr>();
        while (true)
        {
            r.SkipSpace();
            if (r._pos >= r._src.Length) break;
            char c = r._src[r._pos];
            int line = r._line, col = r._pos - r._lineStart + 1, start = r._pos;
            if (c == '(')
            {
                r._pos++;
                var items = new List<SExpr>();
                stack.Push((new SExpr(SExprKind.List, "", line, col, start) { Items = items }, items));
            }
            else if (c == ')')
            {
                if (stack.Count == 0) throw new MalformedException("unexpected token \")\"", line, col);
                r._pos++;
                var (node, _) = stack.Pop();
                node.End = r._pos;
                (stack.Count > 0 ? stack.Peek().Items : top).Add(node);
            }
            else
            {
                var tok = r.ReadToken(line, col);
                (stack.Count > 0 ? stack.Peek().Items : top).Add(tok);
            }
        }
        if (stack.Count > 0)
        {
            var open = stack.Peek().Node;
            throw new MalformedException("unexpected end of input (unclosed parenthesis)", open.Line, open.Column);
        }
        return top;
    }

    private void SkipSpace()
    {
        while (_pos < _src.Length)
        {
            char c = _src[_pos];
            if (c == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (c is ' ' or '\t' or '\r') _pos++;
            else if (c == ';' && Peek(1) == ';')
            {
                // Spec text/lexical 6.3.4: a line comment ends at a newline, which is LF, CR or CR LF.
                while (_pos < _src.Length && _src[_pos] is not ('\n' or '\r')) _pos++;
            }
            else if (c == '(' && Peek(1) == ';') SkipBlockComment();
            else return;
        }
    }

    private char Peek(int ahead) => _pos + ahead < _src.Length ? _src[_pos + ahead] : '\0';

    private void SkipBlockComment()
    {
        int line = _line, col = _pos - _lineStart + 1;
        int depth = 0;
        while (_pos < _src.Length)
        {
            char c = _src[_pos];
            if (c == '(' && Peek(1) == ';') { depth++; _pos += 2; }
            else if (c == ';' && Peek(1) == ')')
            {
                _pos += 2;
                if (--depth == 0) return;
            }
            else
            {
                if (c == '\n') { _line++; _lineStart = _pos + 1; }
                _pos++;
            }
        }
        throw new MalformedException("unclosed block comment", line, col);
    }

    internal static bool IsIdChar(char c) =>
        c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z'
          or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '/' or ':'
          or '<' or '=' or '>' or '?' or '@' or '\\' or '^' or '_' or '`' or '|' or '~';

    private SExpr ReadToken(int line, int col)
    {
        int start = _pos;
        int strings = 0;
        bool idchars = false;
        byte[]? bytes = null;
        while (_pos < _src.Length)
        {
            char c = _src[_pos];
            if (c == '"')
            {
                bytes = ReadString();
                strings++;
            }
            else if (IsIdChar(c))
            {
                idchars = true;
                _pos++;
            }
            else if (c is ' ' or '\t' or '\n' or '\r' or '(' or ')') break;
            else if (c == ';' && Peek(1) == ';') break;
            else throw new MalformedException($"unexpected character '{c}'", _line, _pos - _lineStart + 1);
        }
        string text = _src[start.._pos];
        SExprKind kind;
        if (strings == 1 && !idchars) return new SExpr(SExprKind.String, text, line, col, start) { Bytes = bytes!, End = _pos };
        else if (strings > 0 || text.Length == 0) kind = SExprKind.Reserved;
        else if (text[0] == '$' && text.Length > 1) kind = SExprKind.Id;
        else if (text[0] is >= 'a' and <= 'z') kind = SExprKind.Keyword;
        else kind = SExprKind.Reserved;
        return new SExpr(kind, text, line, col, start) { End = _pos };
    }

    /// <summary>Reads a string literal at the cursor (spec text/values: strings), decoding escapes to bytes.</summary>
    private byte[] ReadString()
    {
        int line = _line, col = _pos - _lineStart + 1;
        _pos++;
        var buf = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            if (_pos >= _src.Length || _src[_pos] == '\n') throw new MalformedException("unclosed string", line, col);
            char c = _src[_pos];
            if (c == '"') { _pos++; return [.. buf]; }
            if (c < 0x20 || c == 0x7F) throw new MalformedException("illegal control character in string", _line, _pos - _lineStart + 1);
            if (c != '\\')
            {
                int n;
                if (char.IsHighSurrogate(c) && _pos + 1 < _src.Length && char.IsLowSurrogate(_src[_pos + 1]))
                {
                    n = new Rune(c, _src[_pos + 1]).EncodeToUtf8(utf8);
                    _pos += 2;
                }
                else
                {
                    if (char.IsSurrogate(c)) throw new MalformedException("malformed UTF-8 encoding", _line, _pos - _lineStart + 1);
                    n = new Rune(c).EncodeToUtf8(utf8);
                    _pos++;
                }
                for (int i = 0; i < n; i++) buf.Add(utf8[i]);
                continue;
            }
            int escCol = _pos - _lineStart + 1;
            _pos++;
            char e = _pos < _src.Length ? _src[_pos] : '\0';
            _pos++;
            switch (e)
            {
                case 'n': buf.Add(0x0A); break;
                case 't': buf.Add(0x09); break;
                case 'r': buf.Add(0x0D); break;
                case '"': buf.Add(0x22); break;
                case '\'': buf.Add(0x27); break;
                case '\\': buf.Add(0x5C); break;
                case 'u':
                    {
                        if (Peek(0) != '{') throw new MalformedException("illegal escape", _line, escCol);
                        _pos++;
                        int close = _src.IndexOf('}', _pos);
                        if (close < 0) throw new MalformedException("illegal escape", _line, escCol);
                        string hex = _src[_pos..close];
                        _pos = close + 1;
                        if (!TryParseHex(hex, out ulong cp) || cp > 0x10FFFF || cp is >= 0xD800 and < 0xE000)
                            throw new MalformedException("illegal escape", _line, escCol);
                        int n = new Rune((int)cp).EncodeToUtf8(utf8);
                        for (int i = 0; i < n; i++) buf.Add(utf8[i]);
                        break;
                    }
                default:
                    {
                        char e2 = Peek(0);
                        if (!Uri.IsHexDigit(e) || !Uri.IsHexDigit(e2)) throw new MalformedException("illegal escape", _line, escCol);
                        _pos++;
                        buf.Add((byte)(Convert.ToInt32(e.ToString(), 16) * 16 + Convert.ToInt32(e2.ToString(), 16)));
                        break;
                    }
            }
        }
    }

    /// <summary>Hex digits with optional single underscores between digits (spec text/values: hexnum).</summary>
    internal static bool TryParseHex(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_') return false;
        bool overflow = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (s[i - 1] == '_') return false;
                continue;
            }
            if (!Uri.IsHexDigit(c)) return false;
            if (value > (ulong.MaxValue >> 4)) overflow = true;
            value = (value << 4) | (uint)Convert.ToInt32(c.ToString(), 16);
        }
        return !overflow;
    }
}
