using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;

namespace WitSharp.Wit.Syntax;

/// <summary>Recursive-descent parser for one WIT file (WIT.md grammar). Errors are thrown as
/// <see cref="SpanException"/> and mapped to file:line:column by the caller's <see cref="SourceMap"/>.</summary>
internal sealed partial class Parser
{
    // The reference rejects deeper nesting to bound recursion on hostile input.
    private const int MaxTypeDepth = 100;
    private const int MaxPackageDepth = 100;

    private Lexer _lx;
    private int _typeDepth;
    private int _packageDepth;

    private Parser(Lexer lexer) => _lx = lexer;

    public static PackageFile ParseFile(string text, int baseOffset)
    {
        var p = new Parser(new Lexer(text, baseOffset));
        return p.ParsePackageFile();
    }

    private PackageFile ParsePackageFile()
    {
        // `package a:b;` header, unless it is really `package a:b { … }` (a nested package item).
        var peek = _lx;
        var docs = ParseDocs(ref peek);
        AstPackageName? header = null;
        if (peek.Eat(Token.Package))
        {
            var name = ParsePackageName(ref peek, docs);
            if (peek.Eat(Token.Semicolon))
            {
                _lx = peek;
                header = name;
            }
        }
        var decls = ParseDeclList(null);
        return new PackageFile(header, decls);
    }

    private DeclList ParseDeclList(Token? end)
    {
        var list = new DeclList();
        var docs = ParseDocs(ref _lx);
        while (true)
        {
            if (end is { } e)
            {
                if (_lx.Eat(e)) break;
            }
            else if (_lx.Peek() is null)
            {
                break;
            }
            list.Items.Add(ParseAstItem(docs));
            docs = ParseDocs(ref _lx);
        }
        return list;
    }

    private AstItem ParseAstItem(AstDocs docs)
    {
        var attrs = ParseAttributes();
        var clone = _lx;
        if (!clone.Next(out var span, out var t)) throw Expected("`world`, `interface` or `use`", null, default);
        switch (t)
        {
            case Token.Interface:
                _lx.Expect(Token.Interface);
                return new InterfaceDecl(docs, attrs, ParseId(), ParseInterfaceItems());
            case Token.World:
                _lx.Expect(Token.World);
                return new WorldDecl(docs, attrs, ParseId(), ParseWorldItems());
            case Token.Use:
            {
                var useSpan = _lx.Expect(Token.Use);
                var path = ParseUsePath();
                Id? asName = _lx.Eat(Token.As) ? ParseId() : null;
                _lx.Expect(Token.Semicolon);
                return new ToplevelUse(useSpan, attrs, path, asName);
            }
            case Token.Package:
            {
                var pkgSpan = _lx.Expect(Token.Package);
                if (attrs.Count != 0) throw new SpanException(pkgSpan, "cannot place attributes on nested packages");
                if (++_packageDepth > MaxPackageDepth) throw new SpanException(pkgSpan, "package nesting too deep");
                var name = ParsePackageName(ref _lx, docs);
                _lx.Expect(Token.LeftBrace);
                var decls = ParseDeclList(Token.RightBrace);
                _packageDepth--;
                return new NestedPackage(new PackageFile(name, decls));
            }
            default:
                throw Expected("`world`, `interface` or `use`", t, span);
        }
    }

    private List<InterfaceItem> ParseInterfaceItems()
    {
        _lx.Expect(Token.LeftBrace);
        var items = new List<InterfaceItem>();
        while (true)
        {
            var docs = ParseDocs(ref _lx);
            if (_lx.Eat(Token.RightBrace)) break;
            var attrs = ParseAttributes();
            items.Add(ParseInterfaceItem(docs, attrs));
        }
        return items;
    }

    private InterfaceItem ParseInterfaceItem(AstDocs docs, List<AstAttribute> attrs)
    {
        var clone = _lx;
        var has = clone.Next(out var span, out var t);
        if (has)
        {
            switch (t)
            {
                case Token.Type:
                case Token.Flags:
                case Token.Enum:
                case Token.Variant:
                case Token.Resource:
                case Token.Record:
                    return new InterfaceTypeDef(ParseTypeDefItem(t, docs, attrs));
                case Token.Id:
                case Token.ExplicitId:
                {
                    var name = ParseId();
                    _lx.Expect(Token.Colon);
                    var func = ParseFunc();
                    _lx.Expect(Token.Semicolon);
                    return new InterfaceFunc(new NamedFunc(docs, attrs, name, func));
                }
                case Token.Use:
                    return new InterfaceUse(ParseUse(attrs));
            }
        }
        throw Expected("`type`, `resource` or `func`", has ? t : null, span);
    }

    private List<WorldItemDecl> ParseWorldItems()
    {
        _lx.Expect(Token.LeftBrace);
        var items = new List<WorldItemDecl>();
        while (true)
        {
            var docs = ParseDocs(ref _lx);
            if (_lx.Eat(Token.RightBrace)) break;
            var attrs = ParseAttributes();
            items.Add(ParseWorldItem(docs, attrs));
        }
        return items;
    }

    private WorldItemDecl ParseWorldItem(AstDocs docs, List<AstAttribute> attrs)
    {
        var clone = _lx;
        var has = clone.Next(out var span, out var t);
        if (has)
        {
            switch (t)
            {
                case Token.Import:
                case Token.Export:
                    _lx.Next(out _, out _);
                    return new WorldImport(docs, attrs, ParseExternKind(), t == Token.Export);
                case Token.Use:
                    return new WorldUse(ParseUse(attrs));
                case Token.Type:
                case Token.Flags:
                case Token.Resource:
                case Token.Record:
                case Token.Variant:
                case Token.Enum:
                    return new WorldTypeDef(ParseTypeDefItem(t, docs, attrs));
                case Token.Include:
                    return ParseInclude(attrs);
            }
        }
        throw Expected("`import`, `export`, `include`, `use`, or type definition", has ? t : null, span);
    }

    private ExternKind ParseExternKind()
    {
        // Try `name: func…` / `name: interface {…}` / `label: path;` on a copy; otherwise a plain path.
        var clone = _lx;
        var id = ParseId(ref clone);
        if (clone.Eat(Token.Colon))
        {
            var peek = clone.Peek();
            if (peek is Token.Func or Token.Async)
            {
                _lx = clone;
                var func = ParseFunc();
                _lx.Expect(Token.Semicolon);
                return new ExternKind(ExternKindTag.Func, id, null, null, func);
            }
            if (clone.Eat(Token.Interface))
            {
                _lx = clone;
                return new ExternKind(ExternKindTag.Interface, id, ParseInterfaceItems(), null, null);
            }
            if (peek is Token.Id or Token.ExplicitId)
            {
                // `import label: path;` names an interface import explicitly.
                var labeled = clone;
                var saved = _lx;
                _lx = labeled;
                try
                {
                    var path = ParseUsePath();
                    if (_lx.Peek() == Token.Semicolon)
                    {
                        _lx.Expect(Token.Semicolon);
                        return new ExternKind(ExternKindTag.Path, id, null, path, null) { Label = id };
                    }
                }
                catch (SpanException)
                {
                }
                _lx = saved;
            }
        }
        var p = ParseUsePath();
        _lx.Expect(Token.Semicolon);
        return new ExternKind(ExternKindTag.Path, p.Name, null, p, null);
    }

    private IncludeDecl ParseInclude(List<AstAttribute> attrs)
    {
        _lx.Expect(Token.Include);
        var from = ParseUsePath();
        var names = new List<KeyValuePair<Id, Id>>();
        if (_lx.Eat(Token.With))
        {
            _lx.Expect(Token.LeftBrace);
            ParseListTrailer(Token.RightBrace, _ =>
            {
                var name = ParseId();
                _lx.Expect(Token.As);
                var asName = ParseId();
                names.Add(new KeyValuePair<Id, Id>(name, asName));
            });
        }
        else
        {
            _lx.Expect(Token.Semicolon);
        }
        return new IncludeDecl(attrs, from, names);
    }

    private UseDecl ParseUse(List<AstAttribute> attrs)
    {
        _lx.Expect(Token.Use);
        var from = ParseUsePath();
        _lx.Expect(Token.Period);
        _lx.Expect(Token.LeftBrace);
        var names = new List<UseName>();
        while (!_lx.Eat(Token.RightBrace))
        {
            var name = ParseId();
            Id? asName = _lx.Eat(Token.As) ? ParseId() : null;
            names.Add(new UseName(name, asName));
            if (!_lx.Eat(Token.Comma))
            {
                _lx.Expect(Token.RightBrace);
                break;
            }
        }
        _lx.Expect(Token.Semicolon);
        return new UseDecl(attrs, from, names);
    }

    private UsePath ParseUsePath()
    {
        var id = ParseId();
        if (_lx.Eat(Token.Colon))
        {
            var pkg = ParseId();
            _lx.Expect(Token.Slash);
            var name = ParseId();
            var version = ParseOptVersion(ref _lx, out _);
            var pkgName = new AstPackageName(id, pkg, version, new Span(id.Span.Start, pkg.Span.End), AstDocs.Empty);
            return new UsePath(name, pkgName);
        }
        return new UsePath(id, null);
    }

    private AstPackageName ParsePackageName(ref Lexer lx, AstDocs docs)
    {
        var ns = ParseId(ref lx);
        lx.Expect(Token.Colon);
        var name = ParseId(ref lx);
        var version = ParseOptVersion(ref lx, out var vspan);
        var end = version is null ? name.Span.End : vspan.End;
        return new AstPackageName(ns, name, version, new Span(ns.Span.Start, end), docs);
    }

    private Id ParseId() => ParseId(ref _lx);

    private static Id ParseId(ref Lexer lx)
    {
        var has = lx.Next(out var span, out var t);
        if (has && t == Token.Id)
        {
            var s = lx.GetText(span);
            Lexer.ValidateId(span.Start, s);
            return new Id(s, span);
        }
        if (has && t == Token.ExplicitId)
        {
            var s = lx.GetText(span).Substring(1);
            Lexer.ValidateId(span.Start, s);
            return new Id(s, span);
        }
        throw Expected(lx, "an identifier or string", has ? t : null, span);
    }

    private SpanException Expected(string what, Token? found, Span span) => Expected(_lx, what, found, span);

    private static SpanException Expected(Lexer lx, string what, Token? found, Span span) =>
        found is { } f
            ? new SpanException(span, "expected " + what + ", found " + TokenText.Describe(f))
            : new SpanException(lx.EofSpan, "expected " + what + ", found eof");
}
