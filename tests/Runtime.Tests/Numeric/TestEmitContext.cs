using System.Reflection.Emit;
using WitSharp.Core.Compilation;

namespace WitSharp.Runtime.Tests.Numeric;

/// <summary>Thrown by the trap blocks of methods built with <see cref="TestEmitContext"/>.</summary>
public sealed class TestTrapException(TrapCode code) : Exception($"trap: {code}")
{
    public TrapCode Code { get; } = code;
}

/// <summary>The emitter's view of a function compiler, as the backend provides it: one cold trap block per
/// kind, placed after the body by <see cref="EmitTrapBlocks"/>, and a pool of scratch locals. It counts
/// rentals so tests can check the emitter returns every temp.</summary>
internal sealed class TestEmitContext(ILGenerator il) : IEmitContext
{
    private static readonly System.Reflection.ConstructorInfo s_trapConstructor =
        typeof(TestTrapException).GetConstructor([typeof(TrapCode)])!;

    private readonly Dictionary<TrapCode, Label> _traps = [];
    private readonly Dictionary<Type, Stack<LocalBuilder>> _free = [];

    public ILGenerator IL { get; } = il;

    public int OutstandingTemps { get; private set; }

    public Label TrapLabel(TrapCode code)
    {
        if (!_traps.TryGetValue(code, out var label))
            _traps[code] = label = IL.DefineLabel();
        return label;
    }

    public LocalBuilder RentTemp(Type type)
    {
        OutstandingTemps++;
        return _free.TryGetValue(type, out var stack) && stack.Count > 0 ? stack.Pop() : IL.DeclareLocal(type);
    }

    public void ReleaseTemp(LocalBuilder local)
    {
        OutstandingTemps--;
        if (!_free.TryGetValue(local.LocalType, out var stack))
            _free[local.LocalType] = stack = new();
        stack.Push(local);
    }

    public void EmitEffectiveAddress(uint memoryIndex, ulong offset, int bytes) =>
        throw new NotSupportedException("numeric tests use no memory");

    /// <summary>Places the trap blocks; call after the body's final <c>ret</c>.</summary>
    public void EmitTrapBlocks()
    {
        foreach (var (code, label) in _traps)
        {
            IL.MarkLabel(label);
            IL.Emit(OpCodes.Ldc_I4, (int)code);
            IL.Emit(OpCodes.Newobj, s_trapConstructor);
            IL.Emit(OpCodes.Throw);
        }
    }
}
