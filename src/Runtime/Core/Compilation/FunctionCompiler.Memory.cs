using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal sealed partial class FunctionCompiler
{
    /// <summary>Bounds check with one unsigned 64-bit compare against the cached size (address, offset
    /// and access width cannot overflow 64 bits), then base + address + offset (spec 4.4.7 "Memory
    /// Instructions": trap when ea + N exceeds the memory's length).</summary>
    public void EmitEffectiveAddress(uint memoryIndex, ulong offset, int bytes)
    {
        if (_memBase is null) throw Unsupported("memory access without a memory");
        var ea = RentTemp(typeof(ulong));
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, ea);
        _il.Emit(OpCodes.Ldloc, ea);
        _il.EmitLdcI8((long)(offset + (ulong)bytes));
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Ldloc, _memSize!);
        // The trap block's IL stack is this frame's operands without the address operand (already popped
        // from the IL stack); Pop() on the type stack happens in the caller after this returns, so consume 1.
        _il.Emit(OpCodes.Bgt_Un, TrapHere((int)TrapCode.MemoryOutOfBounds, consumed: _addressDepth));
        _il.Emit(OpCodes.Ldloc, _memBase);
        _il.Emit(OpCodes.Ldloc, ea);
        if (offset != 0)
        {
            _il.EmitLdcI8((long)offset);
            _il.Emit(OpCodes.Add);
        }
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Add);
        ReleaseTemp(ea);
    }

    /// <summary>How many type-stack entries at and above the address are not on the IL stack while
    /// <see cref="EmitEffectiveAddress"/> runs (1 for loads: the address itself; 2 for stores: address and stashed value).</summary>
    private int _addressDepth = 1;

    private void EmitMemoryAccess(byte op, ulong offset)
    {
        if (op >= Opcode.I32Store)
        {
            EmitStore(op, offset);
            return;
        }
        var (bytes, result) = op switch
        {
            Opcode.I32Load => (4, ValType.I32),
            Opcode.I64Load => (8, ValType.I64),
            Opcode.F32Load => (4, ValType.F32),
            Opcode.F64Load => (8, ValType.F64),
            Opcode.I32Load8S or Opcode.I32Load8U => (1, ValType.I32),
            Opcode.I32Load16S or Opcode.I32Load16U => (2, ValType.I32),
            Opcode.I64Load8S or Opcode.I64Load8U => (1, ValType.I64),
            Opcode.I64Load16S or Opcode.I64Load16U => (2, ValType.I64),
            _ => (4, ValType.I64),
        };
        _addressDepth = 1;
        EmitEffectiveAddress(0, offset, bytes);
        Pop();
        if (bytes > 1) _il.Emit(OpCodes.Unaligned, (byte)1);
        switch (op)
        {
            case Opcode.I32Load: _il.Emit(OpCodes.Ldind_I4); break;
            case Opcode.I64Load: _il.Emit(OpCodes.Ldind_I8); break;
            // Float loads and stores move bits unchanged on every 64-bit .NET target (movss/movsd, ldr/str
            // s/d registers); going through integer registers cost a GPR↔XMM move per access (matmul 2x).
            case Opcode.F32Load: _il.Emit(OpCodes.Ldind_R4); break;
            case Opcode.F64Load: _il.Emit(OpCodes.Ldind_R8); break;
            case Opcode.I32Load8S: _il.Emit(OpCodes.Ldind_I1); break;
            case Opcode.I32Load8U: _il.Emit(OpCodes.Ldind_U1); break;
            case Opcode.I32Load16S: _il.Emit(OpCodes.Ldind_I2); break;
            case Opcode.I32Load16U: _il.Emit(OpCodes.Ldind_U2); break;
            case Opcode.I64Load8S: _il.Emit(OpCodes.Ldind_I1); _il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Load8U: _il.Emit(OpCodes.Ldind_U1); _il.Emit(OpCodes.Conv_U8); break;
            case Opcode.I64Load16S: _il.Emit(OpCodes.Ldind_I2); _il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Load16U: _il.Emit(OpCodes.Ldind_U2); _il.Emit(OpCodes.Conv_U8); break;
            case Opcode.I64Load32S: _il.Emit(OpCodes.Ldind_I4); _il.Emit(OpCodes.Conv_I8); break;
            default: _il.Emit(OpCodes.Ldind_U4); _il.Emit(OpCodes.Conv_U8); break;
        }
        Push(result);
    }

    private void EmitStore(byte op, ulong offset)
    {
        var t = _stack[^1];
        var value = RentTemp(ClrTypes.Of(t));
        _il.Emit(OpCodes.Stloc, value);
        int bytes = op switch
        {
            Opcode.I32Store or Opcode.F32Store or Opcode.I64Store32 => 4,
            Opcode.I64Store or Opcode.F64Store => 8,
            Opcode.I32Store8 or Opcode.I64Store8 => 1,
            _ => 2,
        };
        _addressDepth = 2;
        EmitEffectiveAddress(0, offset, bytes);
        _addressDepth = 1;
        Pop(2);
        _il.Emit(OpCodes.Ldloc, value);
        ReleaseTemp(value);
        // Value conversions first: the unaligned. prefix must sit directly on the stind.
        if (op is Opcode.I64Store8 or Opcode.I64Store16 or Opcode.I64Store32) _il.Emit(OpCodes.Conv_I4);
        if (bytes > 1) _il.Emit(OpCodes.Unaligned, (byte)1);
        switch (op)
        {
            case Opcode.F32Store: _il.Emit(OpCodes.Stind_R4); break;
            case Opcode.F64Store: _il.Emit(OpCodes.Stind_R8); break;
            case Opcode.I64Store: _il.Emit(OpCodes.Stind_I8); break;
            case Opcode.I32Store8 or Opcode.I64Store8: _il.Emit(OpCodes.Stind_I1); break;
            case Opcode.I32Store16 or Opcode.I64Store16: _il.Emit(OpCodes.Stind_I2); break;
            default: _il.Emit(OpCodes.Stind_I4); break;
        }
    }

    private void EmitMemorySize()
    {
        _il.Emit(OpCodes.Ldloc, _memSize!);
        _il.Emit(OpCodes.Ldc_I4, 16);
        _il.Emit(OpCodes.Shr_Un);
        _il.Emit(OpCodes.Conv_I4);
        Push(ValType.I32);
    }

    private void EmitMemoryGrow()
    {
        FlushFuel();
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Memory0);
        _il.Emit(OpCodes.Call, M.MemoryGrow);
        ReloadMemory();
    }
}
