using System.Globalization;
using System.Numerics;

namespace WitSharp.Core.Text;

/// <summary>Integer and float literals of the text format (spec text/values: integers, floating-point),
/// converted to the bit patterns the binary format stores. Floats are rounded to nearest-even directly
/// from the literal (never through a wider type) so that every literal gets the spec's bits.</summary>
internal static class NumericLiterals
{
    /// <summary>Parses an integer literal of <paramref name="bits"/> width. Accepts the signed and the
    /// unsigned range (spec: <c>iN</c> is <c>uN | sN</c>) and returns the two's-complement bits.</summary>
    public static ulong ParseInt(SExpr tok, int bits)
    {
        if (!TryParseInt(tok.Text, bits, out ulong v, out bool outOfRange))
        {
            if (outOfRange) throw tok.Error("constant out of range");
            throw NotALiteral(tok);
        }
        return v;
    }

    public static bool TryParseInt(string text, int bits, out ulong value, out bool outOfRange)
    {
        value = 0;
        outOfRange = false;
        bool neg = false;
        string s = text;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }
        if (!TryParseUnsigned(s, out ulong mag, out bool overflow))
        {
            outOfRange = overflow;
            return false;
        }
        ulong umax = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        ulong sminMag = 1UL << (bits - 1);
        if (neg)
        {
            if (mag > sminMag) { outOfRange = true; return false; }
            value = (0UL - mag) & umax;
        }
        else
        {
            if (mag > umax) { outOfRange = true; return false; }
            value = mag;
        }
        return true;
    }

    /// <summary>An unsigned decimal or <c>0x</c> hex number with single underscores between digits.
    /// <paramref name="overflow"/> is set when the digits are well-formed but exceed 64 bits.</summary>
    public static bool TryParseUnsigned(string s, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            string h = s[2..];
            if (SExprReader.TryParseHex(h, out value)) return true;
            overflow = IsDigits(h, hex: true);
            return false;
        }
        if (!IsDigits(s, hex: false)) return false;
        foreach (char c in s)
        {
            if (c == '_') continue;
            ulong d = (ulong)(c - '0');
            if (value > (ulong.MaxValue - d) / 10) { overflow = true; return false; }
            value = value * 10 + d;
        }
        return true;
    }

    private static bool IsDigits(string s, bool hex)
    {
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_') return false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_') { if (s[i - 1] == '_') return false; continue; }
            if (hex ? !Uri.IsHexDigit(c) : c is < '0' or > '9') return false;
        }
        return true;
    }

    public static uint ParseF32(SExpr tok) => (uint)ParseFloat(tok, 23, 8);

    public static ulong ParseF64(SExpr tok) => ParseFloat(tok, 52, 11);

    private static ulong ParseFloat(SExpr tok, int mantBits, int expBits)
    {
        var r = TryParseFloat(tok.Text, mantBits, expBits, out ulong v);
        if (r == FloatResult.Ok) return v;
        if (r == FloatResult.OutOfRange) throw tok.Error("constant out of range");
        throw NotALiteral(tok);
    }

    /// <summary>The spec interpreter's lexer reads a stray keyword as an operator, but the NaN result
    /// patterns of scripts are tokens of their own, so they are "unexpected" in a module.</summary>
    private static MalformedException NotALiteral(SExpr tok) =>
        tok.Error(tok.Kind is SExprKind.Reserved or SExprKind.Keyword && tok.Text is not ("nan:canonical" or "nan:arithmetic")
            ? $"unknown operator {tok.Text}" : $"unexpected token {tok.Text}");

    internal enum FloatResult { Ok, Syntax, OutOfRange }

    internal static FloatResult TryParseFloat(string text, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        ulong signBit = 0;
        string s = text;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            if (s[0] == '-') signBit = 1UL << (mantBits + expBits);
            s = s[1..];
        }
        ulong expAll = ((1UL << expBits) - 1) << mantBits;
        if (s == "inf") { bits = signBit | expAll; return FloatResult.Ok; }
        if (s == "nan") { bits = signBit | expAll | (1UL << (mantBits - 1)); return FloatResult.Ok; }
        if (s.StartsWith("nan:0x", StringComparison.Ordinal))
        {
            if (!SExprReader.TryParseHex(s[6..], out ulong payload))
                return IsDigits(s[6..], hex: true) ? FloatResult.OutOfRange : FloatResult.Syntax;
            if (payload == 0 || payload >= 1UL << mantBits) return FloatResult.OutOfRange;
            bits = signBit | expAll | payload;
            return FloatResult.Ok;
        }
        bool hex = s.StartsWith("0x", StringComparison.Ordinal);
        string body = hex ? s[2..] : s;
        int expMark = body.IndexOfAny(hex ? ['p', 'P'] : ['e', 'E']);
        string mant = expMark >= 0 ? body[..expMark] : body;
        string? expText = expMark >= 0 ? body[(expMark + 1)..] : null;
        int dot = mant.IndexOf('.');
        string intPart = dot >= 0 ? mant[..dot] : mant;
        string fracPart = dot >= 0 ? mant[(dot + 1)..] : "";
        if (!IsDigits(intPart, hex)) return FloatResult.Syntax;
        if (fracPart.Length > 0 && !IsDigits(fracPart, hex)) return FloatResult.Syntax;
        long exp = 0;
        if (expText is not null)
        {
            string e = expText;
            bool eneg = false;
            if (e.Length > 0 && (e[0] == '+' || e[0] == '-')) { eneg = e[0] == '-'; e = e[1..]; }
            if (!IsDigits(e, hex: false)) return FloatResult.Syntax;
            foreach (char c in e)
            {
                if (c == '_') continue;
                exp = Math.Min(exp * 10 + (c - '0'), 1_000_000_000L);
            }
            if (eneg) exp = -exp;
        }
        if (!hex)
        {
            string clean = (intPart + "." + (fracPart.Length > 0 ? fracPart : "0")).Replace("_", "") + "e" + exp.ToString(CultureInfo.InvariantCulture);
            if (mantBits == 23)
            {
                float f = float.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (float.IsInfinity(f)) return FloatResult.OutOfRange;
                bits = BitConverter.SingleToUInt32Bits(f) | signBit;
            }
            else
            {
                double d = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsInfinity(d)) return FloatResult.OutOfRange;
                bits = BitConverter.DoubleToUInt64Bits(d) | signBit;
            }
            return FloatResult.Ok;
        }
        var m = BigInteger.Zero;
        foreach (char c in intPart + fracPart)
        {
            if (c == '_') continue;
            m = (m << 4) | Convert.ToInt32(c.ToString(), 16);
        }
        int fracDigits = fracPart.Replace("_", "").Length;
        long e2 = exp - 4L * fracDigits;
        if (!RoundToBinary(m, e2, mantBits, expBits, out ulong mag)) return FloatResult.OutOfRange;
        bits = signBit | mag;
        return FloatResult.Ok;
    }

    /// <summary>Rounds <c>m * 2^e2</c> to nearest-even in a binary format with the given field widths
    /// (subnormals included). Returns false on overflow to infinity.</summary>
    internal static bool RoundToBinary(BigInteger m, long e2, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        if (m.IsZero) return true;
        long bias = (1L << (expBits - 1)) - 1;
        long minExp = 1 - bias;
        long bitLen = (long)m.GetBitLength();
        long top = bitLen - 1 + e2;
        long lsbExp = Math.Max(top - mantBits, minExp - mantBits);
        long shift = lsbExp - e2;
        BigInteger q;
        if (shift <= 0)
        {
            q = m << (int)Math.Min(-shift, 4096);
        }
        else if (shift > bitLen + 1)
        {
            q = BigInteger.Zero;
        }
        else
        {
            q = m >> (int)shift;
            var rem = m - (q << (int)shift);
            var half = BigInteger.One << (int)(shift - 1);
            if (rem > half || (rem == half && !q.IsEven)) q += 1;
        }
        if (q.GetBitLength() > mantBits + 1)
        {
            q >>= 1;
            lsbExp++;
        }
        var hidden = BigInteger.One << mantBits;
        if (q < hidden)
        {
            bits = (ulong)q;
            return true;
        }
        long expField = lsbExp + mantBits + bias;
        if (expField >= (1L << expBits) - 1) return false;
        bits = ((ulong)expField << mantBits) | (ulong)(q - hidden);
        return true;
    }
}
