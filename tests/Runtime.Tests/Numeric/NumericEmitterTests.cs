using System.Reflection.Emit;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Compilation;

namespace WitSharp.Runtime.Tests.Numeric;

/// <summary>The corner cases of spec "Numerics" the emitter handles with more than one IL opcode, each
/// checked directly (the corpus runner covers the rest).</summary>
public sealed class NumericEmitterTests
{
    private const ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;

    /// <summary>Compiles <c>local.get 0 … local.get n-1; op; end</c>.</summary>
    private static CompiledFunction Op(ValType[] parameters, ValType result, params byte[] op)
    {
        var code = new List<byte>();
        for (int i = 0; i < parameters.Length; i++) code.AddRange([Opcode.LocalGet, (byte)i]);
        code.AddRange(op);
        code.Add(Opcode.End);
        return StraightLineCompiler.Compile(new FuncType(parameters, [result]), [.. code]);
    }

    private static ulong B(float f) => (uint)BitConverter.SingleToInt32Bits(f);
    private static ulong B(double d) => (ulong)BitConverter.DoubleToInt64Bits(d);
    private static ulong B(int i) => (uint)i;
    private static ulong B(long l) => (ulong)l;

    private static void Traps(TrapCode code, CompiledFunction f, params ulong[] args) =>
        Assert.Equal(code, Assert.Throws<TestTrapException>(() => f.Invoke(args)).Code);

    [Fact]
    public void SignedDivisionTrapsOnZeroAndOverflowAndNegatesByMinusOne()
    {
        var div32 = Op([I32, I32], I32, Opcode.I32DivS);
        Traps(TrapCode.IntegerOverflow, div32, B(int.MinValue), B(-1));
        Traps(TrapCode.IntegerDivisionByZero, div32, B(1), B(0));
        Traps(TrapCode.IntegerDivisionByZero, div32, B(int.MinValue), B(0));
        Assert.Equal(B(-7), div32.Invoke(B(7), B(-1)));
        Assert.Equal(B(int.MaxValue), div32.Invoke(B(-int.MaxValue), B(-1)));
        Assert.Equal(B(-3), div32.Invoke(B(-7), B(2))); // truncates toward zero
        var div64 = Op([I64, I64], I64, Opcode.I64DivS);
        Traps(TrapCode.IntegerOverflow, div64, B(long.MinValue), B(-1L));
        Traps(TrapCode.IntegerDivisionByZero, div64, B(5L), B(0L));
        Assert.Equal(B(-(1L << 40)), div64.Invoke(B(1L << 40), B(-1L)));
        Assert.Equal(B(long.MinValue / 2), div64.Invoke(B(long.MinValue), B(2L)));
    }

    [Fact]
    public void SignedRemainderOfMinByMinusOneIsZero()
    {
        var rem32 = Op([I32, I32], I32, Opcode.I32RemS);
        Assert.Equal(0ul, rem32.Invoke(B(int.MinValue), B(-1)));
        Assert.Equal(0ul, rem32.Invoke(B(5), B(-1)));
        Assert.Equal(B(-1), rem32.Invoke(B(-7), B(2))); // sign of the dividend
        Traps(TrapCode.IntegerDivisionByZero, rem32, B(int.MinValue), B(0));
        var rem64 = Op([I64, I64], I64, Opcode.I64RemS);
        Assert.Equal(0ul, rem64.Invoke(B(long.MinValue), B(-1L)));
        Assert.Equal(B(-1L), rem64.Invoke(B(-7L), B(-2L)));
        Traps(TrapCode.IntegerDivisionByZero, rem64, B(1L), B(0L));
    }

    [Fact]
    public void UnsignedDivisionTrapsOnZeroOnly()
    {
        Assert.Equal(B(0x7FFF_FFFF), Op([I32, I32], I32, Opcode.I32DivU).Invoke(B(-1), B(2)));
        Assert.Equal(B(1), Op([I32, I32], I32, Opcode.I32RemU).Invoke(B(-1), B(2)));
        Assert.Equal(0ul, Op([I32, I32], I32, Opcode.I32DivU).Invoke(B(int.MinValue), B(-1)));
        Assert.Equal(ulong.MaxValue / 3, Op([I64, I64], I64, Opcode.I64DivU).Invoke(ulong.MaxValue, 3));
        Assert.Equal(ulong.MaxValue % 10, Op([I64, I64], I64, Opcode.I64RemU).Invoke(ulong.MaxValue, 10));
        foreach (var op in new[] { Opcode.I32DivU, Opcode.I32RemU })
            Traps(TrapCode.IntegerDivisionByZero, Op([I32, I32], I32, op), B(-1), 0);
        foreach (var op in new[] { Opcode.I64DivU, Opcode.I64RemU })
            Traps(TrapCode.IntegerDivisionByZero, Op([I64, I64], I64, op), ulong.MaxValue, 0);
    }

    [Theory]
    [InlineData(Opcode.I32Shl, 1u, 33u, 2u)]
    [InlineData(Opcode.I32Shl, 1u, 32u, 1u)]
    [InlineData(Opcode.I32Shl, 1u, 0xFFFF_FFFFu, 0x8000_0000u)]
    [InlineData(Opcode.I32ShrS, 0x8000_0000u, 63u, 0xFFFF_FFFFu)]
    [InlineData(Opcode.I32ShrU, 0x8000_0000u, 63u, 1u)]
    [InlineData(Opcode.I32Rotl, 0x8000_0001u, 33u, 3u)]
    [InlineData(Opcode.I32Rotr, 0x8000_0001u, 0xFFFF_FFE1u, 0xC000_0000u)]
    public void ShiftAndRotateCountsAreModulo32(byte opcode, uint value, uint count, uint expected) =>
        Assert.Equal(expected, Op([I32, I32], I32, opcode).Invoke(value, count));

    [Theory]
    [InlineData(Opcode.I64Shl, 1ul, 65ul, 2ul)]
    [InlineData(Opcode.I64Shl, 1ul, 0x1_0000_0001ul, 2ul)] // the count's high half must not matter
    [InlineData(Opcode.I64ShrS, 0x8000_0000_0000_0000ul, 127ul, ulong.MaxValue)]
    [InlineData(Opcode.I64ShrU, 0x8000_0000_0000_0000ul, 0xFFFF_FFFF_0000_003Ful, 1ul)]
    [InlineData(Opcode.I64Rotl, 0x8000_0000_0000_0001ul, 0x1_0000_0041ul, 3ul)]
    [InlineData(Opcode.I64Rotr, 1ul, ulong.MaxValue, 2ul)]
    public void ShiftAndRotateCountsAreModulo64(byte opcode, ulong value, ulong count, ulong expected) =>
        Assert.Equal(expected, Op([I64, I64], I64, opcode).Invoke(value, count));

    [Fact]
    public void BitCountsOfZeroAreTheWidth()
    {
        Assert.Equal(32ul, Op([I32], I32, Opcode.I32Clz).Invoke(0));
        Assert.Equal(32ul, Op([I32], I32, Opcode.I32Ctz).Invoke(0));
        Assert.Equal(64ul, Op([I64], I64, Opcode.I64Clz).Invoke(0));
        Assert.Equal(64ul, Op([I64], I64, Opcode.I64Ctz).Invoke(0));
        Assert.Equal(64ul, Op([I64], I64, Opcode.I64Popcnt).Invoke(ulong.MaxValue));
        Assert.Equal(31ul, Op([I64], I64, Opcode.I64Clz).Invoke(0x1_FFFF_FFFFul));
    }

    public static TheoryData<byte, double, ulong?> TrappingTruncations => new()
    {
        // f32 → i32 signed: −2^31 is in range, the next f32 below is not; the largest f32 below 2^31 is.
        { Opcode.I32TruncF32S, -2147483648f, B(int.MinValue) },
        { Opcode.I32TruncF32S, -2147483904f, null },
        { Opcode.I32TruncF32S, 2147483520f, B(2147483520) },
        { Opcode.I32TruncF32S, 2147483648f, null },
        // f64 → i32 signed: truncation, so anything above −2^31 − 1 fits.
        { Opcode.I32TruncF64S, -2147483648.9, B(int.MinValue) },
        { Opcode.I32TruncF64S, -2147483649.0, null },
        { Opcode.I32TruncF64S, 2147483647.9, B(int.MaxValue) },
        { Opcode.I32TruncF64S, 2147483648.0, null },
        // unsigned: (−1, 2^N) fits, −0.9 truncates to 0.
        { Opcode.I32TruncF32U, -0.9f, 0 },
        { Opcode.I32TruncF32U, -1f, null },
        { Opcode.I32TruncF32U, 4294967040f, 4294967040 },
        { Opcode.I32TruncF32U, 4294967296f, null },
        { Opcode.I32TruncF64U, 4294967295.9, 4294967295 },
        { Opcode.I32TruncF64U, -0.99999, 0 },
        { Opcode.I32TruncF64U, 4294967296.0, null },
        { Opcode.I64TruncF32S, -9223372036854775808f, B(long.MinValue) },
        { Opcode.I64TruncF32S, 9223372036854775808f, null },
        { Opcode.I64TruncF64S, -9223372036854775808.0, B(long.MinValue) },
        { Opcode.I64TruncF64S, -9223372036854777856.0, null },
        { Opcode.I64TruncF64S, 9223372036854774784.0, 9223372036854774784 },
        { Opcode.I64TruncF64S, 9223372036854775808.0, null },
        { Opcode.I64TruncF32U, 18446742974197923840f, 18446742974197923840 },
        { Opcode.I64TruncF32U, 18446744073709551616f, null },
        { Opcode.I64TruncF64U, 18446744073709549568.0, 18446744073709549568 },
        { Opcode.I64TruncF64U, 9223372036854775808.0, 9223372036854775808 },
        { Opcode.I64TruncF64U, 18446744073709551616.0, null },
        { Opcode.I64TruncF64U, -0.5, 0 },
        { Opcode.I64TruncF64U, double.NegativeInfinity, null },
        { Opcode.I32TruncF64S, double.PositiveInfinity, null },
    };

    [Theory]
    [MemberData(nameof(TrappingTruncations))]
    public void TrappingTruncationBounds(byte opcode, double value, ulong? expected)
    {
        bool single = opcode is Opcode.I32TruncF32S or Opcode.I32TruncF32U or Opcode.I64TruncF32S or Opcode.I64TruncF32U;
        bool wide = opcode >= Opcode.I64TruncF32S;
        var f = Op([single ? F32 : F64], wide ? I64 : I32, opcode);
        ulong arg = single ? B((float)value) : B(value);
        if (expected is { } e)
            Assert.Equal(wide ? e : (uint)e, f.Invoke(arg));
        else
            Traps(TrapCode.IntegerOverflow, f, arg);
    }

    [Theory]
    [InlineData(Opcode.I32TruncF32S)]
    [InlineData(Opcode.I32TruncF32U)]
    [InlineData(Opcode.I32TruncF64S)]
    [InlineData(Opcode.I32TruncF64U)]
    [InlineData(Opcode.I64TruncF32S)]
    [InlineData(Opcode.I64TruncF32U)]
    [InlineData(Opcode.I64TruncF64S)]
    [InlineData(Opcode.I64TruncF64U)]
    public void TrappingTruncationOfNaNIsAnInvalidConversion(byte opcode)
    {
        bool single = opcode is Opcode.I32TruncF32S or Opcode.I32TruncF32U or Opcode.I64TruncF32S or Opcode.I64TruncF32U;
        var f = Op([single ? F32 : F64], opcode >= Opcode.I64TruncF32S ? I64 : I32, opcode);
        Traps(TrapCode.BadConversionToInteger, f, single ? 0x7FC0_0000ul : 0x7FF8_0000_0000_0000ul);
        Traps(TrapCode.BadConversionToInteger, f, single ? 0xFFA0_0001ul : 0xFFF0_0000_0000_0001ul); // negative signalling
    }

    [Theory]
    [InlineData(OpcodeFC.I32TruncSatF32S, true, false, float.NaN, 0ul)]
    [InlineData(OpcodeFC.I32TruncSatF32S, true, false, float.NegativeInfinity, 0x8000_0000ul)]
    [InlineData(OpcodeFC.I32TruncSatF32S, true, false, 3e9f, 0x7FFF_FFFFul)]
    [InlineData(OpcodeFC.I32TruncSatF32U, true, false, -5f, 0ul)]
    [InlineData(OpcodeFC.I32TruncSatF32U, true, false, 5e9f, 0xFFFF_FFFFul)]
    [InlineData(OpcodeFC.I32TruncSatF64S, false, false, -1e300, 0x8000_0000ul)]
    [InlineData(OpcodeFC.I32TruncSatF64S, false, false, -2147483648.9, 0x8000_0000ul)]
    [InlineData(OpcodeFC.I32TruncSatF64U, false, false, 4294967295.9, 0xFFFF_FFFFul)]
    [InlineData(OpcodeFC.I32TruncSatF64U, false, false, double.NaN, 0ul)]
    [InlineData(OpcodeFC.I64TruncSatF32S, true, true, float.PositiveInfinity, 0x7FFF_FFFF_FFFF_FFFFul)]
    [InlineData(OpcodeFC.I64TruncSatF32U, true, true, -0.5f, 0ul)]
    [InlineData(OpcodeFC.I64TruncSatF32U, true, true, float.PositiveInfinity, ulong.MaxValue)]
    [InlineData(OpcodeFC.I64TruncSatF64S, false, true, -1e19, 0x8000_0000_0000_0000ul)]
    [InlineData(OpcodeFC.I64TruncSatF64S, false, true, double.NaN, 0ul)]
    [InlineData(OpcodeFC.I64TruncSatF64U, false, true, 18446744073709549568.0, 18446744073709549568ul)]
    [InlineData(OpcodeFC.I64TruncSatF64U, false, true, 1e20, ulong.MaxValue)]
    [InlineData(OpcodeFC.I64TruncSatF64U, false, true, double.NegativeInfinity, 0ul)]
    public void SaturatingTruncation(uint sub, bool single, bool wide, double value, ulong expected)
    {
        var f = Op([single ? F32 : F64], wide ? I64 : I32, Opcode.PrefixFC, (byte)sub);
        Assert.Equal(expected, f.Invoke(single ? B((float)value) : B(value)));
    }

    [Theory]
    [InlineData(0x8000_0080_0000_0001ul, 0x5F00_0001u)] // 2^63 + 2^39 + 1: via f64 it would round to even 2^63
    [InlineData(0xFFFF_FFFF_FFFF_FFFFul, 0x5F80_0000u)] // rounds up to 2^64
    [InlineData(0x0000_0000_0000_0001ul, 0x3F80_0000u)]
    [InlineData(0x8000_0000_0000_0000ul, 0x5F00_0000u)]
    public void UnsignedI64ToF32RoundsOnce(ulong value, uint expectedBits) =>
        Assert.Equal(expectedBits, Op([I64], F32, Opcode.F32ConvertI64U).Invoke(value));

    [Fact]
    public void OtherConversionsRoundOnce()
    {
        // 2^62 + 2^38 + 1 → f32: above the halfway point, so up to 2^62 + 2^39 (f64 first would tie to even).
        Assert.Equal(0x5E80_0001ul, Op([I64], F32, Opcode.F32ConvertI64S).Invoke(0x4000_0040_0000_0001ul));
        Assert.Equal(0x4F80_0000ul, Op([I32], F32, Opcode.F32ConvertI32U).Invoke(0xFFFF_FFFF));
        Assert.Equal(B(4294967295.0), Op([I32], F64, Opcode.F64ConvertI32U).Invoke(0xFFFF_FFFF));
        Assert.Equal(B(18446744073709551616.0), Op([I64], F64, Opcode.F64ConvertI64U).Invoke(ulong.MaxValue));
        // 2^63 + 2^10 + 1 → f64: ulp is 2^11, so above half rounds up.
        Assert.Equal(0x43E0_0000_0000_0001ul, Op([I64], F64, Opcode.F64ConvertI64U).Invoke(0x8000_0000_0000_0401ul));
        Assert.Equal(B(-1.0), Op([I32], F64, Opcode.F64ConvertI32S).Invoke(B(-1)));
        Assert.Equal(0xFFFF_FFFF_FFFF_FF80ul, Op([I32], I64, Opcode.I64ExtendI32S).Invoke(0xFFFF_FF80));
        Assert.Equal(0xFFFF_FF80ul, Op([I32], I64, Opcode.I64ExtendI32U).Invoke(0xFFFF_FF80));
        Assert.Equal(0x89AB_CDEFul, Op([I64], I32, Opcode.I32WrapI64).Invoke(0x0123_4567_89AB_CDEF));
    }

    [Fact]
    public void SignExtensionInstructions()
    {
        Assert.Equal(0xFFFF_FF80ul, Op([I32], I32, Opcode.I32Extend8S).Invoke(0x1234_5680));
        Assert.Equal(0x7Ful, Op([I32], I32, Opcode.I32Extend8S).Invoke(0xFFFF_FF7F));
        Assert.Equal(0xFFFF_8000ul, Op([I32], I32, Opcode.I32Extend16S).Invoke(0x0001_8000));
        Assert.Equal(ulong.MaxValue, Op([I64], I64, Opcode.I64Extend8S).Invoke(0xFF));
        Assert.Equal(0xFFFF_FFFF_FFFF_8000ul, Op([I64], I64, Opcode.I64Extend16S).Invoke(0x1_8000));
        Assert.Equal(0xFFFF_FFFF_8000_0000ul, Op([I64], I64, Opcode.I64Extend32S).Invoke(0x1234_5678_8000_0000));
        Assert.Equal(0x7FFF_FFFFul, Op([I64], I64, Opcode.I64Extend32S).Invoke(0xFFFF_FFFF_7FFF_FFFF));
    }

    [Fact]
    public void MinMaxPropagateNaNAndOrderSignedZeros()
    {
        const ulong pz = 0, nz = 0x8000_0000, snan = 0x7FA0_0000, nsnan = 0xFFA0_0000;
        var min = Op([F32, F32], F32, Opcode.F32Min);
        var max = Op([F32, F32], F32, Opcode.F32Max);
        Assert.Equal(nz, min.Invoke(pz, nz));
        Assert.Equal(nz, min.Invoke(nz, pz));
        Assert.Equal(pz, max.Invoke(pz, nz));
        Assert.Equal(pz, max.Invoke(nz, pz));
        Assert.Equal(nz, max.Invoke(nz, nz));
        foreach (var (a, b) in new[] { (snan, B(1f)), (B(1f), snan), (nsnan, nz), (B(float.NegativeInfinity), snan) })
        {
            Assert.Equal(0x7FC0_0000ul, min.Invoke(a, b) & 0x7FC0_0000); // a quiet (arithmetic) NaN
            Assert.Equal(0x7FC0_0000ul, max.Invoke(a, b) & 0x7FC0_0000);
        }
        Assert.Equal(B(-3f), min.Invoke(B(2f), B(-3f)));
        Assert.Equal(B(float.PositiveInfinity), max.Invoke(B(float.PositiveInfinity), B(2f)));

        var min64 = Op([F64, F64], F64, Opcode.F64Min);
        var max64 = Op([F64, F64], F64, Opcode.F64Max);
        Assert.Equal(B(-0.0), min64.Invoke(B(0.0), B(-0.0)));
        Assert.Equal(B(0.0), max64.Invoke(B(-0.0), B(0.0)));
        Assert.Equal(0x7FF8_0000_0000_0000ul, min64.Invoke(B(1.0), 0x7FF0_0000_0000_0001) & 0x7FF8_0000_0000_0000);
        Assert.Equal(0x7FF8_0000_0000_0000ul, max64.Invoke(0xFFF0_0000_0000_0001, B(1.0)) & 0x7FF8_0000_0000_0000);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(1.5, 2.0)]
    [InlineData(2.5, 2.0)]
    [InlineData(-0.5, -0.0)]
    [InlineData(-2.5, -2.0)]
    [InlineData(-3.5, -4.0)]
    [InlineData(4503599627370495.5, 4503599627370496.0)]
    [InlineData(9007199254740993.0, 9007199254740992.0)] // already integral (not representable: tests exactness)
    public void NearestRoundsHalfToEven(double value, double expected)
    {
        Assert.Equal(B(expected), Op([F64], F64, Opcode.F64Nearest).Invoke(B(value)));
        Assert.Equal(B((float)expected), Op([F32], F32, Opcode.F32Nearest).Invoke(B((float)value)));
    }

    [Fact]
    public void SignOperationsKeepNaNPayloads()
    {
        const ulong snan = 0x7FA0_1234, negSnan = 0xFFA0_1234;
        Assert.Equal(negSnan, Op([F32], F32, Opcode.F32Neg).Invoke(snan));
        Assert.Equal(snan, Op([F32], F32, Opcode.F32Abs).Invoke(negSnan));
        Assert.Equal(negSnan, Op([F32, F32], F32, Opcode.F32Copysign).Invoke(snan, B(-0f)));
        Assert.Equal(snan, Op([F32, F32], F32, Opcode.F32Copysign).Invoke(negSnan, 0x7FC0_0000));
        const ulong snan64 = 0x7FF0_0000_0000_1234, negSnan64 = 0xFFF0_0000_0000_1234;
        Assert.Equal(negSnan64, Op([F64], F64, Opcode.F64Neg).Invoke(snan64));
        Assert.Equal(snan64, Op([F64], F64, Opcode.F64Abs).Invoke(negSnan64));
        Assert.Equal(negSnan64, Op([F64, F64], F64, Opcode.F64Copysign).Invoke(snan64, 0xFFF8_0000_0000_0000));
        // reinterpret is a bit cast both ways, signalling payloads included.
        Assert.Equal(snan, Op([F32], I32, Opcode.I32ReinterpretF32).Invoke(snan));
        Assert.Equal(negSnan, Op([I32], F32, Opcode.F32ReinterpretI32).Invoke(negSnan));
        Assert.Equal(snan64, Op([F64], I64, Opcode.I64ReinterpretF64).Invoke(snan64));
        Assert.Equal(negSnan64, Op([I64], F64, Opcode.F64ReinterpretI64).Invoke(negSnan64));
    }

    [Fact]
    public void DemoteAndPromoteQuietNaNs()
    {
        // promote then demote must not be folded away: the signalling NaN comes out quiet.
        var code = new byte[] { Opcode.LocalGet, 0, Opcode.F64PromoteF32, Opcode.F32DemoteF64, Opcode.End };
        Assert.Equal(0x7FE0_0000ul, StraightLineCompiler.Compile(new FuncType([F32], [F32]), code).Invoke(0x7FA0_0000));
        Assert.Equal(0x7FF8_0000_0000_0000ul, Op([F32], F64, Opcode.F64PromoteF32).Invoke(0x7FC0_0000));
        Assert.Equal(B(-0.0), Op([F32], F64, Opcode.F64PromoteF32).Invoke(B(-0f)));
        Assert.Equal(B(float.PositiveInfinity), Op([F64], F32, Opcode.F32DemoteF64).Invoke(B(3.5e38)));
        Assert.Equal(B(float.Epsilon), Op([F64], F32, Opcode.F32DemoteF64).Invoke(B(1.0e-45)));
    }

    [Theory]
    [InlineData(Opcode.F32Eq, 0ul)]
    [InlineData(Opcode.F32Ne, 1ul)]
    [InlineData(Opcode.F32Lt, 0ul)]
    [InlineData(Opcode.F32Gt, 0ul)]
    [InlineData(Opcode.F32Le, 0ul)]
    [InlineData(Opcode.F32Ge, 0ul)]
    public void ComparisonsWithNaNAreUnordered(byte opcode, ulong expected)
    {
        var f = Op([F32, F32], I32, opcode);
        Assert.Equal(expected, f.Invoke(0x7FC0_0000, B(1f)));
        Assert.Equal(expected, f.Invoke(B(1f), 0xFFA0_0000));
        var g = Op([F64, F64], I32, (byte)(opcode + (Opcode.F64Eq - Opcode.F32Eq)));
        Assert.Equal(expected, g.Invoke(0x7FF8_0000_0000_0000, 0x7FF8_0000_0000_0000));
    }

    [Fact]
    public void SignedZerosCompareEqual()
    {
        Assert.Equal(1ul, Op([F32, F32], I32, Opcode.F32Eq).Invoke(B(0f), B(-0f)));
        Assert.Equal(1ul, Op([F64, F64], I32, Opcode.F64Ge).Invoke(B(-0.0), B(0.0)));
        Assert.Equal(0ul, Op([F64, F64], I32, Opcode.F64Lt).Invoke(B(-0.0), B(0.0)));
        Assert.Equal(1ul, Op([I32, I32], I32, Opcode.I32LtU).Invoke(1, 0xFFFF_FFFF));
        Assert.Equal(0ul, Op([I64, I64], I32, Opcode.I64LeS).Invoke(1, ulong.MaxValue));
        Assert.Equal(1ul, Op([I64], I32, Opcode.I64Eqz).Invoke(0));
        Assert.Equal(0ul, Op([I64], I32, Opcode.I64Eqz).Invoke(1ul << 32));
    }

    [Fact]
    public void ConstantsKeepTheirBitsThroughTheJit()
    {
        // f32.const nan:0x012345 (signalling) reinterpreted; and x - 0.0, x * 1.0, x / 1.0, x + −0.0 with a
        // signalling NaN x, which RyuJIT would otherwise fold to x.
        var snanConst = new List<byte> { Opcode.F32Const };
        snanConst.AddRange(BitConverter.GetBytes(0x7F81_2345u));
        snanConst.AddRange([Opcode.I32ReinterpretF32, Opcode.End]);
        Assert.Equal(0x7F81_2345ul, StraightLineCompiler.Compile(new FuncType([], [I32]), [.. snanConst]).Invoke());
        foreach (var (constant, op) in new[] { (0x0000_0000u, Opcode.F32Sub), (0x8000_0000u, Opcode.F32Add), (0x3F80_0000u, Opcode.F32Mul), (0x3F80_0000u, Opcode.F32Div) })
        {
            var code = new List<byte> { Opcode.LocalGet, 0, Opcode.F32Const };
            code.AddRange(BitConverter.GetBytes(constant));
            code.AddRange([op, Opcode.End]);
            Assert.Equal(0x7FE0_0000ul, StraightLineCompiler.Compile(new FuncType([F32], [F32]), [.. code]).Invoke(0x7FA0_0000));
        }
        foreach (var (constant, op) in new[] { (0x0ul, Opcode.F64Sub), (0x8000_0000_0000_0000ul, Opcode.F64Add), (0x3FF0_0000_0000_0000ul, Opcode.F64Mul), (0x3FF0_0000_0000_0000ul, Opcode.F64Div) })
        {
            var code = new List<byte> { Opcode.LocalGet, 0, Opcode.F64Const };
            code.AddRange(BitConverter.GetBytes(constant));
            code.AddRange([op, Opcode.End]);
            Assert.Equal(0x7FFC_0000_0000_0000ul, StraightLineCompiler.Compile(new FuncType([F64], [F64]), [.. code]).Invoke(0x7FF4_0000_0000_0000));
        }
    }

    [Fact]
    public void TrapBranchesLeaveOnlyTheEnclosingOperandsOnTheStack()
    {
        // (i32.add (local.get 2) (i32.div_s (local.get 0) (local.get 1))) followed by a trapping truncation at
        // and a rem_s at the same depth: every branch to a trap block must see the same IL stack (one i32 below
        // the operands), or the JIT rejects the method with InvalidProgramException.
        var code = new byte[]
        {
            Opcode.LocalGet, 2, Opcode.LocalGet, 0, Opcode.LocalGet, 1, Opcode.I32DivS, Opcode.I32Add,
            Opcode.LocalGet, 3, Opcode.I32TruncF32S, Opcode.I32Add,
            Opcode.LocalGet, 0, Opcode.LocalGet, 1, Opcode.I32RemS, Opcode.I32Add, Opcode.End,
        };
        var f = StraightLineCompiler.Compile(new FuncType([I32, I32, I32, F32], [I32]), code);
        Assert.Equal(B(100 + 3 + 7 + 1), f.Invoke(B(7), B(2), B(100), B(7.9f)));
        Traps(TrapCode.IntegerOverflow, f, B(int.MinValue), B(-1), 0, 0);
        Traps(TrapCode.IntegerDivisionByZero, f, B(1), 0, 0, 0);
        Traps(TrapCode.BadConversionToInteger, f, B(1), B(1), 0, 0x7FC0_0000);
        Traps(TrapCode.IntegerOverflow, f, B(1), B(1), 0, B(3e9f));
    }

    [Fact]
    public void RefusesWhatIsNotNumericAndEmitsNothing()
    {
        var method = new DynamicMethod("refuse", typeof(void), Type.EmptyTypes);
        var ctx = new TestEmitContext(method.GetILGenerator());
        foreach (byte op in new byte[] { Opcode.Unreachable, Opcode.LocalGet, Opcode.I32Const, Opcode.I64Const, Opcode.F32Const, Opcode.F64Const, 0xC5, Opcode.RefNull, Opcode.PrefixFC, Opcode.PrefixFD })
            Assert.False(NumericEmitter.TryEmit(ctx, op), $"0x{op:x2}");
        foreach (uint sub in new uint[] { OpcodeFC.MemoryInit, OpcodeFC.TableFill, 100 })
            Assert.False(NumericEmitter.TryEmitSaturating(ctx, sub));
        Assert.Equal(0, ctx.IL.ILOffset);
        for (int op = Opcode.I32Eqz; op <= Opcode.I64Extend32S; op++)
        {
            var m = new DynamicMethod("accept", typeof(void), Type.EmptyTypes);
            Assert.True(NumericEmitter.TryEmit(new TestEmitContext(m.GetILGenerator()), (byte)op), $"0x{op:x2}");
        }
    }
}
