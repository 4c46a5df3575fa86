using WitSharp.Components;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>
/// The JavaScript component tests/fixtures/components/jstext (jstext.js built with <c>jco componentize</c>,
/// WASI disabled): the same JavaScript runs inside StarlingMonkey under both runtimes, so these compare
/// WitSharp's lifting and lowering of strings, records, lists, tuples, chars, options and results with
/// jco's (expected.json).
/// </summary>
[Trait("Category", "Slow")] // compiling the 12 MB StarlingMonkey core module takes tens of seconds
public sealed class JsTextComponentTests(ITestOutputHelper output)
{
    private static readonly Lazy<RecordedCalls> s_calls = new(() => RecordedCalls.Load("jstext"));
    private static readonly Lazy<(Engine Engine, Component Component)> s_component = new(() =>
    {
        var engine = new Engine();
        return (engine, Component.FromFile(engine, s_calls.Value.ComponentPath));
    });

    [Fact] public void Records() => Replay("records");

    [Fact] public void Lists() => Replay("lists");

    [Fact] public void Strings() => Replay("strings");

    private void Replay(string scenario) => CallReplayer.AssertScenario(s_calls.Value, scenario, s_component.Value, output);
}
