using WitSharp.Generator.Diagnostics;

namespace WitSharp.Generator.Model;

/// <summary>What a [ComponentImport] attribute asks for, read off the syntax and semantic model once.
/// <see cref="Error"/> is set when the class cannot hold bindings (not partial, generic).</summary>
internal sealed record ComponentRequest(
    ClassModel Class,
    string Path,
    string? World,
    string? RootNamespace,
    int ErrorMode,
    EquatableArray<string> Features,
    LocationInfo? Location,
    DiagnosticInfo? Error);

/// <summary>A WitFile or WasmComponent additional file. <see cref="Text"/> is empty for .wasm inputs.</summary>
internal sealed record InputFile(string Path, string Text, bool IsWasm)
{
    /// <summary>The manifest resource the build embeds a WasmComponent as (build/WitSharp.targets), or null.</summary>
    public string? ResourceName { get; init; }
}

/// <summary>A request with the input files it selected: the main package's files and one list per dependency
/// package (the <c>deps/</c> layout of wit-parser's <c>push_path</c>).</summary>
internal sealed record ResolvedRequest(
    ComponentRequest Request,
    EquatableArray<InputFile> Main,
    EquatableArray<DependencyFiles> Dependencies,
    InputFile? Wasm,
    string LookedFor);

/// <summary>The files of one dependency package.</summary>
internal sealed record DependencyFiles(string Name, EquatableArray<InputFile> Files);

/// <summary>Where a [ComponentImport] class is declared, for diagnostics reported when sources are added.</summary>
internal sealed record ClassLocation(string FullName, LocationInfo? Location);

/// <summary>The declarations of every [ComponentImport] class in the compilation.</summary>
internal sealed record ClassLocations(EquatableArray<ClassLocation> All);
