using System.Text;

namespace WitSharp.Wit.Tests.Binary;

/// <summary>Builds component binaries by hand for decoder tests.</summary>
internal static class ComponentBytes
{
    public static readonly byte[] Preamble = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00];

    public static byte[] Comp(params byte[][] sections) => Cat([Preamble, .. sections]);

    public static byte[] Section(byte id, params byte[][] payload)
    {
        var body = Cat(payload);
        return Cat([id], U32((uint)body.Length), body);
    }

    /// <summary>A vector section: count then items.</summary>
    public static byte[] VecSection(byte id, params byte[][] items) => Section(id, Vec(items));

    public static byte[] Vec(params byte[][] items) => Cat([U32((uint)items.Length), .. items]);

    public static byte[] U32(uint v)
    {
        var list = new List<byte>();
        do
        {
            var b = (byte)(v & 0x7F);
            v >>= 7;
            if (v != 0) b |= 0x80;
            list.Add(b);
        }
        while (v != 0);
        return [.. list];
    }

    public static byte[] Name(string s)
    {
        var utf8 = Encoding.UTF8.GetBytes(s);
        return Cat(U32((uint)utf8.Length), utf8);
    }

    public static byte[] B(params byte[] bytes) => bytes;

    public static byte[] Cat(params byte[][] parts)
    {
        var total = 0;
        foreach (var p in parts) total += p.Length;
        var result = new byte[total];
        var at = 0;
        foreach (var p in parts)
        {
            p.CopyTo(result, at);
            at += p.Length;
        }

        return result;
    }
}
