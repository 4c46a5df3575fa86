using System.Collections.Generic;

namespace WitSharp.Wit.Binary;

/// <summary><c>(func ps rs)</c> or <c>(func async ps rs)</c>.</summary>
public sealed class FuncType : DefType
{
    /// <summary>Creates the type.</summary>
    public FuncType(int offset, bool isAsync, IReadOnlyList<LabeledValType> parameters, ComponentValType? result)
        : base(offset)
    {
        IsAsync = isAsync;
        Parameters = parameters;
        Result = result;
    }

    /// <summary>Declared <c>async</c> (opcode 0x43).</summary>
    public bool IsAsync { get; }

    /// <summary>Parameters in order.</summary>
    public IReadOnlyList<LabeledValType> Parameters { get; }

    /// <summary>The single result type, or null for no result.</summary>
    public ComponentValType? Result { get; }
}

/// <summary><c>(resource (rep t) (dtor f)?)</c>: a resource type defined by this component.</summary>
public sealed class ResourceTypeDef : DefType
{
    /// <summary>Creates the type.</summary>
    public ResourceTypeDef(int offset, CoreValType representation, uint? destructor) : base(offset)
    {
        Representation = representation;
        Destructor = destructor;
    }

    /// <summary>The core representation (i32 today).</summary>
    public CoreValType Representation { get; }

    /// <summary>Core function index of the destructor, if any.</summary>
    public uint? Destructor { get; }
}

/// <summary><c>(component decl*)</c>: a component type.</summary>
public sealed class ComponentTypeDef : DefType
{
    /// <summary>Creates the type.</summary>
    public ComponentTypeDef(int offset, IReadOnlyList<TypeDeclaration> declarations) : base(offset)
        => Declarations = declarations;

    /// <summary>Declarators in order; each may add to the type's own index spaces.</summary>
    public IReadOnlyList<TypeDeclaration> Declarations { get; }
}

/// <summary><c>(instance decl*)</c>: an instance type.</summary>
public sealed class InstanceTypeDef : DefType
{
    /// <summary>Creates the type.</summary>
    public InstanceTypeDef(int offset, IReadOnlyList<TypeDeclaration> declarations) : base(offset)
        => Declarations = declarations;

    /// <summary>Declarators in order (never imports).</summary>
    public IReadOnlyList<TypeDeclaration> Declarations { get; }
}

/// <summary>The form of a <see cref="TypeDeclaration"/> (<c>componentdecl</c> / <c>instancedecl</c>).</summary>
public enum TypeDeclarationKind
{
    CoreType,
    Type,
    Alias,
    Import,
    Export,
}

/// <summary>One declarator inside a component or instance type.</summary>
public sealed class TypeDeclaration
{
    /// <summary>Creates a declarator; members not used by <paramref name="kind"/> are null.</summary>
    public TypeDeclaration(
        int offset, TypeDeclarationKind kind, CoreType? coreType, DefType? type, Alias? alias,
        ExternName? name, ExternType? externType)
    {
        Offset = offset;
        Kind = kind;
        CoreType = coreType;
        Type = type;
        Alias = alias;
        Name = name;
        ExternType = externType;
    }

    /// <summary>Byte offset.</summary>
    public int Offset { get; }

    /// <summary>Declarator form.</summary>
    public TypeDeclarationKind Kind { get; }

    /// <summary>For <see cref="TypeDeclarationKind.CoreType"/>.</summary>
    public CoreType? CoreType { get; }

    /// <summary>For <see cref="TypeDeclarationKind.Type"/>.</summary>
    public DefType? Type { get; }

    /// <summary>For <see cref="TypeDeclarationKind.Alias"/>.</summary>
    public Alias? Alias { get; }

    /// <summary>For imports and exports.</summary>
    public ExternName? Name { get; }

    /// <summary>For imports and exports.</summary>
    public ExternType? ExternType { get; }
}

/// <summary>The kind of an <see cref="ExternType"/>.</summary>
public enum ExternKind : byte
{
    CoreModule = 0x00,
    Func = 0x01,
    Value = 0x02,
    Type = 0x03,
    Component = 0x04,
    Instance = 0x05,
}

/// <summary>How a type import/export is bounded (<c>typebound</c>) or a value typed (<c>valuebound</c>).</summary>
public enum ExternBound : byte
{
    /// <summary>Not a type or value extern.</summary>
    None,

    /// <summary><c>(eq i)</c>: an alias of type (or value) <see cref="ExternType.Index"/>.</summary>
    Eq,

    /// <summary><c>(sub resource)</c>: a fresh abstract resource type.</summary>
    SubResource,

    /// <summary>A value of <see cref="ExternType.ValueType"/>.</summary>
    ValueType,
}

/// <summary>An <c>externtype</c>: the type of an import or export.</summary>
public sealed class ExternType
{
    /// <summary>Creates an extern type.</summary>
    public ExternType(ExternKind kind, uint index, ExternBound bound = ExternBound.None, ComponentValType valueType = default)
    {
        Kind = kind;
        Index = index;
        Bound = bound;
        ValueType = valueType;
    }

    /// <summary>Which sort is imported/exported.</summary>
    public ExternKind Kind { get; }

    /// <summary>The type index (core type index for modules), or the <c>eq</c> target.</summary>
    public uint Index { get; }

    /// <summary>For types and values: the bound.</summary>
    public ExternBound Bound { get; }

    /// <summary>For <see cref="ExternBound.ValueType"/>.</summary>
    public ComponentValType ValueType { get; }

    /// <inheritdoc/>
    public override string ToString() => Kind + " " + (Bound == ExternBound.SubResource ? "(sub resource)" : Index.ToString());
}

/// <summary>
/// An import/export name with its attributes (<c>nameattributes</c>). <see cref="Name"/> is the
/// <c>externname</c>: a plain kebab name (<c>run</c>, <c>[method]r.m</c>) or an interface name
/// (<c>wasi:cli/run@0.2.0</c>).
/// </summary>
public sealed class ExternName
{
    /// <summary>Creates a name.</summary>
    public ExternName(string name, byte encoding = 0, string? implements = null, string? versionSuffix = null, string? externalId = null)
    {
        Name = name;
        Encoding = encoding;
        Implements = implements;
        VersionSuffix = versionSuffix;
        ExternalId = externalId;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The <c>nameattributes</c> prefix byte (0x00, 0x01 or 0x02).</summary>
    public byte Encoding { get; }

    /// <summary>The <c>(implements "…")</c> attribute.</summary>
    public string? Implements { get; }

    /// <summary>The <c>(versionsuffix "…")</c> attribute.</summary>
    public string? VersionSuffix { get; }

    /// <summary>The <c>(external-id …)</c> attribute.</summary>
    public string? ExternalId { get; }

    /// <summary>True when the name is an interface name (<c>ns:pkg/iface</c>, optional <c>@version</c>).</summary>
    public bool IsInterfaceName => Name.IndexOf(':') > 0 && Name.IndexOf('/') > 0;

    /// <summary>The part before the first <c>@</c> (the name without its version).</summary>
    public string NameWithoutVersion
    {
        get
        {
            var at = Name.IndexOf('@');
            return at < 0 ? Name : Name.Substring(0, at);
        }
    }

    /// <summary>The version after <c>@</c> of an interface name, or null.</summary>
    public string? Version
    {
        get
        {
            var at = Name.IndexOf('@');
            return at < 0 ? null : Name.Substring(at + 1);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The form of an <see cref="Alias"/>.</summary>
public enum AliasKind : byte
{
    /// <summary><c>(alias export i n)</c> of a component instance.</summary>
    InstanceExport = 0x00,

    /// <summary><c>(alias core export i n)</c> of a core instance.</summary>
    CoreInstanceExport = 0x01,

    /// <summary><c>(alias outer ct idx)</c>.</summary>
    Outer = 0x02,
}

/// <summary>An <c>alias</c> definition or declarator.</summary>
public sealed class Alias
{
    /// <summary>Creates an alias.</summary>
    public Alias(int offset, ComponentSort sort, AliasKind kind, uint instanceOrCount, string? name, uint outerIndex)
    {
        Offset = offset;
        Sort = sort;
        Kind = kind;
        InstanceOrCount = instanceOrCount;
        Name = name;
        OuterIndex = outerIndex;
    }

    /// <summary>Byte offset.</summary>
    public int Offset { get; }

    /// <summary>The sort of the aliased item (and of the new index).</summary>
    public ComponentSort Sort { get; }

    /// <summary>Alias form.</summary>
    public AliasKind Kind { get; }

    /// <summary>The (core) instance index for export aliases; the scope count for outer aliases.</summary>
    public uint InstanceOrCount { get; }

    /// <summary>The export name for export aliases.</summary>
    public string? Name { get; }

    /// <summary>The index in the target scope for outer aliases.</summary>
    public uint OuterIndex { get; }
}
