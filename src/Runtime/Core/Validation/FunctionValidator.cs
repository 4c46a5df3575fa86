using System.Runtime.CompilerServices;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Validation;

/// <summary>Decodes and type-checks function bodies in one pass with the algorithm of the spec's
/// validation appendix (A.3): an operand stack whose entries may be <see cref="Unknown"/> (the bottom
/// type of unreachable code) and a control stack of frames. One instance is reused for every body of
/// a module, so validation allocates nothing per instruction.</summary>
internal sealed partial class FunctionValidator
{
    /// <summary>Spec A.3 "Unknown": the type of a value popped from the polymorphic stack of
    /// unreachable code. Matches every type.</summary>
    public const ValType Unknown = 0;

    /// <summary>Implementation limit shared with the JS API and other engines: locals per function.</summary>
    public const int MaxLocals = 50000;

    private static readonly ValType[][] s_single = BuildSingles();

    private readonly ValidationContext _c;
    private ValType[] _operands = new ValType[64];
    private int _sp;
    private ControlFrame[] _controls = new ControlFrame[16];
    private int _csp;
    private ValType[] _locals = new ValType[16];
    private int _localCount;
    private int _functionIndex;
    /// <summary>Module offset of the instruction being validated, for error messages.</summary>
    private int _opOffset;

    public FunctionValidator(ValidationContext context) => _c = context;

    private enum FrameKind : byte
    {
        Function,
        Block,
        Loop,
        If,
        Else,
    }

    private struct ControlFrame
    {
        public FrameKind Kind;
        public ValType[] Params;
        public ValType[] Results;
        public int Height;
        public bool Unreachable;

        public readonly ValType[] LabelTypes => Kind == FrameKind.Loop ? Params : Results;
    }

    public void Validate(int functionIndex, FuncType type, FunctionBody body)
    {
        _functionIndex = functionIndex;
        _opOffset = body.CodeOffset;
        _sp = 0;
        _csp = 0;
        SetUpLocals(type, body);

        var reader = new WasmReader(body.Code, body.CodeOffset);
        PushControl(FrameKind.Function, [], type.Results);
        ValidateInstructions(ref reader);
        if (!reader.AtEnd) throw reader.Error("section size mismatch");
    }

    private void SetUpLocals(FuncType type, FunctionBody body)
    {
        ulong total = (ulong)type.Params.Length + body.LocalCount;
        if (total > MaxLocals) throw Invalid("too many locals");
        int n = (int)total;
        if (_locals.Length < n) _locals = new ValType[Math.Max(n, _locals.Length * 2)];
        type.Params.CopyTo(_locals, 0);
        int i = type.Params.Length;
        foreach (var group in body.Locals)
        {
            _locals.AsSpan(i, (int)group.Count).Fill(group.Type);
            i += (int)group.Count;
        }

        _localCount = n;
    }

    // ---- Errors -------------------------------------------------------------------------------

    public InvalidException Invalid(string reason) => new(reason, _functionIndex, _opOffset);

    private InvalidException TypeMismatch() => Invalid("type mismatch");

    // ---- Operand stack (spec A.3 push_val / pop_val) --------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushOperand(ValType type)
    {
        if (_sp == _operands.Length) Array.Resize(ref _operands, _operands.Length * 2);
        _operands[_sp++] = type;
    }

    /// <summary>Pops any operand; <see cref="Unknown"/> when the current frame is unreachable and
    /// its part of the stack is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ValType PopOperand()
    {
        ref var frame = ref _controls[_csp - 1];
        if (_sp == frame.Height)
        {
            if (frame.Unreachable) return Unknown;
            throw TypeMismatch();
        }

        return _operands[--_sp];
    }

    /// <summary>Pops an operand that must match <paramref name="expected"/> (or be Unknown).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ValType PopOperand(ValType expected)
    {
        var actual = PopOperand();
        if (actual != expected && actual != Unknown && expected != Unknown) throw TypeMismatch();
        return actual;
    }

    private void PopOperands(ValType[] types)
    {
        for (int i = types.Length - 1; i >= 0; i--) PopOperand(types[i]);
    }

    private void PushOperands(ValType[] types)
    {
        foreach (var t in types) PushOperand(t);
    }

    /// <summary>Checks that the top of the stack matches <paramref name="types"/> without popping,
    /// as <c>push_vals(pop_vals(types))</c> does (a missing operand in unreachable code is Unknown).</summary>
    private void CheckOperands(ValType[] types)
    {
        ref var frame = ref _controls[_csp - 1];
        int n = types.Length;
        for (int i = 0; i < n; i++)
        {
            int index = _sp - n + i;
            if (index < frame.Height)
            {
                if (!frame.Unreachable) throw TypeMismatch();
                continue;
            }

            var actual = _operands[index];
            if (actual != types[i] && actual != Unknown) throw TypeMismatch();
        }

        // push_vals(pop_vals) leaves Unknowns where the polymorphic stack supplied values.
        if (_sp - frame.Height < n)
        {
            int missing = n - (_sp - frame.Height);
            for (int i = 0; i < missing; i++) PushOperand(Unknown);
            // Keep original operands on top in their order: shift them up.
            int have = n - missing;
            Array.Copy(_operands, _sp - missing - have, _operands, _sp - have, have);
            _operands.AsSpan(_sp - n, missing).Clear(); // Unknown is 0
        }
    }

    // ---- Control stack (spec A.3 push_ctrl / pop_ctrl) -------------------------------------------

    private void PushControl(FrameKind kind, ValType[] parameters, ValType[] results)
    {
        if (_csp == _controls.Length) Array.Resize(ref _controls, _controls.Length * 2);
        _controls[_csp++] = new ControlFrame
        {
            Kind = kind,
            Params = parameters,
            Results = results,
            Height = _sp,
            Unreachable = false,
        };
        PushOperands(parameters);
    }

    private ControlFrame PopControl()
    {
        var frame = _controls[_csp - 1];
        PopOperands(frame.Results);
        if (_sp != frame.Height) throw TypeMismatch();
        _csp--;
        return frame;
    }

    private void SetUnreachable()
    {
        ref var frame = ref _controls[_csp - 1];
        _sp = frame.Height;
        frame.Unreachable = true;
    }

    private ref ControlFrame Label(uint depth)
    {
        if (depth >= (uint)_csp) throw Invalid($"unknown label {depth}");
        return ref _controls[_csp - 1 - (int)depth];
    }

    // ---- Immediates shared by instruction families ------------------------------------------------

    /// <summary>Reads a memarg (spec 5.4.6) for an access of 2^<paramref name="naturalAlignLog2"/>
    /// bytes: memory 0 must exist and the alignment must not exceed the natural one. Returns the offset.</summary>
    public uint ReadMemArg(ref WasmReader reader, int naturalAlignLog2)
    {
        uint align = reader.ReadVarU32();
        uint offset = reader.ReadVarU32();
        RequireMemory(0);
        if (align > (uint)naturalAlignLog2) throw Invalid("alignment must not be larger than natural");
        return offset;
    }

    public void RequireMemory(uint index)
    {
        if (index >= (uint)_c.MemoryCount) throw Invalid($"unknown memory {index}");
    }

    /// <summary>The single 0x00 byte that stands for memory index 0 in 2.0's memory instructions.</summary>
    private static void ReadZeroByte(ref WasmReader reader)
    {
        int at = reader.Offset;
        if (reader.ReadByte() != 0) throw reader.ErrorAt("zero byte expected", at);
    }

    /// <summary>Block type (spec 5.4.1): 0x40, a value type, or a non-negative s33 type index.</summary>
    private void ReadBlockType(ref WasmReader reader, out ValType[] parameters, out ValType[] results)
    {
        int at = reader.Offset;
        long bt = reader.ReadVarS33();
        if (bt >= 0)
        {
            if (bt >= _c.Types.Count) throw Invalid($"unknown type {bt}");
            var type = _c.Types[(int)bt];
            parameters = type.Params;
            results = type.Results;
            return;
        }

        parameters = [];
        if (bt == -64)
        {
            results = [];
            return;
        }

        byte b = (byte)(bt & 0x7F);
        if (bt < -64 || !TypeReader.IsValType(b)) throw reader.ErrorAt("malformed value type", at);
        results = s_single[b];
    }

    private static ValType[][] BuildSingles()
    {
        var singles = new ValType[256][];
        foreach (var t in new[] { ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.V128, ValType.FuncRef, ValType.ExternRef })
            singles[(byte)t] = [t];
        return singles;
    }

    private ValType TableType(uint index) =>
        index < (uint)_c.TableElementTypes.Length ? _c.TableElementTypes[index] : throw Invalid($"unknown table {index}");

    private GlobalType Global(uint index) =>
        index < (uint)_c.Globals.Length ? _c.Globals[index] : throw Invalid($"unknown global {index}");

    private FuncType Function(uint index) =>
        index < (uint)_c.Functions.Length ? _c.Functions[index] : throw Invalid($"unknown function {index}");

    private ValType Local(uint index) =>
        index < (uint)_localCount ? _locals[index] : throw Invalid($"unknown local {index}");
}
