namespace WitSharp.Core;

/// <summary>A function signature. Structural equality: two types with the same params and results
/// are the same type for <c>call_indirect</c> and import matching.</summary>
internal sealed class FuncType : IEquatable<FuncType>
{
    public static readonly FuncType Empty = new([], []);

    public FuncType(ValType[] parameters, ValType[] results)
    {
        Params = parameters;
        Results = results;
    }

    public ValType[] Params { get; }
    public ValType[] Results { get; }

    public bool Equals(FuncType? other) =>
        other is not null && Params.AsSpan().SequenceEqual(other.Params) && Results.AsSpan().SequenceEqual(other.Results);

    public override bool Equals(object? obj) => obj is FuncType f && Equals(f);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var p in Params) h.Add(p);
        h.Add(0xFF);
        foreach (var r in Results) h.Add(r);
        return h.ToHashCode();
    }

    public override string ToString() =>
        $"[{string.Join(" ", Params.Select(p => p.ToText()))}] -> [{string.Join(" ", Results.Select(r => r.ToText()))}]";
}

/// <summary>Size limits of a table (in elements) or memory (in 64 KiB pages).</summary>
internal readonly record struct Limits(ulong Min, ulong? Max);

internal sealed record TableType(ValType ElementType, Limits Limits);

internal sealed record MemoryType(Limits Limits, bool Shared = false, bool Is64 = false);

internal sealed record GlobalType(ValType ValueType, bool Mutable);

internal enum ExternKind : byte
{
    Func = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
    Tag = 4,
}
