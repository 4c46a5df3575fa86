using WitSharp.Core.Compilation;

namespace WitSharp.Core.Instances;

/// <summary>Module instantiation (spec 4.5.4 "Instantiation"): allocates the instance from resolved imports
/// and the compiled module, initialises globals, applies active element then data segments in order
/// (an out-of-bounds segment traps and leaves earlier writes in place, as the bulk-memory semantics say),
/// then runs the start function.</summary>
internal static class Instantiator
{
    public static InstanceContext Instantiate(Store store, CompiledModule module, object[] imports)
    {
        var info = module.Info;
        var limits = store.State.Limits;
        limits?.BumpResourceCounts(info.Memories.Count, info.Tables.Count);
        var ctx = new InstanceContext { Store = store.State, Module = module };
        var functions = new FunctionInstance[info.TotalFunctionCount];
        // Empty index spaces share the empty array (nothing ever writes into them).
        var tables = info.TotalTableCount == 0 ? [] : new TableInstance[info.TotalTableCount];
        var globals = info.TotalGlobalCount == 0 ? [] : new GlobalInstance[info.TotalGlobalCount];
        int fi = 0, ti = 0, gi = 0;
        for (int i = 0; i < imports.Length; i++)
        {
            switch (imports[i])
            {
                case FunctionInstance f:
                    functions[fi++] = f;
                    if (f.Context is HostFunctionContext host) host.Importer ??= ctx;
                    break;
                case TableInstance t: tables[ti++] = t; break;
                case MemoryInstance m: ctx.Memory0 = m; break;
                case GlobalInstance g: globals[gi++] = g; break;
            }
        }
        var plan = InstantiationPlan.For(module);
        var types = plan.Types;
        var signatureIds = plan.SignatureIds;
        var names = plan.Names;
        var referenced = plan.Referenced;
        var pointers = module.FunctionPointers;
        // Only functions that something other than a direct call can reach get an instance (InstantiationPlan.Referenced).
        for (int i = 0, index = info.ImportedFunctionCount; i < types.Length; i++, index++)
            if (referenced[i]) functions[index] = new FunctionInstance(types[i], signatureIds[i], pointers[i], ctx, names[i]);
        ctx.Functions = functions;
        foreach (var t in info.Tables)
        {
            limits?.CheckNewTable(t.Limits.Min);
            tables[ti++] = new TableInstance(t, null) { Owner = store.State };
        }
        ctx.Tables = tables;
        // With a prepared memory image (MemoryImage.cs) the active segments are applied as one block below and
        // are dropped from the start; only passive segments are copied out for memory.init.
        var image = MemoryImage.For(info);
        // Whether the active data segments are about to write into the memory defined here: the memory then
        // chooses a block whose first write costs no page fault (MemoryInstance.WrittenHeapThreshold).
        bool written = plan.WritesActiveData;
        foreach (var m in info.Memories)
        {
            if (m.Limits.Min > MemoryInstance.MaxPages32) throw new LinkException("memory size must be at most 65536 pages (4 GiB)");
            limits?.CheckNewMemory(m.Limits.Min);
            MemoryInstance mem;
            try
            {
                mem = new MemoryInstance(m, written);
            }
            catch (OutOfMemoryException e)
            {
                throw new WasmtimeException($"could not allocate a memory of {m.Limits.Min} pages", e);
            }
            mem.Owner = store.State;
            store.Own(mem);
            ctx.Memory0 = mem;
        }
        ctx.Globals = globals;
        foreach (var g in info.Globals)
        {
            var cell = new GlobalInstance(g.Type);
            cell.SetBoxed(ConstExprEvaluator.Evaluate(g.Init, ctx));
            globals[gi++] = cell;
        }

        var elements = info.Elements.Count == 0 ? [] : new object?[info.Elements.Count][];
        for (int i = 0; i < elements.Length; i++)
        {
            var seg = info.Elements[i];
            var refs = new object?[seg.Count];
            if (seg.FunctionIndices is { } idx)
                for (int j = 0; j < idx.Length; j++) refs[j] = functions[idx[j]];
            else
                for (int j = 0; j < refs.Length; j++) refs[j] = ConstExprEvaluator.Evaluate(seg.Expressions![j], ctx);
            elements[i] = refs;
        }
        ctx.ElementSegments = elements;
        var data = info.Data.Count == 0 ? [] : new byte[info.Data.Count][];
        for (int i = 0; i < data.Length; i++)
            data[i] = image is not null && info.Data[i].Mode == SegmentMode.Active ? [] : info.Data[i].Bytes.ToArray();
        ctx.DataSegments = data;

        for (int i = 0; i < elements.Length; i++)
        {
            var seg = info.Elements[i];
            if (seg.Mode == SegmentMode.Active)
            {
                int offset = (int)ConstExprEvaluator.Evaluate(seg.Offset!, ctx)!;
                BulkOps.TableInit(offset, 0, elements[i].Length, tables[seg.TableIndex], ctx, i);
            }
            if (seg.Mode != SegmentMode.Passive) elements[i] = [];
        }
        image?.CopyInto(ctx.Memory0!);
        for (int i = 0; image is null && i < data.Length; i++)
        {
            var seg = info.Data[i];
            if (seg.Mode == SegmentMode.Active)
            {
                int offset = (int)ConstExprEvaluator.Evaluate(seg.Offset!, ctx)!;
                if (ctx.Memory0 is null) throw Trap.MemoryOutOfBounds();
                BulkOps.MemoryInit(offset, 0, data[i].Length, ctx, i);
                data[i] = [];
            }
        }

        if (info.Start is uint start) DynamicCall.Invoke(functions[start], []);
        return ctx;
    }
}
