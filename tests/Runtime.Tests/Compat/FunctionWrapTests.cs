namespace WitSharp.Runtime.Tests.Compat;

/// <summary>Function.WrapAction/WrapFunc and the wide Instance.GetFunction arities (wasmtime-dotnet shapes).</summary>
public sealed class FunctionWrapTests
{
    private static Instance Instantiate(string wat)
    {
        var engine = new Engine();
        return new Linker(engine).Instantiate(new Store(engine), Module.FromText(engine, "w", wat));
    }

    [Fact]
    public void WrapFunc_and_WrapAction_call_the_function_or_are_null_on_mismatch()
    {
        var i = Instantiate("""
            (module (global $g (mut i32) (i32.const 0))
                    (func (export "add") (param i32 i64) (result i64) local.get 0 i64.extend_i32_s local.get 1 i64.add)
                    (func (export "set") (param i32) local.get 0 global.set $g)
                    (func (export "get") (result i32) global.get $g))
            """);
        var add = i.GetFunction("add")!;
        Assert.Equal(42L, add.WrapFunc<int, long, long>()!(40, 2));
        Assert.Null(add.WrapFunc<int, int, long>());
        Assert.Null(add.WrapAction<int, long>());
        i.GetFunction("set")!.WrapAction<int>()!(17);
        Assert.Equal(17, i.GetFunction("get")!.WrapFunc<int>()!());
    }

    [Fact]
    public void Sixteen_parameter_functions_bind()
    {
        var ps = string.Join(' ', Enumerable.Repeat("i32", 16));
        var body = "local.get 0 " + string.Concat(Enumerable.Range(1, 15).Select(k => $"local.get {k} i32.add "));
        var i = Instantiate($"""(module (func (export "sum") (param {ps}) (result i32) {body}))""");
        var viaInstance = i.GetFunction<int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int>("sum")!;
        Assert.Equal(136, viaInstance(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
        var viaWrap = i.GetFunction("sum")!.WrapFunc<int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int>()!;
        Assert.Equal(16, viaWrap(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    }
}
