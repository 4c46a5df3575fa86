using Microsoft.CodeAnalysis;

namespace WitSharp.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are stable and listed in AnalyzerReleases.*.md;
/// docs/type-mapping.md explains each.</summary>
internal static class Descriptors
{
    private const string Category = "WitSharp.Generator";

    public static readonly DiagnosticDescriptor WitError = new(
        "WITSHARP001", "Invalid WIT", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A .wit file failed to parse or resolve; the location is the offending token in the .wit file.");

    public static readonly DiagnosticDescriptor InputNotFound = new(
        "WITSHARP002", "Component input not found",
        "'{0}' matches no WitFile or WasmComponent item (looked for {1}); add <WitFile Include=\"…\" /> or <WasmComponent Include=\"…\" /> to the project",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WorldNotFound = new(
        "WITSHARP003", "Unknown or ambiguous world", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The World named on [ComponentImport] does not exist, or it was omitted and the package has several worlds.");

    public static readonly DiagnosticDescriptor NotPartial = new(
        "WITSHARP004", "Class must be partial",
        "'{0}' has [ComponentImport] and must be declared partial (and so must every type containing it)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedClass = new(
        "WITSHARP005", "Unsupported class shape", "'{0}' cannot hold bindings: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "WITSHARP006", "Generated name collision", "{0}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Two WIT items map to the same C# name; one was renamed with a numeric suffix.");

    public static readonly DiagnosticDescriptor Unsupported = new(
        "WITSHARP007", "Unsupported WIT feature", "{0} is not supported yet and was left out of the bindings: {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WasmNotSupported = new(
        "WITSHARP008", "Component binary not readable",
        "'{0}' cannot be read by the generator: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "WITSHARP009", "Generator failure", "WitSharp generator failed for '{0}': {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "An unexpected error inside the generator; please report it with the input that caused it.");

    public static readonly DiagnosticDescriptor ConflictingBindings = new(
        "WITSHARP010", "Conflicting bindings",
        "Bindings for '{0}' are generated differently by two [ComponentImport] classes in namespace '{1}'; give one of them a different Namespace",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BadComponent = new(
        "WITSHARP011", "Invalid component binary", "'{0}' is not a valid component: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NamespaceCollision = new(
        "WITSHARP012", "Generated namespace collides with the class",
        "The namespace '{0}' generated for '{1}' has the same name as the class '{2}'; set Namespace on [ComponentImport] to a namespace of its own",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "WITSHARP001" => WitError,
        "WITSHARP002" => InputNotFound,
        "WITSHARP003" => WorldNotFound,
        "WITSHARP004" => NotPartial,
        "WITSHARP005" => UnsupportedClass,
        "WITSHARP006" => NameCollision,
        "WITSHARP007" => Unsupported,
        "WITSHARP008" => WasmNotSupported,
        "WITSHARP010" => ConflictingBindings,
        "WITSHARP011" => BadComponent,
        "WITSHARP012" => NamespaceCollision,
        _ => InternalError,
    };
}
