using WitSharp.Components;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>
/// The C component tests/fixtures/components/ctypes (ctypes.c, canonical ABI written by hand, built with
/// clang and <c>jco new</c>): every call of its calls.json made through the dynamic API must return what
/// the same component returned when transpiled by <c>jco transpile</c> and run in node (expected.json).
/// One test per scenario; each scenario runs on a fresh instance, in order, because later calls observe
/// earlier ones (the post-return counter, resource handles, the trap).
/// </summary>
public sealed class CTypesComponentTests(ITestOutputHelper output)
{
    private static readonly Lazy<RecordedCalls> s_calls = new(() => RecordedCalls.Load("ctypes"));
    private static readonly Lazy<(Engine Engine, Component Component)> s_component = new(() =>
    {
        var engine = new Engine();
        return (engine, Component.FromFile(engine, s_calls.Value.ComponentPath));
    });

    [Fact] public void Strings() => Replay("strings");

    [Fact] public void Lists() => Replay("lists");

    [Fact] public void Records() => Replay("records");

    [Fact] public void Variants_and_nested_options() => Replay("variants");

    [Fact] public void Results_enums_and_flags() => Replay("results-enums-flags");

    [Fact] public void Scalars() => Replay("scalars");

    /// <summary>Values of tens of KiB: the guest's memory grows during the calls.</summary>
    [Fact] public void Large_values() => Replay("large");

    [Fact] public void Resources() => Replay("resources");

    /// <summary>consume(own&lt;counter&gt;): the guest calls [resource-rep] and then [resource-drop] on its own
    /// resource, whose destructor must run directly (CanonicalABI.md "canon resource.drop": when the current
    /// instance is the destructor's, may_enter_from is always true).</summary>
    [Fact]
    public void A_guest_drops_its_own_resource() => Replay("guest-drop");

    [Fact] public void A_trap_is_a_TrapException() => Replay("trap");

    /// <summary>Explainer.md "Component Invariants" 1: after a trap the instance is locked down and every
    /// later call into it traps (jco: "cannot enter"), so its corrupt state cannot be observed.</summary>
    [Fact]
    public void After_a_trap_every_call_traps() => Replay("lockdown");

    [Fact]
    public void Calls_json_signatures_match_the_component_exports()
    {
        var (engine, component) = s_component.Value;
        var instance = new ComponentLinker(engine).Instantiate(new Store(engine), component);
        foreach (var (name, signature) in s_calls.Value.Functions)
        {
            var hash = name.LastIndexOf('#');
            var function = hash < 0 ? instance.GetFunction(name) : instance.GetFunction(name[..hash], name[(hash + 1)..]);
            Assert.True(function is not null, $"{name} is not exported");
            Assert.True(signature!["params"]!.AsArray().Count == function.ParameterCount, $"{name}: parameter count");
            Assert.True((signature["result"] is not null) == function.HasResult, $"{name}: result");
        }
    }

    [Fact]
    public void Every_recorded_scenario_has_a_test()
    {
        var tested = typeof(CTypesComponentTests).GetMethods()
            .Count(m => m.GetCustomAttributes(typeof(FactAttribute), false).Length > 0) - 2; // minus this test and the signature check
        Assert.Equal(s_calls.Value.Scenarios.Count, tested);
    }

    private void Replay(string scenario) => CallReplayer.AssertScenario(s_calls.Value, scenario, s_component.Value, output);
}
