using System.Collections.Generic;

namespace WitSharp.Wit.Syntax;

// The WIT abstract syntax tree (WIT.md "Item" grammar). Every name carries its span so the resolver can
// report file:line:column. Plain classes: the AST lives only for one parse.

internal readonly struct Id
{
    public Id(string name, Span span)
    {
        Name = name;
        Span = span;
    }

    public string Name { get; }

    public Span Span { get; }

    public override string ToString() => Name;
}

/// <summary>Comments before an item, raw (comment markers included), as the reference keeps them.</summary>
internal sealed class AstDocs
{
    public static readonly AstDocs Empty = new(new List<string>(), default);

    public AstDocs(List<string> lines, Span span)
    {
        Lines = lines;
        Span = span;
    }

    public List<string> Lines { get; }

    public Span Span { get; }
}

internal enum AttributeKind : byte
{
    Since,
    Unstable,
    Deprecated,
}

internal sealed record AstAttribute(AttributeKind Kind, Span Span, string Value);

internal sealed class AstPackageName
{
    public AstPackageName(Id ns, Id name, string? version, Span span, AstDocs docs)
    {
        Namespace = ns;
        Name = name;
        Version = version;
        Span = span;
        Docs = docs;
    }

    public Id Namespace { get; }

    public Id Name { get; }

    public string? Version { get; }

    public Span Span { get; }

    public AstDocs Docs { get; }

    public PackageName ToName() => new(Namespace.Name, Name.Name, Version);
}

/// <summary>One file (or one nested <c>package a:b { … }</c> block).</summary>
internal sealed class PackageFile
{
    public PackageFile(AstPackageName? packageId, DeclList decls)
    {
        PackageId = packageId;
        Decls = decls;
    }

    public AstPackageName? PackageId { get; }

    public DeclList Decls { get; }
}

internal sealed class DeclList
{
    public List<AstItem> Items { get; } = new();
}

internal abstract class AstItem
{
}

internal sealed class InterfaceDecl : AstItem
{
    public InterfaceDecl(AstDocs docs, List<AstAttribute> attributes, Id name, List<InterfaceItem> items)
    {
        Docs = docs;
        Attributes = attributes;
        Name = name;
        Items = items;
    }

    public AstDocs Docs { get; }

    public List<AstAttribute> Attributes { get; }

    public Id Name { get; }

    public List<InterfaceItem> Items { get; }
}

internal sealed class WorldDecl : AstItem
{
    public WorldDecl(AstDocs docs, List<AstAttribute> attributes, Id name, List<WorldItemDecl> items)
    {
        Docs = docs;
        Attributes = attributes;
        Name = name;
        Items = items;
    }

    public AstDocs Docs { get; }

    public List<AstAttribute> Attributes { get; }

    public Id Name { get; }

    public List<WorldItemDecl> Items { get; }
}

internal sealed class ToplevelUse : AstItem
{
    public ToplevelUse(Span span, List<AstAttribute> attributes, UsePath item, Id? asName)
    {
        Span = span;
        Attributes = attributes;
        Item = item;
        As = asName;
    }

    public Span Span { get; }

    public List<AstAttribute> Attributes { get; }

    public UsePath Item { get; }

    public Id? As { get; }
}

internal sealed class NestedPackage : AstItem
{
    public NestedPackage(PackageFile file) => File = file;

    public PackageFile File { get; }
}

/// <summary><c>name</c> or <c>ns:pkg/name@version</c>.</summary>
internal sealed class UsePath
{
    public UsePath(Id name, AstPackageName? package)
    {
        Name = name;
        Package = package;
    }

    public Id Name { get; }

    /// <summary>The foreign package, or null for a local name.</summary>
    public AstPackageName? Package { get; }
}

internal sealed record UseName(Id Name, Id? As)
{
    public Id Local => As ?? Name;
}

internal sealed class UseDecl
{
    public UseDecl(List<AstAttribute> attributes, UsePath from, List<UseName> names)
    {
        Attributes = attributes;
        From = from;
        Names = names;
    }

    public List<AstAttribute> Attributes { get; }

    public UsePath From { get; }

    public List<UseName> Names { get; }
}

internal abstract class InterfaceItem
{
}

internal sealed class InterfaceUse : InterfaceItem
{
    public InterfaceUse(UseDecl use) => Use = use;

    public UseDecl Use { get; }
}

internal sealed class InterfaceTypeDef : InterfaceItem
{
    public InterfaceTypeDef(TypeDefDecl def) => Def = def;

    public TypeDefDecl Def { get; }
}

internal sealed class InterfaceFunc : InterfaceItem
{
    public InterfaceFunc(NamedFunc func) => Func = func;

    public NamedFunc Func { get; }
}

internal sealed class TypeDefDecl
{
    public TypeDefDecl(AstDocs docs, List<AstAttribute> attributes, Id name, AstType type)
    {
        Docs = docs;
        Attributes = attributes;
        Name = name;
        Type = type;
    }

    public AstDocs Docs { get; }

    public List<AstAttribute> Attributes { get; }

    public Id Name { get; }

    public AstType Type { get; }
}

internal sealed class NamedFunc
{
    public NamedFunc(AstDocs docs, List<AstAttribute> attributes, Id name, FuncDecl func)
    {
        Docs = docs;
        Attributes = attributes;
        Name = name;
        Func = func;
    }

    public AstDocs Docs { get; }

    public List<AstAttribute> Attributes { get; }

    public Id Name { get; }

    public FuncDecl Func { get; }
}

internal sealed class FuncDecl
{
    public FuncDecl(Span span, bool isAsync, List<KeyValuePair<Id, AstType>> @params, AstType? result)
    {
        Span = span;
        IsAsync = isAsync;
        Params = @params;
        Result = result;
    }

    public Span Span { get; }

    public bool IsAsync { get; }

    public List<KeyValuePair<Id, AstType>> Params { get; }

    public AstType? Result { get; }
}

internal enum ResourceFuncKind : byte
{
    Method,
    Static,
    Constructor,
}

internal sealed record ResourceFunc(ResourceFuncKind Kind, NamedFunc Func);

internal abstract class WorldItemDecl
{
}

internal enum ExternKindTag : byte
{
    /// <summary><c>import x: interface { … }</c></summary>
    Interface,
    /// <summary><c>import x;</c> or <c>import ns:pkg/x;</c> or <c>import label: path;</c></summary>
    Path,
    /// <summary><c>import x: func(…);</c></summary>
    Func,
}

internal sealed class ExternKind
{
    public ExternKind(ExternKindTag tag, Id name, List<InterfaceItem>? items, UsePath? path, FuncDecl? func)
    {
        Tag = tag;
        Name = name;
        Items = items;
        Path = path;
        Func = func;
    }

    public ExternKindTag Tag { get; }

    /// <summary>The label (interface/func name), or for paths the path's last name.</summary>
    public Id Name { get; }

    public List<InterfaceItem>? Items { get; }

    public UsePath? Path { get; }

    public FuncDecl? Func { get; }

    /// <summary>For <c>import label: path;</c> the explicit label.</summary>
    public Id? Label { get; init; }

    public Span Span => Tag == ExternKindTag.Path && Label is null ? Path!.Name.Span : Name.Span;
}

internal sealed class WorldImport : WorldItemDecl
{
    public WorldImport(AstDocs docs, List<AstAttribute> attributes, ExternKind kind, bool isExport)
    {
        Docs = docs;
        Attributes = attributes;
        Kind = kind;
        IsExport = isExport;
    }

    public AstDocs Docs { get; }

    public List<AstAttribute> Attributes { get; }

    public ExternKind Kind { get; }

    public bool IsExport { get; }
}

internal sealed class WorldUse : WorldItemDecl
{
    public WorldUse(UseDecl use) => Use = use;

    public UseDecl Use { get; }
}

internal sealed class WorldTypeDef : WorldItemDecl
{
    public WorldTypeDef(TypeDefDecl def) => Def = def;

    public TypeDefDecl Def { get; }
}

internal sealed class IncludeDecl : WorldItemDecl
{
    public IncludeDecl(List<AstAttribute> attributes, UsePath from, List<KeyValuePair<Id, Id>> names)
    {
        Attributes = attributes;
        From = from;
        Names = names;
    }

    public List<AstAttribute> Attributes { get; }

    public UsePath From { get; }

    public List<KeyValuePair<Id, Id>> Names { get; }
}
