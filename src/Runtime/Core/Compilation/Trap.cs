namespace WitSharp.Core.Compilation;

/// <summary>Creates the trap exceptions thrown by compiled code's cold blocks and by run-time helpers.
/// Compiled code passes a <see cref="TrapKind"/> number; kinds beyond <see cref="TrapCode"/> carry the spec's
/// more specific message for the same code.</summary>
internal static class Trap
{
    /// <summary>Called only from cold blocks: <c>ldc.i4 kind; call Create; throw</c>.</summary>
    public static TrapException Create(int kind) => kind switch
    {
        (int)TrapKind.UndefinedElement => TrapException.FromGuest(TrapCode.TableOutOfBounds, "undefined element"),
        _ => new TrapException((TrapCode)kind),
    };

    public static TrapException MemoryOutOfBounds() => new(TrapCode.MemoryOutOfBounds);

    public static TrapException TableOutOfBounds() => new(TrapCode.TableOutOfBounds);
}

/// <summary>Trap identities known to compiled code: every <see cref="TrapCode"/> value, plus message variants.</summary>
internal enum TrapKind
{
    /// <summary><c>call_indirect</c> with an index past the end of the table (spec message "undefined element").</summary>
    UndefinedElement = 1000,
}
