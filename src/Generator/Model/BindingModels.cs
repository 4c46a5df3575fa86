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
internal sealed record MemberModel(string WitName, string Name, string? Type, string Docs, ulong Value);

/// <summary>A parameter: a camelCase name and a rendered C# type.</summary>
internal sealed record ParamModel(string WitName, string Name, string Type);

/// <summary>A method signature. <see cref="ErrorType"/> is set when the WIT result's error case is raised as
/// <c>ResultException&lt;ErrorType&gt;</c> (exceptions error mode).</summary>
internal sealed record MethodModel(string WitName, string Name, string ReturnType, EquatableArray<ParamModel> Params, string Docs, string? ErrorType);

/// <summary>A generated type declaration.</summary>
internal sealed record TypeModel(TypeShape Shape, string WitName, string Name, string Docs, string? Underlying, EquatableArray<MemberModel> Members, EquatableArray<MethodModel> Methods);

/// <summary>A C# interface holding the functions of a WIT interface or world (host contract for imports,
/// shape of the guest's exports).</summary>
internal sealed record FunctionsModel(string Name, string Docs, EquatableArray<MethodModel> Methods);

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
    EquatableArray<string> ExportNames);

/// <summary>The model step's output: the model (null when generation failed) and the diagnostics.</summary>
internal sealed record ModelResult(WorldModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Text, string Namespace, string Owner);

/// <summary>The emit step's output for one class.</summary>
internal sealed record EmitResult(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
