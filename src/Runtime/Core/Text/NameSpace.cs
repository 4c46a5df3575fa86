namespace WitSharp.Core.Text;

/// <summary>One index space of a text module (spec text/modules: identifier contexts): symbolic
/// identifiers bound to indices in definition order. Numeric indices pass through unchecked, so that
/// an out-of-range index is reported by validation, as the spec tests expect.</summary>
internal sealed class NameSpace(string kind)
{
    private readonly Dictionary<string, uint> _names = new(StringComparer.Ordinal);

    public string Kind { get; } = kind;
    public uint Count { get; private set; }

    /// <summary>Allocates the next index, binding <paramref name="id"/> to it when present.</summary>
    public uint Declare(SExpr? id)
    {
        if (id is not null)
        {
            if (!_names.TryAdd(id.Text, Count)) throw id.Error($"duplicate {Kind} {id.Text}");
        }
        return Count++;
    }

    public bool TryLookup(string id, out uint index) => _names.TryGetValue(id, out index);

    /// <summary>The bound identifiers by index (for the name section).</summary>
    public IEnumerable<(uint Index, string Id)> Bound => _names.Select(kv => (kv.Value, kv.Key)).OrderBy(b => b.Item1);

    /// <summary>Resolves a symbolic or numeric index token.</summary>
    public uint Resolve(SExpr tok)
    {
        if (tok.Kind == SExprKind.Id)
        {
            if (_names.TryGetValue(tok.Text, out uint i)) return i;
            throw tok.Error($"unknown {Kind} {tok.Text}");
        }
        return ParseU32(tok);
    }

    public static uint ParseU32(SExpr tok)
    {
        if (tok.Kind != SExprKind.Reserved) throw tok.Error($"unexpected token {tok.Text}");
        if (NumericLiterals.TryParseUnsigned(tok.Text, out ulong v, out bool overflow) && v <= uint.MaxValue) return (uint)v;
        if (overflow || NumericLiterals.TryParseUnsigned(tok.Text, out _, out _)) throw tok.Error("i32 constant out of range");
        throw tok.Error($"unexpected token {tok.Text}");
    }

    /// <summary>True for a token that can stand for an index: an identifier or an unsigned number.</summary>
    public static bool IsIndex(SExpr tok) =>
        tok.Kind == SExprKind.Id || (tok.Kind == SExprKind.Reserved && tok.Text.Length > 0 && char.IsAsciiDigit(tok.Text[0]));
}
