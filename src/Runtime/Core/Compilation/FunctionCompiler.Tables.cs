using System.Reflection.Emit;

namespace WitSharp.Core.Compilation;

internal sealed partial class FunctionCompiler
{
    private void EmitTableGet(uint table)
    {
        var index = RentTemp(typeof(int));
        var elements = RentTemp(typeof(object[]));
        _il.Emit(OpCodes.Stloc, index);
        string shape = StackShape(consumed: 1);
        EmitElementSlot(table, index, elements, SharedTrap((int)TrapCode.TableOutOfBounds, shape));
        _il.Emit(OpCodes.Ldelem_Ref);
        ReleaseTemp(index);
        ReleaseTemp(elements);
        Pop();
        Push(ModuleTypes.TableType(_info, table).ElementType);
    }

    private void EmitTableSet(uint table)
    {
        var value = RentTemp(typeof(object));
        var index = RentTemp(typeof(int));
        var elements = RentTemp(typeof(object[]));
        _il.Emit(OpCodes.Stloc, value);
        _il.Emit(OpCodes.Stloc, index);
        string shape = StackShape(consumed: 2);
        EmitElementSlot(table, index, elements, SharedTrap((int)TrapCode.TableOutOfBounds, shape));
        _il.Emit(OpCodes.Ldloc, value);
        _il.Emit(OpCodes.Stelem_Ref);
        ReleaseTemp(value);
        ReleaseTemp(index);
        ReleaseTemp(elements);
        Pop(2);
    }

    private void EmitTableSize(uint table)
    {
        EmitLoadTable(table);
        EmitField(OpCodes.Ldfld, F.TableElements);
        _il.Emit(OpCodes.Ldlen);
        _il.Emit(OpCodes.Conv_I4);
        Push(ValType.I32);
    }

    private void EmitTableGrow(uint table)
    {
        EmitLoadTable(table);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.TableGrow))!);
        Pop(2);
        Push(ValType.I32);
    }

    private void EmitTableFill(uint table)
    {
        FlushFuel();
        EmitLoadTable(table);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.TableFill))!);
        Pop(3);
    }

    private void EmitTableCopy(uint dst, uint src)
    {
        FlushFuel();
        EmitLoadTable(dst);
        EmitLoadTable(src);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.TableCopy))!);
        Pop(3);
    }

    private void EmitTableInit(uint table, uint elem)
    {
        FlushFuel();
        EmitLoadTable(table);
        _il.EmitLdarg(_ctxArg);
        _il.Emit(OpCodes.Ldc_I4, (int)elem);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.TableInit))!);
        Pop(3);
    }

    private void EmitElemDrop(uint elem)
    {
        _il.EmitLdarg(_ctxArg);
        _il.Emit(OpCodes.Ldc_I4, (int)elem);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.ElemDrop))!);
    }

    private void EmitMemoryInit(uint data)
    {
        FlushFuel();
        _il.EmitLdarg(_ctxArg);
        _il.Emit(OpCodes.Ldc_I4, (int)data);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.MemoryInit))!);
        Pop(3);
    }

    private void EmitDataDrop(uint data)
    {
        _il.EmitLdarg(_ctxArg);
        _il.Emit(OpCodes.Ldc_I4, (int)data);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.DataDrop))!);
    }

    private void EmitMemoryCopy()
    {
        FlushFuel();
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Memory0);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.MemoryCopy))!);
        Pop(3);
    }

    private void EmitMemoryFill()
    {
        FlushFuel();
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Memory0);
        _il.Emit(OpCodes.Call, typeof(BulkOps).GetMethod(nameof(BulkOps.MemoryFill))!);
        Pop(3);
    }
}
