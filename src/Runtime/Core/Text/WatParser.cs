using System.Text;

namespace WitSharp.Core.Text;

/// <summary>Turns one text-format module (spec text/modules) into its canonical binary. Two passes over
/// the fields: the first binds every identifier (types, functions, tables, memories, globals, element and
/// data segments may be referenced before their definition); the second reads each field in textual order,
/// so implicit type definitions are appended in order of appearance (spec text/modules: type uses).</summary>
internal sealed partial class WatParser
{
    private readonly NameSpace _typeNames = new("type");
    private readonly NameSpace _funcNames = new("function");
    private readonly NameSpace _tableNames = new("table");
    private readonly NameSpace _memNames = new("memory");
    private readonly NameSpace _globalNames = new("global");
    private readonly NameSpace _elemNames = new("elem segment");
    private readonly NameSpace _dataNames = new("data segment");

    private readonly List<FuncType> _types = [];
    private readonly List<byte[]> _imports = [];
    private readonly List<uint> _funcTypeIndices = [];
    private readonly List<byte[]> _bodies = [];
    private readonly List<byte[]> _tables = [];
    private readonly List<byte[]> _memories = [];
    private readonly List<byte[]> _globals = [];
    private readonly List<byte[]> _exports = [];
    private readonly List<byte[]> _elems = [];
    private readonly List<byte[]> _datas = [];
    private uint? _start;
    private SExpr? _startField;
    private bool _usesDataCount;
    private SExpr? _moduleId;

    /// <summary>Parses the fields of a module (the items after <c>module</c> and its optional name).</summary>
    public static byte[] Parse(IReadOnlyList<SExpr> fields, SExpr? moduleId = null)
    {
        var p = new WatParser { _moduleId = moduleId };
        foreach (var f in fields) p.Declare(f);
        foreach (var f in fields) p.Define(f);
        return p.Encode();
    }

    /// <summary>Parses module text: either <c>(module …)</c> or bare module fields (as <c>module quote</c> allows).</summary>
    public static byte[] ParseText(string text)
    {
        var nodes = SExprReader.ReadAll(text);
        if (nodes.Count == 1 && nodes[0].IsListOf("module"))
        {
            var items = nodes[0].Items;
            int i = 1;
            SExpr? id = i < items.Count && items[i].Kind == SExprKind.Id ? items[i++] : null;
            if (i < items.Count && (items[i].IsKeyword("binary") || items[i].IsKeyword("quote")))
                return ModuleSource(nodes[0]);
            return Parse(items.GetRange(i, items.Count - i), id);
        }
        return Parse(nodes);
    }

    /// <summary>Handles <c>(module $id? binary …)</c> and <c>(module $id? quote …)</c> as well as plain text modules.</summary>
    internal static byte[] ModuleSource(SExpr module)
    {
        var items = module.Items;
        int i = 1;
        SExpr? id = i < items.Count && items[i].Kind == SExprKind.Id ? items[i++] : null;
        if (i < items.Count && items[i].IsKeyword("binary")) return ConcatStrings(items, i + 1);
        if (i < items.Count && items[i].IsKeyword("quote"))
        {
            var bytes = ConcatStrings(items, i + 1);
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw items[i].Error("malformed UTF-8 encoding");
            }
            return ParseText(text);
        }
        return Parse(items.GetRange(i, items.Count - i), id);
    }

    private static byte[] ConcatStrings(List<SExpr> items, int from)
    {
        var b = new BinaryBuilder();
        for (int i = from; i < items.Count; i++)
        {
            if (items[i].Kind != SExprKind.String) throw items[i].Error($"unexpected token {items[i]}");
            b.Bytes(items[i].Bytes);
        }
        return b.ToArray();
    }

    // ---- pass 1: bind identifiers ----

    private SExpr? _firstDefinition;

    private void Declare(SExpr field)
    {
        string? head = field.Head;
        if (head is null) throw field.Error($"unexpected token {Describe(field)}");
        var items = field.Items;
        SExpr? id = items.Count > 1 && items[1].Kind == SExprKind.Id ? items[1] : null;
        switch (head)
        {
            case "type":
                _typeNames.Declare(id);
                _types.Add(ParseTypeDefinition(field));
                break;
            case "import":
                {
                    if (items.Count < 4) throw field.Error("unexpected token");
                    var desc = items[3];
                    CheckImportOrder(field);
                    SExpr? did = desc.Items.Count > 1 && desc.Items[1].Kind == SExprKind.Id ? desc.Items[1] : null;
                    SpaceOf(desc.Head, desc).Declare(did);
                    break;
                }
            case "func":
            case "table":
            case "memory":
            case "global":
                {
                    bool isImport = HasInlineImport(items);
                    if (isImport) CheckImportOrder(field);
                    else _firstDefinition ??= field;
                    SpaceOf(head, field).Declare(id);
                    if (!isImport && head == "table" && HasInlineSegment(items, "elem")) _elemNames.Declare(null);
                    if (!isImport && head == "memory" && HasInlineSegment(items, "data")) _dataNames.Declare(null);
                    break;
                }
            case "elem":
                _elemNames.Declare(id);
                break;
            case "data":
                _dataNames.Declare(id);
                break;
            case "export":
            case "start":
                break;
            default:
                throw field.Error($"unknown operator {head}");
        }
    }

    private void CheckImportOrder(SExpr field)
    {
        if (_firstDefinition is { } def) throw field.Error($"import after {def.Head switch { "func" => "function", var h => h }}");
    }

    private NameSpace SpaceOf(string? kind, SExpr at) => kind switch
    {
        "func" => _funcNames,
        "table" => _tableNames,
        "memory" => _memNames,
        "global" => _globalNames,
        _ => throw at.Error($"unexpected token {Describe(at)}"),
    };

    private static bool HasInlineImport(List<SExpr> items)
    {
        for (int i = 1; i < items.Count; i++)
        {
            var it = items[i];
            if (it.Kind == SExprKind.Id) continue;
            if (it.IsListOf("export")) continue;
            return it.IsListOf("import");
        }
        return false;
    }

    private static bool HasInlineSegment(List<SExpr> items, string head)
    {
        foreach (var it in items) if (it.IsListOf(head)) return true;
        return false;
    }

    internal static string Describe(SExpr e) => e.IsList ? (e.Head is { } h ? "(" + h : "(") : e.Text;

    // ---- pass 2: define every field in textual order ----

    private void Define(SExpr field)
    {
        switch (field.Head)
        {
            case "type": break;
            case "import": DefineImport(field); break;
            case "func": DefineFunc(field); break;
            case "table": DefineTable(field); break;
            case "memory": DefineMemory(field); break;
            case "global": DefineGlobal(field); break;
            case "export": DefineExport(field); break;
            case "start": DefineStart(field); break;
            case "elem": DefineElem(field); break;
            case "data": DefineData(field); break;
        }
    }

    /// <summary>Reads leading <c>(export "name")</c> abbreviations of a definition (spec text/modules: exports).</summary>
    private void InlineExports(List<SExpr> items, ref int i, byte kind, uint index)
    {
        while (i < items.Count && items[i].IsListOf("export"))
        {
            var e = items[i];
            if (e.Items.Count != 2 || e.Items[1].Kind != SExprKind.String) throw e.Error("unexpected token");
            AddExport(e.Items[1], kind, index);
            i++;
        }
    }

    private void AddExport(SExpr name, byte kind, uint index)
    {
        var b = new BinaryBuilder();
        b.Vec(Utf8Name(name));
        b.Byte(kind);
        b.U32(index);
        _exports.Add(b.ToArray());
    }

    internal static byte[] Utf8Name(SExpr s)
    {
        if (s.Kind != SExprKind.String) throw s.Error($"unexpected token {Describe(s)}");
        try
        {
            _ = new UTF8Encoding(false, true).GetString(s.Bytes);
        }
        catch (DecoderFallbackException)
        {
            throw s.Error("malformed UTF-8 encoding");
        }
        return s.Bytes;
    }

    private void DefineExport(SExpr field)
    {
        var items = field.Items;
        if (items.Count != 3 || !items[2].IsList || items[2].Items.Count != 2) throw field.Error("unexpected token");
        var desc = items[2];
        byte kind = desc.Head switch
        {
            "func" => 0,
            "table" => 1,
            "memory" => 2,
            "global" => 3,
            _ => throw desc.Error($"unexpected token {Describe(desc)}"),
        };
        uint index = SpaceOf(desc.Head, desc).Resolve(desc.Items[1]);
        AddExport(items[1], kind, index);
    }

    private void DefineStart(SExpr field)
    {
        if (_startField is not null) throw field.Error("multiple start sections");
        if (field.Items.Count != 2) throw field.Error("unexpected token");
        _startField = field;
        _start = _funcNames.Resolve(field.Items[1]);
    }

    private void DefineImport(SExpr field)
    {
        var items = field.Items;
        if (items.Count != 4) throw field.Error("unexpected token");
        var desc = items[3];
        var d = desc.Items;
        int i = 1;
        if (i < d.Count && d[i].Kind == SExprKind.Id) i++;
        var b = new BinaryBuilder();
        b.Vec(Utf8Name(items[1]));
        b.Vec(Utf8Name(items[2]));
        switch (desc.Head)
        {
            case "func":
                _funcIndex++;
                b.Byte(0);
                var use = ParseTypeUse(d, ref i, allowNames: true);
                b.U32(ResolveTypeUse(use, desc));
                break;
            case "table":
                _tableIndex++;
                b.Byte(1);
                EncodeTableType(b, d, ref i);
                break;
            case "memory":
                _memIndex++;
                b.Byte(2);
                EncodeLimits(b, d, ref i, isMemory: true);
                break;
            case "global":
                _globalIndex++;
                b.Byte(3);
                EncodeGlobalType(b, d, ref i);
                break;
            default:
                throw desc.Error($"unexpected token {Describe(desc)}");
        }
        ExpectEnd(d, i);
        _imports.Add(b.ToArray());
    }

    /// <summary>Handles <c>(kind $id? (export …)* (import "m" "n") desc)</c>: an inline import.</summary>
    private bool TryInlineImport(SExpr field, List<SExpr> items, ref int i, byte kind, uint index)
    {
        InlineExports(items, ref i, kind, index);
        if (i >= items.Count || !items[i].IsListOf("import")) return false;
        var imp = items[i++];
        if (imp.Items.Count != 3) throw imp.Error("unexpected token");
        var b = new BinaryBuilder();
        b.Vec(Utf8Name(imp.Items[1]));
        b.Vec(Utf8Name(imp.Items[2]));
        b.Byte(kind);
        switch (kind)
        {
            case 0: b.U32(ResolveTypeUse(ParseTypeUse(items, ref i, allowNames: true), field)); break;
            case 1: EncodeTableType(b, items, ref i); break;
            case 2: EncodeLimits(b, items, ref i, isMemory: true); break;
            default: EncodeGlobalType(b, items, ref i); break;
        }
        ExpectEnd(items, i);
        _imports.Add(b.ToArray());
        return true;
    }

    private static void ExpectEnd(List<SExpr> items, int i)
    {
        if (i < items.Count) throw items[i].Error($"unexpected token {Describe(items[i])}");
    }

    // Index counters per space in pass 2 (imports and definitions in textual order, as pass 1 numbered them).
    private uint _funcIndex, _tableIndex, _memIndex, _globalIndex;

    private void DefineFunc(SExpr field)
    {
        var items = field.Items;
        int i = 1;
        if (i < items.Count && items[i].Kind == SExprKind.Id) i++;
        uint index = _funcIndex++;
        if (TryInlineImport(field, items, ref i, 0, index)) return;
        var use = ParseTypeUse(items, ref i, allowNames: true);
        uint typeIndex = ResolveTypeUse(use, field);
        _funcTypeIndices.Add(typeIndex);
        _bodies.Add(EncodeFunctionBody(items, i, use, typeIndex));
    }
}
