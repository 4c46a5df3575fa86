using WitSharp.Core.Binary;

namespace WitSharp.Core.Validation;

// SIMD (0xFD-prefixed) instructions plug in here. The core validator routes every 0xFD instruction,
// after reading its u32 sub-opcode, to ValidateSimd with the reader positioned on the immediates.
// Helpers available to this partial (all throw the right typed exceptions with function/offset):
//   PopOperand(ValType expected)  pop one operand that must match (Unknown in unreachable code matches)
//   PopOperand()                  pop any operand, returns its type (or Unknown)
//   PushOperand(ValType type)     push a result
//   ReadMemArg(ref reader, log2)  read align+offset, check memory 0 exists and align <= log2 natural
//   RequireMemory(uint index)     "unknown memory N" unless that memory exists
//   Invalid(string reason)        build an InvalidException for the current instruction
//   reader.ErrorAt(reason, _opOffset)  build a MalformedException at the current instruction
internal sealed partial class FunctionValidator
{
    private void ValidateSimd(uint subOpcode, ref WasmReader reader) =>
        throw reader.ErrorAt("SIMD not supported yet", _opOffset);
}
