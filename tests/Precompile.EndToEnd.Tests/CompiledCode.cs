using System.Reflection;

namespace WitSharp.Precompile.EndToEnd.Tests;

/// <summary>Observes compilation from outside the runtime: every engine emits the code it compiles from wasm into
/// its own dynamic assembly (<c>WitSharp.Compiled.*</c>, Reflection.Emit), one type per compiled core module. A
/// load that adds no type there compiled nothing; one that compiles a component adds one per core module.</summary>
internal static class CompiledCode
{
    public static int EmittedTypes() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.IsDynamic && (a.GetName().Name ?? "").StartsWith("WitSharp.Compiled.", StringComparison.Ordinal))
            .Sum(a => a.GetTypes().Length);

    /// <summary>How many engines have created their Reflection.Emit assembly (one per engine, on first need).</summary>
    public static int EmitAssemblies() =>
        AppDomain.CurrentDomain.GetAssemblies().Count(a => a.IsDynamic && (a.GetName().Name ?? "").StartsWith("WitSharp.Compiled.", StringComparison.Ordinal));

    public static IReadOnlyList<string> Resources(Assembly assembly) => assembly.GetManifestResourceNames();
}
