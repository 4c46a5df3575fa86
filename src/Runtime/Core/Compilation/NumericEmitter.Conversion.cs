using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal static partial class NumericEmitter
{
    /// <summary>Conversions (spec numerics "Conversions": wrap, extend, trunc, convert, demote, promote,
    /// reinterpret) and the sign-extension instructions 0xC0–0xC4.</summary>
    private static partial bool EmitConversion(IEmitContext ctx, byte opcode)
    {
        var il = ctx.IL;
        switch (opcode)
        {
            case Opcode.I32WrapI64: il.Emit(OpCodes.Conv_I4); break;
            case Opcode.I64ExtendI32S: il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64ExtendI32U: il.Emit(OpCodes.Conv_U8); break;

            case Opcode.I32TruncF32S: EmitTrappingTruncation(ctx, Truncation.F32ToI32S); break;
            case Opcode.I32TruncF32U: EmitTrappingTruncation(ctx, Truncation.F32ToI32U); break;
            case Opcode.I32TruncF64S: EmitTrappingTruncation(ctx, Truncation.F64ToI32S); break;
            case Opcode.I32TruncF64U: EmitTrappingTruncation(ctx, Truncation.F64ToI32U); break;
            case Opcode.I64TruncF32S: EmitTrappingTruncation(ctx, Truncation.F32ToI64S); break;
            case Opcode.I64TruncF32U: EmitTrappingTruncation(ctx, Truncation.F32ToI64U); break;
            case Opcode.I64TruncF64S: EmitTrappingTruncation(ctx, Truncation.F64ToI64S); break;
            case Opcode.I64TruncF64U: EmitTrappingTruncation(ctx, Truncation.F64ToI64U); break;

            // Signed sources and u32 are exact in f64, so conv.r4/conv.r8 (or conv.r.un, which widens a u32 to
            // f64 exactly) round once, as spec convert requires. u64 has no single-rounding IL: see NumericOps.
            case Opcode.F32ConvertI32S or Opcode.F32ConvertI64S: il.Emit(OpCodes.Conv_R4); break;
            case Opcode.F32ConvertI32U: il.Emit(OpCodes.Conv_R_Un); il.Emit(OpCodes.Conv_R4); break;
            case Opcode.F32ConvertI64U: Call(il, Conversion.U64ToF32); break;
            case Opcode.F64ConvertI32S or Opcode.F64ConvertI64S: il.Emit(OpCodes.Conv_R8); break;
            case Opcode.F64ConvertI32U: il.Emit(OpCodes.Conv_R_Un); il.Emit(OpCodes.Conv_R8); break;
            case Opcode.F64ConvertI64U: Call(il, Conversion.U64ToF64); break;
            // cvtsd2ss/cvtss2sd: IEEE rounding, NaNs come out quiet with their payload's high bits (the
            // spec's arithmetic NaN).
            case Opcode.F32DemoteF64: il.Emit(OpCodes.Conv_R4); break;
            case Opcode.F64PromoteF32: EmitPromote(il); break;

            // BitConverter's bit casts are JIT intrinsics (a register move, payload untouched).
            case Opcode.I32ReinterpretF32: Call(il, Conversion.SingleToInt32Bits); break;
            case Opcode.I64ReinterpretF64: Call(il, Conversion.DoubleToInt64Bits); break;
            case Opcode.F32ReinterpretI32: Call(il, Conversion.Int32BitsToSingle); break;
            case Opcode.F64ReinterpretI64: Call(il, Conversion.Int64BitsToDouble); break;

            case Opcode.I32Extend8S: il.Emit(OpCodes.Conv_I1); break;
            case Opcode.I32Extend16S: il.Emit(OpCodes.Conv_I2); break;
            case Opcode.I64Extend8S: il.Emit(OpCodes.Conv_I1); il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Extend16S: il.Emit(OpCodes.Conv_I2); il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Extend32S: il.Emit(OpCodes.Conv_I4); il.Emit(OpCodes.Conv_I8); break;
            default: return false;
        }
        return true;
    }

    /// <summary>fpromote: <c>conv.r8</c>, then + (−0.0) read from a mutable static. RyuJIT removes the pair
    /// <c>(float)(double)x</c> as lossless, but for a signalling NaN x wasm's demote(promote(x)) must be quiet
    /// (spec float_exprs.wast no_fold_promote_demote). Adding −0.0 changes no other value (−0 + −0 = −0) and
    /// the JIT cannot fold a field it cannot prove constant; the cost is one addsd.</summary>
    private static void EmitPromote(ILGenerator il)
    {
        il.Emit(OpCodes.Conv_R8);
        il.Emit(OpCodes.Ldsfld, Opaque.NegativeZero64);
        il.Emit(OpCodes.Add);
    }

    /// <summary>One trapping truncation: the source is a 32-bit float when <paramref name="Single"/>; values
    /// at or below <paramref name="TrapAtOrBelow"/> or at or above <paramref name="TrapAtOrAbove"/> are out of
    /// range; <paramref name="Helper"/> (or, without one, <paramref name="Convert"/>) truncates a value inside the range.</summary>
    private readonly record struct Truncation(bool Single, double TrapAtOrBelow, double TrapAtOrAbove, MethodInfo? Helper, OpCode Convert)
    {
        // The bounds are the representable source values just outside the range of trunc(x). Signed lower
        // bounds: −2^(N−1) − 1 itself when the source type holds it (f64 → i32), else the next value below
        // −2^(N−1), as no source value lies between. Unsigned lower bound: −1 (trunc(−0.9) = 0 is fine).
        public static readonly Truncation F32ToI32S = new(true, -2147483904f, 2147483648f, InRange(nameof(NumericOps.TruncateF32ToI32), typeof(float)), OpCodes.Conv_I4);
        public static readonly Truncation F32ToI32U = new(true, -1f, 4294967296f, InRange(nameof(NumericOps.TruncateF32ToU32), typeof(float)), OpCodes.Conv_U4);
        public static readonly Truncation F64ToI32S = new(false, -2147483649d, 2147483648d, InRange(nameof(NumericOps.TruncateF64ToI32), typeof(double)), OpCodes.Conv_I4);
        public static readonly Truncation F64ToI32U = new(false, -1d, 4294967296d, InRange(nameof(NumericOps.TruncateF64ToU32), typeof(double)), OpCodes.Conv_U4);
        public static readonly Truncation F32ToI64S = new(true, -9223373136366403584f, 9223372036854775808f, InRange(nameof(NumericOps.TruncateF32ToI64), typeof(float)), OpCodes.Conv_I8);
        public static readonly Truncation F32ToI64U = new(true, -1f, 18446744073709551616f, null, OpCodes.Conv_U8);
        public static readonly Truncation F64ToI64S = new(false, -9223372036854777856d, 9223372036854775808d, InRange(nameof(NumericOps.TruncateF64ToI64), typeof(double)), OpCodes.Conv_I8);
        public static readonly Truncation F64ToI64U = new(false, -1d, 18446744073709551616d, null, OpCodes.Conv_U8);

        private static MethodInfo InRange(string name, Type source) => Get(typeof(NumericOps), name, source);
    }

    /// <summary>itrunc (spec numerics): NaN traps with "invalid conversion to integer", a value whose
    /// truncation does not fit traps with "integer overflow" (the spec tests' assert_trap messages). Three
    /// float compares on the hot path, each branching straight to the cold trap blocks.</summary>
    private static void EmitTrappingTruncation(IEmitContext ctx, Truncation t)
    {
        var il = ctx.IL;
        var value = ctx.RentTemp(t.Single ? typeof(float) : typeof(double));
        il.Emit(OpCodes.Stloc, value);
        il.Emit(OpCodes.Ldloc, value);
        il.Emit(OpCodes.Ldloc, value);
        il.Emit(OpCodes.Bne_Un, ctx.TrapLabel(TrapCode.BadConversionToInteger)); // x ≠ x: NaN
        var overflow = ctx.TrapLabel(TrapCode.IntegerOverflow);
        il.Emit(OpCodes.Ldloc, value);
        EmitFloatConstant(il, t.Single, t.TrapAtOrBelow);
        il.Emit(OpCodes.Ble, overflow);
        il.Emit(OpCodes.Ldloc, value);
        EmitFloatConstant(il, t.Single, t.TrapAtOrAbove);
        il.Emit(OpCodes.Bge, overflow);
        il.Emit(OpCodes.Ldloc, value);
        if (t.Helper is not null)
            il.Emit(OpCodes.Call, t.Helper);
        else
            il.Emit(t.Convert); // u64: x64 has no single unsigned 64-bit truncation below AVX-512; the JIT's is exact
        ctx.ReleaseTemp(value);
    }

    private static void EmitFloatConstant(ILGenerator il, bool single, double value)
    {
        if (single)
            il.Emit(OpCodes.Ldc_R4, (float)value);
        else
            il.Emit(OpCodes.Ldc_R8, value);
    }

    /// <summary>The methods the conversions call.</summary>
    private static class Conversion
    {
        public static readonly MethodInfo U64ToF32 = Get(typeof(NumericOps), nameof(NumericOps.ConvertU64ToF32), typeof(long));
        public static readonly MethodInfo U64ToF64 = Get(typeof(NumericOps), nameof(NumericOps.ConvertU64ToF64), typeof(long));
        public static readonly MethodInfo SingleToInt32Bits = Get(typeof(BitConverter), nameof(BitConverter.SingleToInt32Bits), typeof(float));
        public static readonly MethodInfo DoubleToInt64Bits = Get(typeof(BitConverter), nameof(BitConverter.DoubleToInt64Bits), typeof(double));
        public static readonly MethodInfo Int32BitsToSingle = Get(typeof(BitConverter), nameof(BitConverter.Int32BitsToSingle), typeof(int));
        public static readonly MethodInfo Int64BitsToDouble = Get(typeof(BitConverter), nameof(BitConverter.Int64BitsToDouble), typeof(long));
    }
}
