using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal static partial class NumericEmitter
{
    /// <summary>Float unary and binary instructions (spec numerics: fabs … fcopysign).</summary>
    /// <remarks>
    /// abs, neg and copysign must be pure sign-bit operations that keep NaN payloads. IL <c>neg</c>,
    /// <see cref="MathF.Abs(float)"/> and <see cref="MathF.CopySign"/> (and their f64 twins) compile to exactly
    /// that (xorps/andps/bit blend on x64, fneg/fabs/bit select on arm64) without moving the value to an
    /// integer register. ceil/floor/trunc/nearest/sqrt are the IEEE 754 operations the spec names, with
    /// <see cref="MathF.Round(float)"/> rounding half to even as fnearest requires; all of them return a
    /// quiet NaN for a NaN input, which is the arithmetic NaN the spec allows.
    /// </remarks>
    private static partial bool EmitFloat(IEmitContext ctx, byte opcode)
    {
        var il = ctx.IL;
        switch (opcode)
        {
            case Opcode.F32Abs: Call(il, Float.Abs32); break;
            case Opcode.F64Abs: Call(il, Float.Abs64); break;
            case Opcode.F32Neg or Opcode.F64Neg: il.Emit(OpCodes.Neg); break;
            case Opcode.F32Ceil: Call(il, Float.Ceiling32); break;
            case Opcode.F64Ceil: Call(il, Float.Ceiling64); break;
            case Opcode.F32Floor: Call(il, Float.Floor32); break;
            case Opcode.F64Floor: Call(il, Float.Floor64); break;
            case Opcode.F32Trunc: Call(il, Float.Truncate32); break;
            case Opcode.F64Trunc: Call(il, Float.Truncate64); break;
            case Opcode.F32Nearest: Call(il, Float.Nearest32); break;
            case Opcode.F64Nearest: Call(il, Float.Nearest64); break;
            case Opcode.F32Sqrt: Call(il, Float.Sqrt32); break;
            case Opcode.F64Sqrt: Call(il, Float.Sqrt64); break;
            case Opcode.F32Add or Opcode.F64Add: il.Emit(OpCodes.Add); break;
            case Opcode.F32Sub or Opcode.F64Sub: il.Emit(OpCodes.Sub); break;
            case Opcode.F32Mul or Opcode.F64Mul: il.Emit(OpCodes.Mul); break;
            case Opcode.F32Div or Opcode.F64Div: il.Emit(OpCodes.Div); break;
            case Opcode.F32Min: Call(il, Float.Min32); break;
            case Opcode.F64Min: Call(il, Float.Min64); break;
            case Opcode.F32Max: Call(il, Float.Max32); break;
            case Opcode.F64Max: Call(il, Float.Max64); break;
            case Opcode.F32Copysign: Call(il, Float.CopySign32); break;
            case Opcode.F64Copysign: Call(il, Float.CopySign64); break;
            default: return false;
        }
        return true;
    }

    /// <summary>The <see cref="Math"/>, <see cref="MathF"/> and <see cref="NumericOps"/> methods the float
    /// instructions call.</summary>
    private static class Float
    {
        public static readonly MethodInfo Abs32 = Get(typeof(MathF), nameof(MathF.Abs), typeof(float));
        public static readonly MethodInfo Abs64 = Get(typeof(Math), nameof(Math.Abs), typeof(double));
        public static readonly MethodInfo Ceiling32 = Get(typeof(MathF), nameof(MathF.Ceiling), typeof(float));
        public static readonly MethodInfo Ceiling64 = Get(typeof(Math), nameof(Math.Ceiling), typeof(double));
        public static readonly MethodInfo Floor32 = Get(typeof(MathF), nameof(MathF.Floor), typeof(float));
        public static readonly MethodInfo Floor64 = Get(typeof(Math), nameof(Math.Floor), typeof(double));
        public static readonly MethodInfo Truncate32 = Get(typeof(MathF), nameof(MathF.Truncate), typeof(float));
        public static readonly MethodInfo Truncate64 = Get(typeof(Math), nameof(Math.Truncate), typeof(double));
        public static readonly MethodInfo Nearest32 = Get(typeof(MathF), nameof(MathF.Round), typeof(float));
        public static readonly MethodInfo Nearest64 = Get(typeof(Math), nameof(Math.Round), typeof(double));
        public static readonly MethodInfo Sqrt32 = Get(typeof(MathF), nameof(MathF.Sqrt), typeof(float));
        public static readonly MethodInfo Sqrt64 = Get(typeof(Math), nameof(Math.Sqrt), typeof(double));
        public static readonly MethodInfo CopySign32 = Get(typeof(MathF), nameof(MathF.CopySign), typeof(float), typeof(float));
        public static readonly MethodInfo CopySign64 = Get(typeof(Math), nameof(Math.CopySign), typeof(double), typeof(double));
        public static readonly MethodInfo Min32 = Get(typeof(NumericOps), nameof(NumericOps.MinF32), typeof(float), typeof(float));
        public static readonly MethodInfo Min64 = Get(typeof(NumericOps), nameof(NumericOps.MinF64), typeof(double), typeof(double));
        public static readonly MethodInfo Max32 = Get(typeof(NumericOps), nameof(NumericOps.MaxF32), typeof(float), typeof(float));
        public static readonly MethodInfo Max64 = Get(typeof(NumericOps), nameof(NumericOps.MaxF64), typeof(double), typeof(double));
    }

    /// <summary>Looks up a public static method by exact parameter types (fails at type load, not at emission).</summary>
    private static MethodInfo Get(Type owner, string name, params Type[] parameters) =>
        owner.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)
        ?? throw new MissingMethodException(owner.Name, name);
}
