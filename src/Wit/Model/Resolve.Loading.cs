using System;
using System.Collections.Generic;

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

    /// <summary>Parses and resolves a <c>.wit</c> file, or a directory of <c>.wit</c> files with an optional
    /// <c>deps/</c> folder (each entry a package file or folder), and returns the main package's id.
    /// Errors are <see cref="WitException"/> with file, line and column.</summary>
    public int PushPath(string path) => throw new NotImplementedException("resolver pending");

    /// <summary>Parses and resolves one in-memory document as a package and returns its id.</summary>
    public int PushSource(string path, string text) => throw new NotImplementedException("resolver pending");

    /// <summary>Parses and resolves the files of one main package plus dependency packages (each dependency
    /// one list of files) and returns the main package's id. Dependencies may come in any order.</summary>
    public int PushSources(IReadOnlyList<WitSource> mainFiles, IReadOnlyList<IReadOnlyList<WitSource>> dependencies)
        => throw new NotImplementedException("resolver pending");

    /// <summary>Picks a world of <paramref name="packageId"/>: by name (<c>world</c> or <c>ns:pkg/world</c>),
    /// or the only world when <paramref name="world"/> is null. Throws <see cref="WitException"/> when it is
    /// unknown or ambiguous.</summary>
    public int SelectWorld(int packageId, string? world) => throw new NotImplementedException("resolver pending");
}
