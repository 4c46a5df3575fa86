namespace WitSharp.Runtime.Tests.Compilation;

/// <summary>Compiles and instantiates WAT text for behaviour tests.</summary>
internal static class WasmFixture
{
    public static Engine Engine { get; } = new();

    public static Instance Instantiate(string wat, Store? store = null, Linker? linker = null, Engine? engine = null)
    {
        engine ??= store?.Engine ?? Engine;
        store ??= new Store(engine);
        linker ??= new Linker(engine);
        var module = Module.FromText(engine, "test", wat);
        return linker.Instantiate(store, module);
    }

    public static object? Call(this Instance instance, string name, params ValueBox[] args) =>
        instance.GetFunction(name)!.Invoke(args);
}
