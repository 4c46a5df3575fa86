namespace WitSharp.Core.Validation;

/// <summary>Operand and result types of a numeric instruction; <see cref="Operand2"/> is
/// <see cref="FunctionValidator.Unknown"/> for unary ones.</summary>
internal readonly record struct NumericSignature(ValType Operand1, ValType Operand2, ValType Result);

/// <summary>Types of the plain numeric instructions (opcodes 0x45-0xC4, spec 3.3.1) and of the
/// saturating truncations (0xFC 0-7), as tables so the validator's hot path is one lookup.</summary>
internal static class NumericSignatures
{
    private const ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64, None = 0;

    /// <summary>Indexed by opcode - 0x45.</summary>
    public static readonly NumericSignature[] Core = BuildCore();

    /// <summary>Indexed by the 0xFC sub-opcode 0-7.</summary>
    public static readonly NumericSignature[] TruncSat =
    [
        new(F32, None, I32), new(F32, None, I32), new(F64, None, I32), new(F64, None, I32),
        new(F32, None, I64), new(F32, None, I64), new(F64, None, I64), new(F64, None, I64),
    ];

    private static NumericSignature[] BuildCore()
    {
        var table = new NumericSignature[0xC4 - 0x45 + 1];
        void Set(int from, int to, ValType a, ValType b, ValType r)
        {
            for (int op = from; op <= to; op++) table[op - 0x45] = new NumericSignature(a, b, r);
        }

        Set(0x45, 0x45, I32, None, I32);      // i32.eqz
        Set(0x46, 0x4F, I32, I32, I32);       // i32 comparisons
        Set(0x50, 0x50, I64, None, I32);      // i64.eqz
        Set(0x51, 0x5A, I64, I64, I32);       // i64 comparisons
        Set(0x5B, 0x60, F32, F32, I32);       // f32 comparisons
        Set(0x61, 0x66, F64, F64, I32);       // f64 comparisons
        Set(0x67, 0x69, I32, None, I32);      // i32 clz ctz popcnt
        Set(0x6A, 0x78, I32, I32, I32);       // i32 binary
        Set(0x79, 0x7B, I64, None, I64);      // i64 clz ctz popcnt
        Set(0x7C, 0x8A, I64, I64, I64);       // i64 binary
        Set(0x8B, 0x91, F32, None, F32);      // f32 unary
        Set(0x92, 0x98, F32, F32, F32);       // f32 binary
        Set(0x99, 0x9F, F64, None, F64);      // f64 unary
        Set(0xA0, 0xA6, F64, F64, F64);       // f64 binary
        Set(0xA7, 0xA7, I64, None, I32);      // i32.wrap_i64
        Set(0xA8, 0xA9, F32, None, I32);      // i32.trunc_f32
        Set(0xAA, 0xAB, F64, None, I32);      // i32.trunc_f64
        Set(0xAC, 0xAD, I32, None, I64);      // i64.extend_i32
        Set(0xAE, 0xAF, F32, None, I64);      // i64.trunc_f32
        Set(0xB0, 0xB1, F64, None, I64);      // i64.trunc_f64
        Set(0xB2, 0xB3, I32, None, F32);      // f32.convert_i32
        Set(0xB4, 0xB5, I64, None, F32);      // f32.convert_i64
        Set(0xB6, 0xB6, F64, None, F32);      // f32.demote_f64
        Set(0xB7, 0xB8, I32, None, F64);      // f64.convert_i32
        Set(0xB9, 0xBA, I64, None, F64);      // f64.convert_i64
        Set(0xBB, 0xBB, F32, None, F64);      // f64.promote_f32
        Set(0xBC, 0xBC, F32, None, I32);      // i32.reinterpret_f32
        Set(0xBD, 0xBD, F64, None, I64);      // i64.reinterpret_f64
        Set(0xBE, 0xBE, I32, None, F32);      // f32.reinterpret_i32
        Set(0xBF, 0xBF, I64, None, F64);      // f64.reinterpret_i64
        Set(0xC0, 0xC1, I32, None, I32);      // i32.extend8_s / 16_s
        Set(0xC2, 0xC4, I64, None, I64);      // i64.extend8_s / 16_s / 32_s
        return table;
    }
}
