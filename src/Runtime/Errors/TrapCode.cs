namespace WitSharp;

/// <summary>Why guest code trapped. Names follow wasmtime-dotnet's <c>TrapCode</c> so programs move over
/// unchanged; <see cref="OutOfFuel"/> and <see cref="Interrupt"/> are the two interruption traps.</summary>
public enum TrapCode
{
    /// <summary>The call stack was exhausted (deep or unbounded recursion).</summary>
    StackOverflow,
    /// <summary>A load or store fell outside linear memory.</summary>
    MemoryOutOfBounds,
    /// <summary>An atomic access was not aligned (reserved; the 2.0 feature set has none).</summary>
    HeapMisaligned,
    /// <summary>A table access fell outside the table.</summary>
    TableOutOfBounds,
    /// <summary><c>call_indirect</c> reached a null entry.</summary>
    IndirectCallToNull,
    /// <summary><c>call_indirect</c> reached a function of another type.</summary>
    BadSignature,
    /// <summary>Signed division overflowed (<c>INT_MIN / -1</c>).</summary>
    IntegerOverflow,
    /// <summary>Integer division or remainder by zero.</summary>
    IntegerDivisionByZero,
    /// <summary>A float-to-integer truncation was out of range or NaN.</summary>
    BadConversionToInteger,
    /// <summary>The <c>unreachable</c> instruction ran.</summary>
    UnreachableCodeReached,
    /// <summary>The epoch deadline passed.</summary>
    Interrupt,
    /// <summary>The store ran out of fuel.</summary>
    OutOfFuel,
    /// <summary>A component-level rule was broken (canonical ABI check, resource rule, borrow scope).</summary>
    CannotLeaveComponent,
}
