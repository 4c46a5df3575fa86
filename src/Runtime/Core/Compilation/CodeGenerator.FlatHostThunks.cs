using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

/// <summary>A host callback on raw bits: the core arguments one <c>ulong</c> slot each (i32 zero-extended, floats
/// as their bit patterns), the single result (if any) returned the same way. Used by the component layer's fused
/// adapters, which move values as raw bits anyway.</summary>
internal unsafe delegate ulong FlatHostCallback(ulong* args);

/// <summary>Flat host thunks: the compiled-function calling convention on the wasm side, a
/// <see cref="FlatHostCallback"/> on the C# side. Between an untyped host thunk (an <c>object[]</c>, a box per
/// value, <see cref="ValueBox"/> arrays) and a typed one (a delegate type per signature, exceptions wrapped): the
/// arguments are written to a stack buffer, nothing is allocated, and the callback's exceptions propagate
/// unchanged, as the component layer needs (its traps and errors keep their own types).</summary>
internal sealed partial class CodeGenerator
{
    private readonly Dictionary<FuncType, nint> _flatHostThunks = [];

    /// <summary>The thunk's code for <paramref name="type"/> (at most one result; numeric types only), or null
    /// when the type has a result count or value type the raw-bits convention cannot carry.</summary>
    public nint? FlatHostThunk(FuncType type)
    {
        if (type.Results.Length > 1) return null;
        foreach (var t in type.Params.Concat(type.Results))
        {
            if (t is not (ValType.I32 or ValType.I64 or ValType.F32 or ValType.F64)) return null;
        }
        lock (_lock)
        {
            if (_flatHostThunks.TryGetValue(type, out var cached)) return cached;
            var tb = NewType("FlatHost");
            var mb = tb.DefineMethod("Invoke", MethodAttributes.Public | MethodAttributes.Static,
                ClrTypes.ReturnType(type.Results), ClrTypes.ParameterTypes(type));
            // Every slot is written before the callback runs: no need to zero the buffer.
            mb.InitLocals = false;
            EmitFlatHostBody(mb.GetILGenerator(), type);
            var code = tb.CreateType().GetMethod("Invoke")!.MethodHandle.GetFunctionPointer();
            _flatHostThunks[type] = code;
            return code;
        }
    }

    private static unsafe void EmitFlatHostBody(ILGenerator il, FuncType type)
    {
        int n = type.Params.Length;
        var buffer = il.DeclareLocal(typeof(ulong*));
        if (n > 0)
        {
            il.Emit(OpCodes.Ldc_I4, n * sizeof(ulong));
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Localloc);
            il.Emit(OpCodes.Stloc, buffer);
            for (int i = 0; i < n; i++)
            {
                il.Emit(OpCodes.Ldloc, buffer);
                if (i > 0)
                {
                    il.Emit(OpCodes.Ldc_I4, i * sizeof(ulong));
                    il.Emit(OpCodes.Add);
                }
                il.Emit(OpCodes.Ldarg, (short)i);
                switch (type.Params[i])
                {
                    case ValType.I32:
                        il.Emit(OpCodes.Conv_U8); // the i32 bit pattern, zero-extended
                        break;
                    case ValType.F32:
                        il.Emit(OpCodes.Call, Bits(nameof(BitConverter.SingleToUInt32Bits)));
                        il.Emit(OpCodes.Conv_U8);
                        break;
                    case ValType.F64:
                        il.Emit(OpCodes.Call, Bits(nameof(BitConverter.DoubleToUInt64Bits)));
                        break;
                }
                il.Emit(OpCodes.Stind_I8);
            }
        }
        else
        {
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Stloc, buffer);
        }
        // The context is the HostFunctionContext built with this thunk (HostFunctions.CreateFlat) and its callback a
        // FlatHostCallback, so neither is cast: unverifiable IL, which the runtime runs as is (as the rest of the
        // compiled code's direct field accesses), and two type checks fewer on a path measured in nanoseconds.
        il.Emit(OpCodes.Ldarg, (short)n);
        il.Emit(OpCodes.Ldfld, typeof(HostFunctionContext).GetField(nameof(HostFunctionContext.Callback))!);
        il.Emit(OpCodes.Ldloc, buffer);
        il.Emit(OpCodes.Callvirt, typeof(FlatHostCallback).GetMethod("Invoke")!);
        if (type.Results.Length == 0) il.Emit(OpCodes.Pop);
        else
        {
            switch (type.Results[0])
            {
                case ValType.I32:
                    il.Emit(OpCodes.Conv_I4);
                    break;
                case ValType.F32:
                    il.Emit(OpCodes.Conv_U4);
                    il.Emit(OpCodes.Call, Bits(nameof(BitConverter.UInt32BitsToSingle)));
                    break;
                case ValType.F64:
                    il.Emit(OpCodes.Call, Bits(nameof(BitConverter.UInt64BitsToDouble)));
                    break;
            }
        }
        il.Emit(OpCodes.Ret);
    }

    private static MethodInfo Bits(string name) => typeof(BitConverter).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
}
