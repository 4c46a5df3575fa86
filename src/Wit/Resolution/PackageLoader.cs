using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

/// <summary>Adds parsed package groups to a <see cref="Resolve"/> in dependency order (reference:
/// <c>sort_unresolved_packages</c>): packages are visited by name, each after the packages it uses.</summary>
internal static class PackageLoader
{
    private sealed class NameOrder : IComparer<PackageName>
    {
        public static readonly NameOrder Instance = new();

        // Ordered like the reference's derived `Ord` on (namespace, name, version), with no version first.
        public int Compare(PackageName? x, PackageName? y)
        {
            var c = string.CompareOrdinal(x!.Namespace, y!.Namespace);
            if (c != 0) return c;
            c = string.CompareOrdinal(x.Name, y.Name);
            if (c != 0) return c;
            if (x.Version is null) return y.Version is null ? 0 : -1;
            if (y.Version is null) return 1;
            c = SemVer.Compare(x.Version, y.Version);
            return c != 0 ? c : string.CompareOrdinal(x.Version, y.Version);
        }
    }

    public static int Push(Resolve resolve, SourceMap map, PackageGroup main, IEnumerable<PackageGroup> deps)
    {
        // Looked up by name, visited in name order: a dictionary plus one sort (not a SortedDictionary, whose
        // tree code is a cold-path JIT cost of its own; docs/benchmarks.md "Generator").
        var all = new Dictionary<PackageName, UnresolvedPackage>();
        void Insert(PackageGroup g)
        {
            var pkgs = new List<UnresolvedPackage>(g.Nested) { g.Main };
            foreach (var pkg in pkgs)
            {
                if (all.TryGetValue(pkg.Name, out var prev))
                {
                    var msg = "package `" + pkg.Name + "` is defined in two different locations:\n  * " + Render(map, pkg.NameSpan) + "\n  * " + Render(map, prev.NameSpan);
                    throw new SpanException(pkg.NameSpan, msg);
                }
                all[pkg.Name] = pkg;
            }
        }
        Insert(main);
        foreach (var d in deps) Insert(d);

        var order = new List<UnresolvedPackage>();
        var placed = new HashSet<PackageName>();
        var visiting = new HashSet<PackageName>();
        var byName = new List<UnresolvedPackage>(all.Values);
        byName.Sort(static (a, b) => NameOrder.Instance.Compare(a.Name, b.Name));
        foreach (var pkg in byName) Visit(pkg, all, order, placed, visiting);

        var mainId = -1;
        foreach (var pkg in order)
        {
            var id = new Remap(resolve).Append(pkg);
            if (ReferenceEquals(pkg, main.Main)) mainId = id;
        }
        return mainId;
    }

    private static void Visit(UnresolvedPackage pkg, Dictionary<PackageName, UnresolvedPackage> all, List<UnresolvedPackage> order,
        HashSet<PackageName> placed, HashSet<PackageName> visiting)
    {
        if (placed.Contains(pkg.Name)) return;
        for (var i = 0; i < pkg.ForeignDeps.Count; i++)
        {
            var dep = pkg.ForeignDeps[i].Key;
            if (!visiting.Add(dep)) throw new SpanException(pkg.ForeignDepSpans[i], "package `" + dep + "` creates a dependency cycle");
            if (all.TryGetValue(dep, out var depPkg)) Visit(depPkg, all, order, placed, visiting);
            visiting.Remove(dep);
        }
        placed.Add(pkg.Name);
        order.Add(pkg);
    }

    private static string Render(SourceMap map, Span span)
    {
        var e = map.ToException(span.Start, string.Empty);
        return e.File + ":" + e.Line + ":" + e.Column;
    }
}
