using System.Reflection;
using System.Runtime.Loader;

/// <summary>Resolves the compiler assemblies (Microsoft.CodeAnalysis*) from the SDK that built this program,
/// sdk/&lt;version&gt;/Roslyn/bincore beside the running runtime: the ReadyToRun files the compiler server runs.
/// The project references the Roslyn package for compiling only (ExcludeAssets="runtime"), so the default
/// context does not find them and asks here. A generator first runs inside a compiler whose own code is
/// precompiled; measuring it against the package's IL-only Roslyn would count JIT work no real build does.</summary>
static class CompilerHost
{
    public static string Directory { get; } = Find();

    public static void Install() => AssemblyLoadContext.Default.Resolving += static (context, name) =>
    {
        if (name.Name is null || !name.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)) return null;
        var path = Path.Combine(Directory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    };

    private static string Find()
    {
        // …/shared/Microsoft.NETCore.App/<version>/ → the dotnet root.
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var sdk = typeof(CompilerHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "NETCoreSdkVersion").Value!;
        var bincore = Path.Combine(root, "sdk", sdk, "Roslyn", "bincore");
        return File.Exists(Path.Combine(bincore, "Microsoft.CodeAnalysis.dll"))
            ? bincore
            : throw new DirectoryNotFoundException("the SDK's compiler (Roslyn/bincore) not found at " + bincore);
    }
}
