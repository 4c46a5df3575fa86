namespace WitSharp.Core.Simd;

/// <summary>The immediate operands that follow a 0xFD sub-opcode in the binary format
/// (spec binary/instructions, "Vector Instructions").</summary>
internal enum SimdImmediate : byte
{
    /// <summary>No immediate.</summary>
    None,

    /// <summary>A memarg: u32 alignment exponent, then u32 offset.</summary>
    MemArg,

    /// <summary>A memarg followed by one lane-index byte (<c>v128.load8_lane</c> ... <c>v128.store64_lane</c>).</summary>
    MemArgLane,

    /// <summary>One lane-index byte (<c>extract_lane</c>, <c>replace_lane</c>).</summary>
    Lane,

    /// <summary>Sixteen lane-index bytes, each &lt; 32 (<c>i8x16.shuffle</c>).</summary>
    Shuffle16,

    /// <summary>Sixteen raw little-endian bytes (<c>v128.const</c>).</summary>
    V128Const,
}
