namespace WitSharp.Core.Instances;

/// <summary>Extern subtyping for imports (spec 4.5.3 "Import matching" / valid/matching "Limits"): a
/// provided table or memory matches when its current size is at least the import's minimum and its
/// maximum is no larger than the import's (or the import has none).</summary>
internal static class ImportMatching
{
    public static bool FunctionMatches(FuncType provided, FuncType expected) => provided.Equals(expected);

    public static bool TableMatches(TableInstance t, TableType expected) =>
        t.Type.ElementType == expected.ElementType && LimitsMatch((ulong)t.Length, t.Type.Limits.Max, expected.Limits);

    public static bool MemoryMatches(MemoryInstance m, MemoryType expected) =>
        LimitsMatch(m.Pages, m.Type.Limits.Max, expected.Limits);

    private static bool LimitsMatch(ulong currentMin, ulong? max, Limits expected) =>
        currentMin >= expected.Min && (expected.Max is not ulong emax || (max is ulong pmax && pmax <= emax));
}
