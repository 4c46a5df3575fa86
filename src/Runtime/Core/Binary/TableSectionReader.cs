namespace WitSharp.Core.Binary;

/// <summary>Table section (spec 5.5.7).</summary>
internal static class TableSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        int count = r.ReadVectorLength(3);
        for (int i = 0; i < count; i++) module.Tables.Add(TypeReader.ReadTableType(ref r));
    }
}
