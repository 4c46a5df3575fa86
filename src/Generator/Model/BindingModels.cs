using WitSharp.Generator.Diagnostics;

namespace WitSharp.Generator.Model;

// The equatable C#-shaped model the emitter turns into text. Built once per [ComponentImport] class from the
// resolved WIT world; holds only strings, enums and EquatableArrays so unchanged inputs hit the cache.
// C# type references are stored already rendered (fully qualified, `global::`-prefixed).

/// <summary>What a generated type declaration is.</summary>
internal enum TypeShape
{
    /// <summary><c>record</c> → <c>readonly record struct</c>.</summary>
    Record,

    /// <summary><c>variant</c> → abstract record with one sealed nested record per case.</summary>
    Variant,

    /// <summary><c>enum</c> → <c>enum</c>.</summary>
    Enum,

    /// <summary><c>flags</c> → <c>[Flags] enum</c>.</summary>
    Flags,

    /// <summary>A resource of an imported interface → a C# interface the host implements.</summary>
    ImportedResource,

    /// <summary>A resource of an exported interface → an abstract <c>IDisposable</c> class (the guest-side shape).</summary>
    ExportedResource,
}

/// <summary>A field, case, enum case or flag. <see cref="Type"/> is null for payload-less members.</summary>
internal sealed record MemberModel(string WitName, string Name, string? Type, string Docs, ulong Value)
{
    /// <summary>The payload or field type for the generated conversions; null for payload-less members.</summary>
    public TypeRef? Ref { get; init; }
}

/// <summary>A parameter: a camelCase name and a rendered C# type.</summary>
internal sealed record ParamModel(string WitName, string Name, string Type, TypeRef Ref);

/// <summary>A method signature. <see cref="ErrorType"/> is set when the WIT result's error case is raised as
/// <c>ResultException&lt;ErrorType&gt;</c> (exceptions error mode).</summary>
internal sealed record MethodModel(string WitName, string Name, string ReturnType, EquatableArray<ParamModel> Params, string Docs, string? ErrorType)
{
    /// <summary>The WIT result (the whole <c>result</c> even when <see cref="ErrorType"/> raises its error case), or null.</summary>
    public TypeRef? Result { get; init; }

    /// <summary>Freestanding, constructor, static or method (resource functions are wired through their handle).</summary>
    public MethodKind Kind { get; init; }

    /// <summary>The C# type of the resource a constructor, static or method belongs to.</summary>
    public string? Resource { get; init; }

    /// <summary>Whether the declaration hides an inherited one (<c>new</c>): a world-level import with the
    /// signature of an imported interface's function.</summary>
    public bool Hides { get; init; }
}

/// <summary>What a WIT function is to its interface (WIT.md "Item: func": the <c>[constructor]</c>,
/// <c>[method]</c> and <c>[static]</c> name prefixes).</summary>
internal enum MethodKind
{
    Freestanding,
    Constructor,
    Method,
    Static,
}

/// <summary>A generated type declaration.</summary>
internal sealed record TypeModel(TypeShape Shape, string WitName, string Name, string Docs, string? Underlying, EquatableArray<MemberModel> Members, EquatableArray<MethodModel> Methods);

/// <summary>A C# interface holding the functions of a WIT interface or world (host contract for imports,
/// shape of the guest's exports).</summary>
internal sealed record FunctionsModel(string Name, string Docs, EquatableArray<MethodModel> Methods)
{
    /// <summary>Interfaces this one extends (the world's <c>IImports</c> extends every imported interface's).</summary>
    public EquatableArray<string> Bases { get; init; }
}

/// <summary>An interface a world imports or exports, as the runtime wiring sees it: the component-level
/// instance name (<c>ns:pkg/iface@1.0.0</c>, or a plain name for <c>import x: interface {…}</c>), the C# namespace
/// its types and functions went to, its functions interface (fully qualified, null when it has no functions)
/// and, for exports, the name of the world class's property.</summary>
internal sealed record InterfaceBinding(string InstanceName, string Namespace, string? Interface, string Property, EquatableArray<MethodModel> Methods);

/// <summary>The types and functions of one WIT interface, generated into one C# namespace.</summary>
internal sealed record ContainerModel(string Namespace, string WitName, bool IsExport, EquatableArray<TypeModel> Types, FunctionsModel? Functions);

/// <summary>A type that contains the attributed class (nested classes), outermost first.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>The attributed class.</summary>
internal sealed record ClassModel(string Namespace, string Name, string Keyword, EquatableArray<ContainingType> Containing)
{
    /// <summary>Namespace.Outer.Name, used for hint names and messages.</summary>
    public string FullName
    {
        get
        {
            var s = Namespace.Length == 0 ? string.Empty : Namespace + ".";
            foreach (var c in Containing) s += c.Name + ".";
            return s + Name;
        }
    }
}

/// <summary>Everything generated for one [ComponentImport] class.</summary>
internal sealed record WorldModel(
    ClassModel Class,
    string WorldName,
    string Docs,
    EquatableArray<TypeModel> Types,
    FunctionsModel? Imports,
    FunctionsModel? Exports,
    EquatableArray<ContainerModel> Containers,
    EquatableArray<string> ImportNames,
    EquatableArray<string> ExportNames)
{
    /// <summary>Imported interfaces with functions, in world order.</summary>
    public EquatableArray<InterfaceBinding> ImportedInterfaces { get; init; }

    /// <summary>Exported interfaces, in world order.</summary>
    public EquatableArray<InterfaceBinding> ExportedInterfaces { get; init; }

    /// <summary>The manifest resource holding the component, when the input is an embedded <c>.wasm</c>.</summary>
    public string? EmbeddedResource { get; init; }

    /// <summary>Whether the input was a component binary (its exports are checked when it is loaded).</summary>
    public bool FromBinary { get; init; }

    /// <summary>For a component binary: the position of each of <see cref="ExportNames"/> in the binary's export
    /// section (-1 when absent), computed at build time and checked when the component is loaded.</summary>
    public EquatableArray<int> ExportPositions { get; init; }

    /// <summary>Whether the attributed class can carry instance members (not <c>static</c>).</summary>
    public bool HasRuntime { get; init; }
}

/// <summary>The model step's output: the model (null when generation failed) and the diagnostics.</summary>
internal sealed record ModelResult(WorldModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Text, string Namespace, string Owner);

/// <summary>The emit step's output for one class.</summary>
internal sealed record EmitResult(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
