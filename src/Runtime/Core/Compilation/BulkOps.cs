using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

/// <summary>Bulk memory and table instructions (spec 4.4.6 "Table Instructions", 4.4.7 "Memory
/// Instructions"), called from compiled code with the wasm operands in stack order followed by the
/// instance objects. Bounds are checked before anything is written, so a trapping copy writes nothing
/// (the semantics since the bulk-memory proposal).</summary>
internal static unsafe class BulkOps
{
    public static int TableGrow(object? init, int delta, TableInstance table) => table.Grow((uint)delta, init);

    public static void TableFill(int start, object? value, int count, TableInstance table)
    {
        var e = table.Elements;
        if ((ulong)(uint)start + (uint)count > (ulong)e.Length) throw Trap.TableOutOfBounds();
        Array.Fill(e, value, start, count);
    }

    public static void TableCopy(int dst, int src, int count, TableInstance to, TableInstance from)
    {
        if ((ulong)(uint)dst + (uint)count > (ulong)to.Elements.Length
            || (ulong)(uint)src + (uint)count > (ulong)from.Elements.Length)
            throw Trap.TableOutOfBounds();
        Array.Copy(from.Elements, src, to.Elements, dst, count);
    }

    public static void TableInit(int dst, int src, int count, TableInstance table, InstanceContext ctx, int segment)
    {
        var seg = ctx.ElementSegments[segment];
        if ((ulong)(uint)dst + (uint)count > (ulong)table.Elements.Length
            || (ulong)(uint)src + (uint)count > (ulong)seg.Length)
            throw Trap.TableOutOfBounds();
        Array.Copy(seg, src, table.Elements, dst, count);
    }

    public static void ElemDrop(InstanceContext ctx, int segment) => ctx.ElementSegments[segment] = [];

    public static void MemoryInit(int dst, int src, int count, InstanceContext ctx, int segment)
    {
        var seg = ctx.DataSegments[segment];
        var mem = ctx.Memory0!;
        if ((ulong)(uint)dst + (uint)count > mem.Length || (ulong)(uint)src + (uint)count > (ulong)seg.Length)
            throw Trap.MemoryOutOfBounds();
        seg.AsSpan(src, count).CopyTo(new Span<byte>(mem.Base + (uint)dst, count));
    }

    public static void DataDrop(InstanceContext ctx, int segment) => ctx.DataSegments[segment] = [];

    public static void MemoryCopy(int dst, int src, int count, MemoryInstance mem)
    {
        if ((ulong)(uint)dst + (uint)count > mem.Length || (ulong)(uint)src + (uint)count > mem.Length)
            throw Trap.MemoryOutOfBounds();
        Buffer.MemoryCopy(mem.Base + (uint)src, mem.Base + (uint)dst, (uint)count, (uint)count);
    }

    public static void MemoryFill(int dst, int value, int count, MemoryInstance mem)
    {
        if ((ulong)(uint)dst + (uint)count > mem.Length) throw Trap.MemoryOutOfBounds();
        System.Runtime.InteropServices.NativeMemory.Fill(mem.Base + (uint)dst, (uint)count, (byte)value);
    }
}
