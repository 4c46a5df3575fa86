namespace WitSharp.Core.Binary;

/// <summary>Memory section (spec 5.5.8). Whether more than one memory is allowed is a validation
/// question ("multiple memories"), not a decoding one.</summary>
internal static class MemorySectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        int count = r.ReadVectorLength(2);
        for (int i = 0; i < count; i++) module.Memories.Add(TypeReader.ReadMemoryType(ref r));
    }
}
