using System;
using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;

namespace WitSharp.Wit.Syntax;

/// <summary>Semantic versions (semver.org) as used in package names and feature gates.</summary>
internal static class SemVer
{
    public static void Validate(string text, Span span)
    {
        if (!TryParse(text, out _)) throw new SpanException(span, "invalid semver version `" + text + "`");
    }

    public static bool TryParse(string text, out (ulong Major, ulong Minor, ulong Patch, string Pre) v)
    {
        v = default;
        var build = text.IndexOf('+');
        var core = build >= 0 ? text.Substring(0, build) : text;
        var dash = core.IndexOf('-');
        var pre = dash >= 0 ? core.Substring(dash + 1) : "";
        var nums = (dash >= 0 ? core.Substring(0, dash) : core).Split('.');
        if (nums.Length != 3) return false;
        var parsed = new ulong[3];
        for (var i = 0; i < 3; i++)
        {
            var n = nums[i];
            if (n.Length == 0 || (n.Length > 1 && n[0] == '0')) return false;
            if (!ulong.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parsed[i])) return false;
        }
        if (dash >= 0 && pre.Length == 0) return false;
        if (build >= 0 && build == text.Length - 1) return false;
        v = (parsed[0], parsed[1], parsed[2], pre);
        return true;
    }

    /// <summary>Orders versions by semver precedence (build metadata ignored).</summary>
    public static int Compare(string a, string b)
    {
        TryParse(a, out var x);
        TryParse(b, out var y);
        var c = x.Major.CompareTo(y.Major);
        if (c != 0) return c;
        c = x.Minor.CompareTo(y.Minor);
        if (c != 0) return c;
        c = x.Patch.CompareTo(y.Patch);
        if (c != 0) return c;
        if (x.Pre.Length == 0) return y.Pre.Length == 0 ? 0 : 1;
        if (y.Pre.Length == 0) return -1;
        var xs = x.Pre.Split('.');
        var ys = y.Pre.Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            var xn = ulong.TryParse(xs[i], out var xv);
            var yn = ulong.TryParse(ys[i], out var yv);
            if (xn && yn) c = xv.CompareTo(yv);
            else if (xn) c = -1;
            else if (yn) c = 1;
            else c = string.CompareOrdinal(xs[i], ys[i]);
            if (c != 0) return c;
        }
        return xs.Length.CompareTo(ys.Length);
    }

    internal static IEqualityComparer<string> Comparer => StringComparer.Ordinal;
}
