namespace WitSharp.Runtime.Tests.Binary;

/// <summary>Builds module binaries by hand for decoder and validator tests: sections are appended as
/// raw content and framed with their id and size.</summary>
internal sealed class WasmBuilder
{
    private readonly List<byte> _bytes = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    public WasmBuilder Section(byte id, params byte[] content)
    {
        _bytes.Add(id);
        _bytes.AddRange(U32((uint)content.Length));
        _bytes.AddRange(content);
        return this;
    }

    public WasmBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>A type section with one <c>[params] -> [results]</c> type per pair.</summary>
    public WasmBuilder Types(params (byte[] Params, byte[] Results)[] types)
    {
        var c = new List<byte>(U32((uint)types.Length));
        foreach (var (p, r) in types)
        {
            c.Add(0x60);
            c.AddRange(Vec(p));
            c.AddRange(Vec(r));
        }

        return Section(1, [.. c]);
    }

    public WasmBuilder Functions(params uint[] typeIndices)
    {
        var c = new List<byte>(U32((uint)typeIndices.Length));
        foreach (var t in typeIndices) c.AddRange(U32(t));
        return Section(3, [.. c]);
    }

    /// <summary>A code section; each body is given as locals-and-instructions bytes (without its size).</summary>
    public WasmBuilder Code(params byte[][] bodies)
    {
        var c = new List<byte>(U32((uint)bodies.Length));
        foreach (var b in bodies)
        {
            c.AddRange(U32((uint)b.Length));
            c.AddRange(b);
        }

        return Section(10, [.. c]);
    }

    /// <summary>One function of type 0 (<c>[] -> results</c>) with no locals and the given instructions
    /// (the final <c>end</c> is appended).</summary>
    public static byte[] Func(byte[] results, params byte[] instructions) =>
        new WasmBuilder().Types(([], results)).Functions(0).Code([0x00, .. instructions, 0x0B]).ToArray();

    public static byte[] U32(uint v)
    {
        var list = new List<byte>();
        do
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            if (v != 0) b |= 0x80;
            list.Add(b);
        }
        while (v != 0);
        return [.. list];
    }

    public static byte[] Vec(byte[] items) => [.. U32((uint)items.Length), .. items];

    public static byte[] Name(string s)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(s);
        return [.. U32((uint)utf8.Length), .. utf8];
    }
}
