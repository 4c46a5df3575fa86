namespace WitSharp.Core.Binary;

/// <summary>Global section (spec 5.5.9): global type and initializer expression.</summary>
internal static class GlobalSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        // Smallest global: value type, mutability, and an initializer that is just `end`.
        int count = r.ReadVectorLength(3);
        module.Globals.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            var type = TypeReader.ReadGlobalType(ref r);
            module.Globals.Add(new GlobalDef(type, ConstExprReader.Read(ref r)));
        }
    }
}
