using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Pipeline;

/// <summary>Picks the additional files a request names. The path is relative to the project directory; a
/// folder selects its <c>.wit</c> files as the main package and each entry of its <c>deps/</c> folder as one
/// dependency package (a file, or a folder of files), the layout wit-parser's <c>push_path</c> reads.
/// Path handling is plain string work: generators must not touch the file system. Written with plain loops:
/// this runs on every build, often cold, and generic LINQ over value tuples costs JIT time there.</summary>
internal static class InputMatcher
{
    public static ResolvedRequest Match(ComponentRequest request, string? projectDirectory, ImmutableArray<InputFile> files)
    {
        var trailingSlash = request.Path.EndsWith("/", StringComparison.Ordinal) || request.Path.EndsWith("\\", StringComparison.Ordinal);
        var target = projectDirectory is null || IsRooted(request.Path) ? Normalize(request.Path) : Normalize(projectDirectory + "/" + request.Path);
        var suffixOnly = projectDirectory is null;

        var candidates = new List<Candidate>(files.Length);
        foreach (var f in files) candidates.Add(new Candidate(f, Normalize(f.Path)));
        candidates.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        if (!trailingSlash && target.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase))
        {
            InputFile? wasm = null;
            foreach (var c in candidates)
            {
                if (c.File.IsWasm && Same(c.Path, target, suffixOnly))
                {
                    wasm = c.File;
                    break;
                }
            }
            return new ResolvedRequest(request, EquatableArray<InputFile>.Empty, EquatableArray<DependencyFiles>.Empty, wasm, target);
        }

        if (!trailingSlash && target.EndsWith(".wit", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var c in candidates)
            {
                if (c.File.IsWasm || !Same(c.Path, target, suffixOnly)) continue;
                var folder = Parent(c.Path);
                var deps = folder is null ? EquatableArray<DependencyFiles>.Empty : Dependencies(candidates, folder);
                return new ResolvedRequest(request, new EquatableArray<InputFile>(ImmutableArray.Create(c.File)), deps, null, target);
            }
            return new ResolvedRequest(request, EquatableArray<InputFile>.Empty, EquatableArray<DependencyFiles>.Empty, null, target);
        }

        // A folder: find its spelling as it appears in the file paths (a suffix match when the project
        // directory is unknown), then take the .wit files directly inside it.
        string? dir = null;
        foreach (var c in candidates)
        {
            var parent = Parent(c.Path);
            if (!c.File.IsWasm && parent is not null && Same(parent, target, suffixOnly))
            {
                dir = parent;
                break;
            }
        }
        var lookedFor = target + "/*.wit";
        if (dir is null) return new ResolvedRequest(request, EquatableArray<InputFile>.Empty, EquatableArray<DependencyFiles>.Empty, null, lookedFor);
        var main = ImmutableArray.CreateBuilder<InputFile>();
        foreach (var c in candidates)
        {
            if (!c.File.IsWasm && string.Equals(Parent(c.Path), dir, StringComparison.OrdinalIgnoreCase)) main.Add(c.File);
        }
        return new ResolvedRequest(request, new EquatableArray<InputFile>(main.ToImmutable()), Dependencies(candidates, dir), null, lookedFor);
    }

    private static bool Same(string path, string target, bool suffixOnly) =>
        string.Equals(path, target, StringComparison.OrdinalIgnoreCase) ||
        (suffixOnly && path.EndsWith("/" + target, StringComparison.OrdinalIgnoreCase));

    private static EquatableArray<DependencyFiles> Dependencies(List<Candidate> candidates, string dir)
    {
        var prefix = dir + "/deps/";
        var names = new List<string>();
        var groups = new Dictionary<string, ImmutableArray<InputFile>.Builder>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.File.IsWasm || !c.Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = c.Path.Substring(prefix.Length);
            var slash = rest.IndexOf('/');
            var key = slash < 0 ? rest : rest.Substring(0, slash);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = ImmutableArray.CreateBuilder<InputFile>();
                names.Add(key);
            }
            list.Add(c.File);
        }
        names.Sort(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<DependencyFiles>(names.Count);
        foreach (var name in names) result.Add(new DependencyFiles(name, new EquatableArray<InputFile>(groups[name].ToImmutable())));
        return new EquatableArray<DependencyFiles>(result.MoveToImmutable());
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

    private sealed class Candidate
    {
        public Candidate(InputFile file, string path)
        {
            File = file;
            Path = path;
        }

        public InputFile File { get; }

        public string Path { get; }
    }
}
