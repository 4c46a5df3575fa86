using System.Text.Json.Nodes;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>
/// One component of tests/fixtures/components: its <c>calls.json</c> (type descriptors, function
/// signatures, scenarios of calls) and the <c>expected.json</c> that components/record.mjs wrote by running
/// the same calls through <c>jco transpile</c> in node. Encoding of both: components/README.md.
/// </summary>
internal sealed class RecordedCalls
{
    private RecordedCalls(string directory, JsonObject calls, JsonObject expected)
    {
        Directory = directory;
        ComponentPath = Path.Combine(directory, (string)calls["component"]!);
        Types = calls["types"]?.AsObject() ?? [];
        Functions = calls["functions"]!.AsObject();
        var recorded = expected["scenarios"]!.AsArray();
        var scenarios = new List<Scenario>();
        foreach (var node in calls["scenarios"]!.AsArray())
        {
            var name = (string)node!["name"]!;
            var outcomes = recorded.Single(s => (string)s!["name"]! == name)!["outcomes"]!.AsArray();
            var list = node["calls"]!.AsArray();
            if (outcomes.Count != list.Count)
                throw new InvalidDataException($"{name}: {list.Count} calls but {outcomes.Count} recorded outcomes; rerun build.sh");
            scenarios.Add(new Scenario(name, [.. list.Select(c => c!.AsObject())], [.. outcomes.Select(o => o!.AsObject())]));
        }
        Scenarios = scenarios;
    }

    /// <summary>tests/fixtures/components/&lt;name&gt;.</summary>
    public string Directory { get; }

    /// <summary>The component binary the calls are made on.</summary>
    public string ComponentPath { get; }

    /// <summary>Named type descriptors (records, variants, enums, flags...).</summary>
    public JsonObject Types { get; }

    /// <summary>Function name → <c>{ params: [type...], result?: type }</c>.</summary>
    public JsonObject Functions { get; }

    public IReadOnlyList<Scenario> Scenarios { get; }

    public Scenario this[string name] => Scenarios.Single(s => s.Name == name);

    public static RecordedCalls Load(string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "tests", "fixtures", "components", name);
        return new RecordedCalls(dir,
            JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "calls.json")))!.AsObject(),
            JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!.AsObject());
    }

    /// <summary>A type descriptor with named types replaced by their definitions (one level at a time).</summary>
    public JsonNode Resolve(JsonNode type)
    {
        while (type is JsonValue v && v.TryGetValue<string>(out var name) && Types[name] is { } def) type = def;
        return type;
    }

    /// <summary>Calls that run in order on one fresh instance, with the outcomes node recorded for each.</summary>
    public sealed record Scenario(string Name, IReadOnlyList<JsonObject> Calls, IReadOnlyList<JsonObject> Outcomes)
    {
        public override string ToString() => Name;
    }
}
