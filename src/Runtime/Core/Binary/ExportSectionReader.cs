namespace WitSharp.Core.Binary;

/// <summary>Export section (spec 5.5.10). Name uniqueness is checked by the validator.</summary>
internal static class ExportSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        int count = r.ReadVectorLength(3);
        module.Exports.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            string name = r.ReadName();
            int at = r.Offset;
            byte kind = r.ReadByte();
            if (kind > 3) throw r.ErrorAt("malformed export kind", at);
            module.Exports.Add(new Export(name, (ExternKind)kind, r.ReadVarU32()));
        }
    }
}
