namespace WitSharp.Runtime.Tests.Compilation;

public class InterruptionTests
{
    private const string Spin = """
        (module
          (func (export "spin") (loop br 0))
          (func (export "count") (param i32) (result i32) (local i32)
            loop
              local.get 1 i32.const 1 i32.add local.set 1
              local.get 1 local.get 0 i32.lt_u br_if 0
            end
            local.get 1))
        """;

    [Fact]
    public void Fuel_runs_out_in_an_infinite_loop_and_can_be_refilled()
    {
        var engine = new Engine(new Config().WithFuelConsumption(true));
        var store = new Store(engine);
        var i = WasmFixture.Instantiate(Spin, store);
        store.Fuel = 10_000;
        var e = Assert.Throws<TrapException>(() => i.Call("spin"));
        Assert.Equal(TrapCode.OutOfFuel, e.Type);
        Assert.Equal(0ul, store.Fuel);
        store.Fuel = 1_000_000;
        Assert.Equal(100, i.Call("count", 100));
        ulong left = store.Fuel;
        Assert.InRange(left, 1_000_000ul - 2_000, 1_000_000ul - 100);
    }

    [Fact]
    public void Fuel_is_not_tracked_without_the_config()
    {
        var store = new Store(WasmFixture.Engine);
        Assert.Throws<WasmtimeException>(() => store.Fuel = 5);
        var i = WasmFixture.Instantiate(Spin, store);
        Assert.Equal(1000, i.Call("count", 1000));
    }

    [Fact]
    public void Epoch_deadline_interrupts_a_running_loop()
    {
        var engine = new Engine(new Config().WithEpochInterruption(true));
        var store = new Store(engine);
        var i = WasmFixture.Instantiate(Spin, store);
        store.SetEpochDeadline(1);
        Assert.Equal(10, i.Call("count", 10));
        using var timer = new Timer(_ => engine.IncrementEpoch(), null, 50, 50);
        var e = Assert.Throws<TrapException>(() => i.Call("spin"));
        Assert.Equal(TrapCode.Interrupt, e.Type);
    }
}
