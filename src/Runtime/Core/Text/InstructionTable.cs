using WitSharp.Core.Binary;

namespace WitSharp.Core.Text;

/// <summary>How the text form of an instruction's immediates is read (spec text/instructions).</summary>
internal enum ImmKind : byte
{
    None,
    Block,
    Loop,
    If,
    Label,
    BrTable,
    Func,
    CallIndirect,
    Local,
    Global,
    Table,
    TableCopy,
    TableInit,
    Elem,
    Data,
    MemoryInit,
    /// <summary>A memory index encoded as one byte (memory.size, memory.grow, memory.fill).</summary>
    Memory,
    MemoryCopy,
    Memarg,
    I32,
    I64,
    F32,
    F64,
    RefNull,
    Select,
    V128,
    Shuffle,
    Lane,
    MemargLane,
}

/// <summary>One instruction name: its encoding (prefix byte or 0, then opcode or sub-opcode), how its
/// immediates read, and for memory instructions the natural alignment (log2) used when <c>align=</c> is absent.</summary>
internal readonly record struct InstrInfo(byte Prefix, uint Code, ImmKind Kind, byte NaturalAlign = 0);

/// <summary>The scalar instruction names of WebAssembly 2.0 (spec text/instructions, binary/instructions).
/// SIMD names come from the SIMD opcode table when it is present.</summary>
internal static partial class InstructionTable
{
    private static readonly Dictionary<string, InstrInfo> s_table = Build();

    public static bool TryGet(string name, out InstrInfo info) => s_table.TryGetValue(name, out info);

    private static Dictionary<string, InstrInfo> Build()
    {
        var t = new Dictionary<string, InstrInfo>(StringComparer.Ordinal);
        void Op(string name, byte code, ImmKind kind = ImmKind.None) => t[name] = new InstrInfo(0, code, kind);
        void Mem(string name, byte code, byte align) => t[name] = new InstrInfo(0, code, ImmKind.Memarg, align);
        void Fc(string name, uint code, ImmKind kind = ImmKind.None) => t[name] = new InstrInfo(Opcode.PrefixFC, code, kind);

        Op("unreachable", Opcode.Unreachable);
        Op("nop", Opcode.Nop);
        Op("block", Opcode.Block, ImmKind.Block);
        Op("loop", Opcode.Loop, ImmKind.Loop);
        Op("if", Opcode.If, ImmKind.If);
        Op("br", Opcode.Br, ImmKind.Label);
        Op("br_if", Opcode.BrIf, ImmKind.Label);
        Op("br_table", Opcode.BrTable, ImmKind.BrTable);
        Op("return", Opcode.Return);
        Op("call", Opcode.Call, ImmKind.Func);
        Op("call_indirect", Opcode.CallIndirect, ImmKind.CallIndirect);
        Op("drop", Opcode.Drop);
        Op("select", Opcode.Select, ImmKind.Select);
        Op("local.get", Opcode.LocalGet, ImmKind.Local);
        Op("local.set", Opcode.LocalSet, ImmKind.Local);
        Op("local.tee", Opcode.LocalTee, ImmKind.Local);
        Op("global.get", Opcode.GlobalGet, ImmKind.Global);
        Op("global.set", Opcode.GlobalSet, ImmKind.Global);
        Op("table.get", Opcode.TableGet, ImmKind.Table);
        Op("table.set", Opcode.TableSet, ImmKind.Table);

        Mem("i32.load", Opcode.I32Load, 2);
        Mem("i64.load", Opcode.I64Load, 3);
        Mem("f32.load", Opcode.F32Load, 2);
        Mem("f64.load", Opcode.F64Load, 3);
        Mem("i32.load8_s", Opcode.I32Load8S, 0);
        Mem("i32.load8_u", Opcode.I32Load8U, 0);
        Mem("i32.load16_s", Opcode.I32Load16S, 1);
        Mem("i32.load16_u", Opcode.I32Load16U, 1);
        Mem("i64.load8_s", Opcode.I64Load8S, 0);
        Mem("i64.load8_u", Opcode.I64Load8U, 0);
        Mem("i64.load16_s", Opcode.I64Load16S, 1);
        Mem("i64.load16_u", Opcode.I64Load16U, 1);
        Mem("i64.load32_s", Opcode.I64Load32S, 2);
        Mem("i64.load32_u", Opcode.I64Load32U, 2);
        Mem("i32.store", Opcode.I32Store, 2);
        Mem("i64.store", Opcode.I64Store, 3);
        Mem("f32.store", Opcode.F32Store, 2);
        Mem("f64.store", Opcode.F64Store, 3);
        Mem("i32.store8", Opcode.I32Store8, 0);
        Mem("i32.store16", Opcode.I32Store16, 1);
        Mem("i64.store8", Opcode.I64Store8, 0);
        Mem("i64.store16", Opcode.I64Store16, 1);
        Mem("i64.store32", Opcode.I64Store32, 2);
        Op("memory.size", Opcode.MemorySize, ImmKind.Memory);
        Op("memory.grow", Opcode.MemoryGrow, ImmKind.Memory);

        Op("i32.const", Opcode.I32Const, ImmKind.I32);
        Op("i64.const", Opcode.I64Const, ImmKind.I64);
        Op("f32.const", Opcode.F32Const, ImmKind.F32);
        Op("f64.const", Opcode.F64Const, ImmKind.F64);

        // The numeric block 0x45..0xC4 has no immediates and a regular name per opcode.
        string[] numeric =
        [
            "i32.eqz", "i32.eq", "i32.ne", "i32.lt_s", "i32.lt_u", "i32.gt_s", "i32.gt_u", "i32.le_s", "i32.le_u", "i32.ge_s", "i32.ge_u",
            "i64.eqz", "i64.eq", "i64.ne", "i64.lt_s", "i64.lt_u", "i64.gt_s", "i64.gt_u", "i64.le_s", "i64.le_u", "i64.ge_s", "i64.ge_u",
            "f32.eq", "f32.ne", "f32.lt", "f32.gt", "f32.le", "f32.ge",
            "f64.eq", "f64.ne", "f64.lt", "f64.gt", "f64.le", "f64.ge",
            "i32.clz", "i32.ctz", "i32.popcnt", "i32.add", "i32.sub", "i32.mul", "i32.div_s", "i32.div_u", "i32.rem_s", "i32.rem_u",
            "i32.and", "i32.or", "i32.xor", "i32.shl", "i32.shr_s", "i32.shr_u", "i32.rotl", "i32.rotr",
            "i64.clz", "i64.ctz", "i64.popcnt", "i64.add", "i64.sub", "i64.mul", "i64.div_s", "i64.div_u", "i64.rem_s", "i64.rem_u",
            "i64.and", "i64.or", "i64.xor", "i64.shl", "i64.shr_s", "i64.shr_u", "i64.rotl", "i64.rotr",
            "f32.abs", "f32.neg", "f32.ceil", "f32.floor", "f32.trunc", "f32.nearest", "f32.sqrt",
            "f32.add", "f32.sub", "f32.mul", "f32.div", "f32.min", "f32.max", "f32.copysign",
            "f64.abs", "f64.neg", "f64.ceil", "f64.floor", "f64.trunc", "f64.nearest", "f64.sqrt",
            "f64.add", "f64.sub", "f64.mul", "f64.div", "f64.min", "f64.max", "f64.copysign",
            "i32.wrap_i64", "i32.trunc_f32_s", "i32.trunc_f32_u", "i32.trunc_f64_s", "i32.trunc_f64_u",
            "i64.extend_i32_s", "i64.extend_i32_u", "i64.trunc_f32_s", "i64.trunc_f32_u", "i64.trunc_f64_s", "i64.trunc_f64_u",
            "f32.convert_i32_s", "f32.convert_i32_u", "f32.convert_i64_s", "f32.convert_i64_u", "f32.demote_f64",
            "f64.convert_i32_s", "f64.convert_i32_u", "f64.convert_i64_s", "f64.convert_i64_u", "f64.promote_f32",
            "i32.reinterpret_f32", "i64.reinterpret_f64", "f32.reinterpret_i32", "f64.reinterpret_i64",
            "i32.extend8_s", "i32.extend16_s", "i64.extend8_s", "i64.extend16_s", "i64.extend32_s",
        ];
        for (int i = 0; i < numeric.Length; i++) Op(numeric[i], (byte)(Opcode.I32Eqz + i));

        Op("ref.null", Opcode.RefNull, ImmKind.RefNull);
        Op("ref.is_null", Opcode.RefIsNull);
        Op("ref.func", Opcode.RefFunc, ImmKind.Func);

        string[] sat =
        [
            "i32.trunc_sat_f32_s", "i32.trunc_sat_f32_u", "i32.trunc_sat_f64_s", "i32.trunc_sat_f64_u",
            "i64.trunc_sat_f32_s", "i64.trunc_sat_f32_u", "i64.trunc_sat_f64_s", "i64.trunc_sat_f64_u",
        ];
        for (int i = 0; i < sat.Length; i++) Fc(sat[i], (uint)i);
        Fc("memory.init", OpcodeFC.MemoryInit, ImmKind.MemoryInit);
        Fc("data.drop", OpcodeFC.DataDrop, ImmKind.Data);
        Fc("memory.copy", OpcodeFC.MemoryCopy, ImmKind.MemoryCopy);
        Fc("memory.fill", OpcodeFC.MemoryFill, ImmKind.Memory);
        Fc("table.init", OpcodeFC.TableInit, ImmKind.TableInit);
        Fc("elem.drop", OpcodeFC.ElemDrop, ImmKind.Elem);
        Fc("table.copy", OpcodeFC.TableCopy, ImmKind.TableCopy);
        Fc("table.grow", OpcodeFC.TableGrow, ImmKind.Table);
        Fc("table.size", OpcodeFC.TableSize, ImmKind.Table);
        Fc("table.fill", OpcodeFC.TableFill, ImmKind.Table);
        AddSimd(t);
        return t;
    }

    /// <summary>Adds the SIMD (0xFD-prefixed) names.</summary>
    static partial void AddSimd(Dictionary<string, InstrInfo> table);
}
