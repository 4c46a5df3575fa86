using System.Reflection.Emit;

namespace WitSharp.Core.Compilation;

/// <summary>The shortest IL encodings of argument accesses and constants (ECMA-335 III.3.38, III.3.40, III.3.61).
/// Wasm code is dense and its IL is not: every memory access carries a 64-bit bounds constant and every local
/// read of a parameter an argument index, so the long forms made up a third of a precompiled assembly's IL
/// (componentize-js: 12 MB of <c>ldc.i8</c>, 2.8 MB of <c>ldarg</c> in 45 MB). The JIT folds <c>ldc.i4;
/// conv.i8</c> into the same constant, so the native code does not change; a smaller image is faster to load and
/// to import, and it is what a saved artifact stores (docs/RATIONALE.md "Precompiled artifacts").</summary>
internal static class ShortForms
{
    public static void EmitLdarg(this ILGenerator il, int index)
    {
        switch (index)
        {
            case 0: il.Emit(OpCodes.Ldarg_0); break;
            case 1: il.Emit(OpCodes.Ldarg_1); break;
            case 2: il.Emit(OpCodes.Ldarg_2); break;
            case 3: il.Emit(OpCodes.Ldarg_3); break;
            case <= byte.MaxValue: il.Emit(OpCodes.Ldarg_S, (byte)index); break;
            default: il.Emit(OpCodes.Ldarg, (short)index); break;
        }
    }

    public static void EmitStarg(this ILGenerator il, int index)
    {
        if (index <= byte.MaxValue) il.Emit(OpCodes.Starg_S, (byte)index);
        else il.Emit(OpCodes.Starg, (short)index);
    }

    public static void EmitLdcI4(this ILGenerator il, int value)
    {
        switch (value)
        {
            case -1: il.Emit(OpCodes.Ldc_I4_M1); break;
            case 0: il.Emit(OpCodes.Ldc_I4_0); break;
            case 1: il.Emit(OpCodes.Ldc_I4_1); break;
            case 2: il.Emit(OpCodes.Ldc_I4_2); break;
            case 3: il.Emit(OpCodes.Ldc_I4_3); break;
            case 4: il.Emit(OpCodes.Ldc_I4_4); break;
            case 5: il.Emit(OpCodes.Ldc_I4_5); break;
            case 6: il.Emit(OpCodes.Ldc_I4_6); break;
            case 7: il.Emit(OpCodes.Ldc_I4_7); break;
            case 8: il.Emit(OpCodes.Ldc_I4_8); break;
            case >= sbyte.MinValue and <= sbyte.MaxValue: il.Emit(OpCodes.Ldc_I4_S, (sbyte)value); break;
            default: il.Emit(OpCodes.Ldc_I4, value); break;
        }
    }

    /// <summary>An int64 constant: <c>ldc.i4</c> (short form when it fits) and <c>conv.i8</c>, which sign-extends,
    /// when the value fits in 32 signed bits (3 bytes instead of 9 for a small memory offset); else <c>ldc.i8</c>.</summary>
    public static void EmitLdcI8(this ILGenerator il, long value)
    {
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            il.EmitLdcI4((int)value);
            il.Emit(OpCodes.Conv_I8);
        }
        else
        {
            il.Emit(OpCodes.Ldc_I8, value);
        }
    }
}
