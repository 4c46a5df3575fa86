using WitSharp.Core.Binary;

namespace WitSharp.Runtime.Tests;

public sealed class WasmReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0u)]
    [InlineData(new byte[] { 0xE5, 0x8E, 0x26 }, 624485u)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, uint.MaxValue)]
    [InlineData(new byte[] { 0x80, 0x00 }, 0u)]
    public void ReadsUnsigned32(byte[] bytes, uint expected)
    {
        var r = new WasmReader(bytes);
        Assert.Equal(expected, r.ReadVarU32());
        Assert.True(r.AtEnd);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F }, -1)]
    [InlineData(new byte[] { 0xC0, 0xBB, 0x78 }, -123456)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x78 }, int.MinValue)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }, int.MaxValue)]
    public void ReadsSigned32(byte[] bytes, int expected)
    {
        var r = new WasmReader(bytes);
        Assert.Equal(expected, r.ReadVarS32());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x1F }, "integer too large")]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 }, "integer representation too long")]
    [InlineData(new byte[] { 0x80 }, "unexpected end")]
    public void RejectsBadUnsigned32(byte[] bytes, string reason)
    {
        var ex = Assert.Throws<MalformedException>(() => new WasmReader(bytes, 10).ReadVarU32());
        Assert.Equal(reason, ex.Reason);
        Assert.True(ex.Offset >= 10);
    }

    [Fact]
    public void RejectsNonSignExtendedS32()
    {
        var ex = Assert.Throws<MalformedException>(() => new WasmReader(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x4F }).ReadVarS32());
        Assert.Equal("integer too large", ex.Reason);
    }

    [Fact]
    public void ReadsSigned64Extremes()
    {
        var min = new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F };
        Assert.Equal(long.MinValue, new WasmReader(min).ReadVarS64());
        var m1 = new byte[] { 0x7F };
        Assert.Equal(-1L, new WasmReader(m1).ReadVarS64());
    }

    [Fact]
    public void HostileVectorLengthIsRejectedBeforeAllocation()
    {
        var r = new WasmReader(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00 });
        Assert.Throws<MalformedException>(() => r.ReadVectorLength());
    }

    [Fact]
    public void RejectsInvalidUtf8Names()
    {
        var r = new WasmReader(new byte[] { 0x02, 0xC0, 0x80 });
        var ex = Assert.Throws<MalformedException>(() => r.ReadName());
        Assert.Equal("malformed UTF-8 encoding", ex.Reason);
    }
}
