namespace WitSharp.Artifacts;

/// <summary>Shrinks binaries to what instantiation needs once their code is compiled (artifact format 2).
/// A core module keeps every section except the code bodies, each replaced by the 3-byte empty body
/// <c>02 00 0b</c> (so the function and code section counts still agree, spec 5.5.16), and every custom section
/// except <c>name</c> (backtraces use it). A component keeps its structure with each nested core module stripped
/// this way and nested components rewritten recursively (Binary.md: section 1 is a core module, 4 a
/// component). Inputs have passed validation, so the walk trusts the section framing.</summary>
internal static class WasmStripper
{
    private const byte CustomSection = 0, CodeSection = 10;
    private const byte CoreModuleSection = 1, ComponentSection = 4;

    /// <summary>The core module <paramref name="module"/> without function bodies and non-name custom sections.</summary>
    public static byte[] StripModule(ReadOnlySpan<byte> module)
    {
        var output = new MemoryStream(module.Length / 4);
        output.Write(module[..8]);
        int at = 8;
        while (at < module.Length)
        {
            byte id = module[at++];
            int size = (int)ReadU32(module, ref at);
            var content = module.Slice(at, size);
            at += size;
            switch (id)
            {
                case CodeSection:
                {
                    int p = 0;
                    uint count = ReadU32(content, ref p);
                    var stub = new MemoryStream();
                    WriteU32(stub, count);
                    for (uint i = 0; i < count; i++) stub.Write([2, 0, 0x0b]);
                    WriteSection(output, id, stub.ToArray());
                    break;
                }
                case CustomSection:
                {
                    int p = 0;
                    int nameLength = (int)ReadU32(content, ref p);
                    if (content.Slice(p, nameLength).SequenceEqual("name"u8)) WriteSection(output, id, content);
                    break;
                }
                default:
                    WriteSection(output, id, content);
                    break;
            }
        }
        return output.ToArray();
    }

    /// <summary>The component <paramref name="component"/> with every core module stripped (<see cref="StripModule"/>).</summary>
    public static byte[] StripComponent(ReadOnlySpan<byte> component)
    {
        var output = new MemoryStream();
        output.Write(component[..8]);
        int at = 8;
        while (at < component.Length)
        {
            byte id = component[at++];
            int size = (int)ReadU32(component, ref at);
            var content = component.Slice(at, size);
            at += size;
            switch (id)
            {
                case CoreModuleSection: WriteSection(output, id, StripModule(content)); break;
                case ComponentSection: WriteSection(output, id, StripComponent(content)); break;
                default: WriteSection(output, id, content); break;
            }
        }
        return output.ToArray();
    }

    private static void WriteSection(MemoryStream output, byte id, ReadOnlySpan<byte> content)
    {
        output.WriteByte(id);
        WriteU32(output, (uint)content.Length);
        output.Write(content);
    }

    private static uint ReadU32(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            result |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    private static void WriteU32(MemoryStream output, uint value)
    {
        do
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            if (value != 0) b |= 0x80;
            output.WriteByte(b);
        } while (value != 0);
    }
}
