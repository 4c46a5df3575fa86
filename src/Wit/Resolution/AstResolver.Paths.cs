using System.Collections.Generic;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

// The paths (`use`, `include`, import/export of a named interface) a package mentions, and the placeholders
// created for the foreign ones.
internal sealed partial class AstResolver
{
    /// <summary>Visits every path a declaration list mentions, in the reference's order: per interface its
    /// <c>use</c>s; per world its <c>use</c>s and <c>include</c>s, then import paths, then export paths.</summary>
    private static void ForEachPath(DeclList list, PathVisitor f)
    {
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case WorldDecl world:
                {
                    var imports = new List<WorldImport>();
                    var exports = new List<WorldImport>();
                    foreach (var wi in world.Items)
                    {
                        switch (wi)
                        {
                            case WorldUse u:
                                f(null, u.Use.Attributes, u.Use.From, u.Use.Names, PathKind.Interface);
                                break;
                            case IncludeDecl inc:
                                f(world.Name, inc.Attributes, inc.From, null, PathKind.World);
                                break;
                            case WorldImport imp:
                                (imp.IsExport ? exports : imports).Add(imp);
                                break;
                        }
                    }
                    foreach (var imp in imports) VisitExtern(imp, f);
                    foreach (var exp in exports) VisitExtern(exp, f);
                    break;
                }
                case InterfaceDecl iface:
                    foreach (var ii in iface.Items)
                    {
                        if (ii is InterfaceUse u) f(iface.Name, u.Use.Attributes, u.Use.From, u.Use.Names, PathKind.Interface);
                    }
                    break;
                case ToplevelUse tu:
                    // A top-level `use` may name a world or an interface; foreign ones are assumed interfaces.
                    f(null, tu.Attributes, tu.Item, null, PathKind.Unknown);
                    break;
            }
        }
    }

    private static void VisitExtern(WorldImport imp, PathVisitor f)
    {
        switch (imp.Kind.Tag)
        {
            case ExternKindTag.Interface:
                foreach (var ii in imp.Kind.Items!)
                {
                    if (ii is InterfaceUse u) f(null, u.Use.Attributes, u.Use.From, u.Use.Names, PathKind.Interface);
                }
                break;
            case ExternKindTag.Path:
                f(null, imp.Attributes, imp.Kind.Path!, null, PathKind.Interface);
                break;
        }
    }

    /// <summary>Creates a placeholder interface or world for every <c>ns:pkg/name</c> path (reference:
    /// <c>populate_foreign_deps</c>); they take the first ids of their arenas.</summary>
    private void PopulateForeignDeps(List<DeclList> declLists)
    {
        foreach (var list in declLists)
        {
            ForEachPath(list, (_, attrs, path, _, kind) =>
            {
                if (path.Package is not { } pkgId) return;
                var stability = MakeStability(attrs);
                var pkgName = pkgId.ToName();
                if (!_pkg.ForeignDeps.TryGetValue(pkgName, out var deps))
                {
                    deps = new OrderedMap<string, ForeignDep>(System.StringComparer.Ordinal);
                    _pkg.ForeignDeps.Set(pkgName, deps);
                    _pkg.ForeignDepSpans.Add(pkgId.Span);
                }
                if (!deps.TryGetValue(path.Name.Name, out var dep))
                {
                    var itemRef = kind == PathKind.World
                        ? new ItemRef(true, AllocWorld(path.Name.Span))
                        : new ItemRef(false, AllocInterface(path.Name.Span));
                    dep = new ForeignDep(itemRef);
                    deps.Set(path.Name.Name, dep);
                }
                dep.Stabilities.Add(stability);
                if (!dep.Item.IsWorld) _foreignInterfaces.Add(dep.Item.Id);
            });
        }
    }
}
