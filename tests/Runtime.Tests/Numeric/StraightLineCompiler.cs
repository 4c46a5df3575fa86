using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Compilation;

namespace WitSharp.Runtime.Tests.Numeric;

/// <summary>A compiled test function. Arguments and the result travel as raw bits (i32/f32 as int, i64/f64
/// as long) and are reinterpreted inside the method, so no NaN payload is touched on the way.</summary>
internal sealed class CompiledFunction(DynamicMethod method, FuncType type)
{
    public FuncType Type { get; } = type;

    /// <summary>Runs the function; a trap surfaces as <see cref="TestTrapException"/>.</summary>
    public ulong Invoke(params ulong[] args)
    {
        var boxed = new object[args.Length];
        for (int i = 0; i < args.Length; i++)
            boxed[i] = IsWide(Type.Params[i]) ? (long)args[i] : (object)(int)(uint)args[i];
        try
        {
            object? result = method.Invoke(null, boxed);
            return result switch { int v => (uint)v, long v => (ulong)v, null => 0, _ => throw new InvalidOperationException("unexpected result") };
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    internal static bool IsWide(ValType t) => t is ValType.I64 or ValType.F64;
}

/// <summary>Compiles a function body made only of <c>local.get</c> (of parameters), constants, <c>drop</c> and numeric
/// instructions (emitted by <see cref="NumericEmitter"/>) into a <see cref="DynamicMethod"/>, the way the
/// backend would, so the spec tests' arithmetic functions run without the rest of the compiler.</summary>
internal static class StraightLineCompiler
{
    private static readonly MethodInfo s_bitsToSingle = typeof(BitConverter).GetMethod(nameof(BitConverter.Int32BitsToSingle))!;
    private static readonly MethodInfo s_bitsToDouble = typeof(BitConverter).GetMethod(nameof(BitConverter.Int64BitsToDouble))!;
    private static readonly MethodInfo s_singleToBits = typeof(BitConverter).GetMethod(nameof(BitConverter.SingleToInt32Bits))!;
    private static readonly MethodInfo s_doubleToBits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;

    /// <summary>Compiles <paramref name="body"/> or returns null when it holds anything but parameters,
    /// constants, drop and numeric instructions, declares locals, has no numeric instruction or several results.</summary>
    public static CompiledFunction? TryCompile(FuncType type, FunctionBody body, string name)
    {
        if (type.Results.Length > 1 || body.Locals.Length != 0 || !type.Params.All(p => p.IsNumeric()) || !type.Results.All(r => r.IsNumeric()))
            return null;
        if (!IsStraightLine(body.Code, type.Params.Length))
            return null;
        var method = new DynamicMethod(name, type.Results.Length == 0 ? typeof(void) : BitsType(type.Results[0]), type.Params.Select(BitsType).ToArray(), typeof(StraightLineCompiler).Module, skipVisibility: true);
        var ctx = new TestEmitContext(method.GetILGenerator());
        Emit(ctx, body.Code, type);
        if (ctx.OutstandingTemps != 0)
            throw new InvalidOperationException($"{name}: emitter kept {ctx.OutstandingTemps} temp(s)");
        return new CompiledFunction(method, type);
    }

    /// <summary>Compiles a body given as raw code bytes (ending in <c>end</c>); throws if not straight-line.</summary>
    public static CompiledFunction Compile(FuncType type, params byte[] code) =>
        TryCompile(type, new FunctionBody([], code, 0), "test") ?? throw new ArgumentException("not a straight-line numeric body");

    private static Type BitsType(ValType t) => CompiledFunction.IsWide(t) ? typeof(long) : typeof(int);

    private static bool IsStraightLine(ReadOnlyMemory<byte> code, int paramCount)
    {
        var reader = new WasmReader(code);
        int numeric = 0;
        while (!reader.AtEnd)
        {
            byte op = reader.ReadByte();
            switch (op)
            {
                case Opcode.End: return reader.AtEnd && numeric > 0;
                case Opcode.Return: return reader.Remaining == 1 && reader.PeekByte() == Opcode.End && numeric > 0;
                case Opcode.LocalGet: if (reader.ReadVarU32() >= paramCount) return false; break;
                case Opcode.Drop: break;
                case Opcode.I32Const: reader.ReadVarS32(); break;
                case Opcode.I64Const: reader.ReadVarS64(); break;
                case Opcode.F32Const: reader.ReadF32Bits(); break;
                case Opcode.F64Const: reader.ReadF64Bits(); break;
                case >= Opcode.I32Eqz and <= Opcode.I64Extend32S: numeric++; break;
                case Opcode.PrefixFC: if (reader.ReadVarU32() > OpcodeFC.I64TruncSatF64U) return false; numeric++; break;
                default: return false;
            }
        }
        return false;
    }

    private static void Emit(TestEmitContext ctx, ReadOnlyMemory<byte> code, FuncType type)
    {
        var il = ctx.IL;
        var reader = new WasmReader(code);
        while (true)
        {
            byte op = reader.ReadByte();
            switch (op)
            {
                case Opcode.Return:
                    break; // only ever right before the final end (IsStraightLine)
                case Opcode.Drop: il.Emit(OpCodes.Pop); break;
                case Opcode.End:
                    if (type.Results is [ValType.F32]) il.Emit(OpCodes.Call, s_singleToBits);
                    if (type.Results is [ValType.F64]) il.Emit(OpCodes.Call, s_doubleToBits);
                    il.Emit(OpCodes.Ret);
                    ctx.EmitTrapBlocks();
                    return;
                case Opcode.LocalGet:
                    {
                        int index = (int)reader.ReadVarU32();
                        il.Emit(OpCodes.Ldarg, (short)index);
                        if (type.Params[index] == ValType.F32) il.Emit(OpCodes.Call, s_bitsToSingle);
                        if (type.Params[index] == ValType.F64) il.Emit(OpCodes.Call, s_bitsToDouble);
                        break;
                    }
                case Opcode.I32Const: il.Emit(OpCodes.Ldc_I4, reader.ReadVarS32()); break;
                case Opcode.I64Const: il.Emit(OpCodes.Ldc_I8, reader.ReadVarS64()); break;
                case Opcode.F32Const: NumericEmitter.EmitF32Const(il, reader.ReadF32Bits()); break;
                case Opcode.F64Const: NumericEmitter.EmitF64Const(il, reader.ReadF64Bits()); break;
                case Opcode.PrefixFC:
                    {
                        uint sub = reader.ReadVarU32();
                        if (!NumericEmitter.TryEmitSaturating(ctx, sub))
                            throw new InvalidOperationException($"TryEmitSaturating refused 0xFC {sub}");
                        break;
                    }
                default:
                    if (!NumericEmitter.TryEmit(ctx, op))
                        throw new InvalidOperationException($"TryEmit refused 0x{op:x2}");
                    break;
            }
        }
    }
}
