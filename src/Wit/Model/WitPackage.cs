using System;

namespace WitSharp.Wit;

/// <summary>A package name <c>namespace:name@version</c> (WIT.md "Package Names").</summary>
public sealed class PackageName : IEquatable<PackageName>
{
    public PackageName(string @namespace, string name, string? version)
    {
        Namespace = @namespace;
        Name = name;
        Version = version;
    }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The semver text, or null.</summary>
    public string? Version { get; }

    public bool Equals(PackageName? other) =>
        other is not null && Namespace == other.Namespace && Name == other.Name && Version == other.Version;

    public override bool Equals(object? obj) => Equals(obj as PackageName);

    public override int GetHashCode() =>
        Polyfills.HashCodeHelper.Combine(StringComparer.Ordinal.GetHashCode(Namespace), StringComparer.Ordinal.GetHashCode(Name), Version is null ? 0 : StringComparer.Ordinal.GetHashCode(Version));

    /// <summary><c>ns:name</c> or <c>ns:name@1.2.3</c>.</summary>
    public override string ToString() => Version is null ? Namespace + ":" + Name : Namespace + ":" + Name + "@" + Version;
}

/// <summary>A resolved package and the interfaces and worlds it defines.</summary>
public sealed class WitPackage
{
    internal WitPackage(PackageName name, Docs docs)
    {
        Name = name;
        Docs = docs;
    }

    public PackageName Name { get; }

    public Docs Docs { get; }

    /// <summary>Interface names to ids in <see cref="Resolve.Interfaces"/>.</summary>
    public OrderedMap<string, int> Interfaces { get; } = new();

    /// <summary>World names to ids in <see cref="Resolve.Worlds"/>.</summary>
    public OrderedMap<string, int> Worlds { get; } = new();

    public override string ToString() => Name.ToString();
}
