using WitSharp.Wit;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Tests.Syntax;

/// <summary>Lexer/parser behaviour that the resolver and diagnostics rely on (WIT.md grammar).</summary>
public sealed class ParserTests
{
    private static WitException Fail(string text)
    {
        var r = new Resolve();
        return Assert.Throws<WitException>(() => r.PushSource("t.wit", text));
    }

    [Fact]
    public void Column_counts_utf8_bytes_like_the_reference()
    {
        // `é` is two UTF-8 bytes: the bad token after it sits at byte column 8, not char column 7.
        var e = Fail("package a:b;\n// é\ninterface é {}");
        Assert.Equal(3, e.Line);
        Assert.Equal(11, e.Column);
        var e2 = Fail("package a:b; /* é */ interface");
        Assert.Equal((1, 32), (e2.Line, e2.Column)); // 30 chars, 31 bytes, then eof
        Assert.Equal("expected an identifier or string, found eof", e2.Reason);
    }

    [Fact]
    public void Header_and_nested_packages_are_split()
    {
        var file = Parser.ParseFile("package a:b@1.2.3;\npackage c:d { interface i {} }\ninterface j {}", 0);
        Assert.Equal("a:b@1.2.3", file.PackageId!.ToName().ToString());
        Assert.Equal(2, file.Decls.Items.Count);
        var nested = Assert.IsType<NestedPackage>(file.Decls.Items[0]);
        Assert.Equal("c:d", nested.File.PackageId!.ToName().ToString());
        Assert.IsType<InterfaceDecl>(file.Decls.Items[1]);
    }

    [Fact]
    public void File_without_header_may_open_with_a_nested_package()
    {
        var file = Parser.ParseFile("package c:d { }", 0);
        Assert.Null(file.PackageId);
        Assert.IsType<NestedPackage>(Assert.Single(file.Decls.Items));
    }

    [Theory]
    [InlineData("package a:b; interface i { f: func() -> list<u8, 4>; }", "FixedSizeList")]
    [InlineData("package a:b; interface i { f: func() -> future<stream<u8>>; }", "Future")]
    [InlineData("package a:b; interface i { f: func() -> result<_, error-context>; }", "Result")]
    [InlineData("package a:b; interface i { f: func() -> map<string, u32>; }", "Map")]
    public void Parses_newer_type_forms(string text, string kind)
    {
        var file = Parser.ParseFile(text, 0);
        var f = Assert.IsType<InterfaceFunc>(Assert.Single(((InterfaceDecl)file.Decls.Items[0]).Items));
        Assert.Equal(kind, f.Func.Func.Result!.Kind.ToString());
    }

    [Fact]
    public void Async_functions_and_labeled_imports_parse()
    {
        var file = Parser.ParseFile("package a:b; world w { import x: async func(); import lbl: ns:pkg/iface@1.0.0; }", 0);
        var items = ((WorldDecl)file.Decls.Items[0]).Items.Cast<WorldImport>().ToList();
        Assert.True(items[0].Kind.Func!.IsAsync);
        Assert.Equal("lbl", items[1].Kind.Label!.Value.Name);
        Assert.Equal("1.0.0", items[1].Kind.Path!.Package!.Version);
    }

    [Theory]
    [InlineData("// one\n// two\ninterface i {}", "one\ntwo")]
    [InlineData("/// doc\n///   indented\ninterface i {}", "doc\n  indented")]
    [InlineData("/** block */\ninterface i {}", "block")]
    [InlineData("interface i {}", null)]
    public void Docs_are_normalized_like_the_reference(string item, string? expected)
    {
        var r = new Resolve();
        r.PushSource("t.wit", "package a:b;\n" + item);
        Assert.Equal(expected, r.Interfaces.Single().Docs.Contents);
    }
}
