using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal enum FrameKind : byte { Function, Block, Loop, If }

/// <summary>A control frame (spec 3.3.8 "control instructions", validation's control stack) as the
/// compiler sees it. <see cref="Height"/> is where the frame's own operands start on the type stack;
/// everything below it was spilled to <see cref="Spilled"/> locals when the frame was entered, so the IL
/// stack only ever holds the current frame's operands.</summary>
internal sealed class Frame(FrameKind kind, ValType[] parameters, ValType[] results, Label label, int height)
{
    public FrameKind Kind { get; } = kind;
    public ValType[] Params { get; } = parameters;
    public ValType[] Results { get; } = results;

    /// <summary>The branch target: the loop header for loops, the end for everything else.</summary>
    public Label Label { get; } = label;
    public int Height { get; set; } = height;
    public bool Unreachable { get; set; }

    /// <summary>Nesting depth inside dead code (blocks opened after the frame became unreachable).</summary>
    public int DeadDepth { get; set; }

    /// <summary>True once a branch targets <see cref="Label"/>, so the end must receive values through <see cref="LabelLocals"/>.</summary>
    public bool LabelUsed { get; set; }

    /// <summary>Locals carrying the label's values (results; a loop's parameters) on every branch.</summary>
    public LocalBuilder[]? LabelLocals { get; set; }

    /// <summary>Operands of enclosing frames that were on the IL stack at entry, restored beneath the results at the end.</summary>
    public List<LocalBuilder> Spilled { get; } = [];
    public List<ValType> SpilledTypes { get; } = [];

    public Label ElseLabel { get; set; }
    public bool SawElse { get; set; }
    public LocalBuilder[]? IfParams { get; set; }

    /// <summary>Values a branch to this frame carries.</summary>
    public ValType[] LabelTypes => Kind == FrameKind.Loop ? Params : Results;
}

internal sealed partial class FunctionCompiler
{
    private (ValType[] Params, ValType[] Results) ReadBlockType()
    {
        long bt = _r.ReadVarS33();
        if (bt >= 0)
        {
            var t = _info.Types[(int)bt];
            return (t.Params, t.Results);
        }
        if (bt == -64) return ([], []);
        return ([], [(ValType)(byte)(bt & 0x7F)]);
    }

    private LocalBuilder[] LabelLocalsOf(Frame f)
    {
        if (f.LabelLocals is null)
        {
            var types = f.LabelTypes;
            var locals = new LocalBuilder[types.Length];
            for (int i = 0; i < types.Length; i++) locals[i] = _il.DeclareLocal(ClrTypes.Of(types[i]));
            f.LabelLocals = locals;
        }
        return f.LabelLocals;
    }

    /// <summary>Moves the current frame's operands below the top <paramref name="keep"/> ones into locals
    /// recorded on <paramref name="inner"/>, so a new frame starts with an empty IL stack beneath its parameters.</summary>
    private void SpillBelow(int keep, Frame inner, LocalBuilder[]? keepLocals)
    {
        // Top values first: the kept ones go to keepLocals (or stay, when null), the rest to temporaries.
        int from = CurrentFrame.Height;
        int count = _stack.Count - from - keep;
        if (keepLocals is not null)
            for (int i = keep - 1; i >= 0; i--) _il.Emit(OpCodes.Stloc, keepLocals[i]);
        if (count == 0) return;
        if (keepLocals is null && keep > 0)
        {
            // The parameters sit above the values to spill: park them, spill, then put them back.
            var parked = new LocalBuilder[keep];
            for (int i = keep - 1; i >= 0; i--)
            {
                parked[i] = RentTemp(ClrTypes.Of(_stack[_stack.Count - keep + i]));
                _il.Emit(OpCodes.Stloc, parked[i]);
            }
            SpillRange(from, count, inner);
            for (int i = 0; i < keep; i++)
            {
                _il.Emit(OpCodes.Ldloc, parked[i]);
                ReleaseTemp(parked[i]);
            }
            return;
        }
        SpillRange(from, count, inner);
    }

    private void SpillRange(int from, int count, Frame inner)
    {
        var locals = new LocalBuilder[count];
        for (int i = count - 1; i >= 0; i--)
        {
            locals[i] = RentTemp(ClrTypes.Of(_stack[from + i]));
            _il.Emit(OpCodes.Stloc, locals[i]);
        }
        for (int i = 0; i < count; i++)
        {
            inner.Spilled.Add(locals[i]);
            inner.SpilledTypes.Add(_stack[from + i]);
        }
        _stack.RemoveRange(from, count);
    }

    private void EnterBlock(FrameKind kind)
    {
        var (ps, rs) = ReadBlockType();
        FlushFuel();
        var frame = new Frame(kind, ps, rs, _il.DefineLabel(), 0);
        switch (kind)
        {
            case FrameKind.Block:
                SpillBelow(ps.Length, frame, null);
                break;
            case FrameKind.Loop:
            {
                var paramLocals = LabelLocalsOf(frame);
                SpillBelow(ps.Length, frame, paramLocals);
                _il.MarkLabel(frame.Label);
                foreach (var l in paramLocals) _il.Emit(OpCodes.Ldloc, l);
                break;
            }
            case FrameKind.If:
            {
                var cond = RentTemp(typeof(int));
                _il.Emit(OpCodes.Stloc, cond);
                Pop();
                var paramLocals = new LocalBuilder[ps.Length];
                for (int i = 0; i < ps.Length; i++) paramLocals[i] = RentTemp(ClrTypes.Of(ps[i]));
                SpillBelow(ps.Length, frame, paramLocals);
                frame.IfParams = paramLocals;
                frame.ElseLabel = _il.DefineLabel();
                _il.Emit(OpCodes.Ldloc, cond);
                ReleaseTemp(cond);
                _il.Emit(OpCodes.Brfalse, frame.ElseLabel);
                foreach (var l in paramLocals) _il.Emit(OpCodes.Ldloc, l);
                break;
            }
        }
        frame.Height = _stack.Count - ps.Length;
        _frames.Add(frame);
        if (kind == FrameKind.Loop) EmitInterruptionChecks();
    }

    /// <summary>Stores the label's values (top of the IL stack) into the label locals, drops the frame's
    /// other operands and jumps: every label is reached with an empty IL stack.</summary>
    private void EmitBranch(Frame target)
    {
        FlushFuel();
        var types = target.LabelTypes;
        int available = _stack.Count - CurrentFrame.Height;
        if (types.Length > 0)
        {
            var locals = LabelLocalsOf(target);
            for (int i = types.Length - 1; i >= 0; i--) _il.Emit(OpCodes.Stloc, locals[i]);
        }
        for (int i = types.Length; i < available; i++) _il.Emit(OpCodes.Pop);
        target.LabelUsed = true;
        _il.Emit(OpCodes.Br, target.Label);
    }

    private Frame FrameAt(uint depth) => _frames[_frames.Count - 1 - (int)depth];

    private void EmitBr()
    {
        uint depth = _r.ReadVarU32();
        if (depth == _frames.Count - 1)
        {
            EmitReturn();
            return;
        }
        EmitBranch(FrameAt(depth));
        CurrentFrame.Unreachable = true;
    }

    private void EmitBrIf()
    {
        uint depth = _r.ReadVarU32();
        var target = FrameAt(depth);
        Pop(); // condition
        FlushFuel();
        int available = _stack.Count - CurrentFrame.Height;
        if (target.LabelTypes.Length == 0 && available == 0 && target.Kind != FrameKind.Function)
        {
            target.LabelUsed = true;
            _il.Emit(OpCodes.Brtrue, target.Label);
            return;
        }
        // Taken path stores the values and drops the rest; the fall-through keeps them on the IL stack.
        var skip = _il.DefineLabel();
        _il.Emit(OpCodes.Brfalse, skip);
        if (target.Kind == FrameKind.Function) EmitReturnValues();
        else EmitBranch(target);
        _il.MarkLabel(skip);
    }

    private void EmitBrTable()
    {
        int n = _r.ReadVectorLength(1);
        var depths = new uint[n];
        for (int i = 0; i < n; i++) depths[i] = _r.ReadVarU32();
        uint defaultDepth = _r.ReadVarU32();
        Pop(); // index
        FlushFuel();
        int available = _stack.Count - CurrentFrame.Height;
        var trampolines = new Dictionary<uint, Label>();
        Label TargetLabel(uint d)
        {
            var f = FrameAt(d);
            if (f.LabelTypes.Length == 0 && available == 0 && f.Kind != FrameKind.Function)
            {
                f.LabelUsed = true;
                return f.Label;
            }
            if (!trampolines.TryGetValue(d, out var l)) trampolines[d] = l = _il.DefineLabel();
            return l;
        }
        var labels = new Label[n];
        for (int i = 0; i < n; i++) labels[i] = TargetLabel(depths[i]);
        var def = TargetLabel(defaultDepth);
        if (n > 0) _il.Emit(OpCodes.Switch, labels);
        else _il.Emit(OpCodes.Pop);
        _il.Emit(OpCodes.Br, def);
        foreach (var (d, l) in trampolines)
        {
            _il.MarkLabel(l);
            var f = FrameAt(d);
            if (f.Kind == FrameKind.Function) EmitReturnValues();
            else EmitBranch(f);
        }
        CurrentFrame.Unreachable = true;
    }

    private void EmitReturn()
    {
        EmitReturnValues();
        CurrentFrame.Unreachable = true;
    }

    /// <summary>Returns the function's results from the top of the IL stack, dropping any operands below them.</summary>
    private void EmitReturnValues()
    {
        FlushFuel();
        var results = _type.Results;
        int available = _stack.Count - CurrentFrame.Height;
        if (available > results.Length)
        {
            var temps = new LocalBuilder[results.Length];
            for (int i = results.Length - 1; i >= 0; i--)
            {
                temps[i] = RentTemp(ClrTypes.Of(results[i]));
                _il.Emit(OpCodes.Stloc, temps[i]);
            }
            for (int i = results.Length; i < available; i++) _il.Emit(OpCodes.Pop);
            foreach (var t in temps)
            {
                _il.Emit(OpCodes.Ldloc, t);
                ReleaseTemp(t);
            }
        }
        if (results.Length > 1) ClrTypes.EmitPack(_il, [.. results.Select(ClrTypes.Of)]);
        _il.Emit(OpCodes.Ret);
    }

    private void EmitElse()
    {
        var f = CurrentFrame;
        if (!f.Unreachable)
        {
            FlushFuel();
            var locals = LabelLocalsOf(f);
            for (int i = locals.Length - 1; i >= 0; i--) _il.Emit(OpCodes.Stloc, locals[i]);
            f.LabelUsed = true;
            _il.Emit(OpCodes.Br, f.Label);
        }
        f.SawElse = true;
        f.Unreachable = false;
        _il.MarkLabel(f.ElseLabel);
        _stack.RemoveRange(f.Height, _stack.Count - f.Height);
        foreach (var l in f.IfParams!) _il.Emit(OpCodes.Ldloc, l);
        _stack.AddRange(f.Params);
    }

    private void EmitEnd()
    {
        var f = CurrentFrame;
        if (f.Kind == FrameKind.Function)
        {
            if (!f.Unreachable) EmitReturnValues();
            _frames.RemoveAt(_frames.Count - 1);
            return;
        }

        bool fallsThrough = !f.Unreachable;
        if (f.Kind == FrameKind.If && !f.SawElse)
        {
            // No else: the false path passes the parameters through as the results.
            var locals = LabelLocalsOf(f);
            if (fallsThrough)
            {
                FlushFuel();
                for (int i = locals.Length - 1; i >= 0; i--) _il.Emit(OpCodes.Stloc, locals[i]);
                _il.Emit(OpCodes.Br, f.Label);
            }
            _il.MarkLabel(f.ElseLabel);
            for (int i = 0; i < locals.Length; i++) _il.Emit(OpCodes.Ldloc, f.IfParams![i]);
            for (int i = locals.Length - 1; i >= 0; i--) _il.Emit(OpCodes.Stloc, locals[i]);
            f.LabelUsed = true;
            fallsThrough = false;
            f.Unreachable = true;
        }
        if (f.IfParams is not null) foreach (var l in f.IfParams) ReleaseTemp(l);

        bool viaLabel = f.Kind != FrameKind.Loop && f.LabelUsed;
        _stack.RemoveRange(f.Height, _stack.Count - f.Height);
        _frames.RemoveAt(_frames.Count - 1);

        if (viaLabel)
        {
            var locals = LabelLocalsOf(f);
            if (fallsThrough)
            {
                FlushFuel();
                for (int i = locals.Length - 1; i >= 0; i--) _il.Emit(OpCodes.Stloc, locals[i]);
            }
            _il.MarkLabel(f.Label);
            RestoreSpilled(f);
            foreach (var l in locals) _il.Emit(OpCodes.Ldloc, l);
        }
        else if (fallsThrough)
        {
            if (f.Spilled.Count > 0)
            {
                var temps = new LocalBuilder[f.Results.Length];
                for (int i = temps.Length - 1; i >= 0; i--)
                {
                    temps[i] = RentTemp(ClrTypes.Of(f.Results[i]));
                    _il.Emit(OpCodes.Stloc, temps[i]);
                }
                RestoreSpilled(f);
                foreach (var t in temps)
                {
                    _il.Emit(OpCodes.Ldloc, t);
                    ReleaseTemp(t);
                }
            }
        }
        else
        {
            // Neither reached by a branch nor by falling through: what follows is dead code.
            foreach (var l in f.Spilled) ReleaseTemp(l);
            _stack.AddRange(f.SpilledTypes);
            CurrentFrame.Unreachable = true;
            return;
        }
        _stack.AddRange(f.Results);
    }

    private void RestoreSpilled(Frame f)
    {
        for (int i = 0; i < f.Spilled.Count; i++)
        {
            _il.Emit(OpCodes.Ldloc, f.Spilled[i]);
            ReleaseTemp(f.Spilled[i]);
        }
        _stack.AddRange(f.SpilledTypes);
    }

    /// <summary>Walks dead code after an unconditional transfer without emitting it, tracking nesting so the
    /// matching <c>else</c>/<c>end</c> is found (the validator already checked it).</summary>
    private void SkipUnreachable(byte op)
    {
        var f = CurrentFrame;
        switch (op)
        {
            case Opcode.Block or Opcode.Loop or Opcode.If:
                _r.ReadVarS33();
                f.DeadDepth++;
                return;
            case Opcode.Else when f.DeadDepth == 0:
                EmitElse();
                return;
            case Opcode.End when f.DeadDepth == 0:
                EmitEnd();
                return;
            case Opcode.End:
                f.DeadDepth--;
                return;
            case Opcode.Else:
                return;
            case Opcode.PrefixFD:
                SkipSimd();
                return;
            default:
                InstructionSkipper.SkipImmediates(op, _r.Offset - 1, ref _r);
                return;
        }
    }
}
