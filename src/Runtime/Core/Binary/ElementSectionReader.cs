namespace WitSharp.Core.Binary;

/// <summary>Element section (spec 5.5.12). The flags value 0..7 packs three bits: bit 0 passive or
/// declarative (else active), bit 1 explicit table index (active) or declarative (non-active), bit 2
/// expressions instead of function indices.</summary>
internal static class ElementSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        int count = r.ReadVectorLength(1);
        module.Elements.EnsureCapacity(count);
        for (int i = 0; i < count; i++) module.Elements.Add(ReadSegment(ref r));
    }

    private static ElementSegment ReadSegment(ref WasmReader r)
    {
        int at = r.Offset;
        uint flags = r.ReadVarU32();
        if (flags > 7) throw r.ErrorAt("malformed elements segment kind", at);
        bool nonActive = (flags & 1) != 0;
        bool explicitTableOrDeclarative = (flags & 2) != 0;
        bool usesExpressions = (flags & 4) != 0;

        var mode = !nonActive ? SegmentMode.Active : explicitTableOrDeclarative ? SegmentMode.Declarative : SegmentMode.Passive;
        uint table = 0;
        ConstExpr? offset = null;
        if (mode == SegmentMode.Active)
        {
            if (explicitTableOrDeclarative) table = r.ReadVarU32();
            offset = ConstExprReader.Read(ref r);
        }

        // Flags 0 and 4 imply funcref; the others spell out an elemkind (indices) or a reftype (expressions).
        var type = ValType.FuncRef;
        if (nonActive || explicitTableOrDeclarative)
        {
            if (usesExpressions)
            {
                type = TypeReader.ReadRefType(ref r);
            }
            else
            {
                int kindAt = r.Offset;
                if (r.ReadByte() != 0x00) throw r.ErrorAt("malformed element kind", kindAt);
            }
        }

        if (usesExpressions)
        {
            int n = r.ReadVectorLength(1);
            var exprs = new ConstExpr[n];
            for (int i = 0; i < n; i++) exprs[i] = ConstExprReader.Read(ref r);
            return new ElementSegment(mode, type) { TableIndex = table, Offset = offset, Expressions = exprs };
        }

        int m = r.ReadVectorLength(1);
        var indices = new uint[m];
        for (int i = 0; i < m; i++) indices[i] = r.ReadVarU32();
        return new ElementSegment(mode, type) { TableIndex = table, Offset = offset, FunctionIndices = indices };
    }
}
