using System.Text.Json.Nodes;
using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>
/// Makes the calls of one scenario, in order, on one instance through the dynamic API
/// (<see cref="ComponentFunction.Call(ComponentValue[])"/>) and compares each outcome with the one node
/// recorded. Returns one line per mismatch; the scenario passes when there are none.
/// </summary>
internal static class CallReplayer
{
    /// <summary>Runs <paramref name="scenario"/> on a fresh instance (no imports) and fails with every mismatch.</summary>
    public static void AssertScenario(RecordedCalls calls, string scenario, (Engine Engine, Component Component) compiled,
        Xunit.Abstractions.ITestOutputHelper output)
    {
        var store = new Store(compiled.Engine);
        var linker = new ComponentLinker(compiled.Engine);
        linker.DefineUnknownImportsAsTraps(compiled.Component);
        var instance = linker.Instantiate(store, compiled.Component);
        var recorded = calls[scenario];
        var mismatches = Run(calls, recorded, instance, new ResourceHandles(store));
        output.WriteLine($"{scenario}: {recorded.Calls.Count - mismatches.Count}/{recorded.Calls.Count} outcomes equal jco's");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    public static IReadOnlyList<string> Run(RecordedCalls calls, RecordedCalls.Scenario scenario, ComponentInstance instance,
        IHandleScope handles)
    {
        var codec = new ValueCodec(calls, handles);
        var mismatches = new List<string>();
        for (var i = 0; i < scenario.Calls.Count; i++)
        {
            var call = scenario.Calls[i];
            var expected = scenario.Outcomes[i];
            var where = $"{scenario.Name}[{i}]";
            if (call["drop"] is { } drop)
            {
                try { handles.Drop((string)drop!); }
                catch (Exception e) { mismatches.Add($"{where} drop {drop}: {e.GetType().Name}: {e.Message}"); }
                continue;
            }
            var name = (string)call["call"]!;
            where += " " + name;
            var actual = Invoke(calls, codec, instance, call, name, out var error);
            var expectTrap = expected["trap"] is not null;
            if (error is not null)
            {
                // A trap must be a trap, not some other failure that happens to throw.
                if (!expectTrap || error is not TrapException)
                    mismatches.Add($"{where}: {(expectTrap ? "expected a trap, got" : "threw")} {error.GetType().Name}: {error.Message}");
            }
            else if (expectTrap)
            {
                mismatches.Add($"{where}: expected a trap, returned {actual}");
            }
            else
            {
                var want = ValueCodec.Canonical(expected["result"]);
                if (want != actual) mismatches.Add($"{where}: expected {want}, got {actual}");
            }
        }
        return mismatches;
    }

    private static string? Invoke(RecordedCalls calls, ValueCodec codec, ComponentInstance instance, JsonObject call, string name,
        out Exception? error)
    {
        error = null;
        try
        {
            var signature = calls.Functions[name]!;
            var hash = name.LastIndexOf('#');
            var function = (hash < 0 ? instance.GetFunction(name) : instance.GetFunction(name[..hash], name[(hash + 1)..]))
                ?? throw new InvalidOperationException($"export {name} not found");
            var types = signature["params"]!.AsArray();
            var args = call["args"]!.AsArray();
            var values = types.Select((t, k) => codec.ToValue(t!, args[k])).ToArray();
            var result = function.Call(values);
            var bind = new Queue<string>(call["bind"]?.AsArray().Select(n => (string)n!) ?? []);
            var json = signature["result"] is { } rt
                ? codec.ToJson(rt, result ?? throw new InvalidDataException("no result"), bind)
                : result is null ? null : throw new InvalidDataException($"unexpected result {result}");
            if (bind.Count > 0) throw new InvalidDataException($"names left unbound: {string.Join(", ", bind)}");
            return ValueCodec.Canonical(json);
        }
        catch (Exception e)
        {
            error = e;
            return null;
        }
    }
}
