using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

/// <summary>Loads the generator from the files the package ships, into a load context of its own as the compiler
/// loads analyzers (the compiler's Microsoft.CodeAnalysis shared from the default context; WitSharp.Wit from the
/// analyzer folder, not the runtime's net10.0 copy this program also has).</summary>
static class AnalyzerFiles
{
    /// <summary>The folder of the analyzer files: <c>r2r</c> = src/Generator's ReadyToRun copies for this RID,
    /// <c>il</c> = its IL output.</summary>
    public static string Directory(string form)
    {
        var configuration = typeof(AnalyzerFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "Configuration").Value!;
        var output = Path.Combine(Bench.RepoRoot(), "src", "Generator", "bin", configuration, "netstandard2.0");
        return form == "il" ? output : Path.Combine(output, "r2r", RuntimeInformation.RuntimeIdentifier);
    }

    public static ISourceGenerator LoadGenerator(string form)
    {
        var dir = Directory(form);
        var path = Path.Combine(dir, "WitSharp.Generator.dll");
        if (!File.Exists(path)) throw new FileNotFoundException("build src/Generator first (ReadyToRun copies are made on build for the SDK's RID)", path);
        var context = new AnalyzerContext(dir);
        var type = context.LoadFromAssemblyPath(path).GetType("WitSharp.Generator.ComponentBindingsGenerator", throwOnError: true)!;
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    private sealed class AnalyzerContext(string directory) : AssemblyLoadContext("analyzers: " + directory)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is null || name.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)) return null;
            var path = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
