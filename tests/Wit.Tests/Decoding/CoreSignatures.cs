using WitSharp.Wit.Abi;

namespace WitSharp.Wit.Tests.Decoding;

/// <summary>A minimal reader of a core module's function signatures by import and export name (core
/// binary format: type, import, function and export sections), enough to check flattened signatures
/// against what real producers emitted. Test-only: the runtime has the full core decoder.</summary>
internal sealed class CoreSignatures
{
    private readonly byte[] _b;
    private int _pos;

    private CoreSignatures() => _b = [];

    private CoreSignatures(byte[] bytes, int start, int end)
    {
        _b = bytes;
        _pos = start + 8;
        var types = new List<string>();
        var funcTypes = new List<int>();
        while (_pos < end)
        {
            var id = _b[_pos++];
            var size = (int)U32();
            var next = _pos + size;
            switch (id)
            {
                case 1:
                    for (var n = U32(); n > 0; n--) types.Add(FuncType());
                    break;
                case 2:
                    for (var n = U32(); n > 0; n--)
                    {
                        var module = Name();
                        var name = Name();
                        var kind = _b[_pos++];
                        if (kind == 0x00)
                        {
                            var t = (int)U32();
                            funcTypes.Add(t);
                            Imports[module + "#" + name] = types[t];
                        }
                        else
                        {
                            SkipImportDesc(kind);
                        }
                    }
                    break;
                case 3:
                    for (var n = U32(); n > 0; n--) funcTypes.Add((int)U32());
                    break;
                case 7:
                    for (var n = U32(); n > 0; n--)
                    {
                        var name = Name();
                        var kind = _b[_pos++];
                        var index = (int)U32();
                        if (kind == 0x00) Exports[name] = types[funcTypes[index]];
                    }
                    break;
            }
            _pos = next;
        }
    }

    /// <summary>Exported functions: name → "(params) -> (results)" as <see cref="FlatSignature.ToString"/> writes it.</summary>
    public Dictionary<string, string> Exports { get; } = new();

    /// <summary>Imported functions: "module#name" → signature.</summary>
    public Dictionary<string, string> Imports { get; } = new();

    /// <summary>All modules' imports and exports in one table (the first module naming a function wins).</summary>
    public static CoreSignatures Union(IEnumerable<CoreSignatures> modules)
    {
        var all = new CoreSignatures();
        foreach (var m in modules)
        {
            foreach (var kv in m.Exports) all.Exports.TryAdd(kv.Key, kv.Value);
            foreach (var kv in m.Imports) all.Imports.TryAdd(kv.Key, kv.Value);
        }
        return all;
    }

    public static CoreSignatures Read(byte[] bytes) => new(bytes, 0, bytes.Length);

    public static CoreSignatures Read(ArraySegment<byte> module) => new(module.Array!, module.Offset, module.Offset + module.Count);

    /// <summary>Skips a non-function import: table (reftype, limits), memory (limits), global (valtype, mut),
    /// tag (attribute, type index).</summary>
    private void SkipImportDesc(byte kind)
    {
        switch (kind)
        {
            case 0x01:
                _pos++;
                Limits();
                break;
            case 0x02:
                Limits();
                break;
            case 0x03:
                _pos += 2;
                break;
            case 0x04:
                _pos++;
                U32();
                break;
            default:
                throw new InvalidDataException("unknown import kind 0x" + kind.ToString("x2"));
        }
    }

    private void Limits()
    {
        var flags = _b[_pos++];
        U32();
        if ((flags & 1) != 0) U32();
    }

    private string FuncType()
    {
        if (_b[_pos++] != 0x60) throw new InvalidDataException("only plain function types are read");
        var ps = new List<string>();
        for (var n = U32(); n > 0; n--) ps.Add(ValType(_b[_pos++]));
        var rs = new List<string>();
        for (var n = U32(); n > 0; n--) rs.Add(ValType(_b[_pos++]));
        return "(" + string.Join(" ", ps) + ") -> (" + string.Join(" ", rs) + ")";
    }

    private static string ValType(byte b) => b switch
    {
        0x7F => "i32",
        0x7E => "i64",
        0x7D => "f32",
        0x7C => "f64",
        _ => "0x" + b.ToString("x2"),
    };

    private string Name()
    {
        var len = (int)U32();
        var s = System.Text.Encoding.UTF8.GetString(_b, _pos, len);
        _pos += len;
        return s;
    }

    private uint U32()
    {
        uint result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _b[_pos++];
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }
}
