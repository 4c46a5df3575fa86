using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace WitSharp.Wit;

/// <summary>A map that keeps insertion order, as WIT declaration order is meaningful (ids, printing,
/// ABI field order). Read-only to consumers; the resolver fills it.</summary>
public sealed class OrderedMap<TKey, TValue> : IReadOnlyList<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly List<KeyValuePair<TKey, TValue>> _entries = new();
    private readonly Dictionary<TKey, int> _index;

    internal OrderedMap() => _index = new Dictionary<TKey, int>();

    internal OrderedMap(IEqualityComparer<TKey> comparer) => _index = new Dictionary<TKey, int>(comparer);

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry at <paramref name="index"/> in declaration order.</summary>
    public KeyValuePair<TKey, TValue> this[int index] => _entries[index];

    /// <summary>Keys in declaration order.</summary>
    public IEnumerable<TKey> Keys
    {
        get
        {
            foreach (var e in _entries) yield return e.Key;
        }
    }

    /// <summary>Values in declaration order.</summary>
    public IEnumerable<TValue> Values
    {
        get
        {
            foreach (var e in _entries) yield return e.Value;
        }
    }

    /// <summary>Looks a key up.</summary>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(TKey key) => _index.ContainsKey(key);

    /// <summary>Position of the key in declaration order, or -1.</summary>
    public int IndexOf(TKey key) => _index.TryGetValue(key, out var i) ? i : -1;

    /// <summary>Value for a key that must exist.</summary>
    public TValue Get(TKey key) => _entries[_index[key]].Value;

    /// <summary>Inserts or replaces (keeping the old position, like IndexMap::insert); returns true if the key was new.</summary>
    internal bool Set(TKey key, TValue value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            _entries[i] = new KeyValuePair<TKey, TValue>(key, value);
            return false;
        }
        _index[key] = _entries.Count;
        _entries.Add(new KeyValuePair<TKey, TValue>(key, value));
        return true;
    }

    /// <summary>Removes a key shifting later entries down (IndexMap::shift_remove).</summary>
    internal bool Remove(TKey key)
    {
        if (!_index.TryGetValue(key, out var i)) return false;
        _entries.RemoveAt(i);
        _index.Remove(key);
        for (var j = i; j < _entries.Count; j++) _index[_entries[j].Key] = j;
        return true;
    }

    internal void Clear()
    {
        _entries.Clear();
        _index.Clear();
    }

    /// <summary>Enumerates entries in declaration order.</summary>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
