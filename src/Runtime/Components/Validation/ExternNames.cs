using System.Text.RegularExpressions;

namespace WitSharp.Components.Validation;

internal enum ExternNameKind : byte { Plain, Interface, Url, Hash, Dependency }

internal enum ResourceFuncKind : byte { None, Constructor, Method, Static }

/// <summary>A parsed import/export name (Explainer.md "Import and Export Definitions", <c>externname</c>).</summary>
internal sealed record ParsedName(ExternNameKind Kind, ResourceFuncKind Func, string? Resource, string Key, string? Version);

/// <summary>Lexical rules of labels and extern names, and the "strongly-unique" key of a name.</summary>
internal static partial class ExternNames
{
    /// <summary>Explainer.md <c>label</c>: kebab-case words, each all-lowercase or all-uppercase, the first starting with a letter.</summary>
    public static bool IsKebab(string s)
    {
        if (s.Length == 0) return false;
        var fragments = s.Split('-');
        for (int f = 0; f < fragments.Length; f++)
        {
            var w = fragments[f];
            if (w.Length == 0) return false;
            // The first fragment starts with a letter; later ones may start with digits (`a-1`).
            if (f == 0 && !char.IsAsciiLetter(w[0])) return false;
            bool lower = false, upper = false;
            foreach (var c in w)
            {
                if (c is >= 'a' and <= 'z') lower = true;
                else if (c is >= 'A' and <= 'Z') upper = true;
                else if (c is not (>= '0' and <= '9')) return false;
            }
            if (lower && upper) return false;
        }
        return true;
    }

    /// <summary>Checks a record field / case / flag / parameter label.</summary>
    public static void Label(string s, string desc)
    {
        if (IsKebab(s)) return;
        if (s.Length == 0) throw new ValidationError($"{desc} name cannot be empty");
        throw new ValidationError($"{desc} name `{s}` is not in kebab case");
    }

    private static void Kebab(string s)
    {
        if (!IsKebab(s)) throw new ValidationError($"`{s}` is not in kebab case");
    }

    /// <summary><c>words</c>: lowercase-only kebab (namespaces and package names).</summary>
    private static void Words(string s)
    {
        Kebab(s);
        if (s.Any(char.IsUpper)) throw new ValidationError($"`{s}` is not in kebab case");
    }

    public static ParsedName Parse(string name, bool nestedNames = false)
    {
        if (name.StartsWith("url=", StringComparison.Ordinal)) return Url(name, name[4..]);
        if (name.StartsWith("integrity=", StringComparison.Ordinal))
        {
            var rest = Hash(name["integrity=".Length..]);
            if (rest.Length > 0) throw new ValidationError($"trailing characters found: `{rest}`");
            return new ParsedName(ExternNameKind.Hash, ResourceFuncKind.None, null, name, null);
        }
        if (name.StartsWith("locked-dep=", StringComparison.Ordinal)) return Dependency(name, name["locked-dep=".Length..], locked: true, nestedNames);
        if (name.StartsWith("unlocked-dep=", StringComparison.Ordinal)) return Dependency(name, name["unlocked-dep=".Length..], locked: false, nestedNames);
        if (name.Contains(':')) return nestedNames ? NestedInterface(name) : Interface(name);
        return Plain(name);
    }

    private static ParsedName Plain(string name)
    {
        static (string, string) Dotted(string s)
        {
            var dot = s.IndexOf('.');
            if (dot < 0) throw new ValidationError("failed to find `.` character");
            var (r, n) = (s[..dot], s[(dot + 1)..]);
            Kebab(r);
            Kebab(n);
            return (r, n);
        }
        if (name.StartsWith("[constructor]", StringComparison.Ordinal))
        {
            var r = name["[constructor]".Length..];
            Kebab(r);
            return new ParsedName(ExternNameKind.Plain, ResourceFuncKind.Constructor, r, "[constructor]" + r.ToLowerInvariant(), null);
        }
        foreach (var (prefix, kind) in new[] { ("[method]", ResourceFuncKind.Method), ("[static]", ResourceFuncKind.Static) })
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var (r, n) = Dotted(name[prefix.Length..]);
            // Strong uniqueness (Explainer.md): `[method]R.f` and `[static]R.f` canonicalize to `R.f`, and `R.R` to `R`.
            var key = string.Equals(r, n, StringComparison.OrdinalIgnoreCase) ? r.ToLowerInvariant() : (r + "." + n).ToLowerInvariant();
            return new ParsedName(ExternNameKind.Plain, kind, r, key, null);
        }
        Kebab(name);
        return new ParsedName(ExternNameKind.Plain, ResourceFuncKind.None, null, name.ToLowerInvariant(), null);
    }

    private static ParsedName Interface(string name)
    {
        var colon = name.IndexOf(':');
        Words(name[..colon]);
        var rest = name[(colon + 1)..];
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            Words(rest);
            throw new ValidationError("expected `/` after package name");
        }
        var pkg = rest[..slash];
        if (pkg.Contains(':')) throw new ValidationError("expected `/` after package name");
        Words(pkg);
        rest = rest[(slash + 1)..];
        var at = rest.IndexOf('@');
        var iface = at < 0 ? rest : rest[..at];
        var nested = iface.IndexOf('/');
        if (nested >= 0)
        {
            Kebab(iface[..nested]);
            throw new ValidationError($"trailing characters found: `{iface[nested..]}`");
        }
        Kebab(iface);
        string? version = null;
        if (at >= 0)
        {
            version = rest[(at + 1)..];
            if (!IsCanonVersion(version)) Semver(version);
        }
        return new ParsedName(ExternNameKind.Interface, ResourceFuncKind.None, null, name.ToLowerInvariant(), version);
    }

    private static ParsedName NestedInterface(string name)
    {
        var at = name.IndexOf('@');
        var body = at < 0 ? name : name[..at];
        var slash = body.IndexOf('/');
        if (slash < 0) throw new ValidationError("expected `/` after package name");
        foreach (var part in body[..slash].Split(':')) Words(part);
        foreach (var part in body[(slash + 1)..].Split('/')) Kebab(part);
        string? version = at < 0 ? null : name[(at + 1)..];
        if (version is not null && !IsCanonVersion(version)) Semver(version);
        return new ParsedName(ExternNameKind.Interface, ResourceFuncKind.None, null, name.ToLowerInvariant(), version);
    }

    private static ParsedName Url(string name, string rest)
    {
        if (!rest.StartsWith('<')) throw new ValidationError($"expected `<` at `{rest}`");
        var close = rest.IndexOf('>');
        if (close < 0) throw new ValidationError("failed to find `>`");
        if (rest[1..close].Contains('<')) throw new ValidationError("url cannot contain `<`");
        rest = rest[(close + 1)..];
        rest = OptionalIntegrity(rest);
        if (rest.Length > 0) throw new ValidationError($"trailing characters found: `{rest}`");
        return new ParsedName(ExternNameKind.Url, ResourceFuncKind.None, null, name, null);
    }

    private static string OptionalIntegrity(string rest)
    {
        if (!rest.StartsWith(',')) return rest;
        rest = rest[1..];
        if (!rest.StartsWith("integrity=", StringComparison.Ordinal)) throw new ValidationError("expected `integrity=<`");
        return Hash(rest["integrity=".Length..]);
    }

    private static string Hash(string rest)
    {
        if (!rest.StartsWith('<')) throw new ValidationError($"expected `<` at `{rest}`");
        var close = rest.IndexOf('>');
        if (close < 0) throw new ValidationError("failed to find `>`");
        var body = rest[1..close];
        if (body.Length == 0) throw new ValidationError("integrity hash cannot be empty");
        foreach (var item in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = item.IndexOf('-');
            if (dash < 0) throw new ValidationError("expected `-` after hash algorithm");
            var alg = item[..dash];
            if (alg is not ("sha256" or "sha384" or "sha512")) throw new ValidationError("unrecognized hash algorithm");
            var b64 = item[(dash + 1)..];
            var q = b64.IndexOf('?');
            if (q >= 0) b64 = b64[..q];
            if (!Base64Regex().IsMatch(b64)) throw new ValidationError("not valid base64");
        }
        return rest[(close + 1)..];
    }

    [GeneratedRegex("^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64Regex();

    private static ParsedName Dependency(string name, string rest, bool locked, bool nestedNames)
    {
        if (!rest.StartsWith('<')) throw new ValidationError($"expected `<` at `{rest}`");
        rest = rest[1..];
        if (nestedNames)
        {
            // 🪺 nested namespaces and packages: `a:b:c:d/e/f`; checked for kebab-case words only.
            var close = rest.IndexOf('>');
            var pkg = close < 0 ? rest : rest[..close];
            var at = pkg.IndexOf('@');
            foreach (var part in (at < 0 ? pkg : pkg[..at]).Split(':', '/')) Words(part);
            return new ParsedName(ExternNameKind.Dependency, ResourceFuncKind.None, null, name, null);
        }
        var colon = rest.IndexOf(':');
        var end = rest.IndexOfAny(['>', '@']);
        if (colon < 0 || (end >= 0 && colon > end))
        {
            Words(end < 0 ? rest : rest[..end]);
            throw new ValidationError("expected `:`");
        }
        Words(rest[..colon]);
        rest = rest[(colon + 1)..];
        int stop = rest.IndexOfAny(['>', '@']);
        Words(stop < 0 ? rest : rest[..stop]);
        if (stop < 0) throw new ValidationError("expected `>` at ``");
        rest = rest[stop..];
        if (rest.StartsWith('@'))
        {
            rest = rest[1..];
            if (locked)
            {
                var close = rest.IndexOf('>');
                if (close < 0) throw new ValidationError("expected `>` at ``");
                var v = rest[..close];
                try { Semver(v); } catch (ValidationError) { throw new ValidationError($"`{v}` is not a valid semver"); }
                rest = rest[close..];
            }
            else
            {
                if (rest.StartsWith('*')) rest = "{*}" + rest[1..];
                if (!rest.StartsWith('{')) throw new ValidationError($"expected `{{` at `{rest}`");
                var close = rest.IndexOf('}');
                if (close < 0) throw new ValidationError("expected `}`");
                var range = rest[1..close];
                if (range == "*") { }
                else if (range.StartsWith(">=", StringComparison.Ordinal))
                {
                    var sp = range.IndexOf(' ');
                    var lo = sp < 0 ? range[2..] : range[2..sp];
                    try { Semver(lo); } catch (ValidationError) { throw new ValidationError($"`{lo}` is not a valid semver"); }
                    if (sp >= 0)
                    {
                        var hi = range[(sp + 1)..];
                        if (!hi.StartsWith('<')) throw new ValidationError("expected `<` in version range");
                        try { Semver(hi[1..]); } catch (ValidationError) { throw new ValidationError($"`{hi[1..]}` is not a valid semver"); }
                    }
                }
                else if (range.StartsWith('<'))
                {
                    var v = range[1..];
                    try { Semver(v); } catch (ValidationError) { throw new ValidationError($"`{v}` is not a valid semver"); }
                }
                else throw new ValidationError("expected `>=` or `<` at start of version range");
                rest = rest[(close + 1)..];
            }
        }
        if (!rest.StartsWith('>')) throw new ValidationError($"expected `>` at `{rest}`");
        rest = rest[1..];
        if (locked) rest = OptionalIntegrity(rest);
        if (rest.Length > 0) throw new ValidationError($"trailing characters found: `{rest}`");
        return new ParsedName(ExternNameKind.Dependency, ResourceFuncKind.None, null, name, null);
    }

    /// <summary>Semantic Versioning 2.0 (as the semver crate reports errors).</summary>
    public static void Semver(string v)
    {
        if (v.Length == 0) throw new ValidationError("empty string, expected a semver version");
        int i = 0;
        for (int part = 0; part < 3; part++)
        {
            if (part > 0)
            {
                if (i >= v.Length) throw new ValidationError("unexpected end of input while parsing version");
                if (v[i] != '.') throw new ValidationError($"unexpected character '{v[i]}' while parsing version");
                i++;
            }
            if (i >= v.Length) throw new ValidationError("unexpected end of input while parsing version number");
            if (!char.IsAsciiDigit(v[i])) throw new ValidationError($"unexpected character '{v[i]}' while parsing version number");
            int start = i;
            while (i < v.Length && char.IsAsciiDigit(v[i])) i++;
            if (i - start > 1 && v[start] == '0') throw new ValidationError("invalid leading zero in version number");
        }
        if (i < v.Length && v[i] == '-') i = Identifiers(v, i + 1, "pre-release");
        if (i < v.Length && v[i] == '+') i = Identifiers(v, i + 1, "build metadata");
        if (i < v.Length) throw new ValidationError($"unexpected character '{v[i]}' after patch version number");
    }

    private static int Identifiers(string v, int i, string what)
    {
        while (true)
        {
            int start = i;
            while (i < v.Length && (char.IsAsciiLetterOrDigit(v[i]) || v[i] == '-')) i++;
            if (i == start) throw new ValidationError($"empty identifier segment in {what}");
            if (i < v.Length && v[i] == '.') { i++; continue; }
            return i;
        }
    }

    /// <summary>Whether a version is a <c>canonversion</c> (Explainer.md "Canonical Interface Name").</summary>
    public static bool IsCanonVersion(string v)
    {
        var parts = v.Split('.');
        return parts.Length switch
        {
            1 => parts[0] != "0" && parts[0].All(char.IsAsciiDigit) && parts[0].Length > 0,
            2 => parts[0] == "0" && parts[1].Length > 0 && parts[1] != "0" && parts[1][0] != '0' && parts[1].All(char.IsAsciiDigit),
            3 => parts[0] == "0" && parts[1] == "0" && parts[2].Length > 0 && parts[2].All(char.IsAsciiDigit) && (parts[2] == "0" || parts[2][0] != '0'),
            _ => false,
        };
    }
}
