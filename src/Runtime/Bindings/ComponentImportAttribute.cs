namespace WitSharp;

/// <summary>How a WIT <c>result&lt;T, E&gt;</c> returned by a function appears in generated C#.</summary>
public enum WitErrorMode
{
    /// <summary>Functions return <see cref="Result{TOk, TError}"/> (the default): errors are values.</summary>
    Result = 0,

    /// <summary>Functions return the ok payload and raise <see cref="ResultException{TError}"/> carrying the
    /// error payload. Only a function's outermost <c>result</c> is turned into an exception; results nested
    /// in other types stay <see cref="Result{TOk, TError}"/>.</summary>
    Exceptions = 1,
}

/// <summary>Asks the WitSharp source generator to generate typed bindings for a WebAssembly component world
/// into the attributed <c>partial</c> class.</summary>
/// <remarks>
/// The path is relative to the project directory and must name files passed to the compiler as
/// <c>&lt;WitFile Include="…" /&gt;</c> or <c>&lt;WasmComponent Include="…" /&gt;</c> items:
/// a single <c>.wit</c> file, a folder of <c>.wit</c> files (one package, with dependency packages in its
/// <c>deps/</c> folder), or a <c>.wasm</c> component.
/// <code>
/// [ComponentImport("wit/", World = "my:pkg/calc")]
/// public partial class Calc;
/// </code>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ComponentImportAttribute : Attribute
{
    /// <summary>Creates the attribute for a <c>.wit</c> file or folder, or a <c>.wasm</c> component.</summary>
    /// <param name="path">The input, relative to the project directory.</param>
    public ComponentImportAttribute(string path) => Path = path;

    /// <summary>The <c>.wit</c> file, folder, or <c>.wasm</c> component, relative to the project directory.</summary>
    public string Path { get; }

    /// <summary>The world to bind: <c>name</c> or <c>namespace:package/name</c>. May be omitted when the
    /// main package has exactly one world.</summary>
    public string? World { get; set; }

    /// <summary>The root namespace of the generated interface types; defaults to the attributed class's
    /// namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>How functions returning <c>result</c> are mapped; <see cref="WitErrorMode.Result"/> by default.</summary>
    public WitErrorMode ErrorMode { get; set; }

    /// <summary>Names of <c>@unstable(feature = …)</c> features to include; gated items are left out otherwise.</summary>
    public string[]? Features { get; set; }
}
