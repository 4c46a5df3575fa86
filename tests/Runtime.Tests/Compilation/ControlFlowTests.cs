namespace WitSharp.Runtime.Tests.Compilation;

public class ControlFlowTests
{
    [Fact]
    public void Add_and_constants()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
              (func (export "k") (result i64) i64.const -5)
              (func (export "f") (result f32) f32.const 1.5)
              (func (export "d") (result f64) f64.const -2.25))
            """);
        Assert.Equal(5, i.Call("add", 2, 3));
        Assert.Equal(-5L, i.Call("k"));
        Assert.Equal(1.5f, i.Call("f"));
        Assert.Equal(-2.25, i.Call("d"));
    }

    [Fact]
    public void Loop_with_br_if_computes_factorial()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func (export "fac") (param i64) (result i64) (local i64)
                i64.const 1 local.set 1
                block
                  loop
                    local.get 0 i64.eqz br_if 1
                    local.get 1 local.get 0 i64.mul local.set 1
                    local.get 0 i64.const 1 i64.sub local.set 0
                    br 0
                  end
                end
                local.get 1))
            """);
        Assert.Equal(3628800L, i.Call("fac", 10L));
    }

    [Fact]
    public void If_else_with_results_and_values_below()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func (export "pick") (param i32) (result i32)
                i32.const 100
                local.get 0
                if (result i32) i32.const 1 else i32.const 2 end
                i32.add)
              (func (export "noelse") (param i32) (result i32) (local i32)
                i32.const 7 local.set 1
                local.get 0 if local.get 0 local.set 1 end
                local.get 1))
            """);
        Assert.Equal(101, i.Call("pick", 1));
        Assert.Equal(102, i.Call("pick", 0));
        Assert.Equal(7, i.Call("noelse", 0));
        Assert.Equal(9, i.Call("noelse", 9));
    }

    [Fact]
    public void Br_table_selects_targets_and_default()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func (export "t") (param i32) (result i32)
                block block block
                  local.get 0 br_table 0 1 2
                end i32.const 10 return
                end i32.const 11 return
                end i32.const 12)
              (func (export "v") (param i32) (result i32)
                block (result i32)
                  block (result i32)
                    i32.const 5 i32.const 6 local.get 0 br_table 0 1
                  end
                  i32.const 1000 i32.add
                end))
            """);
        Assert.Equal(10, i.Call("t", 0));
        Assert.Equal(11, i.Call("t", 1));
        Assert.Equal(12, i.Call("t", 2));
        Assert.Equal(12, i.Call("t", -1));
        Assert.Equal(1006, i.Call("v", 0));
        Assert.Equal(6, i.Call("v", 1));
        Assert.Equal(6, i.Call("v", 77));
    }

    [Fact]
    public void Multi_value_blocks_functions_and_calls()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func $swap (param i32 i32) (result i32 i32) local.get 1 local.get 0)
              (func (export "swap") (param i32 i32) (result i32 i32) local.get 0 local.get 1 call $swap)
              (func (export "sub") (param i32 i32) (result i32) local.get 0 local.get 1 call $swap i32.sub)
              (func (export "blk") (result i32)
                i32.const 1 i32.const 2
                block (param i32 i32) (result i32) i32.add end)
              (func (export "lp") (param i32) (result i32)
                i32.const 0 local.get 0
                loop (param i32 i32) (result i32)
                  local.tee 0 i32.add
                  local.get 0 i32.const 1 i32.sub
                  local.tee 0 local.get 0 br_if 0
                  drop
                end)
              (func (export "many") (result i32 i64 f32 f64 i32 i32 i32 i32 i32)
                i32.const 1 i64.const 2 f32.const 3 f64.const 4 i32.const 5 i32.const 6 i32.const 7 i32.const 8 i32.const 9))
            """);
        Assert.Equal(new object?[] { 9, 4 }, (object?[])i.Call("swap", 4, 9)!);
        Assert.Equal(5, i.Call("sub", 3, 8));
        Assert.Equal(3, i.Call("blk"));
        Assert.Equal(15, i.Call("lp", 5));
        Assert.Equal(new object?[] { 1, 2L, 3f, 4d, 5, 6, 7, 8, 9 }, (object?[])i.Call("many")!);
        var typed = i.GetFunction<int, int, (int, int)>("swap")!;
        Assert.Equal((2, 1), typed(1, 2));
    }

    [Fact]
    public void Br_out_of_nested_blocks_drops_extra_operands()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func (export "f") (param i32) (result i32)
                i32.const 1
                block (result i32)
                  i32.const 2 i32.const 3
                  block
                    i32.const 4
                    local.get 0 br_if 1
                    drop
                  end
                  i32.add
                end
                i32.add))
            """);
        Assert.Equal(5, i.Call("f", 1));   // 1 + 4 (br carries the 4)
        Assert.Equal(6, i.Call("f", 0));   // 1 + (2 + 3)
    }

    [Fact]
    public void Unreachable_code_after_branches_is_skipped()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func (export "f") (result i32)
                block (result i32) i32.const 1 br 0 i32.const 2 i32.add end)
              (func (export "g") (result i32)
                i32.const 3 return unreachable)
              (func (export "h") (param i32) (result i32)
                block (result i32)
                  local.get 0
                  if (result i32) i32.const 5 br 1 else i32.const 6 end
                end))
            """);
        Assert.Equal(1, i.Call("f"));
        Assert.Equal(3, i.Call("g"));
        Assert.Equal(5, i.Call("h", 1));
        Assert.Equal(6, i.Call("h", 0));
    }

    [Fact]
    public void Select_picks_by_condition()
    {
        var i = WasmFixture.Instantiate("""
            (module
              (func (export "s") (param i32) (result i64) i64.const 10 i64.const 20 local.get 0 select)
              (func (export "t") (param i32) (result f64) f64.const 1 f64.const 2 local.get 0 select (result f64)))
            """);
        Assert.Equal(10L, i.Call("s", 1));
        Assert.Equal(20L, i.Call("s", 0));
        Assert.Equal(2.0, i.Call("t", 0));
    }
}
