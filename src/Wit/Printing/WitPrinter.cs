using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit;

/// <summary>Prints resolved WIT packages back to WIT text (the counterpart of wit-component's printer).
/// Output parses and resolves to the same model: items come out in the model's declaration order, doc
/// comments as <c>///</c> lines, feature gates as attributes, types used from other interfaces as <c>use</c>
/// statements, and several packages as nested <c>package ns:name { … }</c> blocks.</summary>
/// <remarks>Worlds are printed elaborated: <c>include</c>s have already been merged into their imports and
/// exports, and interfaces imported implicitly (through <c>use</c> or an interface's dependencies) are
/// printed as explicit imports. Names that are WIT keywords are escaped with <c>%</c>.
/// <code>
/// var resolve = new Resolve();
/// var pkg = resolve.PushPath("wit/");                      // a package folder with deps/
/// string one = WitPrinter.Print(resolve, pkg);             // that package alone
/// string all = new WitPrinter(resolve).PrintAll(pkg);      // it and every dependency, nested
/// </code></remarks>
public sealed partial class WitPrinter
{
    private readonly Resolve _resolve;
    private readonly StringBuilder _out = new();
    private int _indent;

    /// <summary>Creates a printer over <paramref name="resolve"/>.</summary>
    public WitPrinter(Resolve resolve) => _resolve = resolve ?? throw new ArgumentNullException(nameof(resolve));

    /// <summary>Whether doc comments are printed (default true).</summary>
    public bool EmitDocs { get; set; } = true;

    /// <summary>Prints one package as a document: <c>package ns:name;</c> followed by its interfaces and worlds.</summary>
    public static string Print(Resolve resolve, int packageId) => new WitPrinter(resolve).PrintPackage(packageId);

    /// <summary>Prints one package as a document: <c>package ns:name;</c> followed by its interfaces and worlds.</summary>
    public string PrintPackage(int packageId) => PrintPackage(packageId, Array.Empty<int>());

    /// <summary>Prints <paramref name="packageId"/> as the document's package with <paramref name="nested"/>
    /// packages as nested <c>package ns:name { … }</c> blocks before its own items, so one file carries them all.</summary>
    public string PrintPackage(int packageId, IEnumerable<int> nested)
    {
        if (nested is null) throw new ArgumentNullException(nameof(nested));
        CheckPackage(packageId);
        _out.Clear();
        _indent = 0;
        var pkg = _resolve.Packages[packageId];
        PrintDocs(pkg.Docs);
        Line("package " + PackageName(pkg.Name) + ";");
        foreach (var id in nested)
        {
            if (id == packageId) continue;
            CheckPackage(id);
            var inner = _resolve.Packages[id];
            _out.Append('\n');
            PrintDocs(inner.Docs);
            Line("package " + PackageName(inner.Name) + " {");
            _indent++;
            PrintPackageItems(id, firstBlankLine: false);
            _indent--;
            Line("}");
        }
        PrintPackageItems(packageId, firstBlankLine: true);
        return _out.ToString();
    }

    /// <summary>Prints every package of the resolve in one document: <paramref name="mainPackageId"/> as the
    /// document's package and all others, in dependency order, as nested blocks.</summary>
    public string PrintAll(int mainPackageId)
    {
        var others = new List<int>();
        for (var i = 0; i < _resolve.Packages.Count; i++)
        {
            if (i != mainPackageId) others.Add(i);
        }
        return PrintPackage(mainPackageId, others);
    }

    private void CheckPackage(int id)
    {
        if ((uint)id >= (uint)_resolve.Packages.Count) throw new ArgumentOutOfRangeException(nameof(id), id, "no such package");
    }

    private void PrintPackageItems(int packageId, bool firstBlankLine)
    {
        var pkg = _resolve.Packages[packageId];
        _versioned = pkg.Name.Version is not null;
        var first = !firstBlankLine;
        foreach (var entry in pkg.Interfaces)
        {
            if (!first) _out.Append('\n');
            first = false;
            var iface = _resolve.Interfaces[entry.Value];
            PrintDocs(iface.Docs);
            PrintStability(iface.Stability);
            Line("interface " + Name(entry.Key) + " {");
            _indent++;
            PrintInterfaceBody(entry.Value);
            _indent--;
            Line("}");
        }
        foreach (var entry in pkg.Worlds)
        {
            if (!first) _out.Append('\n');
            first = false;
            var world = _resolve.Worlds[entry.Value];
            PrintDocs(world.Docs);
            PrintStability(world.Stability);
            Line("world " + Name(entry.Key) + " {");
            _indent++;
            PrintWorldBody(entry.Value);
            _indent--;
            Line("}");
        }
    }

    // ---- output helpers --------------------------------------------------------------------------

    private void Indent()
    {
        for (var i = 0; i < _indent; i++) _out.Append("  ");
    }

    private void Line(string text)
    {
        Indent();
        _out.Append(text).Append('\n');
    }

    /// <summary>One <c>///</c> line per doc line. The reference strips the slashes, then the indentation common
    /// to all lines, so the single space after <c>///</c> comes off again and the text round-trips.</summary>
    private void PrintDocs(Docs docs)
    {
        if (!EmitDocs || docs.Contents is null) return;
        foreach (var line in docs.Contents.Split('\n'))
        {
            var text = line.TrimEnd();
            Line(text.Length == 0 ? "///" : "/// " + text);
        }
    }

    /// <summary>Whether the package being printed has a version: <c>@since</c> gates need one.</summary>
    private bool _versioned;

    /// <summary>Prints a feature gate. A <c>@since</c> gate (with its <c>@deprecated</c>) is left out inside a
    /// package without a version: WIT rejects it there ("contains a feature gate with a version specifier, so
    /// it must have a version"), and it can only get there through a world that includes a versioned world,
    /// whose gates elaboration copies onto the includer's items.</summary>
    private void PrintStability(Stability s)
    {
        switch (s.Kind)
        {
            case StabilityKind.Stable:
                if (!_versioned) return;
                Line("@since(version = " + s.Since + ")");
                break;
            case StabilityKind.Unstable:
                Line("@unstable(feature = " + Name(s.Feature!) + ")");
                break;
            default:
                return;
        }
        if (s.Deprecated is not null) Line("@deprecated(version = " + s.Deprecated + ")");
    }

    /// <summary>An identifier, escaped with <c>%</c> when it spells a keyword (WIT.md "Identifiers").</summary>
    internal static string Name(string name) => TokenText.KeywordOrId(name) == Token.Id ? name : "%" + name;

    private static string PackageName(PackageName name)
    {
        var s = Name(name.Namespace) + ":" + Name(name.Name);
        return name.Version is null ? s : s + "@" + name.Version;
    }

    /// <summary>How an interface is named from inside package <paramref name="fromPackage"/>: bare within
    /// the same package, <c>ns:pkg/name@version</c> otherwise.</summary>
    private string InterfacePath(int interfaceId, int? fromPackage)
    {
        var iface = _resolve.Interfaces[interfaceId];
        if (iface.Name is null) throw new InvalidOperationException("an anonymous interface cannot be referred to by name");
        if (iface.Package == fromPackage || iface.Package is null) return Name(iface.Name);
        var pkg = _resolve.Packages[iface.Package.Value].Name;
        var s = Name(pkg.Namespace) + ":" + Name(pkg.Name) + "/" + Name(iface.Name);
        return pkg.Version is null ? s : s + "@" + pkg.Version;
    }

    private static string Invariant(uint n) => n.ToString(CultureInfo.InvariantCulture);
}
