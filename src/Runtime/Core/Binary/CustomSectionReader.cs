namespace WitSharp.Core.Binary;

/// <summary>Custom sections (spec 5.5.3): kept as name and content. The "name" section (spec 7.4)
/// also fills <see cref="ModuleInfo.FunctionNames"/>; a malformed name section is ignored, as
/// engines do, because custom sections never affect a module's meaning.</summary>
internal static class CustomSectionReader
{
    private const byte ModuleNameSubsection = 0, FunctionNamesSubsection = 1;

    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        string name = r.ReadName();
        int contentOffset = r.Offset;
        var content = r.ReadBytes(r.Remaining);
        module.CustomSections.Add(new CustomSection(name, content, contentOffset));
        if (name == "name") ReadNames(content, contentOffset, module);
    }

    private static void ReadNames(ReadOnlyMemory<byte> content, int offset, ModuleInfo module)
    {
        var names = new Dictionary<uint, string>();
        string? moduleName = null;
        try
        {
            var r = new WasmReader(content, offset);
            while (!r.AtEnd)
            {
                byte id = r.ReadByte();
                int size = r.ReadVectorLength(1);
                var sub = new WasmReader(r.ReadBytes(size), r.Offset - size);
                if (id == ModuleNameSubsection)
                {
                    moduleName = sub.ReadName();
                }
                else if (id == FunctionNamesSubsection)
                {
                    int count = sub.ReadVectorLength(2);
                    for (int i = 0; i < count; i++)
                    {
                        uint index = sub.ReadVarU32();
                        names[index] = sub.ReadName();
                    }
                }
            }
        }
        catch (MalformedException)
        {
            return;
        }

        foreach (var (index, fn) in names) module.FunctionNames[index] = fn;
        if (moduleName is not null) module.ModuleName = moduleName;
    }
}
