using System.Numerics;
using WitSharp.Core.Binary;

namespace WitSharp.Runtime.Tests.Numeric;

/// <summary>The spec's numeric definitions written out plainly (spec "Numerics", with BigInteger and bit loops
/// where the emitter relies on hardware or tricks), as an oracle for random inputs. Values travel as bits:
/// i32/f32 in the low 32 bits. A trap is returned as a <see cref="TrapCode"/>.</summary>
internal static class NumericReference
{
    public static (ulong Value, TrapCode? Trap) Binary32(byte op, uint a, uint b)
    {
        int sa = (int)a, sb = (int)b;
        int k = (int)(b % 32);
        return op switch
        {
            Opcode.I32Add => (a + b, null),
            Opcode.I32Sub => (a - b, null),
            Opcode.I32Mul => ((uint)((ulong)a * b), null),
            Opcode.I32DivS => b == 0 ? (0, TrapCode.IntegerDivisionByZero)
                : sa == int.MinValue && sb == -1 ? (0, TrapCode.IntegerOverflow)
                : ((uint)(int)BigInteger.Divide(sa, sb), null),
            Opcode.I32DivU => b == 0 ? (0, TrapCode.IntegerDivisionByZero) : (a / b, null),
            Opcode.I32RemS => b == 0 ? (0, TrapCode.IntegerDivisionByZero) : ((uint)(int)BigInteger.Remainder(sa, sb), null),
            Opcode.I32RemU => b == 0 ? (0, TrapCode.IntegerDivisionByZero) : (a % b, null),
            Opcode.I32And => (a & b, null),
            Opcode.I32Or => (a | b, null),
            Opcode.I32Xor => (a ^ b, null),
            Opcode.I32Shl => ((uint)((ulong)a << k), null),
            Opcode.I32ShrS => ((uint)(sa >> k), null),
            Opcode.I32ShrU => (a >> k, null),
            Opcode.I32Rotl => ((uint)(((ulong)a << k) | ((ulong)a >> (32 - k))), null),
            Opcode.I32Rotr => ((uint)(((ulong)a >> k) | ((ulong)a << (32 - k))), null),
            Opcode.I32Eq => (a == b ? 1u : 0, null),
            Opcode.I32Ne => (a != b ? 1u : 0, null),
            Opcode.I32LtS => (sa < sb ? 1u : 0, null),
            Opcode.I32LtU => (a < b ? 1u : 0, null),
            Opcode.I32GtS => (sa > sb ? 1u : 0, null),
            Opcode.I32GtU => (a > b ? 1u : 0, null),
            Opcode.I32LeS => (sa <= sb ? 1u : 0, null),
            Opcode.I32LeU => (a <= b ? 1u : 0, null),
            Opcode.I32GeS => (sa >= sb ? 1u : 0, null),
            Opcode.I32GeU => (a >= b ? 1u : 0, null),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }

    public static (ulong Value, TrapCode? Trap) Binary64(byte op, ulong a, ulong b)
    {
        long sa = (long)a, sb = (long)b;
        int k = (int)(b % 64);
        BigInteger mask = ulong.MaxValue;
        return op switch
        {
            Opcode.I64Add => (a + b, null),
            Opcode.I64Sub => (a - b, null),
            Opcode.I64Mul => ((ulong)(new BigInteger(a) * b & mask), null),
            Opcode.I64DivS => b == 0 ? (0, TrapCode.IntegerDivisionByZero)
                : sa == long.MinValue && sb == -1 ? (0, TrapCode.IntegerOverflow)
                : ((ulong)(long)BigInteger.Divide(sa, sb), null),
            Opcode.I64DivU => b == 0 ? (0, TrapCode.IntegerDivisionByZero) : (a / b, null),
            Opcode.I64RemS => b == 0 ? (0, TrapCode.IntegerDivisionByZero) : ((ulong)(long)BigInteger.Remainder(sa, sb), null),
            Opcode.I64RemU => b == 0 ? (0, TrapCode.IntegerDivisionByZero) : (a % b, null),
            Opcode.I64And => (a & b, null),
            Opcode.I64Or => (a | b, null),
            Opcode.I64Xor => (a ^ b, null),
            Opcode.I64Shl => ((ulong)(new BigInteger(a) << k & mask), null),
            Opcode.I64ShrS => ((ulong)(sa >> k), null),
            Opcode.I64ShrU => (a >> k, null),
            Opcode.I64Rotl => ((ulong)((new BigInteger(a) << k | new BigInteger(a) >> (64 - k)) & mask), null),
            Opcode.I64Rotr => ((ulong)((new BigInteger(a) >> k | new BigInteger(a) << (64 - k)) & mask), null),
            Opcode.I64Eq => (a == b ? 1ul : 0, null),
            Opcode.I64Ne => (a != b ? 1ul : 0, null),
            Opcode.I64LtS => (sa < sb ? 1ul : 0, null),
            Opcode.I64LtU => (a < b ? 1ul : 0, null),
            Opcode.I64GtS => (sa > sb ? 1ul : 0, null),
            Opcode.I64GtU => (a > b ? 1ul : 0, null),
            Opcode.I64LeS => (sa <= sb ? 1ul : 0, null),
            Opcode.I64LeU => (a <= b ? 1ul : 0, null),
            Opcode.I64GeS => (sa >= sb ? 1ul : 0, null),
            Opcode.I64GeU => (a >= b ? 1ul : 0, null),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }

    /// <summary>clz/ctz/popcnt by walking the bits.</summary>
    public static ulong BitCount(string kind, ulong value, int width)
    {
        int n = 0;
        switch (kind)
        {
            case "clz": for (int i = width - 1; i >= 0 && (value >> i & 1) == 0; i--) n++; break;
            case "ctz": for (int i = 0; i < width && (value >> i & 1) == 0; i++) n++; break;
            default: for (int i = 0; i < width; i++) n += (int)(value >> i & 1); break;
        }
        return (ulong)n;
    }

    /// <summary>trunc(x) as an exact integer: the truncation of a finite double is itself an integral double.</summary>
    private static BigInteger TruncateExact(double value) => new(Math.Truncate(value));

    /// <summary>trunc / trunc_sat of a float (given as a double, exact for f32) to an N-bit integer.</summary>
    public static (ulong Value, TrapCode? Trap) Truncate(double value, int bits, bool signed, bool saturating)
    {
        BigInteger min = signed ? -(BigInteger.One << (bits - 1)) : 0;
        BigInteger max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
        BigInteger result;
        if (double.IsNaN(value))
        {
            if (!saturating) return (0, TrapCode.BadConversionToInteger);
            result = 0;
        }
        else if (double.IsInfinity(value))
        {
            if (!saturating) return (0, TrapCode.IntegerOverflow);
            result = value > 0 ? max : min;
        }
        else
        {
            result = TruncateExact(value);
            if (result < min || result > max)
            {
                if (!saturating) return (0, TrapCode.IntegerOverflow);
                result = result < min ? min : max;
            }
        }
        BigInteger mask = (BigInteger.One << bits) - 1;
        return ((ulong)(result & mask), null);
    }

    /// <summary>convert: an integer rounded to nearest, ties to even, into a float with
    /// <paramref name="mantissaBits"/> significant bits; returns the value as a double (exact for f32).</summary>
    public static double RoundToFloat(BigInteger value, int mantissaBits)
    {
        if (value.IsZero) return 0;
        int sign = value.Sign;
        var magnitude = BigInteger.Abs(value);
        long length = (long)magnitude.GetBitLength();
        if (length > mantissaBits)
        {
            int drop = (int)(length - mantissaBits);
            var kept = magnitude >> drop;
            var rest = magnitude - (kept << drop);
            var half = BigInteger.One << (drop - 1);
            if (rest > half || (rest == half && !kept.IsEven)) kept += 1;
            magnitude = kept << drop;
        }
        return sign * (double)magnitude; // exact: at most mantissaBits significant bits, below 2^65
    }

    /// <summary>fnearest: round half to even, keeping the sign of zero; NaN stays NaN.</summary>
    public static double Nearest(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || Math.Abs(x) >= 4503599627370496.0) return x;
        double floor = Math.Floor(x), diff = x - floor; // exact for |x| < 2^52
        double r = diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : (floor % 2 == 0 ? floor : floor + 1);
        return r == 0 ? Math.CopySign(0.0, x) : r;
    }
}
