using WitSharp.Core.Binary;
using WitSharp.Core.Simd;

namespace WitSharp.Core.Text;

internal static partial class InstructionTable
{
    /// <summary>The 0xFD-prefixed names, taken from the one SIMD opcode table so text, binary and
    /// validation cannot disagree (spec text/instructions 6.5.8, binary/instructions 5.4.8).</summary>
    static partial void AddSimd(Dictionary<string, InstrInfo> table)
    {
        foreach (var op in SimdOpcodes.All)
        {
            var kind = op.Immediate switch
            {
                SimdImmediate.MemArg => ImmKind.Memarg,
                SimdImmediate.MemArgLane => ImmKind.MemargLane,
                SimdImmediate.Lane => ImmKind.Lane,
                SimdImmediate.Shuffle16 => ImmKind.Shuffle,
                SimdImmediate.V128Const => ImmKind.V128,
                _ => ImmKind.None,
            };
            table[op.Name] = new InstrInfo(Opcode.PrefixFD, op.SubOpcode, kind, op.NaturalAlignment);
        }
    }
}
