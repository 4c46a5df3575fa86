using WitSharp.Core.Binary;

namespace WitSharp.Core.Validation;

internal sealed partial class FunctionValidator
{
    /// <summary>The 0xFC-prefixed instructions of 2.0: saturating truncation, bulk memory and table
    /// instructions (spec 5.4.5-5.4.7).</summary>
    private void ValidatePrefixFC(uint sub, ref WasmReader reader)
    {
        switch (sub)
        {
            case <= OpcodeFC.I64TruncSatF64U:
                ValidateNumeric(NumericSignatures.TruncSat[sub]);
                break;
            case OpcodeFC.MemoryInit:
            {
                uint data = reader.ReadVarU32();
                ReadZeroByte(ref reader);
                RequireMemory(0);
                RequireData(data, ref reader);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                break;
            }

            case OpcodeFC.DataDrop:
                RequireData(reader.ReadVarU32(), ref reader);
                break;
            case OpcodeFC.MemoryCopy:
                ReadZeroByte(ref reader);
                ReadZeroByte(ref reader);
                RequireMemory(0);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                break;
            case OpcodeFC.MemoryFill:
                ReadZeroByte(ref reader);
                RequireMemory(0);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                break;
            case OpcodeFC.TableInit:
            {
                uint elem = reader.ReadVarU32();
                var tableType = TableType(reader.ReadVarU32());
                if (ElementType(elem) != tableType) throw TypeMismatch();
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                break;
            }

            case OpcodeFC.ElemDrop:
                ElementType(reader.ReadVarU32());
                break;
            case OpcodeFC.TableCopy:
            {
                var destination = TableType(reader.ReadVarU32());
                var source = TableType(reader.ReadVarU32());
                if (destination != source) throw TypeMismatch();
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                PopOperand(ValType.I32);
                break;
            }

            case OpcodeFC.TableGrow:
            {
                var t = TableType(reader.ReadVarU32());
                PopOperand(ValType.I32);
                PopOperand(t);
                PushOperand(ValType.I32);
                break;
            }

            case OpcodeFC.TableSize:
                TableType(reader.ReadVarU32());
                PushOperand(ValType.I32);
                break;
            case OpcodeFC.TableFill:
            {
                var t = TableType(reader.ReadVarU32());
                PopOperand(ValType.I32);
                PopOperand(t);
                PopOperand(ValType.I32);
                break;
            }

            default:
                throw reader.ErrorAt("illegal opcode", _opOffset);
        }
    }

    /// <summary>memory.init and data.drop need the data count section (spec 5.5.16); without it the
    /// module is malformed, since a single-pass decoder could not know the data segment count.</summary>
    private void RequireData(uint index, ref WasmReader reader)
    {
        // Lenient for a module with no data at all: encoders (wabt) omit the data count section then,
        // and the reference interpreter, validating text directly, calls it "unknown data segment".
        uint count = _c.Module.DataCount
            ?? (_c.Module.Data.Count == 0 ? 0u : throw reader.ErrorAt("data count section required", _opOffset));
        if (index >= count) throw Invalid($"unknown data segment {index}");
    }

    private ValType ElementType(uint index) =>
        index < (uint)_c.ElementTypes.Length ? _c.ElementTypes[index] : throw Invalid($"unknown elem segment {index}");
}
