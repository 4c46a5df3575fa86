using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

/// <summary>Emits the IL of every numeric instruction (spec "Numerics", opcodes 0x45–0xC4 and the
/// saturating truncations 0xFC 0–7). Operands are already on the IL stack in the shared representation
/// (i32 → int32, i64 → int64, f32 → float32, f64 → float64); each emitter leaves exactly the result.
/// Traps branch to the function's cold trap blocks (<see cref="IEmitContext.TrapLabel"/>), so the hot path
/// never calls a helper for a check.</summary>
/// <remarks>
/// <para>Stack at a trap branch: an instruction that can trap first moves its own operands into rented temps,
/// so when it branches to a trap label the IL stack holds exactly the wasm operand stack <em>below</em> that
/// instruction. IL demands one stack shape per label (RyuJIT rejects the method with
/// InvalidProgramException otherwise), so the function compiler must hand out one trap label per (trap code,
/// stack shape below), or spill, when trapping instructions run at different operand-stack depths.</para>
/// <para>Float constants are not emitted by <see cref="TryEmit"/>; the function compiler should use
/// <see cref="EmitF32Const"/> and <see cref="EmitF64Const"/>, which keep NaN payloads and sNaN semantics
/// through RyuJIT's constant folding.</para>
/// </remarks>
internal static partial class NumericEmitter
{
    /// <summary>Emits <paramref name="opcode"/> if it is a numeric instruction (0x45–0xC4, constants excluded).</summary>
    /// <returns><see langword="false"/> (emitting nothing) for any other opcode.</returns>
    public static bool TryEmit(IEmitContext ctx, byte opcode)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return opcode switch
        {
            >= Opcode.I32Eqz and <= Opcode.F64Ge => EmitComparison(ctx.IL, opcode),
            >= Opcode.I32Clz and <= Opcode.I64Rotr => EmitInteger(ctx, opcode),
            >= Opcode.F32Abs and <= Opcode.F64Copysign => EmitFloat(ctx, opcode),
            >= Opcode.I32WrapI64 and <= Opcode.I64Extend32S => EmitConversion(ctx, opcode),
            _ => false,
        };
    }

    /// <summary>Emits the 0xFC-prefixed saturating truncation <paramref name="fcOpcode"/> (sub-opcodes 0–7).</summary>
    /// <returns><see langword="false"/> (emitting nothing) for any other sub-opcode.</returns>
    public static bool TryEmitSaturating(IEmitContext ctx, uint fcOpcode)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return fcOpcode <= OpcodeFC.I64TruncSatF64U && EmitSaturating(ctx.IL, fcOpcode);
    }

    private static partial bool EmitComparison(ILGenerator il, byte opcode);
    private static partial bool EmitInteger(IEmitContext ctx, byte opcode);
    private static partial bool EmitFloat(IEmitContext ctx, byte opcode);
    private static partial bool EmitConversion(IEmitContext ctx, byte opcode);
    private static partial bool EmitSaturating(ILGenerator il, uint fcOpcode);
}
