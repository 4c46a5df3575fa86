namespace WitSharp.Wit.Tests.Abi;

/// <summary>Reads the oracle's s-expression type syntax (see make_oracle.py) into model types.</summary>
internal sealed class OracleTypeReader(string text, ModelBuilder b)
{
    private int _pos;

    public WitType Read()
    {
        var t = ReadType() ?? throw new FormatException("'_' is not a type: " + text);
        Assert.Equal(text.Length, _pos);
        return t;
    }

    private WitType? ReadType()
    {
        if (text[_pos] != '(')
        {
            var atom = Atom();
            return atom == "_" ? null : atom switch
            {
                "bool" => WitType.Bool, "u8" => WitType.U8, "s8" => WitType.S8, "u16" => WitType.U16,
                "s16" => WitType.S16, "u32" => WitType.U32, "s32" => WitType.S32, "u64" => WitType.U64,
                "s64" => WitType.S64, "f32" => WitType.F32, "f64" => WitType.F64, "char" => WitType.Char,
                "string" => WitType.String, "error-context" => WitType.ErrorContext,
                _ => throw new FormatException("unknown atom " + atom),
            };
        }
        _pos++;
        var head = Atom();
        var args = new List<string>();
        var types = new List<WitType?>();
        while (text[_pos] != ')')
        {
            _pos++; // the space before each argument
            if (char.IsDigit(text[_pos])) args.Add(Atom());
            else types.Add(ReadType());
        }
        _pos++;
        var n = args.Count > 0 ? int.Parse(args[0]) : 0;
        return head switch
        {
            "list" when args.Count > 0 => b.FixedList(types[0]!.Value, (uint)n),
            "list" => b.List(types[0]!.Value),
            "record" => b.Record(types.Select((t, i) => ("f" + i, t!.Value)).ToArray()),
            "tuple" => b.Tuple(types.Select(t => t!.Value).ToArray()),
            "variant" => b.Variant(types.ToArray()),
            "enum" => b.Enum(n),
            "flags" => b.Flags(n),
            "option" => b.Option(types[0]!.Value),
            "result" => b.Result(types[0], types[1]),
            "own" => b.Own(b.Resource()),
            "borrow" => b.Borrow(b.Resource()),
            "future" => b.Future(types[0]),
            "stream" => b.Stream(types[0]),
            "map" => b.Map(types[0]!.Value, types[1]!.Value),
            _ => throw new FormatException("unknown form " + head),
        };
    }

    private string Atom()
    {
        var start = _pos;
        while (_pos < text.Length && text[_pos] is not (' ' or '(' or ')')) _pos++;
        return text.Substring(start, _pos - start);
    }
}
