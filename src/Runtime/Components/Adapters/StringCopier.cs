namespace WitSharp.Components.Adapters;

/// <summary>
/// <c>string</c> between two components on the fused adapter: the (pointer, tagged length) pair, flat or in memory,
/// is lifted from the source side and stored into the destination's realloc'd buffer by
/// <see cref="StringTranscoder.Copy"/> (CanonicalABI.md "load_string_from_range" then "store_string_into_range",
/// memory to memory, no intermediate .NET string).
/// </summary>
internal sealed class StringCopier() : ValueCopier(2)
{
    public static readonly StringCopier Instance = new();

    public override void CopyFlat(AdapterFrame f, ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        var (ptr, units) = StringTranscoder.Copy(f.Src, f.Dst, (uint)src[0], (uint)src[1]);
        dst[0] = ptr;
        dst[1] = units;
    }

    public override void CopyMemory(AdapterFrame f, uint src, uint dst)
    {
        var (sp, su) = PointerPair.Read(f.Src, src);
        var (ptr, units) = StringTranscoder.Copy(f.Src, f.Dst, sp, su);
        PointerPair.Write(f.Dst, dst, ptr, units);
    }
}
