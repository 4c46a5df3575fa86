using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace WitSharp.Core.Compilation;

internal static partial class NumericEmitter
{
    /// <summary>Emits <c>f32.const</c> with the given bit pattern so the value and any NaN payload survive RyuJIT.</summary>
    /// <remarks>
    /// Three things go wrong with a plain <c>ldc.r4</c> or a folded <c>Int32BitsToSingle(c)</c> (each seen in
    /// spec float_literals.wast / float_exprs.wast):
    /// <list type="bullet">
    /// <item><c>ldc.r4</c> may canonicalize NaN payloads, so constants go in as integer bits.</item>
    /// <item>A folded f32 constant is held as a double: a signalling NaN comes back with its quiet bit set.
    /// Those (rare) constants go through the non-inlined <see cref="NumericOps.SignalingNaN32"/>.</item>
    /// <item>RyuJIT treats <c>x - 0.0</c>, <c>x + -0.0</c>, <c>x * 1.0</c> and <c>x / 1.0</c> as identities, but
    /// for a signalling NaN x wasm wants the quietened NaN the operation produces (spec fadd etc.: the result
    /// is an arithmetic NaN). ±0 and ±1 are therefore read from mutable static fields the JIT cannot fold;
    /// an x64 float constant is a memory load anyway, so this costs about nothing.</item>
    /// </list>
    /// </remarks>
    public static void EmitF32Const(ILGenerator il, uint bits)
    {
        ArgumentNullException.ThrowIfNull(il);
        if (Opaque.Field32(bits) is { } field)
        {
            il.Emit(OpCodes.Ldsfld, field);
            return;
        }
        il.Emit(OpCodes.Ldc_I4, unchecked((int)bits));
        il.Emit(OpCodes.Call, NumericOps.IsSignalingNaN32(bits) ? Opaque.SignalingNaN32 : Conversion.Int32BitsToSingle);
    }

    /// <summary>Emits <c>f64.const</c> with the given bit pattern; see <see cref="EmitF32Const"/>. A folded f64
    /// constant keeps its payload, so only ±0 and ±1 need the opaque path.</summary>
    public static void EmitF64Const(ILGenerator il, ulong bits)
    {
        ArgumentNullException.ThrowIfNull(il);
        if (Opaque.Field64(bits) is { } field)
        {
            il.Emit(OpCodes.Ldsfld, field);
            return;
        }
        il.Emit(OpCodes.Ldc_I8, unchecked((long)bits));
        il.Emit(OpCodes.Call, Conversion.Int64BitsToDouble);
    }

    /// <summary>The fields and method that hide constants from the JIT's folding.</summary>
    private static class Opaque
    {
        public static readonly MethodInfo SignalingNaN32 = Get(typeof(NumericOps), nameof(NumericOps.SignalingNaN32), typeof(int));
        private static readonly FieldInfo s_positiveZero32 = Field(nameof(NumericOps.PositiveZero32));
        private static readonly FieldInfo s_negativeZero32 = Field(nameof(NumericOps.NegativeZero32));
        private static readonly FieldInfo s_positiveOne32 = Field(nameof(NumericOps.PositiveOne32));
        private static readonly FieldInfo s_negativeOne32 = Field(nameof(NumericOps.NegativeOne32));
        private static readonly FieldInfo s_positiveZero64 = Field(nameof(NumericOps.PositiveZero64));
        public static readonly FieldInfo NegativeZero64 = Field(nameof(NumericOps.NegativeZero64));
        private static readonly FieldInfo s_positiveOne64 = Field(nameof(NumericOps.PositiveOne64));
        private static readonly FieldInfo s_negativeOne64 = Field(nameof(NumericOps.NegativeOne64));

        public static FieldInfo? Field32(uint bits) => bits switch
        {
            0x0000_0000u => s_positiveZero32,
            0x8000_0000u => s_negativeZero32,
            0x3F80_0000u => s_positiveOne32,
            0xBF80_0000u => s_negativeOne32,
            _ => null,
        };

        public static FieldInfo? Field64(ulong bits) => bits switch
        {
            0x0000_0000_0000_0000ul => s_positiveZero64,
            0x8000_0000_0000_0000ul => NegativeZero64,
            0x3FF0_0000_0000_0000ul => s_positiveOne64,
            0xBFF0_0000_0000_0000ul => s_negativeOne64,
            _ => null,
        };

        private static FieldInfo Field(string name)
        {
            // Run NumericOps' initializer now: code JIT-compiled before it has run carries a class-init check
            // (and a spill around it) at every read of these fields.
            RuntimeHelpers.RunClassConstructor(typeof(NumericOps).TypeHandle);
            return typeof(NumericOps).GetField(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingFieldException(nameof(NumericOps), name);
        }
    }
}
