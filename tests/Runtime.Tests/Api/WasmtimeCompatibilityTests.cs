namespace WitSharp.Runtime.Tests.Api;

/// <summary>wasmtime-dotnet's own sample shapes, written as a wasmtime-dotnet user would: they must compile
/// and behave the same with <c>using WitSharp;</c> in place of <c>using Wasmtime;</c>.</summary>
public class WasmtimeCompatibilityTests
{
    [Fact]
    public void Hello_sample()
    {
        var output = new List<string>();
        using var engine = new Engine();
        using var module = Module.FromText(engine, "hello", """
            (module (func $hello (import "" "hello")) (func (export "run") (call $hello)))
            """);
        using var linker = new Linker(engine);
        using var store = new Store(engine);
        linker.Define("", "hello", Function.FromCallback(store, () => output.Add("Hello from C#!")));
        var instance = linker.Instantiate(store, module);
        var run = instance.GetAction("run")!;
        run();
        Assert.Equal(["Hello from C#!"], output);
    }

    [Fact]
    public void Memory_and_globals_sample()
    {
        using var engine = new Engine(new Config().WithFuelConsumption(true));
        using var module = Module.FromText(engine, "memory", """
            (module
              (memory (export "mem") 1)
              (global $g (export "counter") (mut i32) (i32.const 0))
              (data (i32.const 0) "Hello World")
              (func (export "inc") global.get $g i32.const 1 i32.add global.set $g))
            """);
        using var linker = new Linker(engine);
        using var store = new Store(engine);
        store.Fuel = 1000;
        var instance = linker.Instantiate(store, module);
        var memory = instance.GetMemory("mem")!;
        Assert.Equal("Hello World", memory.ReadString(0, 11));
        Assert.Equal(1, memory.GetSize());
        var counter = instance.GetGlobal("counter")!;
        instance.GetFunction("inc")!.Invoke();
        instance.GetAction("inc")!();
        Assert.Equal(2, counter.GetValue());
        Assert.Equal(Mutability.Mutable, counter.Mutability);
        Assert.True(store.Fuel < 1000);
        try
        {
            instance.GetFunction("missing")?.Invoke();
            store.Fuel = 0;
            instance.GetAction("inc")!();
            Assert.Fail("expected out of fuel");
        }
        catch (TrapException e)
        {
            Assert.Equal(TrapCode.OutOfFuel, e.Type);
        }
    }
}
