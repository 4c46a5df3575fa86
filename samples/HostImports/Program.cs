using HostImports;
using HostImports.Witsharp.HostImports.Host;
using WitSharp;
using WitSharp.Components;

// The component (component/app.wasm) imports `witsharp:host-imports/host`: a function and a resource. The
// generated App.IImports is that interface in C#; App.AddToLinker wires an implementation into the linker.
using var engine = new Engine();
using var store = new Store(engine);
using var linker = new ComponentLinker(engine);
var host = new ConsoleHost();
App.AddToLinker(linker, host);

using var app = App.Instantiate(store, App.Load(engine), linker);
var last = app.Run(3);
Console.WriteLine($"run(3) returned {last}; counters created {host.Created}, disposed {host.Disposed}");

namespace HostImports
{
    [ComponentImport("component/app.wasm")]
    public partial class App;

    /// <summary>The host side of the imports: `print`, and `counter` objects the component creates through
    /// CreateCounter. They live in the bindings' handle table; when the component drops its handle, Dispose runs.</summary>
    internal sealed class ConsoleHost : App.IImports
    {
        public int Created { get; private set; }

        public int Disposed { get; private set; }

        public void Print(string line) => Console.WriteLine($"  guest: {line}");

        public ICounter CreateCounter(uint start)
        {
            Created++;
            return new Counter(this, start);
        }

        private sealed class Counter(ConsoleHost host, uint value) : ICounter
        {
            public uint Bump() => ++value;

            public void Dispose()
            {
                host.Disposed++;
                Console.WriteLine($"  host: counter disposed at {value}");
            }
        }
    }
}
