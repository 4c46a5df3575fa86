using System.Collections.Frozen;

namespace WitSharp.Core.Simd;

/// <summary>Every instruction behind the 0xFD prefix in WebAssembly 2.0 (the final fixed-width SIMD
/// proposal; relaxed SIMD is not included), with lookups by sub-opcode and by text name.
/// Sub-opcodes are sparse (gaps are reserved and must be rejected as malformed/unknown).</summary>
internal static partial class SimdOpcodes
{
    /// <summary>Highest defined sub-opcode; every defined sub-opcode is at most this.</summary>
    public const uint MaxSubOpcode = 0xFF;

    /// <summary>Sub-opcodes the text parser and compiler single out.</summary>
    public const uint V128Load = 0x00, V128Store = 0x0B, V128Const = 0x0C, I8x16Shuffle = 0x0D;

    // Assigned in the static constructor: field initializers in different partial files run in an
    // unspecified order, and these depend on s_all from SimdOpcodes.Table.cs.
    private static readonly SimdOpInfo?[] s_byOpcode;
    private static readonly FrozenDictionary<string, SimdOpInfo> s_byName;

#pragma warning disable CA1810 // explicit static constructor: see above
    static SimdOpcodes()
    {
        s_byOpcode = BuildByOpcode();
        s_byName = s_all.ToFrozenDictionary(i => i.Name, StringComparer.Ordinal);
    }
#pragma warning restore CA1810

    /// <summary>The defined instructions in sub-opcode order.</summary>
    public static IReadOnlyList<SimdOpInfo> All => s_all;

    /// <summary>Finds the instruction with the given sub-opcode; false for reserved or out-of-range values.</summary>
    public static bool TryGet(uint subOpcode, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SimdOpInfo? info)
    {
        info = subOpcode < (uint)s_byOpcode.Length ? s_byOpcode[subOpcode] : null;
        return info is not null;
    }

    /// <summary>Finds the instruction with the given text name (e.g. <c>f32x4.demote_f64x2_zero</c>).</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SimdOpInfo? info) =>
        s_byName.TryGetValue(name, out info);

    private static SimdOpInfo?[] BuildByOpcode()
    {
        var table = new SimdOpInfo?[MaxSubOpcode + 1];
        foreach (var info in s_all)
        {
            if (table[info.SubOpcode] is not null)
                throw new InvalidOperationException($"duplicate SIMD sub-opcode 0x{info.SubOpcode:x2}");
            table[info.SubOpcode] = info;
        }
        return table;
    }
}
