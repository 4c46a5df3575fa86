using System;
using System.Reflection.Emit;

namespace WitSharp.Core.Compilation;

/// <summary>What an instruction emitter may ask of the function compiler that owns the method body.
/// Value representation on the IL stack (shared contract of every emitter): i32 → int32, i64 → int64,
/// f32 → float32, f64 → float64, v128 → <c>Vector128&lt;byte&gt;</c>, funcref and externref → object
/// references (null is the null reference).</summary>
internal interface IEmitContext
{
    /// <summary>The method body being emitted.</summary>
    ILGenerator IL { get; }

    /// <summary>The label of this method's cold block that throws a trap of <paramref name="code"/>
    /// (one shared block per kind per method, placed after the body: DESIGN.md "inline throws in cold
    /// blocks"). Branch to it with the IL stack empty or not; the block discards nothing it needs.</summary>
    Label TrapLabel(TrapCode code);

    /// <summary>Rents a scratch local of <paramref name="type"/>; give it back with <see cref="ReleaseTemp"/>.</summary>
    LocalBuilder RentTemp(Type type);

    /// <summary>Returns a local rented with <see cref="RentTemp"/> so later instructions can reuse it.</summary>
    void ReleaseTemp(LocalBuilder local);

    /// <summary>Pops an i32 address, checks that <paramref name="bytes"/> bytes at
    /// address + <paramref name="offset"/> lie inside memory <paramref name="memoryIndex"/> (trapping with
    /// <see cref="TrapCode.MemoryOutOfBounds"/> otherwise) and pushes the native <c>byte*</c> of the first one.</summary>
    void EmitEffectiveAddress(uint memoryIndex, ulong offset, int bytes);
}
