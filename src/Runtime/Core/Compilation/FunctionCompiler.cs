using System.Reflection;
using System.Reflection.Emit;
using WitSharp.Core.Binary;
using WitSharp.Core.Instances;

namespace WitSharp.Core.Compilation;

/// <summary>Translates one validated function body into the IL of its static method in a single pass.
/// Values live on the IL stack inside a block; at every block boundary the stack is spilled to locals
/// so that every label is reached with an empty IL stack (see FunctionCompiler.Control.cs). Instruction
/// groups live in partial files named after them; numeric and SIMD opcodes go to the emitters of
/// their owners through <see cref="IEmitContext"/>.</summary>
internal sealed partial class FunctionCompiler : IEmitContext
{
    private readonly ModuleCompilation _m;
    private readonly ModuleInfo _info;
    private readonly int _funcIndex;
    private readonly FuncType _type;
    private readonly ILGenerator _il;
    private readonly ValType[] _localTypes;
    private readonly LocalBuilder?[] _locals;
    private readonly short _ctxArg;
    private readonly List<ValType> _stack = [];
    private readonly List<Frame> _frames = [];
    private readonly Dictionary<Type, Stack<LocalBuilder>> _temps = [];
    private readonly List<(Label Label, int Kind)> _trapStubs = [];
    private readonly Dictionary<(int Kind, string Shape), Label> _sharedTraps = [];
    private LocalBuilder? _memBase, _memSize, _storeLocal;
    private int _pendingFuel;
    private WasmReader _r;
    private readonly ModuleBuilder? _moduleBuilder;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.FieldInfo, int>? _fieldTokens;

    public FunctionCompiler(ModuleCompilation module, int funcIndex, ILGenerator il)
    {
        _m = module;
        _info = module.Info;
        _funcIndex = funcIndex;
        _il = il;
        int defined = funcIndex - _info.ImportedFunctionCount;
        _type = _info.Types[(int)_info.FunctionTypeIndices[defined]];
        var body = _info.Bodies[defined];
        var types = new List<ValType>(_type.Params);
        foreach (var g in body.Locals)
            for (uint i = 0; i < g.Count; i++) types.Add(g.Type);
        _localTypes = [.. types];
        _locals = new LocalBuilder?[_localTypes.Length];
        _ctxArg = (short)_type.Params.Length;
        _r = new WasmReader(body.Code, body.CodeOffset);
        _moduleBuilder = module.Methods.Length > 0 ? module.Methods[0].Module as ModuleBuilder : null;
        _fieldTokens = _moduleBuilder is null ? null : FieldTokens.For(_moduleBuilder);
    }

    /// <summary><c>ldfld</c>/<c>stfld</c>/<c>ldsfld</c> of a runtime field, by per-module cached token (FieldTokens).</summary>
    private void EmitField(OpCode op, System.Reflection.FieldInfo field) => FieldTokens.Emit(_il, _moduleBuilder, _fieldTokens, op, field);

    public ILGenerator IL => _il;

    private bool HasMemory => _info.TotalMemoryCount > 0 && UsesMemory();

    /// <summary>Whether the body touches linear memory at all: functions that do not skip loading (and,
    /// after calls, reloading) the memory base and size. One cheap pass over the immediates.</summary>
    private bool UsesMemory()
    {
        var r = _r;
        while (!r.AtEnd)
        {
            byte op = r.ReadByte();
            switch (op)
            {
                case >= Opcode.I32Load and <= Opcode.MemoryGrow: return true;
                case Opcode.PrefixFC:
                {
                    uint sub = r.ReadVarU32();
                    if (sub is >= OpcodeFC.MemoryInit and <= OpcodeFC.MemoryFill) return true;
                    // Saturating truncations carry no immediate; table ops carry one or two indices.
                    switch (sub)
                    {
                        case OpcodeFC.TableInit or OpcodeFC.TableCopy: r.ReadVarU32(); r.ReadVarU32(); break;
                        case OpcodeFC.ElemDrop or OpcodeFC.TableGrow or OpcodeFC.TableSize or OpcodeFC.TableFill: r.ReadVarU32(); break;
                    }
                    break;
                }
                case Opcode.PrefixFD:
                {
                    uint sub = r.ReadVarU32();
                    if (!Simd.SimdOpcodes.TryGet(sub, out var info)) return true;
                    if (info.IsMemoryAccess) return true;
                    if (info.Immediate is Simd.SimdImmediate.V128Const or Simd.SimdImmediate.Shuffle16) r.ReadBytes(16);
                    else if (info.Immediate == Simd.SimdImmediate.Lane) r.ReadByte();
                    break;
                }
                default:
                    InstructionSkipper.SkipImmediates(op, r.Offset - 1, ref r);
                    break;
            }
        }
        return false;
    }

    public void Compile()
    {
        EmitPrologue();
        _frames.Add(new Frame(FrameKind.Function, [], _type.Results, _il.DefineLabel(), 0));
        while (_frames.Count > 0)
        {
            byte op = _r.ReadByte();
            if (CurrentFrame.Unreachable)
                SkipUnreachable(op);
            else
                EmitInstruction(op);
            if (_stack.Count > _maxStack) _maxStack = _stack.Count;
        }
        EmitTrapStubs();
    }

    /// <summary>Deepest wasm operand stack seen after any instruction (IL stack slots the JIT may spill).</summary>
    private int _maxStack;

    /// <summary>The native frame estimate of the compiled body (see <see cref="FrameGuard.Estimate"/>);
    /// call after <see cref="Compile"/>. Declaring one last local reveals how many IL locals exist.</summary>
    public long FrameEstimate()
    {
        long wasmBytes = 0;
        foreach (var t in _localTypes) wasmBytes += FrameGuard.Size(t);
        int ilLocals = _il.DeclareLocal(typeof(byte)).LocalIndex + 1;
        int wasmIlLocals = _localTypes.Length - _type.Params.Length;
        return FrameGuard.Estimate(wasmBytes, Math.Max(0, ilLocals - wasmIlLocals), _maxStack);
    }

    private Frame CurrentFrame => _frames[^1];

    /// <summary>Entry checks (DESIGN.md: stack depth, fuel and epoch are checked at function entry), wasm
    /// locals as IL locals, and the cached memory base and size.</summary>
    private void EmitPrologue()
    {
        _storeLocal = _il.DeclareLocal(typeof(StoreState));
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Store);
        _il.Emit(OpCodes.Stloc, _storeLocal);

        // The address of a local approximates the stack pointer; below the limit the guest has used its
        // stack budget (StackGuard), so trap before .NET's own stack overflow would kill the process.
        var marker = _il.DeclareLocal(typeof(byte));
        _il.Emit(OpCodes.Ldloca, marker);
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Ldloc, _storeLocal);
        EmitField(OpCodes.Ldfld, F.StackLimit);
        _il.Emit(OpCodes.Blt_Un, SharedTrap((int)TrapCode.StackOverflow, ""));

        for (int i = _type.Params.Length; i < _localTypes.Length; i++)
            _locals[i] = _il.DeclareLocal(ClrTypes.Of(_localTypes[i]));

        if (HasMemory)
        {
            _memBase = _il.DeclareLocal(typeof(byte*));
            _memSize = _il.DeclareLocal(typeof(ulong));
            ReloadMemory();
        }
        _pendingFuel = 1;
        EmitInterruptionChecks();
    }

    /// <summary>Reloads the cached memory base and size: after any call and after <c>memory.grow</c>,
    /// since growing may move the buffer.</summary>
    private void ReloadMemory()
    {
        if (_memBase is null) return;
        _il.EmitLdarg(_ctxArg);
        EmitField(OpCodes.Ldfld, F.Memory0);
        _il.Emit(OpCodes.Dup);
        EmitField(OpCodes.Ldfld, F.MemBase);
        _il.Emit(OpCodes.Stloc, _memBase);
        EmitField(OpCodes.Ldfld, F.MemLength);
        _il.Emit(OpCodes.Stloc, _memSize!);
    }

    /// <summary>Fuel and epoch checks, emitted only when the engine enables them (no cost otherwise).
    /// Runs at function entry and at every loop header, so every unbounded execution passes one.</summary>
    private void EmitInterruptionChecks()
    {
        if (_m.Fuel)
        {
            FlushFuel();
            _il.Emit(OpCodes.Ldloc, _storeLocal!);
            EmitField(OpCodes.Ldfld, F.Fuel);
            _il.Emit(OpCodes.Ldc_I4_0);
            _il.Emit(OpCodes.Conv_I8);
            _il.Emit(OpCodes.Blt, SharedTrap((int)TrapCode.OutOfFuel, ""));
        }
        if (_m.Epoch)
        {
            _il.Emit(OpCodes.Ldloc, _storeLocal!);
            EmitField(OpCodes.Ldfld, F.Epoch);
            _il.Emit(OpCodes.Volatile);
            EmitField(OpCodes.Ldfld, F.EpochValue);
            _il.Emit(OpCodes.Ldloc, _storeLocal!);
            EmitField(OpCodes.Ldfld, F.EpochDeadline);
            // Deadline reached: EpochDeadline.Reached traps, or runs the store's callback, which moves the
            // deadline and lets execution continue (wasmtime's epoch deadline callback).
            var onTime = _il.DefineLabel();
            _il.Emit(OpCodes.Blt, onTime);
            _il.Emit(OpCodes.Ldloc, _storeLocal!);
            _il.Emit(OpCodes.Call, typeof(EpochDeadline).GetMethod(nameof(EpochDeadline.Reached))!);
            _il.MarkLabel(onTime);
        }
    }

    /// <summary>Charges the instructions counted since the last flush (about one unit per instruction,
    /// as wasmtime counts). Called before every control transfer and call.</summary>
    private void FlushFuel()
    {
        if (!_m.Fuel || _pendingFuel == 0) return;
        _il.Emit(OpCodes.Ldloc, _storeLocal!);
        _il.Emit(OpCodes.Dup);
        EmitField(OpCodes.Ldfld, F.Fuel);
        _il.EmitLdcI8((long)_pendingFuel);
        _il.Emit(OpCodes.Sub);
        EmitField(OpCodes.Stfld, F.Fuel);
        _pendingFuel = 0;
    }

    // ---- IEmitContext ----

    /// <summary>The cold block for a trap raised by another emitter. While a numeric instruction is emitted,
    /// NumericEmitter's contract says the IL stack at its trap branches is the operand stack below the
    /// instruction, so blocks are shared by shape; otherwise each request gets a fresh block, whose stack
    /// shape is whatever its single branch has.</summary>
    public Label TrapLabel(TrapCode code)
    {
        if (_emitterOperands >= 0) return TrapHere((int)code, _emitterOperands);
        var label = _il.DefineLabel();
        _trapStubs.Add((label, (int)code));
        return label;
    }

    /// <summary>Operand count of the numeric instruction being emitted, or -1 outside one.</summary>
    private int _emitterOperands = -1;

    /// <summary>A cold block shared by every branch made with the same IL stack shape (our own checks know
    /// the shape exactly: <paramref name="shape"/> names the types on the IL stack at the branch).</summary>
    private Label SharedTrap(int kind, string shape)
    {
        if (!_sharedTraps.TryGetValue((kind, shape), out var label))
        {
            label = _il.DefineLabel();
            _sharedTraps.Add((kind, shape), label);
            _trapStubs.Add((label, kind));
        }
        return label;
    }

    /// <summary>The IL stack shape of the current frame, less the <paramref name="consumed"/> topmost values.</summary>
    private string StackShape(int consumed = 0)
    {
        int from = CurrentFrame.Height, to = _stack.Count - consumed;
        if (to <= from) return "";
        var chars = new char[to - from];
        for (int i = from; i < to; i++) chars[i - from] = (char)_stack[i];
        return new string(chars);
    }

    private Label TrapHere(int kind, int consumed = 0) => SharedTrap(kind, StackShape(consumed));

    public LocalBuilder RentTemp(Type type)
    {
        if (_temps.TryGetValue(type, out var pool) && pool.Count > 0) return pool.Pop();
        return _il.DeclareLocal(type);
    }

    public void ReleaseTemp(LocalBuilder local)
    {
        if (!_temps.TryGetValue(local.LocalType, out var pool)) _temps[local.LocalType] = pool = new Stack<LocalBuilder>();
        pool.Push(local);
    }

    private void EmitTrapStubs()
    {
        foreach (var (label, kind) in _trapStubs)
        {
            _il.MarkLabel(label);
            _il.Emit(OpCodes.Ldc_I4, kind);
            _il.Emit(OpCodes.Call, M.TrapCreate);
            _il.Emit(OpCodes.Throw);
        }
    }

    private void Push(ValType t) => _stack.Add(t);

    private ValType Pop()
    {
        var t = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return t;
    }

    private void Pop(int n) => _stack.RemoveRange(_stack.Count - n, n);

    private static InvalidOperationException Unsupported(string what) => new($"the compiler does not support {what}");
}

/// <summary>Fields and methods of the run-time types that compiled code touches, resolved once.</summary>
internal static class F
{
    public static readonly FieldInfo Store = typeof(InstanceContext).GetField(nameof(InstanceContext.Store))!;
    public static readonly FieldInfo Memory0 = typeof(InstanceContext).GetField(nameof(InstanceContext.Memory0))!;
    public static readonly FieldInfo Tables = typeof(InstanceContext).GetField(nameof(InstanceContext.Tables))!;
    public static readonly FieldInfo Globals = typeof(InstanceContext).GetField(nameof(InstanceContext.Globals))!;
    public static readonly FieldInfo Functions = typeof(InstanceContext).GetField(nameof(InstanceContext.Functions))!;
    public static readonly FieldInfo StackLimit = typeof(StoreState).GetField(nameof(StoreState.StackLimit))!;
    public static readonly FieldInfo Fuel = typeof(StoreState).GetField(nameof(StoreState.Fuel))!;
    public static readonly FieldInfo EpochDeadline = typeof(StoreState).GetField(nameof(StoreState.EpochDeadline))!;
    public static readonly FieldInfo Epoch = typeof(StoreState).GetField(nameof(StoreState.Epoch))!;
    public static readonly FieldInfo EpochValue = typeof(EpochCounter).GetField(nameof(EpochCounter.Value))!;
    public static readonly FieldInfo MemBase = typeof(MemoryInstance).GetField(nameof(MemoryInstance.Base))!;
    public static readonly FieldInfo MemLength = typeof(MemoryInstance).GetField(nameof(MemoryInstance.Length))!;
    public static readonly FieldInfo TableElements = typeof(TableInstance).GetField(nameof(TableInstance.Elements))!;
    public static readonly FieldInfo FuncCode = typeof(FunctionInstance).GetField(nameof(FunctionInstance.Code))!;
    public static readonly FieldInfo FuncContext = typeof(FunctionInstance).GetField(nameof(FunctionInstance.Context))!;
    public static readonly FieldInfo FuncSignature = typeof(FunctionInstance).GetField(nameof(FunctionInstance.SignatureId))!;
}

internal static class M
{
    public static readonly MethodInfo TrapCreate = typeof(Trap).GetMethod(nameof(Trap.Create))!;
    public static readonly MethodInfo MemoryGrow = typeof(MemoryInstance).GetMethod(nameof(MemoryInstance.GrowStatic))!;
    public static readonly MethodInfo Int32BitsToSingle = typeof(BitConverter).GetMethod(nameof(BitConverter.Int32BitsToSingle))!;
    public static readonly MethodInfo SingleToInt32Bits = typeof(BitConverter).GetMethod(nameof(BitConverter.SingleToInt32Bits))!;
    public static readonly MethodInfo Int64BitsToDouble = typeof(BitConverter).GetMethod(nameof(BitConverter.Int64BitsToDouble))!;
    public static readonly MethodInfo DoubleToInt64Bits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;
}
