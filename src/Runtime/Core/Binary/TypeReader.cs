namespace WitSharp.Core.Binary;

/// <summary>Decoders for the type encodings of spec 5.3 (value, reference, limits, table, memory and
/// global types), shared by the section readers and by the validator (block types, typed select).</summary>
internal static class TypeReader
{
    public static ValType ReadValType(ref WasmReader r)
    {
        int at = r.Offset;
        byte b = r.ReadByte();
        return IsValType(b) ? (ValType)b : throw r.ErrorAt("malformed value type", at);
    }

    public static bool IsValType(byte b) => b is 0x7F or 0x7E or 0x7D or 0x7C or 0x7B or 0x70 or 0x6F;

    public static ValType ReadRefType(ref WasmReader r)
    {
        int at = r.Offset;
        byte b = r.ReadByte();
        return b is 0x70 or 0x6F ? (ValType)b : throw r.ErrorAt("malformed reference type", at);
    }

    /// <summary>Limits (spec 5.3.7). WebAssembly 2.0 has only the flags 0 (no maximum) and 1; the
    /// reference interpreter reports other flag bytes as "integer too large" (a u1 that overflowed).</summary>
    public static Limits ReadLimits(ref WasmReader r)
    {
        int at = r.Offset;
        byte flags = r.ReadByte();
        if (flags > 1) throw r.ErrorAt("integer too large", at);
        uint min = r.ReadVarU32();
        uint? max = flags == 1 ? r.ReadVarU32() : null;
        return new Limits(min, max);
    }

    public static TableType ReadTableType(ref WasmReader r)
    {
        var elem = ReadRefType(ref r);
        return new TableType(elem, ReadLimits(ref r));
    }

    public static MemoryType ReadMemoryType(ref WasmReader r) => new(ReadLimits(ref r));

    public static GlobalType ReadGlobalType(ref WasmReader r)
    {
        var type = ReadValType(ref r);
        int at = r.Offset;
        byte mut = r.ReadByte();
        if (mut > 1) throw r.ErrorAt("malformed mutability", at);
        return new GlobalType(type, mut == 1);
    }
}
