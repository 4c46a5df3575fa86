using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal static partial class NumericEmitter
{
    /// <summary>Test and relational instructions (spec numerics: ieqz, ieq, ilt_s/u, …, feq, flt, …). Every
    /// result is an i32 0/1, which is exactly what <c>ceq</c>/<c>clt</c>/<c>cgt</c> push.</summary>
    /// <remarks>Float comparisons are ordered except <c>ne</c>: with a NaN operand eq/lt/gt/le/ge are false and
    /// ne is true. So <c>le</c> is "not (greater or unordered)" = <c>cgt.un; ldc 0; ceq</c>, and ne is
    /// "not eq".</remarks>
    private static partial bool EmitComparison(ILGenerator il, byte opcode)
    {
        switch (opcode)
        {
            case Opcode.I32Eqz: il.Emit(OpCodes.Ldc_I4_0); il.Emit(OpCodes.Ceq); break;
            case Opcode.I64Eqz: il.Emit(OpCodes.Ldc_I4_0); il.Emit(OpCodes.Conv_I8); il.Emit(OpCodes.Ceq); break;
            case Opcode.I32Eq or Opcode.I64Eq or Opcode.F32Eq or Opcode.F64Eq: il.Emit(OpCodes.Ceq); break;
            case Opcode.I32Ne or Opcode.I64Ne or Opcode.F32Ne or Opcode.F64Ne: Not(il, OpCodes.Ceq); break;
            case Opcode.I32LtS or Opcode.I64LtS or Opcode.F32Lt or Opcode.F64Lt: il.Emit(OpCodes.Clt); break;
            case Opcode.I32LtU or Opcode.I64LtU: il.Emit(OpCodes.Clt_Un); break;
            case Opcode.I32GtS or Opcode.I64GtS or Opcode.F32Gt or Opcode.F64Gt: il.Emit(OpCodes.Cgt); break;
            case Opcode.I32GtU or Opcode.I64GtU: il.Emit(OpCodes.Cgt_Un); break;
            case Opcode.I32LeS or Opcode.I64LeS: Not(il, OpCodes.Cgt); break;
            case Opcode.I32LeU or Opcode.I64LeU or Opcode.F32Le or Opcode.F64Le: Not(il, OpCodes.Cgt_Un); break;
            case Opcode.I32GeS or Opcode.I64GeS: Not(il, OpCodes.Clt); break;
            case Opcode.I32GeU or Opcode.I64GeU or Opcode.F32Ge or Opcode.F64Ge: Not(il, OpCodes.Clt_Un); break;
            default: return false;
        }
        return true;
    }

    /// <summary>Emits <paramref name="compare"/> and inverts its 0/1 result.</summary>
    private static void Not(ILGenerator il, OpCode compare)
    {
        il.Emit(compare);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Ceq);
    }
}
