using WitSharp.Core;
using WitSharp.Core.Text;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>The runner's result patterns must reject what they should: a matcher that accepts too much
/// would make the whole suite pass vacuously.</summary>
public sealed class SpecMatchTests
{
    private static WastResult Result(string text) => Wast.ParseResult(SExprReader.ReadAll(text)[0]);

    private static bool Match(string pattern, SpecValue got) => SpecMatch.Matches(Result(pattern), got);

    [Fact]
    public void IntegersCompareExactly()
    {
        Assert.True(Match("(i32.const -1)", new SpecValue(ValType.I32, 0xFFFF_FFFF)));
        Assert.False(Match("(i32.const -1)", new SpecValue(ValType.I32, 0xFFFF_FFFE)));
        Assert.False(Match("(i32.const 1)", new SpecValue(ValType.I64, 1)));
        Assert.False(Match("(i64.const 1)", new SpecValue(ValType.I64, 0x1_0000_0001)));
    }

    [Fact]
    public void FloatsCompareBitwise()
    {
        Assert.True(Match("(f32.const nan:0x200000)", new SpecValue(ValType.F32, 0x7FA0_0000)));
        Assert.False(Match("(f32.const nan:0x200000)", new SpecValue(ValType.F32, 0x7FE0_0000)));
        Assert.False(Match("(f64.const 0)", new SpecValue(ValType.F64, 0x8000_0000_0000_0000)));
    }

    [Fact]
    public void NanPatternsCheckThePayload()
    {
        Assert.True(Match("(f32.const nan:canonical)", new SpecValue(ValType.F32, 0xFFC0_0000)));
        Assert.False(Match("(f32.const nan:canonical)", new SpecValue(ValType.F32, 0x7FC0_0001)));
        Assert.True(Match("(f32.const nan:arithmetic)", new SpecValue(ValType.F32, 0x7FC0_0001)));
        Assert.False(Match("(f32.const nan:arithmetic)", new SpecValue(ValType.F32, 0x7FA0_0000)));
        Assert.False(Match("(f64.const nan:canonical)", new SpecValue(ValType.F64, 0x7FF0_0000_0000_0000)));
        Assert.True(Match("(f64.const nan:arithmetic)", new SpecValue(ValType.F64, 0xFFF8_0000_0000_0001)));
    }

    [Fact]
    public void VectorLanesMatchOneByOne()
    {
        const ulong canonical = 0x7FC0_0000;
        Assert.True(Match("(v128.const f32x4 nan:canonical 1.0 nan:arithmetic 0)",
            new SpecValue(ValType.V128, canonical | (0x3F80_0000UL << 32), 0x7FC0_0001)));
        Assert.False(Match("(v128.const f32x4 nan:canonical 1.0 nan:arithmetic 0)",
            new SpecValue(ValType.V128, canonical | (0x3F80_0000UL << 32), 0x7FC0_0001UL | (1UL << 32))));
        Assert.True(Match("(v128.const i16x8 1 2 3 4 5 6 7 -1)", new SpecValue(ValType.V128, 0x0004_0003_0002_0001, 0xFFFF_0007_0006_0005)));
        Assert.False(Match("(v128.const i16x8 1 2 3 4 5 6 7 -1)", new SpecValue(ValType.V128, 0x0004_0003_0002_0001, 0x7FFF_0007_0006_0005)));
    }

    [Fact]
    public void ReferencesMatchByNullnessAndHostValue()
    {
        Assert.True(Match("(ref.null extern)", new SpecValue(ValType.ExternRef, 0)));
        Assert.False(Match("(ref.null extern)", new SpecValue(ValType.ExternRef, 0, 0, new SpecExternRef(1))));
        Assert.False(Match("(ref.null func)", new SpecValue(ValType.ExternRef, 0)));
        Assert.True(Match("(ref.extern 7)", new SpecValue(ValType.ExternRef, 0, 0, new SpecExternRef(7))));
        Assert.False(Match("(ref.extern 7)", new SpecValue(ValType.ExternRef, 0, 0, new SpecExternRef(8))));
        Assert.True(Match("(ref.func)", new SpecValue(ValType.FuncRef, 0, 0, new object())));
        Assert.False(Match("(ref.func)", new SpecValue(ValType.FuncRef, 0)));
    }

    [Fact]
    public void EitherAcceptsOnlyItsAlternatives()
    {
        Assert.True(Match("(either (i32.const 1) (i32.const 2))", new SpecValue(ValType.I32, 2)));
        Assert.False(Match("(either (i32.const 1) (i32.const 2))", new SpecValue(ValType.I32, 3)));
    }

    [Theory]
    [InlineData("out of bounds memory access", TrapCode.MemoryOutOfBounds)]
    [InlineData("uninitialized element 2", TrapCode.IndirectCallToNull)]
    [InlineData("undefined element", TrapCode.TableOutOfBounds)]
    [InlineData("indirect call type mismatch", TrapCode.BadSignature)]
    [InlineData("integer divide by zero", TrapCode.IntegerDivisionByZero)]
    public void TrapMessagesMapToCodes(string message, TrapCode code) => Assert.Equal(code, SpecMatch.TrapFor(message));
}
