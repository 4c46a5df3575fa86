using System.Text;

namespace WitSharp.Components.Text;

/// <summary>LEB128 and name encoders over a growable byte list (Binary.md reuses core:u32, core:s33, core:name).</summary>
internal static class Enc
{
    public static void U32(this List<byte> o, uint v)
    {
        do
        {
            byte b = (byte)(v & 0x7f);
            v >>= 7;
            if (v != 0) b |= 0x80;
            o.Add(b);
        }
        while (v != 0);
    }

    public static void S64(this List<byte> o, long v)
    {
        while (true)
        {
            byte b = (byte)(v & 0x7f);
            v >>= 7;
            bool done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            if (!done) b |= 0x80;
            o.Add(b);
            if (done) return;
        }
    }

    public static void Name(this List<byte> o, byte[] utf8)
    {
        o.U32((uint)utf8.Length);
        o.AddRange(utf8);
    }

    public static void Name(this List<byte> o, string s) => o.Name(Encoding.UTF8.GetBytes(s));

    /// <summary>A vector: count then the concatenated items.</summary>
    public static void Vec(this List<byte> o, List<byte[]> items)
    {
        o.U32((uint)items.Count);
        foreach (var i in items) o.AddRange(i);
    }
}
