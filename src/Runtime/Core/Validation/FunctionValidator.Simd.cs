using WitSharp.Core.Binary;
using WitSharp.Core.Simd;

namespace WitSharp.Core.Validation;

// SIMD (0xFD-prefixed) instructions: every one is typed by the shared SIMD opcode table (operands
// popped top first, then results pushed), with the immediate checks of spec valid/instructions
// "Vector Instructions": lane indices below the lane count, shuffle indices below 32, memarg
// alignment at most the access width.
internal sealed partial class FunctionValidator
{
    private void ValidateSimd(uint subOpcode, ref WasmReader reader)
    {
        if (!SimdOpcodes.TryGet(subOpcode, out var op)) throw reader.ErrorAt("illegal opcode", _opOffset);
        switch (op.Immediate)
        {
            case SimdImmediate.MemArg:
                ReadMemArg(ref reader, op.NaturalAlignment);
                break;
            case SimdImmediate.MemArgLane:
                ReadMemArg(ref reader, op.NaturalAlignment);
                ReadLane(ref reader, op.LaneCount);
                break;
            case SimdImmediate.Lane:
                ReadLane(ref reader, op.LaneCount);
                break;
            case SimdImmediate.Shuffle16:
                for (int k = 0; k < 16; k++) ReadLane(ref reader, 32);
                break;
            case SimdImmediate.V128Const:
                reader.ReadBytes(16);
                break;
        }
        var args = op.Params;
        for (int k = args.Length - 1; k >= 0; k--) PopOperand(args[k]);
        foreach (var r in op.Results) PushOperand(r);
    }

    private void ReadLane(ref WasmReader reader, int laneCount)
    {
        if (reader.ReadByte() >= laneCount) throw Invalid("invalid lane index");
    }
}
