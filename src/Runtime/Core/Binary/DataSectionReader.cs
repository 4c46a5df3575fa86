namespace WitSharp.Core.Binary;

/// <summary>Data section (spec 5.5.14): flags 0 (active, memory 0), 1 (passive), 2 (active, explicit memory).</summary>
internal static class DataSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        int count = r.ReadVectorLength(1);
        module.Data.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            int at = r.Offset;
            uint flags = r.ReadVarU32();
            uint memory = 0;
            ConstExpr? offset = null;
            switch (flags)
            {
                case 0:
                    offset = ConstExprReader.Read(ref r);
                    break;
                case 1:
                    break;
                case 2:
                    memory = r.ReadVarU32();
                    offset = ConstExprReader.Read(ref r);
                    break;
                default:
                    throw r.ErrorAt("malformed data segment kind", at);
            }

            int length = r.ReadVectorLength(1);
            var bytes = r.ReadBytes(length);
            module.Data.Add(new DataSegment(flags == 1 ? SegmentMode.Passive : SegmentMode.Active, bytes)
            {
                MemoryIndex = memory,
                Offset = offset,
            });
        }
    }
}
