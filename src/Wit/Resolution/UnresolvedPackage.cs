using System.Collections.Generic;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

/// <summary>An interface or world of a package before it enters a <see cref="Resolve"/> (the reference's
/// <c>AstItem</c>): which arena, and the index in it.</summary>
internal readonly struct ItemRef
{
    public ItemRef(bool isWorld, int id)
    {
        IsWorld = isWorld;
        Id = id;
    }

    public bool IsWorld { get; }

    public int Id { get; }
}

/// <summary>Where an interface and each of its functions were declared, for errors found while merging.</summary>
internal sealed class InterfaceSpan
{
    public InterfaceSpan(Span span) => Span = span;

    public Span Span { get; }

    public List<Span> Funcs { get; } = new();
}

/// <summary>Where a world and each of its imports, exports and includes were declared.</summary>
internal sealed class WorldSpan
{
    public WorldSpan(Span span) => Span = span;

    public Span Span { get; }

    public List<Span> Imports { get; set; } = new();

    public List<Span> Exports { get; set; } = new();

    public List<Span> Includes { get; } = new();
}

/// <summary>One foreign item (<c>ns:pkg/name</c>) a package refers to, with the gates of every reference.</summary>
internal sealed class ForeignDep
{
    public ForeignDep(ItemRef item) => Item = item;

    public ItemRef Item { get; }

    public List<Stability> Stabilities { get; } = new();
}

/// <summary>One package resolved on its own (names bound, types built) but not yet joined to the packages it
/// depends on: the reference's <c>UnresolvedPackage</c>. Its arenas start with placeholders for foreign items
/// (interfaces, worlds and <see cref="UnknownKind"/> types), which <see cref="Remap"/> binds to real ids.</summary>
internal sealed class UnresolvedPackage
{
    public UnresolvedPackage(PackageName name, Span nameSpan, Docs docs)
    {
        Name = name;
        NameSpan = nameSpan;
        Docs = docs;
    }

    public PackageName Name { get; }

    public Span NameSpan { get; }

    public Docs Docs { get; }

    public List<TypeDef> Types { get; } = new();

    public List<WitInterface> Interfaces { get; } = new();

    public List<WitWorld> Worlds { get; } = new();

    /// <summary>Foreign packages → item name → placeholder, in first-reference order.</summary>
    public OrderedMap<PackageName, OrderedMap<string, ForeignDep>> ForeignDeps { get; } = new();

    /// <summary>Span of the first reference to each entry of <see cref="ForeignDeps"/>.</summary>
    public List<Span> ForeignDepSpans { get; } = new();

    /// <summary>For the leading <see cref="UnknownKind"/> types: where the imported name was written.</summary>
    public List<Span> UnknownTypeSpans { get; } = new();

    public List<Span> TypeSpans { get; } = new();

    public List<InterfaceSpan> InterfaceSpans { get; } = new();

    public List<WorldSpan> WorldSpans { get; } = new();

    /// <summary>Foreign types used in handles: they must turn out to be resources once bound.</summary>
    public List<KeyValuePair<int, Span>> RequiredResourceTypes { get; } = new();

    /// <summary>Per record/variant type id: the span of each field/case, so a reference to a gated-out type
    /// points at the member that names it.</summary>
    public Dictionary<int, List<Span>> MemberSpans { get; } = new();
}
