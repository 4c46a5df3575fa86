using WitSharp.Components;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Components;

/// <summary>Loads the test components and instantiates echo.wat with recording host functions.</summary>
internal sealed class ComponentTestHost
{
    public static string FixturePath(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "Runtime.Tests", "Components", "Fixtures", name);

    public ComponentTestHost()
    {
        Engine = new Engine();
        Store = new Store(Engine);
        Linker = new ComponentLinker(Engine);
        Linker.Root().DefineFunction("host-echo", (args, results) =>
        {
            HostEchoArgs.Add(args[0].AsString());
            results[0] = ComponentValue.String(args[0].AsString() + "!");
        });
        var host = Linker.Root().AddInstance("test:echo/host");
        host.DefineFunction("add", (args, results) => results[0] = ComponentValue.U32(args[0].AsU32() + args[1].AsU32()));
        host.DefineFunction("sum17", (args, results) =>
        {
            Assert.Equal(17, args.Length);
            uint sum = 0;
            foreach (var a in args) sum = sum * 3 + a.AsU32();
            results[0] = ComponentValue.U32(sum);
        });
        Component = Component.FromFile(Engine, FixturePath("echo.wasm"));
        Instance = Linker.Instantiate(Store, Component);
    }

    public Engine Engine { get; }
    public Store Store { get; }
    public ComponentLinker Linker { get; }
    public Component Component { get; }
    public ComponentInstance Instance { get; }
    public List<string> HostEchoArgs { get; } = [];

    public ComponentFunction Func(string name) => Instance.GetFunction(name) ?? throw new InvalidOperationException($"no export `{name}`");

    public ComponentValue Call(string name, params ComponentValue[] args) =>
        Func(name).Call(args) ?? throw new InvalidOperationException($"`{name}` returned nothing");
}
