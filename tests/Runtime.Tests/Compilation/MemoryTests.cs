namespace WitSharp.Runtime.Tests.Compilation;

public class MemoryTests
{
    private const string Wat = """
        (module
          (memory (export "memory") 1 3)
          (data (i32.const 16) "\01\02\03\04\05\06\07\08")
          (func (export "load8_s") (param i32) (result i32) local.get 0 i32.load8_s)
          (func (export "load16_u") (param i32) (result i32) local.get 0 i32.load16_u offset=1)
          (func (export "load64") (param i32) (result i64) local.get 0 i64.load)
          (func (export "store") (param i32 i64) local.get 0 local.get 1 i64.store)
          (func (export "storef") (param i32 f32) local.get 0 local.get 1 f32.store)
          (func (export "loadf") (param i32) (result f32) local.get 0 f32.load)
          (func (export "copyf") (param i32 i32) local.get 1 local.get 0 f32.load f32.store)
          (func (export "copyd") (param i32 i32) local.get 1 local.get 0 f64.load f64.store)
          (func (export "size") (result i32) memory.size)
          (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
          (func (export "fill") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.fill)
          (func (export "copy") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.copy))
        """;

    [Fact]
    public void Loads_and_stores_are_little_endian_and_sign_correct()
    {
        var i = WasmFixture.Instantiate(Wat);
        Assert.Equal(1, i.Call("load8_s", 16));
        Assert.Equal(0x0403, i.Call("load16_u", 17));
        Assert.Equal(0x0807060504030201L, i.Call("load64", 16));
        i.Call("store", 100, -2L);
        Assert.Equal(-2L, i.Call("load64", 100));
        Assert.Equal(-1, i.Call("load8_s", 101));
        var mem = i.GetMemory("memory")!;
        Assert.Equal(-2L, mem.ReadInt64(100));
        mem.WriteInt32(200, 0x11223344);
        Assert.Equal(0x44, i.Call("load8_s", 200));
    }

    [Fact]
    public void Nan_payloads_survive_float_stores_and_loads()
    {
        var i = WasmFixture.Instantiate(Wat);
        var mem = i.GetMemory("memory")!;
        mem.WriteInt32(0, 0x7FA00001);          // signalling NaN with a payload
        mem.WriteInt64(16, 0x7FF4000000000001);
        i.Call("copyf", 0, 8);
        i.Call("copyd", 16, 24);
        Assert.Equal(0x7FA00001, mem.ReadInt32(8));
        Assert.Equal(0x7FF4000000000001, mem.ReadInt64(24));
    }

    [Fact]
    public void Out_of_bounds_accesses_trap_at_the_last_byte()
    {
        var i = WasmFixture.Instantiate(Wat);
        Assert.Equal(0L, i.Call("load64", 65528));
        var e = Assert.Throws<TrapException>(() => i.Call("load64", 65529));
        Assert.Equal(TrapCode.MemoryOutOfBounds, e.Type);
        Assert.Equal("out of bounds memory access", e.Reason);
        Assert.Throws<TrapException>(() => i.Call("load16_u", 65534));
        Assert.Throws<TrapException>(() => i.Call("load8_s", -1));
    }

    [Fact]
    public void Grow_extends_memory_up_to_the_maximum_then_returns_minus_one()
    {
        var i = WasmFixture.Instantiate(Wat);
        Assert.Equal(1, i.Call("size"));
        Assert.Equal(1, i.Call("grow", 1));
        Assert.Equal(2, i.Call("size"));
        Assert.Equal(0L, i.Call("load64", 131064));
        i.Call("store", 131064, 77L);
        Assert.Equal(77L, i.Call("load64", 131064));
        Assert.Equal(-1, i.Call("grow", 2));
        Assert.Equal(2, i.Call("grow", 1));
        Assert.Equal(-1, i.Call("grow", 1));
        Assert.Equal(3L, i.GetMemory("memory")!.GetSize());
    }

    [Fact]
    public void Bulk_fill_and_copy_check_bounds_before_writing()
    {
        var i = WasmFixture.Instantiate(Wat);
        i.Call("fill", 1000, 0xAB, 4);
        Assert.Equal(unchecked((int)0xABABABAB), i.GetMemory("memory")!.ReadInt32(1000));
        i.Call("copy", 2000, 16, 8);
        Assert.Equal(0x0807060504030201L, i.Call("load64", 2000));
        Assert.Throws<TrapException>(() => i.Call("fill", 65530, 1, 7));
        Assert.Equal(0, i.GetMemory("memory")!.ReadByte(65530));
    }

    [Fact]
    public void Out_of_bounds_data_segment_fails_instantiation()
    {
        var e = Assert.Throws<TrapException>(() => WasmFixture.Instantiate("""
            (module (memory 1) (data (i32.const 65535) "ab"))
            """));
        Assert.Equal(TrapCode.MemoryOutOfBounds, e.Type);
    }
}
