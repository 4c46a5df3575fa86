using QuickStart;
using QuickStart.Exports.Witsharp.Quickstart.Calculator;
using QuickStart.Witsharp.Quickstart.Logging;
using WitSharp;
using WitSharp.Components;

// A WebAssembly component (component/calc.wasm, bundled into this program by its <WasmComponent> item) called
// through C# bindings that [ComponentImport] generated at build time from the component itself.
using var engine = new Engine();
using var store = new Store(engine);
using var linker = new ComponentLinker(engine);

// The component imports `witsharp:quickstart/logging`: the host implements it as a plain C# interface.
Calc.AddToLinker(linker, new ConsoleLogging());

// Load() compiles the embedded component and checks it exports what the bindings call.
using var calc = Calc.Instantiate(store, Calc.Load(engine), linker);

// `calculator.eval(op: string, args: operands) -> outcome`: the record and the variant are C# types.
foreach (var (op, operands) in new[] { ("add", new Operands(2, 3)), ("mul", new Operands(6, 7)), ("div", new Operands(1, 0)), ("mul", new Operands(int.MaxValue, 2)) })
{
    Outcome outcome = calc.Calculator.Eval(op, operands);
    var text = outcome switch
    {
        Outcome.Value v => v.Payload.ToString(), // the case is named `value`, so its payload is `Payload`
        Outcome.Overflow => "overflow",
        Outcome.DivideByZero => "divide by zero",
        _ => "?",
    };
    Console.WriteLine($"eval({op}, {operands.Left}, {operands.Right}) = {text}");
}

namespace QuickStart
{
    [ComponentImport("component/calc.wasm")]
    public partial class Calc;

    /// <summary>The host side of the component's `logging` import.</summary>
    internal sealed class ConsoleLogging : Calc.IImports
    {
        public void Log(Level level, string message) => Console.WriteLine($"  [guest {level.ToString().ToLowerInvariant()}] {message}");
    }
}
