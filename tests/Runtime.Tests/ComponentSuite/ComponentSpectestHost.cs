using WitSharp.Components;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>The host definitions wasmtime's wast runner puts in every component linker
/// (<c>link_component_spectest</c> in wasmtime's crates/wast): the scripts of wasmtime-component-tests import
/// them by these names; <c>host</c>'s resources are Components/Resources/SpectestHostResources.cs.</summary>
internal static class ComponentSpectestHost
{
    private const string SimpleModule = """
        (module
          (global (export "g") i32 i32.const 100)
          (func (export "f") (result i32) i32.const 101))
        """;

    public static void Define(Engine engine, ComponentLinker linker)
    {
        var root = linker.Root();
        root.DefineFunction("host-return-two", (_, results) => results[0] = ComponentValue.U32(2));
        var host = root.AddInstance("host");
        host.DefineFunction("return-three", (_, results) => results[0] = ComponentValue.U32(3));
        host.AddInstance("nested").DefineFunction("return-four", (_, results) => results[0] = ComponentValue.U32(4));
        host.DefineItem("simple-module", Module.FromText(engine, "simple-module", SimpleModule));
        Components.Resources.SpectestHostResources.Define(host);
    }
}
