using WitSharp.Core;
using WitSharp.Core.Compilation;
using WitSharp.Runtime.Tests.Compilation;

namespace WitSharp.Runtime.Tests.Components.Adapters;

/// <summary>
/// The flat host thunk the fused adapters enter through (Core/Compilation/CodeGenerator.FlatHostThunks.cs): guest
/// code calls a host function whose callback sees the core arguments as raw bits and returns the result as raw
/// bits. Checked from compiled code, with every value type, bit patterns that a conversion would change (negative
/// i32 zero-extended, signalling NaN payloads, -0.0), and an exception that must arrive unwrapped.
/// </summary>
public sealed unsafe class FlatHostThunkTests
{
    private static Instance Instantiate(Store store, FuncType type, FlatHostCallback callback, string module)
    {
        var f = HostFunctions.CreateFlat(store, type, callback) ?? throw new InvalidOperationException("no flat thunk");
        var linker = new Linker(store.Engine);
        linker.Define("host", "f", new Function(store, f));
        return linker.Instantiate(store, Module.FromText(store.Engine, "m", module));
    }

    [Fact]
    public void Arguments_arrive_as_raw_bits_and_the_result_leaves_as_raw_bits()
    {
        var store = new Store(WasmFixture.Engine);
        ulong[] seen = [];
        var type = new FuncType([ValType.I32, ValType.I64, ValType.F32, ValType.F64], [ValType.F64]);
        var i = Instantiate(store, type, args =>
        {
            seen = [args[0], args[1], args[2], args[3]];
            return 0x7ff4_0000_0000_0001; // a signalling NaN payload must come back unchanged
        }, """
            (module
              (import "host" "f" (func $f (param i32 i64 f32 f64) (result f64)))
              (func (export "run") (param $nan i32) (result i64)
                (i64.reinterpret_f64 (call $f (i32.const -2) (i64.const -3)
                  (f32.reinterpret_i32 (local.get $nan)) (f64.const -0.0)))))
            """);

        // The NaN is a parameter: a constant one may be folded (and quieted) by the JIT before the call.
        Assert.Equal(0x7ff4_0000_0000_0001L, i.GetFunction<int, long>("run")!(0x7fa00001));
        Assert.Equal(0xffff_fffeUL, seen[0]); // zero-extended i32 bit pattern
        Assert.Equal(unchecked((ulong)-3L), seen[1]);
        Assert.Equal(0x7fa0_0001UL, seen[2]); // f32 NaN payload, zero-extended
        Assert.Equal(0x8000_0000_0000_0000UL, seen[3]); // -0.0
    }

    [Theory]
    [InlineData("i32", 0xffff_ffffUL, "(i64.extend_i32_u (call $f))", 0xffff_ffffL)]
    [InlineData("i64", 0x8000_0000_0000_0000UL, "(call $f)", long.MinValue)]
    [InlineData("f32", 0x7fa0_0001UL, "(i64.extend_i32_u (i32.reinterpret_f32 (call $f)))", 0x7fa0_0001L)]
    public void Each_result_type_is_converted_from_raw_bits(string result, ulong bits, string body, long expected)
    {
        var store = new Store(WasmFixture.Engine);
        var valType = result switch { "i32" => ValType.I32, "i64" => ValType.I64, _ => ValType.F32 };
        var i = Instantiate(store, new FuncType([], [valType]), _ => bits, $"""
            (module
              (import "host" "f" (func $f (result {result})))
              (func (export "run") (result i64) {body}))
            """);
        Assert.Equal(expected, i.GetFunction<long>("run")!());
    }

    [Fact]
    public void No_arguments_and_no_result()
    {
        var store = new Store(WasmFixture.Engine);
        int calls = 0;
        var i = Instantiate(store, new FuncType([], []), _ =>
        {
            calls++;
            return 0;
        }, """(module (import "host" "f" (func $f)) (func (export "run") (call $f) (call $f)))""");
        i.GetFunction("run")!.Invoke();
        Assert.Equal(2, calls);
    }

    [Fact]
    public void The_callbacks_exception_propagates_unwrapped()
    {
        var store = new Store(WasmFixture.Engine);
        var i = Instantiate(store, new FuncType([ValType.I32], []), _ => throw new InvalidDataException("component-level error"),
            """(module (import "host" "f" (func $f (param i32))) (func (export "run") (call $f (i32.const 1))))""");
        var e = Assert.Throws<InvalidDataException>(() => i.GetFunction("run")!.Invoke());
        Assert.Equal("component-level error", e.Message);
    }

    [Fact]
    public void Types_the_raw_convention_cannot_carry_are_declined()
    {
        var cg = WasmFixture.Engine.CodeGen;
        Assert.Null(cg.FlatHostThunk(new FuncType([], [ValType.I32, ValType.I32])));
        Assert.Null(cg.FlatHostThunk(new FuncType([ValType.V128], [])));
        Assert.Null(cg.FlatHostThunk(new FuncType([ValType.ExternRef], [])));
        Assert.NotNull(cg.FlatHostThunk(new FuncType([ValType.F32, ValType.I64], [ValType.I32])));
    }
}
