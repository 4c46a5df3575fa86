namespace WitSharp.Core.Binary;

/// <summary>Function section (spec 5.5.6): the type index of each function the code section defines.</summary>
internal static class FunctionSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        int count = r.ReadVectorLength(1);
        module.FunctionTypeIndices.EnsureCapacity(count);
        for (int i = 0; i < count; i++) module.FunctionTypeIndices.Add(r.ReadVarU32());
    }
}
