using WitSharp.Components;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components;

/// <summary>nested.wat: nested components instantiated with arguments (a host import, then another instance's
/// export), an outer type alias, and an exported inline instance.</summary>
public sealed class NestedComponentTests
{
    private static ComponentInstance Instantiate(List<uint> calls)
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, ComponentTestHost.FixturePath("nested.wasm"));
        var linker = new ComponentLinker(engine);
        linker.Root().DefineFunction("base", (args, results) =>
        {
            calls.Add(args[0].AsU32());
            results[0] = V.U32(args[0].AsU32() + 1);
        });
        return linker.Instantiate(new Store(engine), component);
    }

    [Fact]
    public void Nested_instances_chain_through_their_arguments()
    {
        var calls = new List<uint>();
        var instance = Instantiate(calls);
        // double(x) = 2 * base(x); quadruple(x) = 2 * double(x), through a lowered-then-lifted adapter.
        Assert.Equal(22u, instance.GetFunction("double")!.Call(V.U32(10))!.AsU32());
        Assert.Equal(44u, instance.GetFunction("test:nested/math", "quadruple")!.Call(V.U32(10))!.AsU32());
        Assert.Equal([10u, 10u], calls);
    }

    [Fact]
    public void Outer_type_alias_and_memory_of_a_nested_component()
    {
        var instance = Instantiate([]);
        Assert.Equal("Jello", instance.GetFunction("test:nested/math", "greet")!.Call(V.String("hello"))!.AsString());
        Assert.Null(instance.GetFunction("greet"));
    }
}
