using WitSharp.Core;
using WitSharp.Core.Simd;

namespace WitSharp.Runtime.Tests.Simd;

public sealed class SimdOpcodesTests
{
    // Sample of sub-opcodes from the spec's binary format table (binary/instructions, Vector Instructions).
    [Theory]
    [InlineData(0x00u, "v128.load")]
    [InlineData(0x0Bu, "v128.store")]
    [InlineData(0x0Cu, "v128.const")]
    [InlineData(0x0Du, "i8x16.shuffle")]
    [InlineData(0x0Eu, "i8x16.swizzle")]
    [InlineData(0x22u, "f64x2.replace_lane")]
    [InlineData(0x53u, "v128.any_true")]
    [InlineData(0x54u, "v128.load8_lane")]
    [InlineData(0x5Bu, "v128.store64_lane")]
    [InlineData(0x5Du, "v128.load64_zero")]
    [InlineData(0x5Eu, "f32x4.demote_f64x2_zero")]
    [InlineData(0x62u, "i8x16.popcnt")]
    [InlineData(0x7Au, "f64x2.trunc")]
    [InlineData(0x82u, "i16x8.q15mulr_sat_s")]
    [InlineData(0x94u, "f64x2.nearest")]
    [InlineData(0x9Bu, "i16x8.avgr_u")]
    [InlineData(0xBAu, "i32x4.dot_i16x8_s")]
    [InlineData(0xD6u, "i64x2.eq")]
    [InlineData(0xDBu, "i64x2.ge_s")]
    [InlineData(0xEBu, "f32x4.pmax")]
    [InlineData(0xFCu, "i32x4.trunc_sat_f64x2_s_zero")]
    [InlineData(0xFFu, "f64x2.convert_low_i32x4_u")]
    public void Sub_opcode_and_name_lookups_agree_with_the_spec(uint op, string name)
    {
        Assert.True(SimdOpcodes.TryGet(op, out var byOp));
        Assert.Equal(name, byOp.Name);
        Assert.True(SimdOpcodes.TryGet(name, out var byName));
        Assert.Same(byOp, byName);
    }

    [Theory]
    [InlineData(0x9Au)]
    [InlineData(0xA2u)]
    [InlineData(0xA5u)]
    [InlineData(0xAFu)]
    [InlineData(0xB0u)]
    [InlineData(0xBBu)]
    [InlineData(0xC2u)]
    [InlineData(0xE2u)]
    [InlineData(0xEEu)]
    [InlineData(0x100u)]
    [InlineData(uint.MaxValue)]
    public void Reserved_sub_opcodes_are_not_found(uint op) => Assert.False(SimdOpcodes.TryGet(op, out _));

    [Fact]
    public void Table_holds_the_236_instructions_of_the_simd_proposal_with_unique_names()
    {
        Assert.Equal(236, SimdOpcodes.All.Count);
        Assert.Equal(236, SimdOpcodes.All.Select(i => i.Name).Distinct().Count());
        Assert.False(SimdOpcodes.TryGet("i8x16.relaxed_swizzle", out _));
    }

    [Theory]
    [InlineData("v128.load", 4, 16)]
    [InlineData("v128.load8x8_s", 3, 8)]
    [InlineData("v128.load16_splat", 1, 2)]
    [InlineData("v128.load32_zero", 2, 4)]
    [InlineData("v128.load8_lane", 0, 1)]
    [InlineData("v128.store64_lane", 3, 8)]
    public void Memory_instructions_have_natural_alignment_and_width(string name, int align, int bytes)
    {
        Assert.True(SimdOpcodes.TryGet(name, out var info));
        Assert.True(info.IsMemoryAccess);
        Assert.Equal(align, info.NaturalAlignment);
        Assert.Equal(bytes, info.AccessBytes);
    }

    [Fact]
    public void Typing_follows_the_validation_rules()
    {
        Check("v128.store", SimdImmediate.MemArg, 0, [ValType.I32, ValType.V128], []);
        Check("v128.load16_lane", SimdImmediate.MemArgLane, 8, [ValType.I32, ValType.V128], [ValType.V128]);
        Check("v128.store32_lane", SimdImmediate.MemArgLane, 4, [ValType.I32, ValType.V128], []);
        Check("i8x16.extract_lane_u", SimdImmediate.Lane, 16, [ValType.V128], [ValType.I32]);
        Check("i64x2.replace_lane", SimdImmediate.Lane, 2, [ValType.V128, ValType.I64], [ValType.V128]);
        Check("f32x4.extract_lane", SimdImmediate.Lane, 4, [ValType.V128], [ValType.F32]);
        Check("f64x2.splat", SimdImmediate.None, 0, [ValType.F64], [ValType.V128]);
        Check("i64x2.shr_s", SimdImmediate.None, 0, [ValType.V128, ValType.I32], [ValType.V128]);
        Check("v128.bitselect", SimdImmediate.None, 0, [ValType.V128, ValType.V128, ValType.V128], [ValType.V128]);
        Check("i16x8.bitmask", SimdImmediate.None, 0, [ValType.V128], [ValType.I32]);
        Check("v128.const", SimdImmediate.V128Const, 0, [], [ValType.V128]);
        Check("i8x16.shuffle", SimdImmediate.Shuffle16, 32, [ValType.V128, ValType.V128], [ValType.V128]);

        static void Check(string name, SimdImmediate imm, int lanes, ValType[] args, ValType[] results)
        {
            Assert.True(SimdOpcodes.TryGet(name, out var info));
            Assert.Equal(imm, info.Immediate);
            Assert.Equal(lanes, info.LaneCount);
            Assert.Equal(args, info.Params);
            Assert.Equal(results, info.Results);
        }
    }

    [Fact]
    public void Method_names_are_pascal_case_of_the_text_name()
    {
        Assert.True(SimdOpcodes.TryGet("i8x16.add_sat_s", out var info));
        Assert.Equal("I8x16AddSatS", info.MethodName);
        Assert.True(SimdOpcodes.TryGet("f32x4.demote_f64x2_zero", out info));
        Assert.Equal("F32x4DemoteF64x2Zero", info.MethodName);
    }
}
