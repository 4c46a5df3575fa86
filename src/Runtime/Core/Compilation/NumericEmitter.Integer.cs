using System.Numerics;
using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal static partial class NumericEmitter
{
    /// <summary>Integer unary and binary instructions (spec numerics: iclz … irotr).</summary>
    private static partial bool EmitInteger(IEmitContext ctx, byte opcode)
    {
        var il = ctx.IL;
        switch (opcode)
        {
            // clz/ctz/popcnt: BitOperations are JIT intrinsics (lzcnt/tzcnt/popcnt where the CPU has them) and
            // define the zero input as the operand width, as wasm does.
            case Opcode.I32Clz: Call(il, Bits.LeadingZeroCount32); break;
            case Opcode.I32Ctz: Call(il, Bits.TrailingZeroCount32); break;
            case Opcode.I32Popcnt: Call(il, Bits.PopCount32); break;
            case Opcode.I64Clz: Call(il, Bits.LeadingZeroCount64); il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Ctz: Call(il, Bits.TrailingZeroCount64); il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Popcnt: Call(il, Bits.PopCount64); il.Emit(OpCodes.Conv_I8); break;

            case Opcode.I32Add or Opcode.I64Add: il.Emit(OpCodes.Add); break;
            case Opcode.I32Sub or Opcode.I64Sub: il.Emit(OpCodes.Sub); break;
            case Opcode.I32Mul or Opcode.I64Mul: il.Emit(OpCodes.Mul); break;
            case Opcode.I32And or Opcode.I64And: il.Emit(OpCodes.And); break;
            case Opcode.I32Or or Opcode.I64Or: il.Emit(OpCodes.Or); break;
            case Opcode.I32Xor or Opcode.I64Xor: il.Emit(OpCodes.Xor); break;

            case Opcode.I32DivS: EmitSignedDivision(ctx, typeof(int), remainder: false); break;
            case Opcode.I64DivS: EmitSignedDivision(ctx, typeof(long), remainder: false); break;
            case Opcode.I32RemS: EmitSignedDivision(ctx, typeof(int), remainder: true); break;
            case Opcode.I64RemS: EmitSignedDivision(ctx, typeof(long), remainder: true); break;
            case Opcode.I32DivU: EmitUnsignedDivision(ctx, typeof(int), OpCodes.Div_Un); break;
            case Opcode.I64DivU: EmitUnsignedDivision(ctx, typeof(long), OpCodes.Div_Un); break;
            case Opcode.I32RemU: EmitUnsignedDivision(ctx, typeof(int), OpCodes.Rem_Un); break;
            case Opcode.I64RemU: EmitUnsignedDivision(ctx, typeof(long), OpCodes.Rem_Un); break;

            // Shift counts are taken modulo the width (spec ishl: k = i2 mod N). IL leaves counts ≥ width
            // unspecified, so mask explicitly; RyuJIT folds the mask into the x64 shift. The IL shift count
            // is an int32, hence the conv.i4 for i64.
            case Opcode.I32Shl: EmitShift(il, OpCodes.Shl, 31, wide: false); break;
            case Opcode.I32ShrS: EmitShift(il, OpCodes.Shr, 31, wide: false); break;
            case Opcode.I32ShrU: EmitShift(il, OpCodes.Shr_Un, 31, wide: false); break;
            case Opcode.I64Shl: EmitShift(il, OpCodes.Shl, 63, wide: true); break;
            case Opcode.I64ShrS: EmitShift(il, OpCodes.Shr, 63, wide: true); break;
            case Opcode.I64ShrU: EmitShift(il, OpCodes.Shr_Un, 63, wide: true); break;

            // BitOperations.RotateLeft/Right are intrinsics (rol/ror) and reduce the count modulo the width.
            case Opcode.I32Rotl: Call(il, Bits.RotateLeft32); break;
            case Opcode.I32Rotr: Call(il, Bits.RotateRight32); break;
            case Opcode.I64Rotl: il.Emit(OpCodes.Conv_I4); Call(il, Bits.RotateLeft64); break;
            case Opcode.I64Rotr: il.Emit(OpCodes.Conv_I4); Call(il, Bits.RotateRight64); break;
            default: return false;
        }
        return true;
    }

    private static void EmitShift(ILGenerator il, OpCode shift, int mask, bool wide)
    {
        if (wide)
            il.Emit(OpCodes.Conv_I4);
        il.Emit(OpCodes.Ldc_I4_S, (sbyte)mask);
        il.Emit(OpCodes.And);
        il.Emit(shift);
    }

    /// <summary>div_s / rem_s. One unsigned compare keeps the hot path short: <c>(uint)(d + 1) &gt; 1</c> is
    /// false exactly for d ∈ {0, −1}, the two divisors IL <c>div</c>/<c>rem</c> cannot take as wasm wants
    /// (both throw in the CLR). The cold side traps on 0 (spec idiv_s: undefined for 0), traps on
    /// MIN / −1 (result 2^(N−1) is unrepresentable) and yields 0 for any rem_s by −1 (spec irem_s
    /// is defined there: the remainder of MIN / −1 is 0).</summary>
    private static void EmitSignedDivision(IEmitContext ctx, Type type, bool remainder)
    {
        var il = ctx.IL;
        bool wide = type == typeof(long);
        var dividend = ctx.RentTemp(type);
        var divisor = ctx.RentTemp(type);
        // Operands go to temps first: every trap branch is then taken with this instruction's operands
        // consumed, so the IL stack at the trap label is just the enclosing wasm operand stack.
        il.Emit(OpCodes.Stloc, divisor);
        il.Emit(OpCodes.Stloc, dividend);

        var fast = il.DefineLabel();
        var done = il.DefineLabel();
        il.Emit(OpCodes.Ldloc, divisor);
        il.Emit(OpCodes.Ldc_I4_1);
        if (wide)
            il.Emit(OpCodes.Conv_I8);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldc_I4_1);
        if (wide)
            il.Emit(OpCodes.Conv_I8);
        il.Emit(OpCodes.Bgt_Un, fast);

        // Cold: divisor is 0 or −1.
        il.Emit(OpCodes.Ldloc, divisor);
        il.Emit(OpCodes.Brfalse, ctx.TrapLabel(TrapCode.IntegerDivisionByZero));
        if (remainder)
        {
            il.Emit(OpCodes.Ldc_I4_0);
            if (wide)
                il.Emit(OpCodes.Conv_I8);
            il.Emit(OpCodes.Br, done);
        }
        else
        {
            // x / −1 = −x, except MIN, whose negation overflows.
            il.Emit(OpCodes.Ldloc, dividend);
            if (wide)
                il.Emit(OpCodes.Ldc_I8, long.MinValue);
            else
                il.Emit(OpCodes.Ldc_I4, int.MinValue);
            il.Emit(OpCodes.Beq, ctx.TrapLabel(TrapCode.IntegerOverflow));
            il.Emit(OpCodes.Ldloc, dividend);
            il.Emit(OpCodes.Neg);
            il.Emit(OpCodes.Br, done);
        }

        il.MarkLabel(fast);
        il.Emit(OpCodes.Ldloc, dividend);
        il.Emit(OpCodes.Ldloc, divisor);
        il.Emit(remainder ? OpCodes.Rem : OpCodes.Div);
        il.MarkLabel(done);
        ctx.ReleaseTemp(divisor);
        ctx.ReleaseTemp(dividend);
    }

    /// <summary>div_u / rem_u: trap on a zero divisor (spec idiv_u, irem_u: undefined for 0).</summary>
    private static void EmitUnsignedDivision(IEmitContext ctx, Type type, OpCode operation)
    {
        var il = ctx.IL;
        var dividend = ctx.RentTemp(type);
        var divisor = ctx.RentTemp(type);
        il.Emit(OpCodes.Stloc, divisor);
        il.Emit(OpCodes.Stloc, dividend);
        il.Emit(OpCodes.Ldloc, divisor);
        il.Emit(OpCodes.Brfalse, ctx.TrapLabel(TrapCode.IntegerDivisionByZero));
        il.Emit(OpCodes.Ldloc, dividend);
        il.Emit(OpCodes.Ldloc, divisor);
        il.Emit(operation);
        ctx.ReleaseTemp(divisor);
        ctx.ReleaseTemp(dividend);
    }

    private static void Call(ILGenerator il, MethodInfo method) => il.Emit(OpCodes.Call, method);

    /// <summary>The <see cref="BitOperations"/> overloads the integer instructions call.</summary>
    private static class Bits
    {
        public static readonly MethodInfo LeadingZeroCount32 = Get(typeof(BitOperations), nameof(BitOperations.LeadingZeroCount), typeof(uint));
        public static readonly MethodInfo LeadingZeroCount64 = Get(typeof(BitOperations), nameof(BitOperations.LeadingZeroCount), typeof(ulong));
        public static readonly MethodInfo TrailingZeroCount32 = Get(typeof(BitOperations), nameof(BitOperations.TrailingZeroCount), typeof(uint));
        public static readonly MethodInfo TrailingZeroCount64 = Get(typeof(BitOperations), nameof(BitOperations.TrailingZeroCount), typeof(ulong));
        public static readonly MethodInfo PopCount32 = Get(typeof(BitOperations), nameof(BitOperations.PopCount), typeof(uint));
        public static readonly MethodInfo PopCount64 = Get(typeof(BitOperations), nameof(BitOperations.PopCount), typeof(ulong));
        public static readonly MethodInfo RotateLeft32 = Get(typeof(BitOperations), nameof(BitOperations.RotateLeft), typeof(uint), typeof(int));
        public static readonly MethodInfo RotateLeft64 = Get(typeof(BitOperations), nameof(BitOperations.RotateLeft), typeof(ulong), typeof(int));
        public static readonly MethodInfo RotateRight32 = Get(typeof(BitOperations), nameof(BitOperations.RotateRight), typeof(uint), typeof(int));
        public static readonly MethodInfo RotateRight64 = Get(typeof(BitOperations), nameof(BitOperations.RotateRight), typeof(ulong), typeof(int));
    }
}
