using System.Globalization;
using WitSharp.Wit.Diagnostics;

namespace WitSharp.Wit.Syntax;

/// <summary>The WIT tokenizer (WIT.md "Lexical structure"). A value type so the parser can snapshot it
/// for lookahead by copying. Offsets are global (the file's base offset plus the UTF-16 index).</summary>
internal struct Lexer
{
    private readonly string _text;
    private readonly int _base;
    private int _pos;

    public Lexer(string text, int baseOffset)
    {
        _text = text;
        _base = baseOffset;
        _pos = 0;
        ValidateInput(text, baseOffset);
        if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1;
    }

    public string Text => _text;

    public int Base => _base;

    /// <summary>A zero-width span at the end of input.</summary>
    public Span EofSpan => new(_base + _text.Length, _base + _text.Length);

    public string GetText(Span span) => _text.Substring(span.Start - _base, span.End - span.Start);

    /// <summary>The next non-trivia token, or false at end of input.</summary>
    public bool Next(out Span span, out Token token)
    {
        while (NextRaw(out span, out token))
        {
            if (token != Token.Whitespace && token != Token.Comment) return true;
        }
        return false;
    }

    /// <summary>The next token including whitespace and comments.</summary>
    public bool NextRaw(out Span span, out Token token)
    {
        span = default;
        token = default;
        if (_pos >= _text.Length) return false;
        var start = _pos;
        var ch = _text[_pos++];
        switch (ch)
        {
            case '\n':
            case '\t':
            case ' ':
                while (EatWhitespace())
                {
                }
                token = Token.Whitespace;
                break;
            case '\r' when _pos < _text.Length && _text[_pos] == '\n':
                _pos++;
                while (EatWhitespace())
                {
                }
                token = Token.Whitespace;
                break;
            case '/':
                if (Eat('/'))
                {
                    while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
                    if (_pos < _text.Length) _pos++;
                    token = Token.Comment;
                }
                else if (Eat('*'))
                {
                    var depth = 1;
                    while (depth > 0)
                    {
                        if (_pos >= _text.Length) throw new SpanException(new Span(_base + start, _base + start), "unterminated block comment");
                        var c = _text[_pos++];
                        if (c == '/' && Eat('*')) depth++;
                        else if (c == '*' && Eat('/')) depth--;
                    }
                    token = Token.Comment;
                }
                else
                {
                    token = Token.Slash;
                }
                break;
            case '=': token = Token.Equals; break;
            case ',': token = Token.Comma; break;
            case ':': token = Token.Colon; break;
            case '.': token = Token.Period; break;
            case ';': token = Token.Semicolon; break;
            case '(': token = Token.LeftParen; break;
            case ')': token = Token.RightParen; break;
            case '{': token = Token.LeftBrace; break;
            case '}': token = Token.RightBrace; break;
            case '<': token = Token.LessThan; break;
            case '>': token = Token.GreaterThan; break;
            case '*': token = Token.Star; break;
            case '@': token = Token.At; break;
            case '+': token = Token.Plus; break;
            case '-':
                token = Eat('>') ? Token.RArrow : Token.Minus;
                break;
            case '%':
                if (_pos < _text.Length && IsKeylikeStart(_text[_pos]))
                {
                    _pos++;
                    while (_pos < _text.Length && IsKeylikeContinue(_text[_pos])) _pos++;
                }
                token = Token.ExplicitId;
                break;
            default:
                if (IsKeylikeStart(ch))
                {
                    while (_pos < _text.Length && IsKeylikeContinue(_text[_pos])) _pos++;
                    token = TokenText.KeywordOrId(_text.Substring(start, _pos - start));
                }
                else if (ch >= '0' && ch <= '9')
                {
                    while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9') _pos++;
                    token = Token.Integer;
                }
                else
                {
                    throw new SpanException(new Span(_base + start, _base + start), "unexpected character " + Quote(ch));
                }
                break;
        }
        span = new Span(_base + start, _base + _pos);
        return true;
    }

    public bool Eat(Token expected)
    {
        var clone = this;
        if (clone.Next(out _, out var t) && t == expected)
        {
            this = clone;
            return true;
        }
        return false;
    }

    public Span Expect(Token expected)
    {
        if (Next(out var span, out var found))
        {
            if (found == expected) return span;
            throw new SpanException(span, "expected " + TokenText.Describe(expected) + ", found " + TokenText.Describe(found));
        }
        throw new SpanException(EofSpan, "expected " + TokenText.Describe(expected) + ", found eof");
    }

    /// <summary>Peeks at the next non-trivia token.</summary>
    public Token? Peek()
    {
        var clone = this;
        return clone.Next(out _, out var t) ? t : null;
    }

    private bool Eat(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private bool EatWhitespace()
    {
        if (_pos >= _text.Length) return false;
        var c = _text[_pos];
        if (c == ' ' || c == '\t' || c == '\n')
        {
            _pos++;
            return true;
        }
        if (c == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos += 2;
            return true;
        }
        return false;
    }

    private static bool IsKeylikeStart(char ch) => ch == '_' || ch == '-' || char.IsLetter(ch) ||
        CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.LetterNumber;

    private static bool IsKeylikeContinue(char ch)
    {
        if (ch == '-' || ch == '_' || char.IsLetterOrDigit(ch)) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber;
    }

    internal static string Quote(char ch) => ch switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        '\n' => "'\\n'",
        '\r' => "'\\r'",
        '\t' => "'\\t'",
        _ => "'" + ch + "'",
    };

    /// <summary>Rejects bidirectional overrides, discouraged code points and control codes (CVE-2021-42574).</summary>
    private static void ValidateInput(string text, int baseOffset)
    {
        var line = 1;
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\n':
                    line++;
                    break;
                case '\r':
                case '\t':
                    break;
                case '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069':
                    throw new WitException("Input contains bidirectional override codepoint '\\u{" + ((int)ch).ToString("x", CultureInfo.InvariantCulture) + "}' at line " + line);
                case '\u0149' or '\u0673' or '\u0f77' or '\u0f79' or '\u17a3' or '\u17a4' or '\u17b4' or '\u17b5':
                    throw new WitException("Codepoint '\\u{" + ((int)ch).ToString("x", CultureInfo.InvariantCulture) + "}' at line " + line + " is discouraged by Unicode");
                default:
                    if (char.IsControl(ch))
                    {
                        throw new WitException("Control code '\\u{" + ((int)ch).ToString("x", CultureInfo.InvariantCulture) + "}' at line " + line);
                    }
                    break;
            }
        }
        _ = baseOffset;
    }

    /// <summary>Validates an identifier (WIT.md "Identifiers"): kebab-case words, each all-lower or all-upper.</summary>
    public static void ValidateId(int start, string id)
    {
        if (id.Length == 0) throw new SpanException(new Span(start, start), "identifiers must have characters between '-'s");
        var parts = id.Split('-');
        for (var idx = 0; idx < parts.Length; idx++)
        {
            var part = parts[idx];
            if (part.Length == 0) throw new SpanException(new Span(start, start), "identifiers must have characters between '-'s");
            var first = part[0];
            if (idx == 0 && !((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')))
            {
                throw new SpanException(new Span(start, start), "invalid character in identifier " + Quote(first));
            }
            bool? upper = null;
            foreach (var c in part)
            {
                if (c >= '0' && c <= '9') continue;
                if (c >= 'A' && c <= 'Z')
                {
                    if (upper == false) throw new SpanException(new Span(start, start), "invalid character in identifier " + Quote(c));
                    upper = true;
                }
                else if (c >= 'a' && c <= 'z')
                {
                    if (upper == true) throw new SpanException(new Span(start, start), "invalid character in identifier " + Quote(c));
                    upper = false;
                }
                else
                {
                    throw new SpanException(new Span(start, start), "invalid character in identifier " + Quote(c));
                }
            }
        }
    }
}
