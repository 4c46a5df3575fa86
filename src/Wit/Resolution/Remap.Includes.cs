using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

internal sealed partial class Remap
{
    /// <summary>Copies the items of every included world into <paramref name="worldId"/> (reference:
    /// <c>process_world_includes</c>), then checks that no two names differ only in case.</summary>
    private void ProcessWorldIncludes(int worldId, int pkgId, WorldSpan spans)
    {
        var world = _resolve.WorldList[worldId];
        var includes = new List<WorldInclude>(world.Includes);
        world.Includes.Clear();
        for (var i = 0; i < includes.Count; i++)
        {
            var inc = includes[i];
            var span = spans.Includes[i];
            if (!IncludeStability(inc.Stability, pkgId, span)) continue;
            ResolveInclude(worldId, inc.World, inc.Names, span, pkgId);
        }
        ValidateCaseInsensitiveNames(world.Imports, "import", world.Name);
        ValidateCaseInsensitiveNames(world.Exports, "export", world.Name);
    }

    private static void ValidateCaseInsensitiveNames(OrderedMap<WorldKey, WorldItem> items, string what, string worldName)
    {
        var seen = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var key in items.Keys)
        {
            if (key.Name is not { } name) continue;
            var lower = name.ToLowerInvariant();
            if (seen.TryGetValue(lower, out var existing) && existing != name)
            {
                throw new WitException(what + " `" + name + "` in world `" + worldName + "` conflicts with " + what + " `" + existing +
                    "` (kebab-case identifiers are case-insensitive)");
            }
            seen[lower] = name;
        }
    }

    /// <summary>The new name of an item under an <c>include … with { a as b }</c> rename, or null when the rename
    /// does not apply; resource functions (<c>[method]a.f</c>) follow their resource's rename.</summary>
    private static string? Rename(string original, KeyValuePair<string, string> rename)
    {
        if (original == rename.Key) return rename.Value;
        var close = original.IndexOf(']');
        if (close < 0) return null;
        var kind = original.Substring(0, close);
        var rest = original.Substring(close + 1);
        var dot = rest.IndexOf('.');
        if (dot >= 0 && rest.Substring(0, dot) == rename.Key) return kind + "]" + rename.Value + "." + rest.Substring(dot + 1);
        if (rest == rename.Key) return kind + "]" + rename.Value;
        return null;
    }

    private void ResolveInclude(int worldId, int includeOrig, IReadOnlyList<KeyValuePair<string, string>> names, Span span, int pkgId)
    {
        var world = _resolve.WorldList[worldId];
        var includeId = MapWorld(includeOrig, span);
        var include = _resolve.WorldList[includeId];
        var includeImports = new List<KeyValuePair<WorldKey, WorldItem>>(include.Imports);
        var includeExports = new List<KeyValuePair<WorldKey, WorldItem>>(include.Exports);
        var isExternal = world.Package != include.Package;

        var unmatched = new List<KeyValuePair<string, string>>(names);
        foreach (var e in includeImports) RemoveMatching(e.Key, unmatched);
        foreach (var e in includeExports) RemoveMatching(e.Key, unmatched);
        if (unmatched.Count != 0)
        {
            throw new SpanException(span, "no import or export kebab-name `" + unmatched[0].Key + "`. Note that an ID does not support renaming");
        }

        var cloner = new Cloner(_resolve, TypeOwner.World(includeId), TypeOwner.World(worldId)) { NewPackage = pkgId };
        foreach (var e in includeImports) ResolveIncludeItem(cloner, names, world.Imports, e, span, "import", isExternal);
        foreach (var e in includeExports) ResolveIncludeItem(cloner, names, world.Exports, e, span, "export", isExternal);
    }

    private static void RemoveMatching(WorldKey key, List<KeyValuePair<string, string>> names)
    {
        if (key.Name is not { } n) return;
        names.RemoveAll(r => Rename(n, r) is not null);
    }

    private static void ResolveIncludeItem(Cloner cloner, IReadOnlyList<KeyValuePair<string, string>> names,
        OrderedMap<WorldKey, WorldItem> items, KeyValuePair<WorldKey, WorldItem> entry, Span span, string what, bool isExternal)
    {
        if (entry.Key.Name is { } n)
        {
            var newName = n;
            foreach (var r in names)
            {
                if (Rename(n, r) is { } renamed)
                {
                    newName = renamed;
                    break;
                }
            }
            var key = WorldKey.FromName(newName);
            var item = cloner.WorldItem(key, entry.Value);
            switch (item.Kind)
            {
                case WorldItemKind.Function:
                    item.Function!.Name = newName;
                    break;
                case WorldItemKind.Type:
                    cloner.Resolve.TypeList[item.Id].Name = newName;
                    break;
            }
            if (items.ContainsKey(key)) throw new SpanException(span, what + " of `" + newName + "` shadows previously " + what + "ed items");
            items.Set(key, item);
            return;
        }

        if (!items.TryGetValue(entry.Key, out var prev))
        {
            items.Set(entry.Key, entry.Value);
            prev = entry.Value;
        }
        // Reconcile the gates of the included item and the present one (itself when just inserted): a
        // `@since` gate from another package's world does not carry over.
        var from = entry.Value.Stability;
        var into = prev.Stability;
        Stability merged;
        if (isExternal && from.Kind == StabilityKind.Stable) merged = Stability.Unknown;
        else if (from.SameAs(into) || from.Kind == StabilityKind.Unknown) merged = into;
        else if (into.Kind == StabilityKind.Unknown) merged = from;
        else throw new WitException("mismatch in stability from '" + from + "' to '" + into + "'");
        if (!ReferenceEquals(merged, into)) items.Set(entry.Key, WitSharp.Wit.WorldItem.Interface(prev.Id, merged));
    }
}
