using System.Text;

namespace WitSharp.Runtime.Tests.Compilation;

/// <summary>Shapes that stress the compiler rather than the semantics: deep nesting, many locals,
/// long bodies, many functions, operands left on the stack across blocks.</summary>
public class LargeModuleTests
{
    [Fact]
    public void Deeply_nested_blocks_compile_and_branch_out()
    {
        const int depth = 2000;
        var sb = new StringBuilder("(module (func (export \"f\") (param i32) (result i32) i32.const 7 ");
        for (int i = 0; i < depth; i++) sb.Append("(block (result i32) ");
        sb.Append("local.get 0 local.get 0 br_if ").Append(depth / 2).Append(" drop i32.const 3");
        for (int i = 0; i < depth; i++) sb.Append(')');
        sb.Append(" i32.add))");
        var i0 = WasmFixture.Instantiate(sb.ToString());
        Assert.Equal(12, i0.Call("f", 5));
        Assert.Equal(10, i0.Call("f", 0));
    }

    [Fact]
    public void Many_locals_and_a_long_body_compile()
    {
        const int locals = 3000;
        var sb = new StringBuilder("(module (func (export \"f\") (param i64) (result i64) (local");
        for (int i = 0; i < locals; i++) sb.Append(" i64");
        sb.Append(')');
        for (int i = 1; i <= locals; i++) sb.Append($" local.get {i - 1} i64.const 1 i64.add local.set {i}");
        sb.Append($" local.get {locals}))");
        var inst = WasmFixture.Instantiate(sb.ToString());
        Assert.Equal(40L + locals, inst.Call("f", 40L));
    }

    [Fact]
    public void Many_functions_call_each_other()
    {
        const int count = 1500;
        var sb = new StringBuilder("(module (func $f0 (param i32) (result i32) local.get 0)");
        for (int i = 1; i < count; i++) sb.Append($" (func $f{i} (param i32) (result i32) local.get 0 i32.const 1 i32.add call $f{i - 1})");
        sb.Append($" (export \"top\" (func $f{count - 1})))");
        var inst = WasmFixture.Instantiate(sb.ToString());
        Assert.Equal(count - 1 + 5, inst.Call("top", 5));
    }

    [Fact]
    public void Operands_below_blocks_loops_and_ifs_survive()
    {
        var inst = WasmFixture.Instantiate("""
            (module
              (func (export "f") (param i32) (result i32) (local i32)
                i32.const 1000
                i32.const 100
                loop (result i32)
                  local.get 1 i32.const 1 i32.add local.tee 1
                  local.get 0 i32.lt_s br_if 0
                  local.get 1
                end
                local.get 0
                if (result i32) i32.const 10 else i32.const 20 end
                i32.add i32.add i32.add))
            """);
        Assert.Equal(1000 + 100 + 5 + 10, inst.Call("f", 5));
        Assert.Equal(1000 + 100 + 1 + 20, inst.Call("f", 0));
    }
}
