namespace WitSharp.Core.Binary;

/// <summary>Type section (spec 5.5.4): a vector of function types, each <c>0x60 params results</c>.</summary>
internal static class TypeSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        int count = r.ReadVectorLength(3);
        module.Types.EnsureCapacity(module.Types.Count + count);
        for (int i = 0; i < count; i++)
        {
            int at = r.Offset;
            if (r.ReadByte() != 0x60) throw r.ErrorAt("integer representation too long", at);
            var parameters = ReadResultType(ref r);
            var results = ReadResultType(ref r);
            module.Types.Add(new FuncType(parameters, results));
        }
    }

    private static ValType[] ReadResultType(ref WasmReader r)
    {
        int n = r.ReadVectorLength(1);
        if (n == 0) return [];
        var types = new ValType[n];
        for (int i = 0; i < n; i++) types[i] = TypeReader.ReadValType(ref r);
        return types;
    }
}
