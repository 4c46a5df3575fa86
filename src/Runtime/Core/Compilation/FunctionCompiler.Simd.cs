using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Simd;

namespace WitSharp.Core.Compilation;

internal sealed partial class FunctionCompiler
{
    /// <summary>SIMD instructions: one call to the <see cref="SimdOps"/> method named by the opcode table,
    /// with immediates appended as the calling convention of SimdOps describes (lane → trailing int,
    /// shuffle → trailing lane-index vector, memory ops → a checked <c>byte*</c> first).</summary>
    private void EmitSimd(uint sub)
    {
        if (!SimdOpcodes.TryGet(sub, out var info)) throw Unsupported($"0xFD {sub}");
        switch (info.Immediate)
        {
            case SimdImmediate.V128Const:
            {
                var bytes = _r.ReadBytes(16).Span;
                _il.Emit(OpCodes.Ldc_I8, System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes));
                _il.Emit(OpCodes.Ldc_I8, System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]));
                _il.Emit(OpCodes.Call, SimdMethod(info));
                break;
            }
            case SimdImmediate.Shuffle16:
            {
                var bytes = _r.ReadBytes(16).Span;
                _il.Emit(OpCodes.Ldc_I8, System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes));
                _il.Emit(OpCodes.Ldc_I8, System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]));
                _il.Emit(OpCodes.Call, SimdConst);
                _il.Emit(OpCodes.Call, SimdMethod(info));
                break;
            }
            case SimdImmediate.Lane:
                _il.Emit(OpCodes.Ldc_I4, (int)_r.ReadByte());
                _il.Emit(OpCodes.Call, SimdMethod(info));
                break;
            case SimdImmediate.MemArg:
            {
                _r.ReadVarU32();
                ulong offset = _r.ReadVarU32();
                if (info.IsStore)
                {
                    var v = RentTemp(typeof(System.Runtime.Intrinsics.Vector128<byte>));
                    _il.Emit(OpCodes.Stloc, v);
                    _addressDepth = 2;
                    EmitEffectiveAddress(0, offset, info.AccessBytes);
                    _addressDepth = 1;
                    _il.Emit(OpCodes.Ldloc, v);
                    ReleaseTemp(v);
                }
                else
                {
                    _addressDepth = 1;
                    EmitEffectiveAddress(0, offset, info.AccessBytes);
                }
                _il.Emit(OpCodes.Call, SimdMethod(info));
                break;
            }
            case SimdImmediate.MemArgLane:
            {
                _r.ReadVarU32();
                ulong offset = _r.ReadVarU32();
                int lane = _r.ReadByte();
                var v = RentTemp(typeof(System.Runtime.Intrinsics.Vector128<byte>));
                _il.Emit(OpCodes.Stloc, v);
                _addressDepth = 2;
                EmitEffectiveAddress(0, offset, info.AccessBytes);
                _addressDepth = 1;
                _il.Emit(OpCodes.Ldloc, v);
                ReleaseTemp(v);
                _il.Emit(OpCodes.Ldc_I4, lane);
                _il.Emit(OpCodes.Call, SimdMethod(info));
                break;
            }
            default:
                _il.Emit(OpCodes.Call, SimdMethod(info));
                break;
        }
        Pop(info.Params.Length);
        _stack.AddRange(info.Results);
    }

    private static MethodInfo SimdConst =>
        typeof(SimdOps).GetMethod("V128Const", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw Unsupported("v128 constants (SimdOps.V128Const is missing)");

    private static MethodInfo SimdMethod(SimdOpInfo info) =>
        typeof(SimdOps).GetMethod(info.MethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw Unsupported($"{info.Name} (SimdOps.{info.MethodName} is missing)");

    private void SkipSimd()
    {
        uint sub = _r.ReadVarU32();
        if (!SimdOpcodes.TryGet(sub, out var info)) throw Unsupported($"0xFD {sub}");
        switch (info.Immediate)
        {
            case SimdImmediate.V128Const or SimdImmediate.Shuffle16: _r.ReadBytes(16); break;
            case SimdImmediate.Lane: _r.ReadByte(); break;
            case SimdImmediate.MemArg: _r.ReadVarU32(); _r.ReadVarU32(); break;
            case SimdImmediate.MemArgLane: _r.ReadVarU32(); _r.ReadVarU32(); _r.ReadByte(); break;
        }
    }
}
