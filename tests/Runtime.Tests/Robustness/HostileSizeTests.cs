using System.Diagnostics;
using WitSharp.Core.Binary;
using WitSharp.Core.Validation;
using WitSharp.Runtime.Tests.Binary;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>Hand-made modules whose size fields claim far more than the input holds. Each must be rejected
/// with the right typed error, quickly, and without allocating for the claimed size (DESIGN.md: hostile
/// counts are checked against the bytes that remain).</summary>
public sealed class HostileSizeTests
{
    private static readonly byte[] s_max = WasmBuilder.U32(uint.MaxValue);

    public static TheoryData<string, byte[], bool> Cases()
    {
        var oneFunc = new WasmBuilder().Types(([], [])).Functions(0);
        return new()
        {
            { "type count", new WasmBuilder().Section(1, [.. s_max]).ToArray(), true },
            { "param count", new WasmBuilder().Section(1, [0x01, 0x60, .. s_max]).ToArray(), true },
            { "import count", new WasmBuilder().Section(2, [.. s_max]).ToArray(), true },
            { "import name length", new WasmBuilder().Section(2, [0x01, .. s_max]).ToArray(), true },
            { "function count", new WasmBuilder().Types(([], [])).Section(3, [.. s_max]).ToArray(), true },
            { "table count", new WasmBuilder().Section(4, [.. s_max]).ToArray(), true },
            { "memory count", new WasmBuilder().Section(5, [.. s_max]).ToArray(), true },
            { "global count", new WasmBuilder().Section(6, [.. s_max]).ToArray(), true },
            { "export count", new WasmBuilder().Section(7, [.. s_max]).ToArray(), true },
            { "element count", new WasmBuilder().Section(9, [.. s_max]).ToArray(), true },
            { "element function count", new WasmBuilder().Section(9, [0x01, 0x01, 0x00, .. s_max]).ToArray(), true },
            { "code count", new WasmBuilder().Types(([], [])).Functions(0).Section(10, [.. s_max]).ToArray(), true },
            { "body size", oneFunc.Section(10, [0x01, .. s_max]).ToArray(), true },
            { "data count", new WasmBuilder().Section(11, [.. s_max]).ToArray(), true },
            { "data length", new WasmBuilder().Section(5, [0x01, 0x00, 0x01]).Section(11, [0x01, 0x00, 0x41, 0x00, 0x0B, .. s_max]).ToArray(), true },
            { "section size", new WasmBuilder().Raw(0x01).Raw(s_max).ToArray(), true },
            { "custom name length", new WasmBuilder().Section(0, [.. s_max]).ToArray(), true },
            // Locals: a sum above 2^32 is malformed (spec binary.wast); below it, the implementation limit
            // (50,000) makes it invalid before anything is sized by it.
            { "locals over 2^32", new WasmBuilder().Types(([], [])).Functions(0).Code([0x02, .. s_max, 0x7F, 0x02, 0x7E, 0x0B]).ToArray(), true },
            { "locals 2^30", new WasmBuilder().Types(([], [])).Functions(0).Code([0x01, 0x80, 0x80, 0x80, 0x80, 0x04, 0x7F, 0x0B]).ToArray(), false },
            { "br_table target count", new WasmBuilder().Types(([], [])).Functions(0).Code([0x00, 0x41, 0x00, 0x0E, .. s_max]).ToArray(), true },
            { "select type count", new WasmBuilder().Types(([], [])).Functions(0).Code([0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x1C, .. s_max]).ToArray(), true },
            { "memory pages", new WasmBuilder().Section(5, [0x01, 0x00, .. s_max]).ToArray(), false },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HugeCountsAreRejectedWithoutAllocatingForThem(string name, byte[] module, bool malformed)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var error = Record.Exception(() => ModuleValidator.Validate(ModuleDecoder.Decode(module)));
        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(error is not null, $"{name}: accepted");
        Assert.IsType(malformed ? typeof(MalformedException) : typeof(InvalidException), error);
        Assert.True(allocated < 1 << 20, $"{name}: allocated {allocated:N0} bytes");
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{name}: took {clock.ElapsedMilliseconds} ms");
    }
}
