using WitSharp.Core;
using WitSharp.Core.Text;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>A value an action produced, held as bits so NaN payloads compare exactly
/// (spec interpreter script semantics: results are compared bitwise, NaN patterns by payload).</summary>
internal readonly record struct SpecValue(ValType Type, ulong Lo, ulong Hi = 0, object? Ref = null)
{
    public bool IsNull => Type is ValType.FuncRef or ValType.ExternRef && Ref is null;

    public override string ToString() => Type switch
    {
        ValType.FuncRef or ValType.ExternRef => Ref is null ? $"{Type.ToText()}:null" : $"{Type.ToText()}:{Ref}",
        _ => new WastValue(Type, Lo, Hi).ToString(),
    };
}

/// <summary>The host value behind <c>(ref.extern n)</c>: equal when n is equal.</summary>
internal sealed record SpecExternRef(ulong Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Matches results against <c>assert_return</c> patterns and trap messages against trap codes.</summary>
internal static class SpecMatch
{
    public static bool Matches(WastResult expected, SpecValue got)
    {
        switch (expected.Kind)
        {
            case WastResultKind.Either:
                return expected.Alternatives.Any(a => Matches(a, got));
            case WastResultKind.AnyRef:
                return got.Type == expected.Type && got.Ref is not null;
            case WastResultKind.NanCanonical:
                return got.Type == expected.Type && IsNan(expected.Type, got.Lo, canonical: true);
            case WastResultKind.NanArithmetic:
                return got.Type == expected.Type && IsNan(expected.Type, got.Lo, canonical: false);
            case WastResultKind.V128Lanes:
                {
                    if (got.Type != ValType.V128) return false;
                    int bits = expected.LaneBits;
                    for (int k = 0; k < expected.Lanes.Count; k++)
                    {
                        ulong lane = Lane(got.Lo, got.Hi, k, bits);
                        if (!Matches(expected.Lanes[k], new SpecValue(expected.LaneType, lane))) return false;
                    }
                    return true;
                }
            default:
                return Equal(expected.Value, got);
        }
    }

    private static bool Equal(WastValue e, SpecValue got)
    {
        if (e.Type != got.Type) return false;
        return e.Type switch
        {
            ValType.I32 or ValType.F32 => (uint)e.Lo == (uint)got.Lo,
            ValType.I64 or ValType.F64 => e.Lo == got.Lo,
            ValType.V128 => e.Lo == got.Lo && e.Hi == got.Hi,
            ValType.FuncRef => e.IsNull && got.Ref is null,
            ValType.ExternRef => e.IsNull ? got.Ref is null : got.Ref is SpecExternRef r && r.Value == e.Lo,
            _ => false,
        };
    }

    private static ulong Lane(ulong lo, ulong hi, int index, int bits)
    {
        int bit = index * bits;
        ulong word = bit < 64 ? lo : hi;
        int shift = bit % 64;
        return bits == 64 ? word : (word >> shift) & ((1UL << bits) - 1);
    }

    /// <summary>Spec 4.3.3: a canonical NaN has only the top payload bit set; an arithmetic NaN has at least it.</summary>
    private static bool IsNan(ValType type, ulong bits, bool canonical)
    {
        if (type == ValType.F32)
        {
            uint b = (uint)bits & 0x7FFF_FFFF;
            return canonical ? b == 0x7FC0_0000 : (b & 0x7FC0_0000) == 0x7FC0_0000;
        }
        ulong d = bits & 0x7FFF_FFFF_FFFF_FFFF;
        return canonical ? d == 0x7FF8_0000_0000_0000 : (d & 0x7FF8_0000_0000_0000) == 0x7FF8_0000_0000_0000;
    }

    /// <summary>The trap code a spec trap message stands for (messages of the spec interpreter).</summary>
    public static TrapCode? TrapFor(string message) => message switch
    {
        _ when message.StartsWith("unreachable", StringComparison.Ordinal) => TrapCode.Unreachable,
        _ when message.StartsWith("integer divide by zero", StringComparison.Ordinal) => TrapCode.IntegerDivisionByZero,
        _ when message.StartsWith("integer overflow", StringComparison.Ordinal) => TrapCode.IntegerOverflow,
        _ when message.StartsWith("invalid conversion to integer", StringComparison.Ordinal) => TrapCode.BadConversionToInteger,
        _ when message.StartsWith("out of bounds memory access", StringComparison.Ordinal) => TrapCode.MemoryOutOfBounds,
        _ when message.StartsWith("out of bounds table access", StringComparison.Ordinal) => TrapCode.TableOutOfBounds,
        // call_indirect with an index past the table's end.
        _ when message.StartsWith("undefined element", StringComparison.Ordinal) => TrapCode.TableOutOfBounds,
        _ when message.StartsWith("uninitialized element", StringComparison.Ordinal) => TrapCode.IndirectCallToNull,
        _ when message.StartsWith("indirect call type mismatch", StringComparison.Ordinal) => TrapCode.BadSignature,
        _ when message.StartsWith("call stack exhausted", StringComparison.Ordinal) => TrapCode.StackOverflow,
        _ => null,
    };
}
