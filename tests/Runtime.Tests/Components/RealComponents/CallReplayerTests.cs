using System.Text.Json.Nodes;
using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>The comparison itself: a recorded outcome that differs from what the runtime returns must be
/// reported, so the component tests cannot pass by comparing nothing.</summary>
public sealed class CallReplayerTests
{
    private static readonly Lazy<RecordedCalls> s_calls = new(() => RecordedCalls.Load("ctypes"));

    [Fact]
    public void A_changed_result_is_reported()
    {
        var mismatches = RunWith("strings", 2, o => o["result"] = "dlrow olleh");
        Assert.Equal("strings[2] reverse: expected \"dlrow olleh\", got \"dlröw olléh\"", Assert.Single(mismatches));
    }

    [Fact]
    public void A_changed_nested_value_is_reported()
    {
        // birthday(Ada): the email option's payload.
        var mismatches = RunWith("records", 3, o => o["result"]!["email"] = new JsonObject { ["some"] = "ADA@example.org" });
        Assert.Contains("records[3] birthday: expected", Assert.Single(mismatches));
    }

    [Fact]
    public void A_number_compares_by_value_not_by_spelling()
    {
        // stats([1e308, 1e308]) → max 1e+308 as node writes it; 1E308 is the same double.
        var mismatches = RunWith("lists", 10, o => o["result"]!["some"]![1] = JsonNode.Parse("1E308"));
        Assert.Empty(mismatches);
    }

    [Fact]
    public void A_missing_trap_and_an_unexpected_trap_are_reported()
    {
        var trapExpected = RunWith("strings", 0, o => { o.Remove("result"); o["trap"] = true; });
        Assert.Equal("strings[0] reverse: expected a trap, returned \"olleh\"", Assert.Single(trapExpected));
        var trapped = RunWith("trap", 1, o => { o.Remove("trap"); o["result"] = null; });
        Assert.StartsWith("trap[1] fail: threw TrapException", Assert.Single(trapped));
    }

    private static IReadOnlyList<string> RunWith(string scenarioName, int index, Action<JsonObject> change)
    {
        var calls = s_calls.Value;
        var scenario = calls[scenarioName];
        var outcomes = scenario.Outcomes.Select(o => o.DeepClone().AsObject()).ToList();
        change(outcomes[index]);
        var engine = new Engine();
        var store = new Store(engine);
        var instance = new ComponentLinker(engine).Instantiate(store, Component.FromFile(engine, calls.ComponentPath));
        return CallReplayer.Run(calls, scenario with { Outcomes = outcomes }, instance, new ResourceHandles(store));
    }
}
