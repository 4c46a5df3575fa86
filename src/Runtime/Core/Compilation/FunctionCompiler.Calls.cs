using System.Reflection.Emit;
using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

internal sealed partial class FunctionCompiler
{
    /// <summary><c>call</c>: a direct IL <c>call</c> to a function of this module (RyuJIT may inline small
    /// ones); imports go through their <see cref="FunctionInstance"/> with <c>calli</c> (DESIGN.md "Calls").</summary>
    private void EmitCall(uint index)
    {
        FlushFuel();
        var type = ModuleTypes.FunctionType(_info, index);
        if (index >= _info.ImportedFunctionCount)
        {
            _il.EmitLdarg(_ctxArg);
            _il.Emit(OpCodes.Call, _m.Methods[index - _info.ImportedFunctionCount]);
        }
        else
        {
            var f = RentTemp(typeof(FunctionInstance));
            _il.EmitLdarg(_ctxArg);
            EmitField(OpCodes.Ldfld, F.Functions);
            _il.EmitLdcI4((int)index);
            _il.Emit(OpCodes.Ldelem_Ref);
            _il.Emit(OpCodes.Stloc, f);
            _il.Emit(OpCodes.Ldloc, f);
            EmitField(OpCodes.Ldfld, F.FuncContext);
            _il.Emit(OpCodes.Ldloc, f);
            EmitField(OpCodes.Ldfld, F.FuncCode);
            ReleaseTemp(f);
            EmitCalli(type);
        }
        AfterCall(type);
    }

    private void EmitCalli(FuncType type) =>
        _il.EmitCalli(OpCodes.Calli, System.Reflection.CallingConventions.Standard,
            ClrTypes.ReturnType(type.Results), ClrTypes.ParameterTypes(type), null);

    private void AfterCall(FuncType type)
    {
        Pop(type.Params.Length);
        if (type.Results.Length > 1)
        {
            var tuple = ClrTypes.ReturnType(type.Results);
            var temp = RentTemp(tuple);
            ClrTypes.EmitUnpack(_il, tuple, type.Results.Length, temp);
            ReleaseTemp(temp);
        }
        _stack.AddRange(type.Results);
        ReloadMemory();
    }

    /// <summary><c>call_indirect</c> (spec 4.4.8): bounds check ("undefined element"), null check
    /// ("uninitialized element"), one integer compare of engine-wide signature ids (the expected one from the module's SignatureTable field), then <c>calli</c>.</summary>
    private void EmitCallIndirect(uint typeIndex, uint tableIndex)
    {
        FlushFuel();
        var type = _info.Types[(int)typeIndex];
        var index = RentTemp(typeof(int));
        var elements = RentTemp(typeof(object[]));
        var f = RentTemp(typeof(FunctionInstance));
        _il.Emit(OpCodes.Stloc, index);
        string shape = StackShape(consumed: 1);
        EmitElementSlot(tableIndex, index, elements, SharedTrap((int)TrapKind.UndefinedElement, shape));
        _il.Emit(OpCodes.Ldelem_Ref);
        // Funcref tables hold only FunctionInstance or null (validation, Table.SetElement), so no type check.
        _il.Emit(OpCodes.Call, UnsafeAsFunction);
        _il.Emit(OpCodes.Stloc, f);
        _il.Emit(OpCodes.Ldloc, f);
        _il.Emit(OpCodes.Brfalse, SharedTrap((int)TrapCode.IndirectCallToNull, shape));
        _il.Emit(OpCodes.Ldloc, f);
        EmitField(OpCodes.Ldfld, F.FuncSignature);
        // A read-only static, not a constant: ids are per engine, code may be saved and loaded by another (SignatureTable).
        _il.Emit(OpCodes.Ldsfld, _m.SignatureFields[typeIndex]);
        _il.Emit(OpCodes.Bne_Un, SharedTrap((int)TrapCode.BadSignature, shape));
        _il.Emit(OpCodes.Ldloc, f);
        EmitField(OpCodes.Ldfld, F.FuncContext);
        _il.Emit(OpCodes.Ldloc, f);
        EmitField(OpCodes.Ldfld, F.FuncCode);
        ReleaseTemp(index);
        ReleaseTemp(elements);
        ReleaseTemp(f);
        Pop();
        EmitCalli(type);
        AfterCall(type);
    }

    private static readonly System.Reflection.MethodInfo UnsafeAsFunction =
        typeof(System.Runtime.CompilerServices.Unsafe).GetMethods()
            .Single(m => m.Name == "As" && m.GetGenericArguments().Length == 1 && m.GetParameters()[0].ParameterType == typeof(object))
            .MakeGenericMethod(typeof(FunctionInstance));

    /// <summary>Loads table <paramref name="tableIndex"/>'s element array into <paramref name="elements"/>,
    /// branches to <paramref name="outOfBounds"/> when the i32 in <paramref name="index"/> is not below its
    /// length (one unsigned compare), and leaves the array and the index on the IL stack for
    /// <c>ldelem.ref</c>/<c>stelem.ref</c>. Shared by <c>call_indirect</c>, <c>table.get</c> and <c>table.set</c>.</summary>
    private void EmitElementSlot(uint tableIndex, LocalBuilder index, LocalBuilder elements, Label outOfBounds)
    {
        EmitLoadTable(tableIndex);
        EmitField(OpCodes.Ldfld, F.TableElements);
        _il.Emit(OpCodes.Stloc, elements);
        _il.Emit(OpCodes.Ldloc, index);
        _il.Emit(OpCodes.Ldloc, elements);
        _il.Emit(OpCodes.Ldlen);
        _il.Emit(OpCodes.Conv_I4);
        _il.Emit(OpCodes.Bge_Un, outOfBounds);
        _il.Emit(OpCodes.Ldloc, elements);
        _il.Emit(OpCodes.Ldloc, index);
    }

    private void EmitLoadTable(uint tableIndex)
    {
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Tables);
        _il.Emit(OpCodes.Ldc_I4, (int)tableIndex);
        _il.Emit(OpCodes.Ldelem_Ref);
    }
}
