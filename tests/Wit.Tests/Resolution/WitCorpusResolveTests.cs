using WitSharp.Tests;
using WitSharp.Wit;

namespace WitSharp.Wit.Tests.Resolution;

/// <summary>Every package of ../shared/corpus/wit (WASI 0.2, wasi-http, the bindgen codegen inputs) resolves:
/// a folder with a <c>deps/</c> is one package; in other folders every
/// entry (file or package folder) is resolved on its own.</summary>
public sealed class WitCorpusResolveTests
{
    private static string Root => RepoPaths.CorpusDir("wit");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).OrderBy(d => d, StringComparer.Ordinal))
        {
            if (Directory.Exists(Path.Combine(dir, "deps")))
            {
                data.Add(Path.GetFileName(dir));
                continue;
            }
            foreach (var entry in Directory.GetFileSystemEntries(dir).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (Directory.Exists(entry) || entry.EndsWith(".wit", StringComparison.Ordinal))
                {
                    data.Add(Path.GetRelativePath(Root, entry).Replace('\\', '/'));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Resolves(string input)
    {
        var resolve = new Resolve();
        var pkg = resolve.PushPath(Path.Combine(Root, input));
        Assert.InRange(pkg, 0, resolve.Packages.Count - 1);
        // The main package comes last: packages are added after everything they depend on.
        Assert.Equal(resolve.Packages.Count - 1, pkg);
        foreach (var w in resolve.Worlds) Assert.NotNull(w.Package);
        foreach (var i in resolve.Interfaces) Assert.NotNull(i.Package);
    }
}
