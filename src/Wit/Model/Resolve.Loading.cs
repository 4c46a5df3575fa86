using System;
using System.Collections.Generic;
using System.IO;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Resolution;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit;

/// <summary>One WIT source file held in memory: the path diagnostics report and its text.</summary>
public sealed record WitSource(string Path, string Text);

// Entry points that parse and resolve WIT into this Resolve, named after wit-parser's
// Resolve::push_path / push_str / select_world so users of the reference toolchain find them.
// CONTRACT (session 2026-11-29): the resolver work replaces these bodies; signatures are fixed.
public sealed partial class Resolve
{
    /// <summary>Creates an empty resolve; <paramref name="features"/> enables <c>@unstable(feature = …)</c> items.</summary>
    public Resolve(IEnumerable<string>? features = null)
    {
        Features = features is null ? Array.Empty<string>() : new HashSet<string>(features, StringComparer.Ordinal);
    }

    /// <summary>Turns a component in WebAssembly text format into its binary encoding, for WIT packages given as
    /// <c>.wat</c> files (a <c>deps/</c> entry or the path given to <see cref="PushPath"/>). The WIT library cannot
    /// parse WebAssembly text itself (it also runs inside the source generator), so the host supplies it, e.g.
    /// <c>resolve.ComponentTextEncoder = ComponentWat.Parse;</c> from the runtime. Without it such a file is a
    /// <see cref="WitException"/> naming the file. Binary packages (<c>.wasm</c>) need nothing.</summary>
    public Func<string, byte[]>? ComponentTextEncoder { get; set; }

    /// <summary>Parses and resolves a <c>.wit</c> file, or a directory of <c>.wit</c> files with an optional
    /// <c>deps/</c> folder (each entry a package file or folder), and returns the main package's id.
    /// A file, or a <c>deps/</c> file entry, holding a WIT package encoded as a component (binary <c>.wasm</c>,
    /// or <c>.wat</c> text through <see cref="ComponentTextEncoder"/>) is decoded as that package.
    /// Errors are <see cref="WitException"/> with file, line and column (or file and byte offset for binaries).</summary>
    public int PushPath(string path)
    {
        if (!Directory.Exists(path))
        {
            // Reference `Resolve::push_file`: the contents decide, so a package binary is read whatever its name.
            var bytes = ReadBytes(path);
            var format = BinaryPackageReader.Detect(path, bytes);
            if (format == BinaryPackageReader.Format.WitText) return PushSource(path, DecodeUtf8(path, bytes));
            return PushAll(Array.Empty<WitSource>(), Array.Empty<IReadOnlyList<WitSource>>(), new[] { (path, bytes, format) }, binaryIsMain: true);
        }
        var main = ReadDir(path);
        var deps = new List<IReadOnlyList<WitSource>>();
        var binaries = new List<(string, byte[], BinaryPackageReader.Format)>();
        var depsDir = Path.Combine(path, "deps");
        if (Directory.Exists(depsDir))
        {
            // Reference order (`parse_deps_dir`): entries sorted by file name; folders are packages; `.wit`, `.wat`
            // and `.wasm` files are packages (their contents decide how they are read); anything else is ignored.
            // Wasm-encoded packages enter the resolve as they are met, before the text packages, which are then
            // added in dependency order.
            var entries = new List<string>(Directory.GetFileSystemEntries(depsDir));
            entries.Sort((a, b) => string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)));
            foreach (var entry in entries)
            {
                if (Directory.Exists(entry))
                {
                    deps.Add(ReadDir(entry));
                    continue;
                }
                var ext = Path.GetExtension(entry);
                if (!string.Equals(ext, ".wit", StringComparison.Ordinal) && !string.Equals(ext, ".wat", StringComparison.Ordinal) &&
                    !string.Equals(ext, ".wasm", StringComparison.Ordinal))
                {
                    continue;
                }
                var bytes = ReadBytes(entry);
                var format = BinaryPackageReader.Detect(entry, bytes);
                if (format == BinaryPackageReader.Format.WitText) deps.Add(new[] { new WitSource(entry, DecodeUtf8(entry, bytes)) });
                else binaries.Add((entry, bytes, format));
            }
        }
        return PushAll(main, deps, binaries, binaryIsMain: false);
    }

    /// <summary>Parses and resolves one in-memory document as a package and returns its id.</summary>
    public int PushSource(string path, string text) => PushSources(new[] { new WitSource(path, text) }, Array.Empty<IReadOnlyList<WitSource>>());

    /// <summary>Parses and resolves the files of one main package plus dependency packages (each dependency
    /// one list of files) and returns the main package's id. Dependencies may come in any order.</summary>
    public int PushSources(IReadOnlyList<WitSource> mainFiles, IReadOnlyList<IReadOnlyList<WitSource>> dependencies)
    {
        if (mainFiles is null) throw new ArgumentNullException(nameof(mainFiles));
        if (dependencies is null) throw new ArgumentNullException(nameof(dependencies));
        return PushAll(mainFiles, dependencies, Array.Empty<(string, byte[], BinaryPackageReader.Format)>(), binaryIsMain: false);
    }

    // One push, all or nothing: the wasm-encoded packages first (in the order given), then the WIT text packages in
    // dependency order. With binaryIsMain the single binary is the main package and there is no text.
    private int PushAll(IReadOnlyList<WitSource> mainFiles, IReadOnlyList<IReadOnlyList<WitSource>> dependencies,
        IReadOnlyList<(string Path, byte[] Bytes, BinaryPackageReader.Format Format)> binaries, bool binaryIsMain)
    {
        var map = new SourceMap();
        var mark = (PackageList.Count, WorldList.Count, InterfaceList.Count, TypeList.Count);
        try
        {
            var binaryId = -1;
            foreach (var b in binaries) binaryId = BinaryPackageReader.Push(this, b.Path, b.Bytes, b.Format);
            if (binaryIsMain) return binaryId;
            var main = PackageGroup.Parse(map, SortByPath(mainFiles));
            var deps = new List<PackageGroup>(dependencies.Count);
            foreach (var d in dependencies) deps.Add(PackageGroup.Parse(map, SortByPath(d)));
            return PackageLoader.Push(this, map, main, deps);
        }
        catch (SpanException e)
        {
            Rollback(mark);
            throw map.ToException(e);
        }
        catch (WitException)
        {
            Rollback(mark);
            throw;
        }
    }

    // A failed push leaves the resolve as it was: everything a push adds is appended after these marks, and
    // items that existed before are never modified by it.
    private void Rollback((int Packages, int Worlds, int Interfaces, int Types) mark)
    {
        for (var i = mark.Packages; i < PackageList.Count; i++) PackageIndex.Remove(PackageList[i].Name);
        PackageList.RemoveRange(mark.Packages, PackageList.Count - mark.Packages);
        WorldList.RemoveRange(mark.Worlds, WorldList.Count - mark.Worlds);
        InterfaceList.RemoveRange(mark.Interfaces, InterfaceList.Count - mark.Interfaces);
        TypeList.RemoveRange(mark.Types, TypeList.Count - mark.Types);
    }

    /// <summary>Picks a world of <paramref name="packageId"/>: by name (<c>world</c> or <c>ns:pkg/world</c>),
    /// or the only world when <paramref name="world"/> is null. Throws <see cref="WitException"/> when it is
    /// unknown or ambiguous.</summary>
    public int SelectWorld(int packageId, string? world)
    {
        if (packageId < 0 || packageId >= PackageList.Count) throw new ArgumentOutOfRangeException(nameof(packageId));
        var pkg = PackageList[packageId];
        if (world is null)
        {
            if (pkg.Worlds.Count == 1) return pkg.Worlds[0].Value;
            if (pkg.Worlds.Count == 0) throw new WitException("The main package `" + pkg.Name + "` contains no worlds");
            var names = "";
            foreach (var w in pkg.Worlds) names += "\n  " + pkg.Name.Namespace + ":" + pkg.Name.Name + "/" + w.Key + (pkg.Name.Version is null ? "" : "@" + pkg.Name.Version);
            throw new WitException("There are multiple worlds in `" + pkg.Name + "`; one must be explicitly chosen:" + names);
        }

        var colon = world.IndexOf(':');
        if (colon < 0)
        {
            ValidateWorldName(world);
            return pkg.Worlds.TryGetValue(world, out var id) ? id : throw new WitException("World `" + world + "` not found in package `" + pkg.Name + "`");
        }

        // `ns:pkg/world[@version]`: the version may be left out when only one version of the package is loaded.
        var slash = world.IndexOf('/', colon);
        if (slash < 0) throw new WitException("failed to parse world specifier `" + world + "`");
        var at = world.IndexOf('@', slash);
        var ns = world.Substring(0, colon);
        var name = world.Substring(colon + 1, slash - colon - 1);
        var worldName = at < 0 ? world.Substring(slash + 1) : world.Substring(slash + 1, at - slash - 1);
        var version = at < 0 ? null : world.Substring(at + 1);
        ValidateWorldName(ns);
        ValidateWorldName(name);
        ValidateWorldName(worldName);
        var pkgName = new PackageName(ns, name, version);
        if (!PackageIndex.TryGetValue(pkgName, out var pkgId))
        {
            pkgId = -1;
            foreach (var e in PackageIndex)
            {
                if (version is not null || e.Key.Namespace != ns || e.Key.Name != name || e.Key.Version is null) continue;
                if (pkgId >= 0)
                {
                    throw new WitException("package name `" + pkgName + "` is available at both versions " + PackageList[pkgId].Name.Version +
                        " and " + e.Key.Version + " but which is not specified");
                }
                pkgId = e.Value;
            }
            if (pkgId < 0) throw new WitException("unknown package `" + pkgName + "`");
        }
        var target = PackageList[pkgId];
        return target.Worlds.TryGetValue(worldName, out var wid) ? wid : throw new WitException("World `" + worldName + "` not found in package `" + target.Name + "`");
    }

    private static void ValidateWorldName(string name)
    {
        try
        {
            Lexer.ValidateId(0, name);
        }
        catch (SpanException e)
        {
            throw new WitException("failed to parse world specifier `" + name + "`: " + e.Message);
        }
    }

    private static IReadOnlyList<WitSource> SortByPath(IReadOnlyList<WitSource> files)
    {
        var list = new List<WitSource>(files);
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    private static List<WitSource> ReadDir(string dir)
    {
        var files = new List<WitSource>();
        foreach (var f in Directory.GetFiles(dir))
        {
            if (string.Equals(Path.GetExtension(f), ".wit", StringComparison.Ordinal)) files.Add(new WitSource(f, ReadText(f)));
        }
        return files;
    }

    private static string ReadText(string path) => DecodeUtf8(path, ReadBytes(path));

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WitException("failed to read path for WIT [" + path + "]", e);
        }
    }

    private static string DecodeUtf8(string path, byte[] bytes)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new WitException("input file is not valid utf-8 [" + path + "]");
        }
    }
}
