using System;
using System.Collections.Generic;

namespace WitSharp.Generator.Naming;

/// <summary>The names already taken in one C# scope (a namespace, a type's members, a parameter list).
/// A second item that mangles to a taken name gets a numeric suffix, and the rename is reported so the user
/// knows which C# name a WIT item received.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public NameScope(params string[] reserved)
    {
        foreach (var r in reserved) _taken.Add(r);
    }

    /// <summary>Reports a rename: (wit name, wanted C# name, given C# name).</summary>
    public Action<string, string, string>? OnRename { get; set; }

    public void Reserve(string name) => _taken.Add(name);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Claims <paramref name="wanted"/> (or <c>wanted2</c>, <c>wanted3</c>…) for <paramref name="witName"/>.</summary>
    public string Claim(string witName, string wanted)
    {
        if (_taken.Add(wanted)) return wanted;
        var bare = wanted.StartsWith("@", StringComparison.Ordinal) ? wanted.Substring(1) : wanted;
        for (var i = 2; ; i++)
        {
            var candidate = bare + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                OnRename?.Invoke(witName, wanted, candidate);
                return candidate;
            }
        }
    }
}
