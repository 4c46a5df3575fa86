namespace WitSharp.Tests;

/// <summary>The one place that knows where the repository, the shared corpora and the conformance
/// artifacts are. The corpora are read in place at <c>../shared/corpus</c> beside the repository root.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of the test assembly holding WitSharp.sln.</summary>
    public static string Root => s_root.Value;

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string CorpusDir(string name) => Path.Combine(Corpus, name);

    /// <summary>artifacts/conformance under the repository root, created on first use.</summary>
    public static string ConformanceDir
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts", "conformance");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WitSharp.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("WitSharp.sln not found above " + AppContext.BaseDirectory);
    }
}
