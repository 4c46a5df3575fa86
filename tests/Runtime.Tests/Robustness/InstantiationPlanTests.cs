using WitSharp.Core.Instances;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>
/// <see cref="InstantiationPlan"/>: only defined functions that something other than a direct <c>call</c> can reach
/// (exports, element segments, <c>ref.func</c> in constant expressions, the start function) get a
/// <see cref="FunctionInstance"/>; the others are still called directly, and names reach backtraces as before.
/// </summary>
public sealed class InstantiationPlanTests
{
    private const string Wat = """
        (module
          (type $t (func (result i32)))
          (table 2 funcref)
          (elem (i32.const 0) $in_table)
          (elem declare func $declared)
          (global $g funcref (ref.func $in_global))
          (func $helper (result i32) (i32.const 40))
          (func $in_table (result i32) (i32.const 1))
          (func $declared (result i32) (i32.const 2))
          (func $in_global (result i32) (i32.const 3))
          (func $start)
          (start $start)
          (func (export "direct") (result i32) (i32.add (call $helper) (i32.const 2)))
          (func (export "indirect") (result i32) (call_indirect (type $t) (i32.const 0)))
          (func (export "via_ref_func") (result i32)
            (table.set (i32.const 1) (ref.func $declared))
            (call_indirect (type $t) (i32.const 1)))
          (func (export "via_global") (result i32)
            (table.set (i32.const 1) (global.get $g))
            (call_indirect (type $t) (i32.const 1)))
          (func (export "trap") (result i32) (call $deep))
          (func $deep (result i32) (unreachable)))
        """;

    [Fact]
    public void Unreferenced_functions_get_no_instance_and_every_call_path_still_works()
    {
        using var store = new Store(new Engine());
        var module = Module.FromText(store.Engine, "m", Wat);
        var instance = new Linker(store.Engine).Instantiate(store, module);
        Assert.Equal(42, instance.GetFunction<int>("direct")!());
        Assert.Equal(1, instance.GetFunction<int>("indirect")!());
        Assert.Equal(2, instance.GetFunction<int>("via_ref_func")!());
        Assert.Equal(3, instance.GetFunction<int>("via_global")!());

        var functions = instance.Context.Functions;
        Assert.Null(functions[0]); // $helper: only called directly
        Assert.Null(functions[10]); // $deep
        foreach (int referenced in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }) Assert.NotNull(functions[referenced]);
        var plan = InstantiationPlan.For(module.Compiled);
        Assert.Equal(11, plan.Referenced.Length);
        Assert.Equal(9, plan.Referenced.Count(r => r));
    }

    [Fact]
    public void A_trap_in_an_unreferenced_function_keeps_its_name_in_the_backtrace()
    {
        using var store = new Store(new Engine());
        var instance = new Linker(store.Engine).Instantiate(store, Module.FromText(store.Engine, "m", Wat));
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction<int>("trap")!());
        Assert.Contains("deep", trap.Message + string.Join("\n", trap.Frames?.Select(f => f.FunctionName) ?? []));
    }
}
