using System.Reflection.Emit;
using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

internal sealed partial class FunctionCompiler
{
    private void EmitLocalGet(uint index)
    {
        if (index < _type.Params.Length) _il.EmitLdarg((int)index);
        else _il.Emit(OpCodes.Ldloc, _locals[index]!);
        Push(_localTypes[index]);
    }

    private void EmitLocalSet(uint index, bool tee)
    {
        if (tee) _il.Emit(OpCodes.Dup);
        if (index < _type.Params.Length) _il.EmitStarg((int)index);
        else _il.Emit(OpCodes.Stloc, _locals[index]!);
        if (!tee) Pop();
    }

    private void EmitLoadGlobalCell(uint index)
    {
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Globals);
        _il.EmitLdcI4((int)index);
        _il.Emit(OpCodes.Ldelem_Ref);
    }

    private static System.Reflection.FieldInfo GlobalField(ValType t) =>
        typeof(GlobalInstance).GetField(GlobalInstance.FieldName(t))!;

    private void EmitGlobalGet(uint index)
    {
        var t = ModuleTypes.GlobalType(_info, index).ValueType;
        EmitLoadGlobalCell(index);
        EmitField(OpCodes.Ldfld, GlobalField(t));
        Push(t);
    }

    private void EmitGlobalSet(uint index)
    {
        var t = Pop();
        var value = RentTemp(ClrTypes.Of(t));
        _il.Emit(OpCodes.Stloc, value);
        EmitLoadGlobalCell(index);
        _il.Emit(OpCodes.Ldloc, value);
        EmitField(OpCodes.Stfld, GlobalField(ModuleTypes.GlobalType(_info, index).ValueType));
        ReleaseTemp(value);
    }

    private void EmitRefFunc(uint index)
    {
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Functions);
        _il.EmitLdcI4((int)index);
        _il.Emit(OpCodes.Ldelem_Ref);
        Push(ValType.FuncRef);
    }
}
