using System.Collections.Generic;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

/// <summary>The packages parsed from one set of files (a directory, or one file): the main package plus every
/// nested <c>package a:b { … }</c> block (reference: <c>UnresolvedPackageGroup</c>).</summary>
internal sealed class PackageGroup
{
    private PackageGroup(UnresolvedPackage main, List<UnresolvedPackage> nested)
    {
        Main = main;
        Nested = nested;
    }

    public UnresolvedPackage Main { get; }

    public List<UnresolvedPackage> Nested { get; }

    /// <summary>Parses <paramref name="files"/> (already in the order the reference reads them: sorted by path)
    /// into <paramref name="map"/>. Nested packages are resolved as each file is read; the files' top-level
    /// declarations then form the main package.</summary>
    public static PackageGroup Parse(SourceMap map, IReadOnlyList<WitSource> files)
    {
        var resolver = new AstResolver();
        var nested = new List<UnresolvedPackage>();
        foreach (var file in files)
        {
            var src = map.Add(file.Path, file.Text);
            var parsed = Parser.ParseFile(file.Text, src.Offset);
            var topLevel = new DeclList();
            foreach (var item in parsed.Decls.Items)
            {
                if (item is NestedPackage np)
                {
                    var nestedResolver = new AstResolver();
                    nestedResolver.Push(np.File);
                    nested.Add(nestedResolver.Resolve());
                }
                else
                {
                    topLevel.Items.Add(item);
                }
            }
            resolver.Push(new PackageFile(parsed.PackageId, topLevel));
        }
        return new PackageGroup(resolver.Resolve(), nested);
    }
}
