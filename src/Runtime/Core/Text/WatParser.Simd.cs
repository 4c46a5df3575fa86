namespace WitSharp.Core.Text;

/// <summary>Immediates of the SIMD instructions (spec text/instructions 6.5.8: vector instructions).</summary>
internal sealed partial class WatParser
{
    private static void EncodeSimdImmediates(SExpr tok, InstrInfo info, List<SExpr> items, ref int i, BinaryBuilder o)
    {
        switch (info.Kind)
        {
            case ImmKind.V128:
                o.Bytes(ParseV128(tok, items, ref i));
                break;
            case ImmKind.Shuffle:
                for (int k = 0; k < 16; k++)
                {
                    if (i >= items.Count || items[i].IsList || items[i].Kind is not (SExprKind.Reserved or SExprKind.Keyword)) throw (i < items.Count ? items[i] : tok).Error("invalid lane length");
                    o.Byte(ParseLaneIndex(items[i++], shuffle: true));
                }
                if (i < items.Count && !items[i].IsList && items[i].Kind == SExprKind.Reserved) throw items[i].Error("invalid lane length");
                break;
            case ImmKind.Lane:
                o.Byte(ParseLaneIndex(Next(items, ref i, tok)));
                break;
            case ImmKind.MemargLane:
                EncodeMemarg(items, ref i, info.NaturalAlign, o);
                o.Byte(ParseLaneIndex(Next(items, ref i, tok)));
                break;
            default:
                throw tok.Error($"unknown operator {tok.Text}");
        }
    }

    private static byte ParseLaneIndex(SExpr tok, bool shuffle = false)
    {
        // Spec interpreter wording: a shuffle's 16 lane literals are read as a list of numbers, so a
        // non-integer there is a malformed lane index; a lone lane immediate that is not a natural
        // number is an unexpected token. Too large is malformed in both.
        if (tok.Kind is not (SExprKind.Reserved or SExprKind.Keyword) || !NumericLiterals.TryParseUnsigned(tok.Text, out ulong v, out _))
            throw tok.Error(shuffle ? "malformed lane index" : $"unexpected token {tok.Text}");
        if (v > 255) throw tok.Error("malformed lane index");
        return (byte)v;
    }

    /// <summary><c>v128.const shape lane*</c>: reads the lanes of the shape and returns the 16 little-endian bytes.</summary>
    internal static byte[] ParseV128(SExpr at, List<SExpr> items, ref int i)
    {
        if (i >= items.Count || items[i].Kind != SExprKind.Keyword) throw (i < items.Count ? items[i] : at).Error("unexpected token: expected a vector shape");
        var shape = items[i++];
        var (lanes, bits, isFloat) = shape.Text switch
        {
            "i8x16" => (16, 8, false),
            "i16x8" => (8, 16, false),
            "i32x4" => (4, 32, false),
            "i64x2" => (2, 64, false),
            "f32x4" => (4, 32, true),
            "f64x2" => (2, 64, true),
            _ => throw shape.Error($"unexpected token {shape.Text}"),
        };
        var bytes = new byte[16];
        int width = bits / 8;
        for (int k = 0; k < lanes; k++)
        {
            if (i >= items.Count || items[i].IsList || items[i].Kind is not (SExprKind.Reserved or SExprKind.Keyword))
                throw (i < items.Count ? items[i] : shape).Error("wrong number of lane literals");
            var lit = items[i++];
            ulong v = isFloat ? (bits == 32 ? NumericLiterals.ParseF32(lit) : NumericLiterals.ParseF64(lit)) : NumericLiterals.ParseInt(lit, bits);
            for (int b = 0; b < width; b++) bytes[k * width + b] = (byte)(v >> (8 * b));
        }
        if (i < items.Count && !items[i].IsList && items[i].Kind is SExprKind.Reserved)
            throw items[i].Error("wrong number of lane literals");
        return bytes;
    }
}
