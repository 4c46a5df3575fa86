namespace WitSharp.Runtime.Tests.Compat;

/// <summary><see cref="Global.Wrap{T}"/> and <see cref="Global.Accessor{T}"/> (wasmtime-dotnet shape).</summary>
public sealed class GlobalAccessorTests
{
    private static (Store Store, Instance Instance) Instantiate(string wat)
    {
        var engine = new Engine();
        var module = Module.FromText(engine, "g", wat);
        var store = new Store(engine);
        return (store, new Linker(engine).Instantiate(store, module));
    }

    [Fact]
    public void Typed_accessor_reads_and_writes_the_same_global_the_guest_sees()
    {
        var (_, instance) = Instantiate("""
            (module (global $g (export "g") (mut i64) (i64.const 3))
                    (func (export "get") (result i64) global.get $g))
            """);
        var global = instance.GetGlobal("g")!;
        var typed = global.Wrap<long>();
        Assert.NotNull(typed);
        Assert.Equal(3L, typed.GetValue());
        Assert.Equal(Mutability.Mutable, typed.Mutability);
        typed.SetValue(-42L);
        Assert.Equal(-42L, global.GetValue());
        Assert.Equal(-42L, instance.GetFunction<long>("get")!());
    }

    [Fact]
    public void Wrap_with_a_mismatched_type_is_null()
    {
        var (_, instance) = Instantiate("""(module (global (export "g") f32 (f32.const 1.5)))""");
        var global = instance.GetGlobal("g")!;
        Assert.Null(global.Wrap<int>());
        Assert.Null(global.Wrap<double>());
        var typed = global.Wrap<float>()!;
        Assert.Equal(1.5f, typed.GetValue());
        Assert.Equal(Mutability.Immutable, typed.Mutability);
        Assert.Throws<InvalidOperationException>(() => typed.SetValue(2f));
    }

    [Fact]
    public void Linker_defines_the_global_behind_an_accessor()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var host = new Global(store, ValueKind.Int32, 5, Mutability.Mutable).Wrap<int>()!;
        var linker = new Linker(engine);
        linker.Define("env", "g", host);
        var module = Module.FromText(engine, "m", """
            (module (import "env" "g" (global $g (mut i32)))
                    (func (export "bump") global.get $g i32.const 1 i32.add global.set $g))
            """);
        linker.Instantiate(store, module).GetAction("bump")!();
        Assert.Equal(6, host.GetValue());
    }
}

/// <summary>ValueKind.AnyRef exists for source compatibility but is rejected where a wasm type is needed.</summary>
public sealed class AnyRefKindTests
{
    [Fact]
    public void AnyRef_globals_are_not_supported()
    {
        var store = new Store(new Engine());
        Assert.Throws<NotSupportedException>(() => new Global(store, ValueKind.AnyRef, null, Mutability.Mutable));
    }
}
