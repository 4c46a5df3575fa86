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

/// <summary>Host functions with 13–15 parameters (wasmtime-dotnet's widest Func overloads).</summary>
public sealed class WideHostFunctionTests
{
    [Fact]
    public void Fifteen_parameter_host_function_is_called_from_wasm()
    {
        var engine = new Engine();
        var linker = new Linker(engine);
        linker.DefineFunction("env", "f", (int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m, int n, int o)
            => a + b + c + d + e + f + g + h + i + j + k + l + m + n + o);
        var ps = string.Join(' ', Enumerable.Repeat("i32", 15));
        var args = string.Concat(Enumerable.Range(1, 15).Select(k => $"i32.const {k} "));
        var module = Module.FromText(engine, "h", $"""
            (module (import "env" "f" (func $f (param {ps}) (result i32)))
                    (func (export "run") (result i32) {args} call $f))
            """);
        var store = new Store(engine);
        Assert.Equal(120, linker.Instantiate(store, module).GetFunction<int>("run")!());
        var direct = Function.FromCallback(store, (int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m, int n, int o) => o);
        Assert.Equal(15, direct.WrapFunc<int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int>()!(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
    }
}

/// <summary>Function.CheckTypeSignature and Function.Invoke() (wasmtime-dotnet shapes).</summary>
public sealed class FunctionSignatureTests
{
    [Fact]
    public void CheckTypeSignature_matches_only_the_exact_signature()
    {
        var engine = new Engine();
        var i = new Linker(engine).Instantiate(new Store(engine), Module.FromText(engine, "s", """
            (module (func (export "f") (param i32 f64) (result i64 i32) i64.const 1 i32.const 2)
                    (func (export "v")))
            """));
        var f = i.GetFunction("f")!;
        Assert.True(f.CheckTypeSignature(typeof(ValueTuple<long, int>), typeof(int), typeof(double)));
        Assert.False(f.CheckTypeSignature(typeof(ValueTuple<long, int>), typeof(int), typeof(float)));
        Assert.False(f.CheckTypeSignature(typeof(long), typeof(int), typeof(double)));
        Assert.False(f.CheckTypeSignature(typeof(string), typeof(int)));
        var v = i.GetFunction("v")!;
        Assert.True(v.CheckTypeSignature());
        Assert.True(v.CheckTypeSignature(typeof(void)));
        Assert.Null(v.Invoke());
        Assert.Equal([1L, 2], (object[])f.Invoke(0, 0d)!);
    }
}

/// <summary>Instance.GetFunction(name, returnType, parameterTypes) and Caller.TryGetMemorySpan.</summary>
public sealed class InstanceCallerCompatTests
{
    [Fact]
    public void GetFunction_with_types_checks_the_signature_and_callers_see_memory_spans()
    {
        var engine = new Engine();
        var linker = new Linker(engine);
        int seen = 0;
        bool missing = true;
        linker.DefineFunction("env", "peek", (Caller caller, int address) =>
        {
            missing = caller.TryGetMemorySpan<int>("nope", 0, 1, out _);
            if (caller.TryGetMemorySpan<int>("mem", address, 2, out var span)) seen = span[0] + span[1];
        });
        var i = linker.Instantiate(new Store(engine), Module.FromText(engine, "c", """
            (module (import "env" "peek" (func $peek (param i32)))
                    (memory (export "mem") 1)
                    (data (i32.const 8) "\05\00\00\00\07\00\00\00")
                    (func (export "run") (param i32) local.get 0 call $peek))
            """));
        Assert.Null(i.GetFunction("run", typeof(int), typeof(int)));
        Assert.Null(i.GetFunction("missing", null));
        var run = i.GetFunction("run", null, typeof(int))!;
        run.Invoke(8);
        Assert.Equal(12, seen);
        Assert.False(missing);
    }
}
