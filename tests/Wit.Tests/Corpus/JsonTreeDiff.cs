using System.Text.Json;
using System.Text.Json.Nodes;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>Compares two parsed JSON trees and names the first difference as a JSON path with both values.
/// Arrays compare element by element. Objects compare by key first; when every key matches, their key
/// order is compared too, because the reference serializes <c>IndexMap</c>s (interface types and functions,
/// world imports and exports, package members) in declaration order and that order is part of the model.</summary>
internal static class JsonTreeDiff
{
    /// <summary>Null when equal, otherwise e.g. <c>$.types[3].kind.list: expected 2, actual "u8"</c>.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : Describe(path, expected, actual);
        }
        switch (expected)
        {
            case JsonObject eo:
            {
                if (actual is not JsonObject ao) return Describe(path, expected, actual);
                foreach (var (key, ev) in eo)
                {
                    if (!ao.TryGetPropertyValue(key, out var av)) return path + "." + key + ": missing (expected " + Show(ev) + ")";
                    var d = FirstDifference(ev, av, path + "." + key);
                    if (d is not null) return d;
                }
                foreach (var (key, av) in ao)
                {
                    if (!eo.ContainsKey(key)) return path + "." + key + ": unexpected (actual " + Show(av) + ")";
                }
                var ek = eo.Select(p => p.Key).ToList();
                var ak = ao.Select(p => p.Key).ToList();
                for (var i = 0; i < ek.Count; i++)
                {
                    if (!string.Equals(ek[i], ak[i], StringComparison.Ordinal))
                    {
                        return path + ": key order differs at position " + i + ": expected \"" + ek[i] + "\", actual \"" + ak[i] + "\"";
                    }
                }
                return null;
            }
            case JsonArray ea:
            {
                if (actual is not JsonArray aa) return Describe(path, expected, actual);
                var n = Math.Min(ea.Count, aa.Count);
                for (var i = 0; i < n; i++)
                {
                    var d = FirstDifference(ea[i], aa[i], path + "[" + i + "]");
                    if (d is not null) return d;
                }
                if (ea.Count != aa.Count)
                {
                    return path + ": expected " + ea.Count + " elements, actual " + aa.Count +
                           (ea.Count > aa.Count ? " (first missing " + Show(ea[n]) + ")" : " (first extra " + Show(aa[n]) + ")");
                }
                return null;
            }
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : Describe(path, expected, actual);
        }
    }

    private static string Describe(string path, JsonNode? expected, JsonNode? actual) =>
        path + ": expected " + Show(expected) + ", actual " + Show(actual);

    private static string Show(JsonNode? n)
    {
        if (n is null) return "null";
        var s = n.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        return s.Length > 200 ? s.Substring(0, 200) + "…" : s;
    }
}
