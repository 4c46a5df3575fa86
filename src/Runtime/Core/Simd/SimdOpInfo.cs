namespace WitSharp.Core.Simd;

/// <summary>Static facts about one SIMD instruction: what the reader must decode after the
/// sub-opcode, how the validator types it, and which <see cref="SimdOps"/> method the compiler calls.</summary>
/// <param name="SubOpcode">The u32 that follows the 0xFD prefix.</param>
/// <param name="Name">The text-format name, e.g. <c>i8x16.shuffle</c>.</param>
/// <param name="Immediate">The immediate kind following the sub-opcode.</param>
/// <param name="NaturalAlignment">For memory instructions, log2 of the access width in bytes (the largest
/// alignment a memarg may declare, spec valid/instructions "Memory Instructions"); 0 otherwise.</param>
/// <param name="LaneCount">For lane immediates, the number of lanes (a lane index must be below it); 0 otherwise.</param>
/// <param name="Params">Operand types, bottom of the stack first.</param>
/// <param name="Results">Result types (empty for stores, one value otherwise).</param>
internal sealed record SimdOpInfo(
    uint SubOpcode,
    string Name,
    SimdImmediate Immediate,
    byte NaturalAlignment,
    byte LaneCount,
    ValType[] Params,
    ValType[] Results)
{
    /// <summary>True when the instruction reads or writes linear memory (it carries a memarg).</summary>
    public bool IsMemoryAccess => Immediate is SimdImmediate.MemArg or SimdImmediate.MemArgLane;

    /// <summary>Bytes read or written in linear memory (1 &lt;&lt; natural alignment for every SIMD memory
    /// instruction); 0 for non-memory instructions. The compiler bounds-checks this many bytes.</summary>
    public int AccessBytes => IsMemoryAccess ? 1 << NaturalAlignment : 0;

    /// <summary>True for instructions that write memory (<c>v128.store</c>, <c>v128.storeN_lane</c>).</summary>
    public bool IsStore => IsMemoryAccess && Results.Length == 0;

    /// <summary>The single result type, or null for stores.</summary>
    public ValType? Result => Results.Length == 0 ? null : Results[0];

    /// <summary>Name of the implementing static method on <see cref="SimdOps"/>: the text name in
    /// PascalCase without separators (<c>i8x16.add_sat_s</c> → <c>I8x16AddSatS</c>).</summary>
    public string MethodName { get; } = ToMethodName(Name);

    private static string ToMethodName(string name)
    {
        var chars = new char[name.Length];
        int n = 0;
        bool upper = true;
        foreach (char c in name)
        {
            if (c is '.' or '_')
            {
                upper = true;
                continue;
            }
            chars[n++] = upper ? char.ToUpperInvariant(c) : c;
            upper = false;
        }
        return new string(chars, 0, n);
    }
}
