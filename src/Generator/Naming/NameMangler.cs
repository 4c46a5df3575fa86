using System;
using System.Collections.Generic;
using System.Text;

namespace WitSharp.Generator.Naming;

/// <summary>The one place WIT names become C# names: kebab-case → PascalCase for types and members,
/// camelCase for parameters, <c>@</c> before C# keywords (WIT.md "Identifiers": words of lowercase or
/// uppercase ASCII letters and digits joined by <c>-</c>, a leading <c>%</c> escapes a WIT keyword).</summary>
internal static class NameMangler
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Contextual keywords that break generated code when used as a parameter or member name in some
    /// position (<c>value</c> inside setters, <c>field</c> in C# 14 accessors, <c>var</c>/<c>dynamic</c> as type names).</summary>
    private static readonly HashSet<string> s_contextual = new(StringComparer.Ordinal)
    {
        "value", "field", "var", "dynamic", "await", "nameof", "async", "yield", "record", "scoped", "args",
    };

    /// <summary><c>read-via-stream</c> → <c>ReadViaStream</c>; <c>%type</c> → <c>Type</c>; acronym words stay as written
    /// after the first letter (<c>HTTP-error</c> → <c>HTTPError</c>).</summary>
    public static string Pascal(string witName)
    {
        var sb = new StringBuilder(witName.Length);
        foreach (var word in Words(witName))
        {
            sb.Append(char.ToUpperInvariant(word[0]));
            sb.Append(word, 1, word.Length - 1);
        }
        return Safe(sb.ToString());
    }

    /// <summary><c>max-len</c> → <c>maxLen</c>, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string Camel(string witName)
    {
        var sb = new StringBuilder(witName.Length);
        var first = true;
        foreach (var word in Words(witName))
        {
            if (first)
            {
                sb.Append(word);
                first = false;
            }
            else
            {
                sb.Append(char.ToUpperInvariant(word[0]));
                sb.Append(word, 1, word.Length - 1);
            }
        }
        var s = Safe(sb.ToString());
        return Escape(s);
    }

    /// <summary>Adds <c>@</c> to a C# keyword or a contextual keyword that cannot be used bare.</summary>
    public static string Escape(string identifier) =>
        s_keywords.Contains(identifier) || s_contextual.Contains(identifier) ? "@" + identifier : identifier;

    /// <summary>An identifier part of a namespace (<c>wasi</c> → <c>Wasi</c>, version <c>0.2.12</c> → <c>V0_2_12</c>).</summary>
    public static string VersionSegment(string version)
    {
        var sb = new StringBuilder("V");
        foreach (var c in version) sb.Append(char.IsLetterOrDigit(c) ? c : '_');
        return sb.ToString();
    }

    private static IEnumerable<string> Words(string witName)
    {
        var name = witName.StartsWith("%", StringComparison.Ordinal) ? witName.Substring(1) : witName;
        foreach (var word in name.Split(new[] { '-', '.', '/', ':', '@', '_' }, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return word;
        }
    }

    // A C# identifier cannot start with a digit (WIT words after the first may: `ipv4-address`, `v1-2`).
    private static string Safe(string s)
    {
        if (s.Length == 0) return "_";
        return char.IsDigit(s[0]) ? "_" + s : s;
    }
}
