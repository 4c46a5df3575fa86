using WitSharp.Components.Text;

namespace WitSharp.Runtime.Tests.Components.Text;

/// <summary>The component WAST directives and value syntax used by the component corpora.</summary>
public sealed class ComponentWastTests
{
    [Fact]
    public void DefinitionsAndModuleAssertions()
    {
        var cmds = ComponentWast.ParseScript("""
            (component $a (type u8))
            (component definition $D (import "x" (func)))
            (component instance $i $D)
            (assert_invalid (component (type (own 0))) "not a resource type")
            (assert_malformed (component quote "(type") "unexpected end")
            (assert_unlinkable (component (import "missing" (func))) "was not found")
            (module $core (func (export "f")))
            (register "lib" $a)
            """);
        var a = Assert.IsType<ComponentWastDefine>(cmds[0]);
        Assert.Equal("$a", a.Module.Name);
        Assert.False(a.Module.IsDefinition);
        Assert.StartsWith("type u8", ComponentDump.Render(a.Module.Encode()), StringComparison.Ordinal);
        var d = Assert.IsType<ComponentWastDefine>(cmds[1]);
        Assert.True(d.Module.IsDefinition);
        Assert.Equal("$D", d.Module.Name);
        Assert.Contains("import \"x\" Func 0", ComponentDump.Render(d.Module.Encode()), StringComparison.Ordinal);
        var inst = Assert.IsType<ComponentWastInstance>(cmds[2]);
        Assert.Equal(("$i", "$D"), (inst.Name, inst.Definition));
        var inv = Assert.IsType<ComponentWastAssertModule>(cmds[3]);
        Assert.Equal(ComponentWastAssertion.Invalid, inv.Kind);
        Assert.Equal("not a resource type", inv.Message);
        var mal = Assert.IsType<ComponentWastAssertModule>(cmds[4]);
        Assert.Equal(ComponentWastForm.Quote, mal.Module.Form);
        Assert.Throws<MalformedException>(() => mal.Module.Encode());
        Assert.Equal(ComponentWastAssertion.Unlinkable, Assert.IsType<ComponentWastAssertModule>(cmds[5]).Kind);
        var core = Assert.IsType<ComponentWastDefine>(cmds[6]);
        Assert.True(core.Module.IsCoreModule);
        Assert.Equal(0x01, core.Module.Encode()[4]); // core module version 1, not a component
        var reg = Assert.IsType<ComponentWastRegister>(cmds[7]);
        Assert.Equal(("lib", "$a"), (reg.Name, reg.InstanceName));
    }

    [Fact]
    public void InvocationsAndComponentValues()
    {
        var cmds = ComponentWast.ParseScript("""
            (assert_return (invoke "f" (u32.const 0x10) (str.const "hé") (bool.const true) (char.const "x"))
              (record.const (field "k" str.const "a") (field "v" list.const (u8.const 1) (u8.const 2))))
            (assert_return (invoke "g") (variant.const "b" (f32.const -1.5)) (option.some (tuple.const (s8.const -1))) (option.none)
              (result.ok (enum.const "red")) (result.err) (flags.const "a" "c"))
            (assert_trap (invoke $inst "h" (s64.const -3)) "unreachable")
            (assert_trap (component (core module $m (start $s) (func $s unreachable))) "unreachable")
            (invoke "side-effect")
            """);
        var r = Assert.IsType<ComponentWastAssertReturn>(cmds[0]);
        Assert.Equal("f", r.Action.Export);
        Assert.Equal(["(u32 0x10)", "(str hé)", "(bool true)", "(char x)"], r.Action.Args.Select(v => v.ToString()));
        var rec = Assert.Single(r.Expected);
        Assert.Equal("record", rec.Kind);
        Assert.Equal(["k", "v"], rec.Labels);
        Assert.Equal("(list (u8 1) (u8 2))", rec.Items[1].ToString());
        var g = Assert.IsType<ComponentWastAssertReturn>(cmds[1]);
        Assert.Equal(
            ["(variant \"b\" (f32 -1.5))", "(option.some (tuple (s8 -1)))", "(option.none)", "(result.ok (enum \"red\"))", "(result.err)", "(flags \"a\" \"c\")"],
            g.Expected.Select(v => v.ToString()));
        var t = Assert.IsType<ComponentWastAssertTrap>(cmds[2]);
        Assert.Equal(("$inst", "h", "unreachable"), (t.Action!.InstanceName, t.Action.Export, t.Message));
        var ti = Assert.IsType<ComponentWastAssertTrap>(cmds[3]);
        Assert.Null(ti.Action);
        Assert.NotNull(ti.Module);
        Assert.IsType<ComponentWastInvoke>(cmds[4]);
    }

    [Theory]
    [InlineData("(assert_return (invoke \"f\" (u32.const)))")]
    [InlineData("(assert_return (invoke \"f\") (bool.const maybe))")]
    [InlineData("(assert_return (invoke \"f\") (char.const \"ab\"))")]
    [InlineData("(assert_return (invoke \"f\") (widget.const 1))")]
    [InlineData("(frobnicate)")]
    public void MalformedDirectivesAreRejected(string script) =>
        Assert.Throws<MalformedException>(() => ComponentWast.ParseScript(script));
}
