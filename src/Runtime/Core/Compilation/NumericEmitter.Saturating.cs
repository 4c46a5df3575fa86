using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal static partial class NumericEmitter
{
    /// <summary>trunc_sat (spec numerics: NaN → 0, out of range → the nearest bound, otherwise trunc(x)).</summary>
    /// <remarks>Since .NET 9 the float-to-integer IL conversions are saturating on every platform with exactly
    /// these rules (NaN → 0, below MinValue → MinValue, above MaxValue → MaxValue; the ".NET 9 breaking change:
    /// floating point-to-integer conversions are saturating"), so each is one <c>conv</c>. The numeric tests
    /// check the bounds, NaN and ±∞ for all eight.</remarks>
    private static partial bool EmitSaturating(ILGenerator il, uint fcOpcode)
    {
        switch (fcOpcode)
        {
            case OpcodeFC.I32TruncSatF32S or OpcodeFC.I32TruncSatF64S: il.Emit(OpCodes.Conv_I4); break;
            case OpcodeFC.I32TruncSatF32U or OpcodeFC.I32TruncSatF64U: il.Emit(OpCodes.Conv_U4); break;
            case OpcodeFC.I64TruncSatF32S or OpcodeFC.I64TruncSatF64S: il.Emit(OpCodes.Conv_I8); break;
            case OpcodeFC.I64TruncSatF32U or OpcodeFC.I64TruncSatF64U: il.Emit(OpCodes.Conv_U8); break;
            default: return false;
        }
        return true;
    }
}
