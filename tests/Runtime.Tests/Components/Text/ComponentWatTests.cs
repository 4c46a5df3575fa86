using WitSharp.Components.Text;

namespace WitSharp.Runtime.Tests.Components.Text;

/// <summary>Each construct of the component text format, encoded by <see cref="ComponentWat"/> and decoded
/// back by the component decoder (rendered by <see cref="ComponentDump"/>).</summary>
public sealed class ComponentWatTests
{
    private static string[] Dump(string wat) =>
        ComponentDump.Render(ComponentWat.Parse(wat)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void EmptyComponentIsPreambleOnly()
    {
        Assert.Equal(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x0d, 0x00, 0x01, 0x00 }, ComponentWat.Parse("(component)"));
        Assert.Equal(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x0d, 0x00, 0x01, 0x00 }, ComponentWat.Parse("(component $c)"));
    }

    [Fact]
    public void DefinedValueTypes()
    {
        var d = Dump("""
            (component
              (type $r (record (field "a" u32) (field "b" string)))
              (type (variant (case "x") (case "y" $r)))
              (type (list u8))
              (type (list u8 4))
              (type (tuple u32 s64))
              (type (flags "a" "b"))
              (type (enum "p" "q"))
              (type (option $r))
              (type (result u32 (error string)))
              (type (result))
              (type bool)
              (type (stream u8))
              (type (future))
            )
            """);
        Assert.Equal(
        [
            "type record (a u32) (b string)",
            "type variant (x) (y type 0)",
            "type list u8",
            "type list u8 4",
            "type tuple (u32) (s64)",
            "type flags a b",
            "type enum p q",
            "type option type 0",
            "type result ok=u32 error=string",
            "type result ok=- error=-",
            "type bool",
            "type stream u8",
            "type future -",
        ], d);
    }

    [Fact]
    public void InlineValueTypesAreHoistedBeforeTheirUser()
    {
        var d = Dump("""(component (type $f (func (param "x" (list (option u8))) (result (tuple u32 u32)))))""");
        Assert.Equal(["type option u8", "type list type 0", "type tuple (u32) (u32)", "type func (param x type 1) (result type 2)"], d);
    }

    [Fact]
    public void ResourcesOwnAndBorrow()
    {
        var d = Dump("""
            (component
              (core module $m (func (export "dtor") (param i32)))
              (core instance $i (instantiate $m))
              (core func $dtor (alias core export $i "dtor"))
              (type $res (resource (rep i32) (dtor (func $dtor))))
              (type (own $res))
              (type (borrow $res))
              (core func (canon resource.new $res))
              (core func (canon resource.drop $res))
              (core func (canon resource.rep $res))
            )
            """);
        Assert.Contains("type resource rep=i32 dtor=0", d);
        Assert.Contains("type own 0", d);
        Assert.Contains("type borrow 0", d);
        Assert.Contains("alias CoreInstanceExport 0 \"dtor\" CoreFunc", d);
        Assert.Contains(d, l => l.StartsWith("canon ResourceNew", StringComparison.Ordinal) && l.Contains("type=0", StringComparison.Ordinal));
        Assert.Contains(d, l => l.StartsWith("canon ResourceDrop", StringComparison.Ordinal));
        Assert.Contains(d, l => l.StartsWith("canon ResourceRep", StringComparison.Ordinal));
    }

    [Fact]
    public void LiftAndLowerWithOptions()
    {
        var d = Dump("""
            (component
              (import "host" (func $host (param "s" string)))
              (core module $m
                (memory (export "mem") 1)
                (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 0)
                (func (export "f") (param i32 i32) (result i32) i32.const 0)
                (func (export "post") (param i32)))
              (core instance $i (instantiate $m))
              (core func $lowered (canon lower (func $host) string-encoding=utf16 (memory $i "mem") (realloc (func $i "realloc"))))
              (func $f (param "s" string) (result string)
                (canon lift (core func $i "f") string-encoding=latin1+utf16 (memory $i "mem") (realloc (func $i "realloc")) (post-return (func $i "post"))))
              (export "f" (func $f))
            )
            """);
        Assert.Contains(d, l => l.StartsWith("canon Lower func=0", StringComparison.Ordinal) && l.Contains("Utf16", StringComparison.Ordinal) && l.Contains("(memory 0)", StringComparison.Ordinal) && l.Contains("(realloc 0)", StringComparison.Ordinal));
        Assert.Contains(d, l => l.StartsWith("canon Lift", StringComparison.Ordinal) && l.Contains("Latin1Utf16", StringComparison.Ordinal) && l.Contains("(post-return", StringComparison.Ordinal));
        Assert.Equal("export \"f\" Func 1", d[^1]);
    }

    [Fact]
    public void LongFormCanonAndAliases()
    {
        var d = Dump("""
            (component
              (import "i" (instance $i (export "f" (func))))
              (alias export $i "f" (func $f))
              (canon lower (func $f) (core func $lf))
              (core module $m (import "" "f" (func)) (func (export "g")))
              (core instance $ci (instantiate $m (with "" (instance (export "f" (func $lf))))))
              (alias core export $ci "g" (core func $g))
              (type $ft (func))
              (canon lift (core func $g) (func $lifted (type $ft)))
              (export "g" (func $lifted))
            )
            """);
        Assert.Equal(
        [
            "type instance",
            "  type func",
            "  export \"f\" Func 0",
            "import \"i\" Instance 0",
            "alias InstanceExport 0 \"f\" Func",
            "canon Lower func=0 type=0",
            "core module 51 bytes",
            "core instance (export \"f\" CoreFunc 0)",
            "core instance instantiate 0 (with \"\" 0)",
            "alias CoreInstanceExport 1 \"g\" CoreFunc",
            "type func",
            "canon Lift func=1 type=1",
            "export \"g\" Func 1",
        ], d.Select(l => l.StartsWith("core module", StringComparison.Ordinal) ? "core module 51 bytes" : l).ToArray());
    }

    [Fact]
    public void NestedComponentsOuterAliasesAndInstantiation()
    {
        var d = Dump("""
            (component $outer
              (type $t u32)
              (component $inner
                (alias outer $outer $t (type $t2))
                (import "x" (func (param "a" $t2)))
              )
              (instance $inst (instantiate $inner (with "x" (func $fx))))
              (func $fx (import "fx") (param "a" u32))
            )
            """.Replace("(instance $inst (instantiate $inner (with \"x\" (func $fx))))\n  (func $fx (import \"fx\") (param \"a\" u32))",
                        "(func $fx (import \"fx\") (param \"a\" u32))\n  (instance $inst (instantiate $inner (with \"x\" (func $fx))))", StringComparison.Ordinal));
        Assert.Equal("type u32", d[0]);
        Assert.Equal("component", d[1]);
        Assert.Equal("  alias outer 1 0 Type", d[2]);
        Assert.StartsWith("  type func (param a type 0)", d[3], StringComparison.Ordinal);
        Assert.Contains("instance instantiate 0 (with \"x\" Func 0)", d);
    }

    [Fact]
    public void ImplicitOuterAliasForTypesOfEnclosingScopes()
    {
        var d = Dump("""
            (component
              (type $t string)
              (type (instance (export "f" (func (param "s" $t)))))
            )
            """);
        Assert.Equal(["type string", "type instance", "  alias outer 1 0 Type", "  type func (param s type 0)", "  export \"f\" Func 1"], d);
    }

    [Fact]
    public void ComponentAndInstanceTypesWithResourcesAndImports()
    {
        var d = Dump("""
            (component
              (type $ct (component
                (import "r" (type $r (sub resource)))
                (export "mk" (func (result (own $r))))
                (core type (module (import "a" "b" (func (param i32))) (export "m" (memory 1))))
              ))
              (import "c" (component (type $ct)))
              (import "a:b/c@1.0.0" (instance (export "t" (type (eq 0)))))
            )
            """);
        Assert.Equal("type component", d[0]);
        Assert.Equal("  import \"r\" type SubResource", d[1]);
        Assert.Equal("  type own 0", d[2]);
        Assert.Equal("  type func (result type 1)", d[3]);
        Assert.Equal("  export \"mk\" Func 2", d[4]); // extern types carry the type index
        Assert.StartsWith("  core type module (type func [i32] -> []) (import \"a\" \"b\" func 0) (export \"m\" memory", d[5], StringComparison.Ordinal);
        Assert.Equal("import \"c\" Component 0", d[6]);
        Assert.Equal("import \"a:b/c@1.0.0\" Instance 1", d[^1]);
    }

    [Fact]
    public void CoreInstancesAndInlineExports()
    {
        var d = Dump("""
            (component
              (core module $m (export "m"))
              (core module $n (func (export "f")))
              (core instance $a (instantiate $n))
              (core instance $b (export "g" (func $a "f")))
              (instance $i (export "mod" (core module $m)))
              (export "i" (instance $i))
            )
            """);
        Assert.StartsWith("core module", d[0], StringComparison.Ordinal);
        Assert.Equal("export \"m\" CoreModule 0", d[1]);
        Assert.Equal("core instance instantiate 2", d[3]);
        Assert.Equal("alias CoreInstanceExport 0 \"f\" CoreFunc", d[4]);
        Assert.Equal("core instance (export \"g\" CoreFunc 0)", d[5]);
        Assert.Equal("instance (export \"mod\" CoreModule 0)", d[6]);
        Assert.Equal("export \"i\" Instance 0", d[7]);
    }

    [Fact]
    public void NameAttributesAndAscription()
    {
        var d = Dump("""
            (component
              (import "a" (implements "a:b/c@1.0.0") (instance $a))
              (export "b" (implements "a:b/c") (instance $a) (instance))
              (type $f (func))
              (import "g" (func $g (type $f)))
              (export $e "h" (func $g) (func (type $f)))
              (export "h2" (func $e))
            )
            """);
        Assert.Equal("import \"a\" (implements \"a:b/c@1.0.0\") Instance 0", d[1]);
        Assert.Equal("export \"b\" (implements \"a:b/c\") Instance 0 Instance 1", d[3]);
        Assert.Equal("export \"h2\" Func 1", d[^1]);
    }

    [Fact]
    public void StartBinaryAndQuoteForms()
    {
        var quoted = ComponentWat.Parse("(component quote \"(type u8)\")");
        Assert.Equal(ComponentWat.Parse("(component (type u8))"), quoted);
        var binary = ComponentWat.Parse("(component binary \"\\00asm\" \"\\0d\\00\\01\\00\")");
        Assert.Equal(ComponentWat.Parse("(component)"), binary);
        var d = Dump("(component (import \"f\" (func $f)) (start $f))");
        Assert.Equal("start 0 args [] results 0", d[^1]);
    }

    [Fact]
    public void AsyncBuiltins()
    {
        var d = Dump("""
            (component
              (core module $m (memory (export "mem") 1))
              (core instance $i (instantiate $m))
              (type $s (stream u8))
              (core func (canon stream.new $s))
              (core func (canon stream.read $s async (memory $i "mem")))
              (core func (canon task.return (result u32)))
              (core func (canon context.get i32 0))
              (core func (canon waitable-set.wait (memory $i "mem")))
              (core func (canon backpressure.inc))
            )
            """);
        Assert.Contains(d, l => l.StartsWith("canon StreamNew", StringComparison.Ordinal));
        Assert.Contains(d, l => l.StartsWith("canon StreamRead", StringComparison.Ordinal) && l.Contains("async", StringComparison.Ordinal));
        Assert.Contains(d, l => l.StartsWith("canon TaskReturn", StringComparison.Ordinal));
        Assert.Contains(d, l => l.StartsWith("canon ContextGet", StringComparison.Ordinal));
        Assert.Contains(d, l => l.StartsWith("canon WaitableSetWait", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("(component (type (record (field \"a\" nope))))", 1, 37)]
    [InlineData("(component\n  (func $f (alias export $missing \"x\")))", 2, 26)]
    [InlineData("(component (type $t u8) (type $t u8))", 1, 31)]
    [InlineData("(component (frob))", 1, 12)]
    [InlineData("(component (core module (func (result i32) nop.bad)))", 1, 44)]
    public void MalformedTextReportsLineAndColumn(string wat, int line, int column)
    {
        var e = Assert.Throws<MalformedException>(() => ComponentWat.Parse(wat));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
    }
}
