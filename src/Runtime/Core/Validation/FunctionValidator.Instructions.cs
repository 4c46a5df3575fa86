using WitSharp.Core.Binary;

namespace WitSharp.Core.Validation;

internal sealed partial class FunctionValidator
{
    /// <summary>Decodes and checks instructions until the function's final <c>end</c> (spec 3.3 and
    /// A.3). Malformed encodings (unknown opcodes, bad immediates) are MalformedException.</summary>
    private void ValidateInstructions(ref WasmReader reader)
    {
        while (true)
        {
            _opOffset = reader.Offset;
            byte op = reader.ReadByte();
            switch (op)
            {
                case Opcode.Unreachable:
                    SetUnreachable();
                    break;
                case Opcode.Nop:
                    break;
                case Opcode.Block or Opcode.Loop:
                {
                    ReadBlockType(ref reader, out var parameters, out var results);
                    PopOperands(parameters);
                    PushControl(op == Opcode.Block ? FrameKind.Block : FrameKind.Loop, parameters, results);
                    break;
                }

                case Opcode.If:
                {
                    ReadBlockType(ref reader, out var parameters, out var results);
                    PopOperand(ValType.I32);
                    PopOperands(parameters);
                    PushControl(FrameKind.If, parameters, results);
                    break;
                }

                case Opcode.Else:
                {
                    if (_controls[_csp - 1].Kind != FrameKind.If) throw reader.ErrorAt("illegal opcode", _opOffset);
                    var frame = PopControl();
                    PushControl(FrameKind.Else, frame.Params, frame.Results);
                    break;
                }

                case Opcode.End:
                {
                    var frame = PopControl();
                    // An `if` without `else` has an implicit empty else branch: params must equal results.
                    if (frame.Kind == FrameKind.If && !frame.Params.AsSpan().SequenceEqual(frame.Results))
                        throw TypeMismatch();
                    if (_csp == 0) return;
                    PushOperands(frame.Results);
                    break;
                }

                case Opcode.Br:
                {
                    var types = Label(reader.ReadVarU32()).LabelTypes;
                    PopOperands(types);
                    SetUnreachable();
                    break;
                }

                case Opcode.BrIf:
                {
                    var types = Label(reader.ReadVarU32()).LabelTypes;
                    PopOperand(ValType.I32);
                    PopOperands(types);
                    PushOperands(types);
                    break;
                }

                case Opcode.BrTable:
                    ValidateBrTable(ref reader);
                    break;
                case Opcode.Return:
                    PopOperands(_controls[0].Results);
                    SetUnreachable();
                    break;
                case Opcode.Call:
                {
                    var type = Function(reader.ReadVarU32());
                    PopOperands(type.Params);
                    PushOperands(type.Results);
                    break;
                }

                case Opcode.CallIndirect:
                {
                    uint typeIndex = reader.ReadVarU32();
                    uint table = reader.ReadVarU32();
                    if (TableType(table) != ValType.FuncRef) throw TypeMismatch();
                    if (typeIndex >= (uint)_c.Types.Count) throw Invalid($"unknown type {typeIndex}");
                    var type = _c.Types[(int)typeIndex];
                    PopOperand(ValType.I32);
                    PopOperands(type.Params);
                    PushOperands(type.Results);
                    break;
                }

                case Opcode.Drop:
                    PopOperand();
                    break;
                case Opcode.Select:
                    ValidateSelect();
                    break;
                case Opcode.SelectTyped:
                {
                    int n = reader.ReadVectorLength(1);
                    if (n != 1) throw Invalid("invalid result arity");
                    var t = TypeReader.ReadValType(ref reader);
                    PopOperand(ValType.I32);
                    PopOperand(t);
                    PopOperand(t);
                    PushOperand(t);
                    break;
                }

                case Opcode.LocalGet:
                    PushOperand(Local(reader.ReadVarU32()));
                    break;
                case Opcode.LocalSet:
                    PopOperand(Local(reader.ReadVarU32()));
                    break;
                case Opcode.LocalTee:
                {
                    var t = Local(reader.ReadVarU32());
                    PopOperand(t);
                    PushOperand(t);
                    break;
                }

                case Opcode.GlobalGet:
                    PushOperand(Global(reader.ReadVarU32()).ValueType);
                    break;
                case Opcode.GlobalSet:
                {
                    var g = Global(reader.ReadVarU32());
                    if (!g.Mutable) throw Invalid("global is immutable");
                    PopOperand(g.ValueType);
                    break;
                }

                case Opcode.TableGet:
                {
                    var t = TableType(reader.ReadVarU32());
                    PopOperand(ValType.I32);
                    PushOperand(t);
                    break;
                }

                case Opcode.TableSet:
                {
                    var t = TableType(reader.ReadVarU32());
                    PopOperand(t);
                    PopOperand(ValType.I32);
                    break;
                }

                case >= Opcode.I32Load and <= Opcode.I64Load32U:
                {
                    var (type, align) = s_memoryAccess[op - Opcode.I32Load];
                    ReadMemArg(ref reader, align);
                    PopOperand(ValType.I32);
                    PushOperand(type);
                    break;
                }

                case >= Opcode.I32Store and <= Opcode.I64Store32:
                {
                    var (type, align) = s_memoryAccess[op - Opcode.I32Load];
                    ReadMemArg(ref reader, align);
                    PopOperand(type);
                    PopOperand(ValType.I32);
                    break;
                }

                case Opcode.MemorySize:
                    ReadZeroByte(ref reader);
                    RequireMemory(0);
                    PushOperand(ValType.I32);
                    break;
                case Opcode.MemoryGrow:
                    ReadZeroByte(ref reader);
                    RequireMemory(0);
                    PopOperand(ValType.I32);
                    PushOperand(ValType.I32);
                    break;
                case Opcode.I32Const:
                    reader.ReadVarS32();
                    PushOperand(ValType.I32);
                    break;
                case Opcode.I64Const:
                    reader.ReadVarS64();
                    PushOperand(ValType.I64);
                    break;
                case Opcode.F32Const:
                    reader.ReadBytes(4);
                    PushOperand(ValType.F32);
                    break;
                case Opcode.F64Const:
                    reader.ReadBytes(8);
                    PushOperand(ValType.F64);
                    break;
                case >= Opcode.I32Eqz and <= Opcode.I64Extend32S:
                    ValidateNumeric(NumericSignatures.Core[op - Opcode.I32Eqz]);
                    break;
                case Opcode.RefNull:
                    PushOperand(TypeReader.ReadRefType(ref reader));
                    break;
                case Opcode.RefIsNull:
                {
                    var t = PopOperand();
                    if (t != Unknown && !t.IsReference()) throw TypeMismatch();
                    PushOperand(ValType.I32);
                    break;
                }

                case Opcode.RefFunc:
                {
                    uint f = reader.ReadVarU32();
                    Function(f);
                    if (!_c.DeclaredFunctions[f]) throw Invalid("undeclared function reference");
                    PushOperand(ValType.FuncRef);
                    break;
                }

                case Opcode.PrefixFC:
                    ValidatePrefixFC(reader.ReadVarU32(), ref reader);
                    break;
                case Opcode.PrefixFD:
                    ValidateSimd(reader.ReadVarU32(), ref reader);
                    break;
                default:
                    throw reader.ErrorAt("illegal opcode", _opOffset);
            }
        }
    }

    private void ValidateBrTable(ref WasmReader reader)
    {
        // Labels are checked as they are read; nothing is allocated for the target list.
        int count = reader.ReadVectorLength(1);
        int targetsStart = reader.Position;
        for (int i = 0; i < count; i++) reader.ReadVarU32();
        uint defaultDepth = reader.ReadVarU32();
        PopOperand(ValType.I32);
        int arity = Label(defaultDepth).LabelTypes.Length;

        int end = reader.Position;
        reader.Position = targetsStart;
        for (int i = 0; i < count; i++)
        {
            var types = Label(reader.ReadVarU32()).LabelTypes;
            if (types.Length != arity) throw TypeMismatch();
            CheckOperands(types);
        }

        reader.Position = end;
        PopOperands(Label(defaultDepth).LabelTypes);
        SetUnreachable();
    }

    private void ValidateSelect()
    {
        // Spec A.3: untyped select is only for numeric (and vector) operands.
        PopOperand(ValType.I32);
        var t1 = PopOperand();
        var t2 = PopOperand();
        bool numeric = (t1 == Unknown || t1.IsNumeric()) && (t2 == Unknown || t2.IsNumeric());
        bool vector = (t1 == Unknown || t1 == ValType.V128) && (t2 == Unknown || t2 == ValType.V128);
        if (!numeric && !vector) throw TypeMismatch();
        if (t1 != t2 && t1 != Unknown && t2 != Unknown) throw TypeMismatch();
        PushOperand(t1 == Unknown ? t2 : t1);
    }

    private void ValidateNumeric(NumericSignature s)
    {
        if (s.Operand2 != Unknown) PopOperand(s.Operand2);
        PopOperand(s.Operand1);
        PushOperand(s.Result);
    }

    /// <summary>Loads then stores, indexed from 0x28: value type and log2 of the natural alignment.</summary>
    private static readonly (ValType Type, int AlignLog2)[] s_memoryAccess =
    [
        (ValType.I32, 2), (ValType.I64, 3), (ValType.F32, 2), (ValType.F64, 3),
        (ValType.I32, 0), (ValType.I32, 0), (ValType.I32, 1), (ValType.I32, 1),
        (ValType.I64, 0), (ValType.I64, 0), (ValType.I64, 1), (ValType.I64, 1), (ValType.I64, 2), (ValType.I64, 2),
        (ValType.I32, 2), (ValType.I64, 3), (ValType.F32, 2), (ValType.F64, 3),
        (ValType.I32, 0), (ValType.I32, 1), (ValType.I64, 0), (ValType.I64, 1), (ValType.I64, 2),
    ];
}
