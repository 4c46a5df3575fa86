using System;
using System.Collections.Generic;
using System.Globalization;
using WitSharp.Wit.Diagnostics;

namespace WitSharp.Wit.Syntax;

internal sealed partial class Parser
{
    private TypeDefDecl ParseTypeDefItem(Token kind, AstDocs docs, List<AstAttribute> attrs)
    {
        _lx.Next(out _, out _);
        var name = ParseId();
        switch (kind)
        {
            case Token.Type:
            {
                _lx.Expect(Token.Equals);
                var ty = ParseType();
                _lx.Expect(Token.Semicolon);
                return new TypeDefDecl(docs, attrs, name, ty);
            }
            case Token.Flags:
                return new TypeDefDecl(docs, attrs, name, new AstType(AstTypeKind.Flags, name.Span)
                {
                    Members = ParseList(Token.LeftBrace, Token.RightBrace, d => new AstMember(d, ParseId(), null)),
                });
            case Token.Enum:
                return new TypeDefDecl(docs, attrs, name, new AstType(AstTypeKind.Enum, name.Span)
                {
                    Members = ParseList(Token.LeftBrace, Token.RightBrace, d => new AstMember(d, ParseId(), null)),
                });
            case Token.Record:
                return new TypeDefDecl(docs, attrs, name, new AstType(AstTypeKind.Record, name.Span)
                {
                    Members = ParseList(Token.LeftBrace, Token.RightBrace, d =>
                    {
                        var field = ParseId();
                        _lx.Expect(Token.Colon);
                        return new AstMember(d, field, ParseType());
                    }),
                });
            case Token.Variant:
                return new TypeDefDecl(docs, attrs, name, new AstType(AstTypeKind.Variant, name.Span)
                {
                    Members = ParseList(Token.LeftBrace, Token.RightBrace, d =>
                    {
                        var caseName = ParseId();
                        AstType? payload = null;
                        if (_lx.Eat(Token.LeftParen))
                        {
                            payload = ParseType();
                            _lx.Expect(Token.RightParen);
                        }
                        return new AstMember(d, caseName, payload);
                    }),
                });
            default:
            {
                var funcs = new List<ResourceFunc>();
                if (_lx.Eat(Token.LeftBrace))
                {
                    while (!_lx.Eat(Token.RightBrace))
                    {
                        var fdocs = ParseDocs(ref _lx);
                        var fattrs = ParseAttributes();
                        funcs.Add(ParseResourceFunc(fdocs, fattrs));
                    }
                }
                else
                {
                    _lx.Expect(Token.Semicolon);
                }
                return new TypeDefDecl(docs, attrs, name, new AstType(AstTypeKind.Resource, name.Span) { Funcs = funcs });
            }
        }
    }

    private ResourceFunc ParseResourceFunc(AstDocs docs, List<AstAttribute> attrs)
    {
        var clone = _lx;
        var has = clone.Next(out var span, out var t);
        if (has && t == Token.Constructor)
        {
            _lx.Expect(Token.Constructor);
            _lx.Expect(Token.LeftParen);
            var ps = ParseParams();
            AstType? result = _lx.Eat(Token.RArrow) ? ParseType() : null;
            _lx.Expect(Token.Semicolon);
            var func = new FuncDecl(span, false, ps, result);
            return new ResourceFunc(ResourceFuncKind.Constructor, new NamedFunc(docs, attrs, new Id("constructor", span), func));
        }
        if (has && t is Token.Id or Token.ExplicitId)
        {
            var name = ParseId();
            _lx.Expect(Token.Colon);
            var kind = _lx.Eat(Token.Static) ? ResourceFuncKind.Static : ResourceFuncKind.Method;
            var func = ParseFunc();
            _lx.Expect(Token.Semicolon);
            return new ResourceFunc(kind, new NamedFunc(docs, attrs, name, func));
        }
        throw Expected("`constructor` or identifier", has ? t : null, span);
    }

    private FuncDecl ParseFunc()
    {
        var isAsync = _lx.Eat(Token.Async);
        var span = _lx.Expect(Token.Func);
        _lx.Expect(Token.LeftParen);
        var ps = ParseParams();
        AstType? result = _lx.Eat(Token.RArrow) ? ParseType() : null;
        return new FuncDecl(span, isAsync, ps, result);
    }

    private List<KeyValuePair<Id, AstType>> ParseParams()
    {
        var ps = new List<KeyValuePair<Id, AstType>>();
        ParseListTrailer(Token.RightParen, _ =>
        {
            var name = ParseId();
            _lx.Expect(Token.Colon);
            ps.Add(new KeyValuePair<Id, AstType>(name, ParseType()));
        });
        return ps;
    }

    private AstType ParseType()
    {
        var has = _lx.Next(out var span, out var t);
        if (!has) throw Expected("a type", null, span);
        if (++_typeDepth > MaxTypeDepth) throw new SpanException(span, "type nesting too deep");
        try
        {
            return ParseTypeAfter(span, t);
        }
        finally
        {
            _typeDepth--;
        }
    }

    private AstType ParseTypeAfter(Span span, Token t)
    {
        switch (t)
        {
            case Token.U8: return new AstType(AstTypeKind.U8, span);
            case Token.U16: return new AstType(AstTypeKind.U16, span);
            case Token.U32: return new AstType(AstTypeKind.U32, span);
            case Token.U64: return new AstType(AstTypeKind.U64, span);
            case Token.S8: return new AstType(AstTypeKind.S8, span);
            case Token.S16: return new AstType(AstTypeKind.S16, span);
            case Token.S32: return new AstType(AstTypeKind.S32, span);
            case Token.S64: return new AstType(AstTypeKind.S64, span);
            case Token.F32: return new AstType(AstTypeKind.F32, span);
            case Token.F64: return new AstType(AstTypeKind.F64, span);
            case Token.Char: return new AstType(AstTypeKind.Char, span);
            case Token.Bool: return new AstType(AstTypeKind.Bool, span);
            case Token.String: return new AstType(AstTypeKind.String, span);
            case Token.ErrorContext: return new AstType(AstTypeKind.ErrorContext, span);
            case Token.Tuple:
                return new AstType(AstTypeKind.Tuple, span) { Types = ParseList(Token.LessThan, Token.GreaterThan, _ => ParseType()) };
            case Token.List:
            {
                _lx.Expect(Token.LessThan);
                var elem = ParseType();
                if (_lx.Eat(Token.Comma))
                {
                    var has = _lx.Next(out var nspan, out var nt);
                    if (!has || nt != Token.Integer) throw Expected("fixed-length", has ? nt : null, nspan);
                    if (!uint.TryParse(_lx.GetText(nspan), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                    {
                        throw new SpanException(nspan, "number too large to fit in target type");
                    }
                    _lx.Expect(Token.GreaterThan);
                    return new AstType(AstTypeKind.FixedSizeList, span) { First = elem, Size = size };
                }
                _lx.Expect(Token.GreaterThan);
                return new AstType(AstTypeKind.List, span) { First = elem };
            }
            case Token.Map:
            {
                _lx.Expect(Token.LessThan);
                var key = ParseType();
                _lx.Expect(Token.Comma);
                var value = ParseType();
                _lx.Expect(Token.GreaterThan);
                return new AstType(AstTypeKind.Map, span) { First = key, Second = value };
            }
            case Token.Option:
            {
                _lx.Expect(Token.LessThan);
                var elem = ParseType();
                _lx.Expect(Token.GreaterThan);
                return new AstType(AstTypeKind.Option, span) { First = elem };
            }
            case Token.Result:
            {
                AstType? ok = null, err = null;
                if (_lx.Eat(Token.LessThan))
                {
                    if (_lx.Eat(Token.Underscore))
                    {
                        _lx.Expect(Token.Comma);
                        err = ParseType();
                    }
                    else
                    {
                        ok = ParseType();
                        if (_lx.Eat(Token.Comma)) err = ParseType();
                    }
                    _lx.Expect(Token.GreaterThan);
                }
                return new AstType(AstTypeKind.Result, span) { First = ok, Second = err };
            }
            case Token.Future:
            case Token.Stream:
            {
                AstType? elem = null;
                if (_lx.Eat(Token.LessThan))
                {
                    elem = ParseType();
                    _lx.Expect(Token.GreaterThan);
                }
                return new AstType(t == Token.Future ? AstTypeKind.Future : AstTypeKind.Stream, span) { First = elem };
            }
            case Token.Own:
            case Token.Borrow:
            {
                _lx.Expect(Token.LessThan);
                var name = ParseId();
                _lx.Expect(Token.GreaterThan);
                return new AstType(t == Token.Own ? AstTypeKind.Own : AstTypeKind.Borrow, name.Span) { Name = name };
            }
            case Token.Id:
            {
                var s = _lx.GetText(span);
                Lexer.ValidateId(span.Start, s);
                return new AstType(AstTypeKind.Name, span) { Name = new Id(s, span) };
            }
            case Token.ExplicitId:
            {
                var s = _lx.GetText(span).Substring(1);
                Lexer.ValidateId(span.Start, s);
                return new AstType(AstTypeKind.Name, span) { Name = new Id(s, span) };
            }
            default:
                throw Expected("a type", t, span);
        }
    }

    private List<T> ParseList<T>(Token start, Token end, Func<AstDocs, T> item)
    {
        _lx.Expect(start);
        var items = new List<T>();
        ParseListTrailer(end, d => items.Add(item(d)));
        return items;
    }

    private void ParseListTrailer(Token end, Action<AstDocs> item)
    {
        while (true)
        {
            var docs = ParseDocs(ref _lx);
            if (_lx.Eat(end)) break;
            item(docs);
            if (!_lx.Eat(Token.Comma))
            {
                _lx.Expect(end);
                break;
            }
        }
    }

    /// <summary>Collects the comments before an item; the reference keeps every comment as documentation.</summary>
    private static AstDocs ParseDocs(ref Lexer lx)
    {
        List<string>? lines = null;
        var start = -1;
        var end = 0;
        var clone = lx;
        while (clone.NextRaw(out var span, out var t))
        {
            if (t == Token.Comment)
            {
                var text = lx.GetText(span);
                if (start < 0) start = span.Start;
                end = span.End - (text.Length - text.TrimEnd().Length);
                (lines ??= new List<string>()).Add(text);
            }
            else if (t != Token.Whitespace)
            {
                break;
            }
            lx = clone;
        }
        return lines is null ? AstDocs.Empty : new AstDocs(lines, new Span(start, end));
    }

    private List<AstAttribute> ParseAttributes()
    {
        var list = new List<AstAttribute>();
        while (_lx.Eat(Token.At))
        {
            var id = ParseId();
            switch (id.Name)
            {
                case "since":
                case "deprecated":
                {
                    _lx.Expect(Token.LeftParen);
                    EatId("version");
                    _lx.Expect(Token.Equals);
                    var v = ParseVersion(ref _lx, out _);
                    _lx.Expect(Token.RightParen);
                    list.Add(new AstAttribute(id.Name == "since" ? AttributeKind.Since : AttributeKind.Deprecated, id.Span, v));
                    break;
                }
                case "unstable":
                {
                    _lx.Expect(Token.LeftParen);
                    EatId("feature");
                    _lx.Expect(Token.Equals);
                    var feature = ParseId();
                    _lx.Expect(Token.RightParen);
                    list.Add(new AstAttribute(AttributeKind.Unstable, id.Span, feature.Name));
                    break;
                }
                default:
                    throw new SpanException(id.Span, "unknown attribute `" + id.Name + "`");
            }
        }
        return list;
    }

    private void EatId(string expected)
    {
        var id = ParseId();
        if (id.Name != expected) throw new SpanException(id.Span, "expected `" + expected + "`, found `" + id.Name + "`");
    }

    private static string? ParseOptVersion(ref Lexer lx, out Span span)
    {
        span = default;
        return lx.Eat(Token.At) ? ParseVersion(ref lx, out span) : null;
    }

    /// <summary>Parses a semver (major.minor.patch, optional -pre and +build) from its tokens.</summary>
    private static string ParseVersion(ref Lexer lx, out Span span)
    {
        var start = lx.Expect(Token.Integer).Start;
        lx.Expect(Token.Period);
        lx.Expect(Token.Integer);
        lx.Expect(Token.Period);
        var end = lx.Expect(Token.Integer).End;
        EatIds(ref lx, Token.Minus, ref end);
        EatIds(ref lx, Token.Plus, ref end);
        span = new Span(start, end);
        var text = lx.GetText(span);
        SemVer.Validate(text, span);
        return text;
    }

    private static void EatIds(ref Lexer lx, Token prefix, ref int end)
    {
        if (!lx.Eat(prefix)) return;
        while (true)
        {
            var clone = lx;
            if (!clone.Next(out var span, out var t)) return;
            if (t is Token.Id or Token.Integer or Token.Minus)
            {
                end = span.End;
                lx = clone;
                continue;
            }
            if (t == Token.Period && clone.Next(out var span2, out var t2) && t2 is Token.Id or Token.Integer or Token.Minus)
            {
                end = span2.End;
                lx = clone;
                continue;
            }
            return;
        }
    }
}
