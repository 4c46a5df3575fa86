using WitSharp;
using WitSharp.Quickstart.Exports.Witsharp.Quickstart.Calculator;

// 1. Run a WebAssembly module: compiled to IL, then to native code by RyuJIT, with a host import.
using var engine = new Engine(new Config().WithFuelConsumption(true));
using var module = Module.FromText(engine, "calc", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calc.wat")));
using var linker = new Linker(engine);
using var store = new Store(engine);
store.Fuel = 10_000_000;

linker.DefineFunction("host", "log", (int value) => Console.WriteLine($"guest logged {value}"));
var instance = linker.Instantiate(store, module);

var fib = instance.GetFunction<int, int>("fib")!;
var sumTo = instance.GetFunction<int, long>("sum_to")!;
Console.WriteLine($"fib(25) = {fib(25)}");
Console.WriteLine($"sum_to(1000) = {sumTo(1000)}");

// Fuel bounds what a guest may run; running out is a trap, and the store stays usable.
store.Fuel = 1_000;
try
{
    fib(30);
}
catch (TrapException trap)
{
    Console.WriteLine($"fib(30) with 1000 fuel: trapped ({trap.Type})");
}
store.Fuel = 10_000_000;
Console.WriteLine($"fib(10) after refuelling = {fib(10)}");

// 2. Typed bindings generated at build time from wit/calc.wit by [ComponentImport]: the WIT records and
//    variants are C# types. (Instantiating a component through them arrives with the component runtime.)
var operands = new Operands(Left: 7, Right: 0);
Outcome outcome = operands.Right == 0 ? new Outcome.DivideByZero() : new Outcome.Value(operands.Left / operands.Right);
Console.WriteLine($"eval(\"div\", {operands}) would return {outcome} (types from world {WitSharp.Quickstart.Calc.WorldName})");

namespace WitSharp.Quickstart
{
    [ComponentImport("wit/", World = "calc")]
    public partial class Calc;
}
