using WitSharp.Tests;
using WitSharp.Wit;

namespace WitSharp.Wit.Tests.Resolution;

/// <summary>Every success case of the wit-parser-ui corpus and every corpus/wit package resolves to a model
/// that satisfies <see cref="ResolveInvariants"/>.</summary>
public sealed class InvariantTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        var ui = RepoPaths.CorpusDir("wit-parser-ui");
        foreach (var json in Directory.GetFiles(ui, "*.wit.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(json)[..^".wit.json".Length];
            // Packages encoded as components (.wat through the component text encoder, .wasm) are inputs too.
            var file = new[] { ".wit", ".wat", ".wasm" }.FirstOrDefault(ext => File.Exists(Path.Combine(ui, name + ext)));
            if (file is not null) data.Add("wit-parser-ui/" + name + file);
            else if (Directory.Exists(Path.Combine(ui, name))) data.Add("wit-parser-ui/" + name);
        }
        foreach (var row in (IEnumerable<object[]>)WitCorpusResolveTests.Inputs()) data.Add("wit/" + (string)row[0]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Model_is_consistent(string input)
    {
        var r = new Resolve(new[] { "active" }) { ComponentTextEncoder = Corpus.ComponentTextHook.Encoder };
        r.PushPath(Path.Combine(RepoPaths.Corpus, input));
        ResolveInvariants.Check(r);
    }
}
