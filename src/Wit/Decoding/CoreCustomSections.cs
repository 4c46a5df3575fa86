using System;
using System.Collections.Generic;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

/// <summary>Walks the sections of a core module (core binary format: preamble, then id/size/payload) just far
/// enough to find <c>component-type*</c> custom sections; the runtime has the full core decoder.</summary>
internal static class CoreCustomSections
{
    public static void Collect(byte[] data, int start, int end, List<(string, ArraySegment<byte>)> found)
    {
        var c = new BinaryCursor(data, start, end);
        if (c.Remaining < 8) throw c.Error("too short for a module preamble");
        if (c.ReadByte() != 0x00 || c.ReadByte() != 0x61 || c.ReadByte() != 0x73 || c.ReadByte() != 0x6D)
            throw BinaryCursor.Error("missing \\0asm magic", start);
        if (c.ReadByte() != 1 || c.ReadByte() != 0 || c.ReadByte() != 0 || c.ReadByte() != 0)
            throw BinaryCursor.Error("not a core module (expected version 1, layer 0)", start + 4);
        while (!c.AtEnd)
        {
            var id = c.ReadByte();
            var body = c.Slice(c.ReadU32());
            if (id != 0) continue;
            var name = body.ReadName();
            if (name.StartsWith(ComponentWit.ComponentTypeSectionPrefix, StringComparison.Ordinal))
                found.Add((name, new ArraySegment<byte>(data, body.Position, body.Remaining)));
        }
    }
}
