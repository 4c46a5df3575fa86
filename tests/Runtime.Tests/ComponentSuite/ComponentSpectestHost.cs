using WitSharp.Components;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>The host definitions wasmtime's wast runner puts in every component linker
/// (<c>link_component_spectest</c> in wasmtime's crates/wast): the scripts of wasmtime-component-tests import
/// them by these names, including the host resources <c>host.resource1</c> (whose destructor counts drops) and
/// <c>host.resource2</c>.</summary>
internal static class ComponentSpectestHost
{
    private const string SimpleModule = """
        (module
          (global (export "g") i32 i32.const 100)
          (func (export "f") (result i32) i32.const 101))
        """;

    private sealed class Resource1;

    private sealed class Resource2;

    /// <summary>Drop counters of <c>resource1</c>, per script (wasmtime keeps them per linker).</summary>
    private sealed class DropState
    {
        public uint Drops;
        public uint LastDrop;
    }

    public static void Define(Engine engine, ComponentLinker linker)
    {
        var root = linker.Root();
        root.DefineFunction("host-return-two", (_, results) => results[0] = ComponentValue.U32(2));
        var host = root.AddInstance("host");
        host.DefineFunction("return-three", (_, results) => results[0] = ComponentValue.U32(3));
        host.AddInstance("nested").DefineFunction("return-four", (_, results) => results[0] = ComponentValue.U32(4));
        host.DefineItem("simple-module", Module.FromText(engine, "simple-module", SimpleModule));

        var state = new DropState();
        host.DefineResource("resource1", ResourceType.Host<Resource1>(), rep =>
        {
            state.Drops++;
            state.LastDrop = rep;
        });
        host.DefineResource("resource2", ResourceType.Host<Resource2>(), null);
        host.DefineResource("resource1-again", ResourceType.Host<Resource1>(),
            _ => throw new InvalidOperationException("resource1-again shouldn't be destroyed"));
        host.DefineFunction("[constructor]resource1", (args, results) =>
            results[0] = ComponentValue.Own(Resource<Resource1>.NewOwn(args[0].AsU32())));
        host.DefineFunction("[static]resource1.assert", (args, _) =>
            Check(args[0].AsResource().Rep == args[1].AsU32(), $"resource1.assert: rep {args[0].AsResource().Rep} != {args[1].AsU32()}"));
        host.DefineFunction("[static]resource1.last-drop", (_, results) => results[0] = ComponentValue.U32(state.LastDrop));
        host.DefineFunction("[static]resource1.drops", (_, results) => results[0] = ComponentValue.U32(state.Drops));
        host.DefineFunction("[method]resource1.simple", (args, _) =>
        {
            var self = args[0].AsResource();
            Check(!self.Owned, "resource1.simple: `self` must be a borrow");
            Check(self.Rep == args[1].AsU32(), $"resource1.simple: rep {self.Rep} != {args[1].AsU32()}");
        });
        host.DefineFunction("[method]resource1.take-borrow", (args, _) =>
            Check(!args[0].AsResource().Owned && !args[1].AsResource().Owned, "resource1.take-borrow: both handles must be borrows"));
        host.DefineFunction("[method]resource1.take-own", (args, _) =>
            Check(!args[0].AsResource().Owned && args[1].AsResource().Owned, "resource1.take-own: `self` borrowed, the argument owned"));
    }

    /// <summary>wasmtime's host functions assert; a failed assertion here traps the calling guest.</summary>
    private static void Check(bool condition, string message)
    {
        if (!condition) throw new TrapException(TrapCode.Undefined, "host assertion failed: " + message);
    }
}
