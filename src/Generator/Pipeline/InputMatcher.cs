using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Pipeline;

/// <summary>Picks the additional files a request names. The path is relative to the project directory; a
/// folder selects its <c>.wit</c> files as the main package and each entry of its <c>deps/</c> folder as one
/// dependency package (a file, or a folder of files), the layout wit-parser's <c>push_path</c> reads.
/// Path handling is plain string work: generators must not touch the file system.</summary>
internal static class InputMatcher
{
    public static ResolvedRequest Match(ComponentRequest request, string? projectDirectory, ImmutableArray<InputFile> files)
    {
        var relative = Normalize(request.Path);
        var trailingSlash = request.Path.EndsWith("/", StringComparison.Ordinal) || request.Path.EndsWith("\\", StringComparison.Ordinal);
        var target = projectDirectory is null || IsRooted(request.Path) ? relative : Normalize(projectDirectory + "/" + request.Path);
        bool Same(string a, string b) =>
            string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ||
            (projectDirectory is null && a.EndsWith("/" + b, StringComparison.OrdinalIgnoreCase));

        var normalized = files.Select(f => (File: f, Path: Normalize(f.Path))).ToList();
        var lookedFor = target;

        if (!trailingSlash && target.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase))
        {
            var wasm = normalized.FirstOrDefault(f => f.File.IsWasm && Same(f.Path, target));
            return new ResolvedRequest(request, EquatableArray<InputFile>.Empty, EquatableArray<DependencyFiles>.Empty, wasm.File, lookedFor);
        }

        var wit = normalized.Where(f => !f.File.IsWasm).ToList();
        if (!trailingSlash && target.EndsWith(".wit", StringComparison.OrdinalIgnoreCase))
        {
            var single = wit.Where(f => Same(f.Path, target)).Select(f => f.File).Take(1).ToEquatableArray();
            var folder = single.Count == 0 ? null : Parent(Normalize(single[0].Path));
            return new ResolvedRequest(request, single, folder is null ? EquatableArray<DependencyFiles>.Empty : Dependencies(wit, folder), null, lookedFor);
        }

        // A folder: find its prefix as it appears in the file paths (suffix match when the project directory is unknown).
        string? dir = null;
        foreach (var f in wit)
        {
            var parent = Parent(f.Path);
            if (parent is not null && Same(parent, target))
            {
                dir = parent;
                break;
            }
        }
        if (dir is null) return new ResolvedRequest(request, EquatableArray<InputFile>.Empty, EquatableArray<DependencyFiles>.Empty, null, lookedFor + "/*.wit");
        var main = wit.Where(f => string.Equals(Parent(f.Path), dir, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => f.File).ToEquatableArray();
        return new ResolvedRequest(request, main, Dependencies(wit, dir), null, lookedFor + "/*.wit");
    }

    private static EquatableArray<DependencyFiles> Dependencies(List<(InputFile File, string Path)> wit, string dir)
    {
        var prefix = dir + "/deps/";
        var groups = new SortedDictionary<string, List<InputFile>>(StringComparer.Ordinal);
        foreach (var f in wit.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (!f.Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = f.Path.Substring(prefix.Length);
            var slash = rest.IndexOf('/');
            var key = slash < 0 ? rest : rest.Substring(0, slash);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = new List<InputFile>();
            list.Add(f.File);
        }
        return groups.Select(g => new DependencyFiles(g.Key, g.Value.ToEquatableArray())).ToEquatableArray();
    }

    private static bool IsRooted(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':' && (path[2] == '/' || path[2] == '\\'));

    private static string? Parent(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? null : path.Substring(0, i);
    }

    /// <summary>Forward slashes, no <c>.</c> or <c>..</c> segments, no trailing slash.</summary>
    public static string Normalize(string path)
    {
        var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in path.Split('/', '\\'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        var joined = string.Join("/", parts);
        return rooted ? "/" + joined : joined;
    }
}
