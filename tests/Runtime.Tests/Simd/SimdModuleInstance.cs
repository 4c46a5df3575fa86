using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Simd;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>A trap raised by the test evaluator itself (an out-of-bounds access).</summary>
internal sealed class SimdEvalTrapException(string message) : Exception(message);

/// <summary>A decoded module whose straight-line SIMD exports can be invoked by calling <see cref="SimdOps"/>
/// through reflection, the same binding the function compiler uses. Memory 0 is a pinned buffer
/// initialised from the active data segments (when the module defines it and every segment offset is a
/// constant); it lives as long as the instance, so stores are seen by later invocations.</summary>
internal sealed unsafe class SimdModuleInstance
{
    private const int MaxPages = 16;
    private static readonly Type BytePtr = typeof(byte).MakePointerType();

    private readonly ModuleInfo _module;
    private readonly byte[]? _memory;
    private readonly string? _memoryProblem;
    private readonly object?[] _globals;

    public SimdModuleInstance(ModuleInfo module)
    {
        _module = module;
        // Globals defined with a single constant initializer; others (imported, or initialized by
        // global.get) are null and make any function that reads them non-evaluable.
        _globals = new object?[module.TotalGlobalCount];
        for (int g = 0; g < module.Globals.Count; g++)
        {
            if (SimdStraightLine.TryConstValue(module.Globals[g].Init, out var v)) _globals[module.ImportedGlobalCount + g] = v;
        }
        if (module.ImportedMemoryCount > 0) _memoryProblem = "imported memory";
        else if (module.Memories.Count == 0) _memoryProblem = "no memory";
        else if (module.Memories[0].Limits.Min > MaxPages) _memoryProblem = "memory larger than the test buffer";
        else
        {
            int size = (int)module.Memories[0].Limits.Min * 65536;
            var memory = GC.AllocateArray<byte>(Math.Max(size, 1), pinned: true);
            foreach (var seg in module.Data)
            {
                if (seg.Mode != SegmentMode.Active) continue;
                if (seg.MemoryIndex != 0 || !SimdStraightLine.TryDataOffset(seg, out long at))
                {
                    _memoryProblem = "data segment offset is not a constant";
                    break;
                }
                if (at + seg.Bytes.Length > size)
                {
                    _memoryProblem = "data segment out of bounds";
                    break;
                }
                seg.Bytes.Span.CopyTo(memory.AsSpan((int)at));
            }
            if (_memoryProblem is null)
            {
                _memory = memory;
                MemorySize = size;
            }
        }
    }

    public int MemorySize { get; }

    /// <summary>Prepares an export for evaluation, or says why it cannot be evaluated here.</summary>
    public bool TryPrepare(string export, out SimdFunction? function, out string reason)
    {
        function = null;
        var exp = _module.Exports.FirstOrDefault(e => e.Name == export && e.Kind == ExternKind.Func);
        if (exp is null)
        {
            reason = "no such function export";
            return false;
        }
        int defined = (int)exp.Index - _module.ImportedFunctionCount;
        if (defined < 0)
        {
            reason = "re-exported import";
            return false;
        }
        var body = _module.Bodies[defined];
        if (!SimdStraightLine.TryDecode(body, out var steps, out reason)) return false;
        if (steps.Any(s => s is GlobalGetStep g && _globals[g.Index] is null))
        {
            reason = "global without a constant initializer";
            return false;
        }
        if (_memory is null && steps.Any(s => s is SimdOpStep { Info.IsMemoryAccess: true } or ScalarStep { Opcode: >= 0x28 and <= 0x2B }))
        {
            reason = "memory access without a usable memory: " + _memoryProblem;
            return false;
        }
        var type = _module.Types[(int)_module.FunctionTypeIndices[defined]];
        var locals = new List<ValType>(type.Params);
        foreach (var g in body.Locals)
        {
            for (uint i = 0; i < g.Count; i++) locals.Add(g.Type);
        }
        if (locals.Any(t => !t.IsNumeric() && t != ValType.V128))
        {
            reason = "reference-typed parameter or local";
            return false;
        }
        function = new SimdFunction(this, type, [.. locals], steps);
        return true;
    }

    internal object?[] Run(SimdFunction f, object[] args)
    {
        if (args.Length != f.Type.Params.Length)
            throw new InvalidOperationException($"{args.Length} arguments for {f.Type.Params.Length} parameters");
        var locals = new object[f.Locals.Length];
        for (int i = 0; i < locals.Length; i++) locals[i] = i < args.Length ? args[i] : Zero(f.Locals[i]);
        var stack = new Stack<object>();
        foreach (var step in f.Steps)
        {
            switch (step)
            {
                case LocalGetStep g:
                    stack.Push(locals[g.Index]);
                    break;
                case ConstStep c:
                    stack.Push(c.Value);
                    break;
                case LocalSetStep l:
                    locals[l.Index] = l.Tee ? stack.Peek() : stack.Pop();
                    break;
                case GlobalGetStep g:
                    stack.Push(_globals[g.Index]!);
                    break;
                case GlobalSetStep g:
                    _globals[g.Index] = stack.Pop();
                    break;
                case ScalarStep x:
                    Scalar(x, stack);
                    break;
                case SimdOpStep s:
                    {
                        object? result = Call(s, stack);
                        if (result is not null) stack.Push(result);
                        break;
                    }
            }
        }
        var results = stack.Reverse().ToArray();
        if (results.Length != f.Type.Results.Length)
            throw new InvalidOperationException($"body left {results.Length} values for {f.Type.Results.Length} results");
        return results;
    }

    private void Scalar(ScalarStep x, Stack<object> stack)
    {
        switch (x.Opcode)
        {
            case Opcode.Drop:
                stack.Pop();
                break;
            case Opcode.Select:
                {
                    int c = (int)stack.Pop();
                    object b = stack.Pop(), a = stack.Pop();
                    stack.Push(c != 0 ? a : b);
                    break;
                }
            case Opcode.I32And or Opcode.I32Or or Opcode.I32Xor:
                {
                    int b = (int)stack.Pop(), a = (int)stack.Pop();
                    stack.Push(x.Opcode == Opcode.I32And ? a & b : x.Opcode == Opcode.I32Or ? a | b : a ^ b);
                    break;
                }
            default:
                {
                    int width = x.Opcode is Opcode.I32Load or Opcode.F32Load ? 4 : 8;
                    byte* p = Address((int)stack.Pop(), x.MemOffset, width);
                    stack.Push(x.Opcode switch
                    {
                        Opcode.I32Load => Unsafe.ReadUnaligned<int>(p),
                        Opcode.I64Load => Unsafe.ReadUnaligned<long>(p),
                        Opcode.F32Load => Unsafe.ReadUnaligned<float>(p),
                        _ => (object)Unsafe.ReadUnaligned<double>(p),
                    });
                    break;
                }
        }
    }

    // The bounds check the compiler emits (IEmitContext.EmitEffectiveAddress): address + offset + width ≤ size.
    private byte* Address(int address, ulong offset, int width)
    {
        ulong ea = (uint)address + offset;
        if (ea + (ulong)width > (ulong)MemorySize) throw new SimdEvalTrapException("out of bounds memory access");
        return (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_memory!)) + ea;
    }

    private object? Call(SimdOpStep s, Stack<object> stack)
    {
        var info = s.Info;
        var method = typeof(SimdOps).GetMethod(info.MethodName)
            ?? throw new InvalidOperationException($"SimdOps.{info.MethodName} is missing");
        var operands = new object[info.Params.Length];
        for (int i = operands.Length - 1; i >= 0; i--) operands[i] = stack.Pop();

        object?[] args;
        switch (info.Immediate)
        {
            case SimdImmediate.V128Const:
                {
                    var (lo, hi) = SimdStraightLine.Halves(s.Bytes);
                    args = [lo, hi];
                    break;
                }
            case SimdImmediate.Shuffle16:
                args = [operands[0], operands[1], Vector128.Create(s.Bytes)];
                break;
            case SimdImmediate.Lane:
                args = [.. operands, s.Lane];
                break;
            case SimdImmediate.MemArg or SimdImmediate.MemArgLane:
                {
                    object ptr = Pointer.Box(Address((int)operands[0], s.MemOffset, info.AccessBytes), BytePtr);
                    args = info.Immediate == SimdImmediate.MemArgLane ? [ptr, operands[1], s.Lane]
                        : info.IsStore ? [ptr, operands[1]]
                        : [ptr];
                    break;
                }
            default:
                args = operands;
                break;
        }
        try
        {
            return method.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"{info.Name} threw {e.InnerException.GetType().Name}: {e.InnerException.Message}", e.InnerException);
        }
    }

    private static object Zero(ValType t) => t switch
    {
        ValType.I32 => 0,
        ValType.I64 => 0L,
        ValType.F32 => 0f,
        ValType.F64 => 0d,
        ValType.V128 => Vector128<byte>.Zero,
        _ => throw new NotSupportedException($"local of type {t.ToText()}"),
    };
}

/// <summary>A prepared straight-line SIMD export.</summary>
internal sealed class SimdFunction(SimdModuleInstance instance, FuncType type, ValType[] locals, List<SimdStep> steps)
{
    public FuncType Type { get; } = type;
    public ValType[] Locals { get; } = locals;
    public List<SimdStep> Steps { get; } = steps;

    public object?[] Invoke(object[] args) => instance.Run(this, args);
}
