using System.Runtime.Intrinsics;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Instances;

/// <summary>Evaluates a validated constant expression (spec 3.3.10 "Constant Expressions", including the
/// extended-const arithmetic) against a partly built instance. Values are boxed the way compiled code
/// stores them: int, long, float, double, <c>Vector128&lt;byte&gt;</c>, or a reference.</summary>
internal static class ConstExprEvaluator
{
    public static object? Evaluate(ConstExpr expr, InstanceContext ctx)
    {
        var r = new WasmReader(expr.Code, expr.Offset);
        var stack = new Stack<object?>();
        while (true)
        {
            byte op = r.ReadByte();
            switch (op)
            {
                case Opcode.End: return stack.Pop();
                case Opcode.I32Const: stack.Push(r.ReadVarS32()); break;
                case Opcode.I64Const: stack.Push(r.ReadVarS64()); break;
                case Opcode.F32Const: stack.Push(BitConverter.Int32BitsToSingle(unchecked((int)r.ReadF32Bits()))); break;
                case Opcode.F64Const: stack.Push(BitConverter.Int64BitsToDouble(unchecked((long)r.ReadF64Bits()))); break;
                case Opcode.RefNull: r.ReadByte(); stack.Push(null); break;
                case Opcode.RefFunc: stack.Push(ctx.Functions[r.ReadVarU32()]); break;
                case Opcode.GlobalGet: stack.Push(ctx.Globals[r.ReadVarU32()].GetBoxed()); break;
                case Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul:
                {
                    int b = (int)stack.Pop()!, a = (int)stack.Pop()!;
                    stack.Push(op == Opcode.I32Add ? unchecked(a + b) : op == Opcode.I32Sub ? unchecked(a - b) : unchecked(a * b));
                    break;
                }
                case Opcode.I64Add or Opcode.I64Sub or Opcode.I64Mul:
                {
                    long b = (long)stack.Pop()!, a = (long)stack.Pop()!;
                    stack.Push(op == Opcode.I64Add ? unchecked(a + b) : op == Opcode.I64Sub ? unchecked(a - b) : unchecked(a * b));
                    break;
                }
                case Opcode.PrefixFD when r.ReadVarU32() == Simd.SimdOpcodes.V128Const:
                    stack.Push(Vector128.Create(r.ReadBytes(16).Span));
                    break;
                default:
                    throw new InvalidException($"constant expression opcode 0x{op:x2} is not supported", -1, r.Offset - 1);
            }
        }
    }
}
