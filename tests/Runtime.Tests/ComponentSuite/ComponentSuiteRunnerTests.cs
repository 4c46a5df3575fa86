using WitSharp.Components;
using WitSharp.Components.Text;
using ComponentValue = WitSharp.Components.ComponentValue;
using WitSharp.Runtime.Tests.Spec;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>The runner's own pieces: trap matching, value comparison, the skip list, and the linking rules the
/// corpora exercise (registered instances, module imports, type checks at instantiation).</summary>
public sealed class ComponentSuiteRunnerTests
{
    [Theory]
    [InlineData("unreachable", TrapCode.Unreachable, "anything", true)]
    [InlineData("wasm trap: unaligned pointer", TrapCode.HeapMisaligned, "x", true)]
    [InlineData("string content out-of-bounds", TrapCode.StringOutOfBounds, "x", true)]
    [InlineData("invalid variant discriminant", TrapCode.Unreachable, "unreachable", false)]
    [InlineData("invalid variant discriminant", TrapCode.Unreachable, "f: Invalid Variant Discriminant 3", true)]
    [InlineData("unknown handle index 3", TrapCode.Undefined, "no such handle", true)]
    [InlineData("cannot leave component instance", TrapCode.CannotEnterComponent, "x", false)]
    public void TrapTextsMatchLoosely(string expected, TrapCode code, string message, bool matches) =>
        Assert.Equal(matches, ComponentTrapMessages.Matches(expected, code, message));

    [Fact]
    public void ValuesCompareStructurally()
    {
        Assert.Null(ComponentWastValues.Mismatch(ComponentValue.F32(float.NaN), ComponentValue.F32(BitConverter.Int32BitsToSingle(0x7fa00000))));
        Assert.NotNull(ComponentWastValues.Mismatch(ComponentValue.F64(0.0), ComponentValue.F64(-0.0)));
        Assert.NotNull(ComponentWastValues.Mismatch(ComponentValue.F32(1), ComponentValue.F32(float.NaN)));
        Assert.Null(ComponentWastValues.Mismatch(ComponentValue.Flags("a", "b"), ComponentValue.Flags("b", "a")));
        Assert.NotNull(ComponentWastValues.Mismatch(ComponentValue.Record(("a", ComponentValue.U8(1))), ComponentValue.Record(("b", ComponentValue.U8(1)))));
        Assert.NotNull(ComponentWastValues.Mismatch(ComponentValue.U32(1), ComponentValue.S32(1)));
        Assert.NotNull(ComponentWastValues.Mismatch(ComponentValue.Some(ComponentValue.U8(1)), ComponentValue.None()));
        Assert.NotNull(ComponentWastValues.Mismatch(ComponentValue.U8(1), null));
    }

    [Fact]
    public void ScriptValuesConvert()
    {
        var cmds = ComponentWast.ParseScript("""(assert_return (invoke "f" (s8.const -1) (f32.const nan) (char.const "☃")) (u64.const 0xffff_ffff_ffff_ffff))""");
        var a = Assert.IsType<ComponentWastAssertReturn>(Assert.Single(cmds));
        Assert.Equal(-1, ComponentWastValues.ToValue(a.Action.Args[0]).AsS8());
        Assert.True(float.IsNaN(ComponentWastValues.ToValue(a.Action.Args[1]).AsF32()));
        Assert.Equal(0x2603u, ComponentWastValues.ToValue(a.Action.Args[2]).AsChar());
        Assert.Equal(ulong.MaxValue, ComponentWastValues.ToValue(a.Expected[0]).AsU64());
    }

    [Fact]
    public void SkipListReadsPrefixesAndRanges()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# comment", "c/async/ later", "c/async/x.wast more specific", "c/f.wast:10-20 range", "c/g.wast:5 one"]);
            var skips = ComponentSuiteSkips.Load(path);
            Assert.Equal("later", skips.FileReason("c/async/y.wast"));
            Assert.Equal("more specific", skips.FileReason("c/async/x.wast"));
            Assert.Null(skips.FileReason("c/f.wast"));
            Assert.Equal("range", skips.CommandReason("c/f.wast", 10));
            Assert.Equal("range", skips.CommandReason("c/f.wast", 20));
            Assert.Null(skips.CommandReason("c/f.wast", 21));
            Assert.Equal("one", skips.CommandReason("c/g.wast", 5));
            File.WriteAllLines(path, ["c/no-reason.wast"]);
            Assert.Throws<FormatException>(() => ComponentSuiteSkips.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SpecFileResult Run(string script) =>
        ComponentScriptRunner.Run("test/inline.wast", script, ComponentSuiteSkips.Load(EmptySkips.Value));

    private static readonly Lazy<string> EmptySkips = new(() =>
    {
        var p = Path.GetTempFileName();
        File.WriteAllText(p, "# none\n");
        return p;
    });

    private static void AllPass(SpecFileResult r) =>
        Assert.All(r.Commands, c => Assert.True(c.Status == SpecStatus.Passed, $"{c.Line}: {c.Directive}: {c.Message}"));

    [Fact]
    public void NamedInstancesSatisfyLaterImports()
    {
        AllPass(Run("""
            (component $a
              (core module $m (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))
              (core instance $i (instantiate $m))
              (func (export "inc") (param "x" u32) (result u32) (canon lift (core func $i "f"))))
            (component
              (import "a" (instance $a (export "inc" (func (param "x" u32) (result u32)))))
              (alias export $a "inc" (func $inc))
              (core func $inc (canon lower (func $inc)))
              (core module $m (import "" "inc" (func $inc (param i32) (result i32)))
                (func (export "g") (result i32) (call $inc (i32.const 41))))
              (core instance $i (instantiate $m (with "" (instance (export "inc" (func $inc))))))
              (func (export "g") (result u32) (canon lift (core func $i "g"))))
            (assert_return (invoke "g") (u32.const 42))
            (assert_unlinkable
              (component (import "a" (instance (export "inc" (func (param "x" string) (result u32))))))
              "type mismatch")
            (assert_unlinkable
              (component (import "a" (instance (export "dec" (func)))))
              "was not found")
            (assert_unlinkable
              (component (import "a" (func)))
              "expected func found instance")
            """));
    }

    [Fact]
    public void ModulesAreCheckedAgainstModuleImports()
    {
        AllPass(Run("""
            (component $p (core module (export "m") (import "env" "f" (func)) (func (export "g") (result i32) i32.const 1)))
            (component (import "p" (instance (export "m" (core module (import "env" "f" (func)) (import "env" "h" (func)) (export "g" (func (result i32))))))))
            (assert_unlinkable (component (import "p" (instance (export "m" (core module (export "g" (func (result i64)))))))) "wrong type")
            (assert_unlinkable (component (import "p" (instance (export "m" (core module))))) "env::f")
            (assert_unlinkable (component (import "p" (instance (export "m" (core module (export "nope" (func))))))) "not defined")
            """));
    }

    [Fact]
    public void AFailedDefinitionLeavesNoCurrentInstance()
    {
        var r = Run("""
            (component (core module $m (func (export "f") (result i32) i32.const 1)) (core instance $i (instantiate $m))
              (func (export "f") (result u32) (canon lift (core func $i "f"))))
            (component (import "missing" (func)))
            (assert_return (invoke "f") (u32.const 1))
            """);
        Assert.Equal([SpecStatus.Passed, SpecStatus.Failed, SpecStatus.Failed], r.Commands.Select(c => c.Status));
        Assert.Contains("line 3 failed", r.Commands[2].Message);
    }
}
