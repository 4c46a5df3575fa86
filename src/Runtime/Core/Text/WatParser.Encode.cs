namespace WitSharp.Core.Text;

/// <summary>Writes the collected fields as a binary module, sections in the order the binary format
/// requires (spec binary/modules 5.5.2), empty sections omitted.</summary>
internal sealed partial class WatParser
{
    private byte[] Encode()
    {
        var m = new BinaryBuilder();
        m.Bytes([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]);
        if (_types.Count > 0)
        {
            var s = new BinaryBuilder();
            s.U32((uint)_types.Count);
            foreach (var t in _types)
            {
                s.Byte(0x60);
                s.U32((uint)t.Params.Length);
                foreach (var p in t.Params) s.Byte((byte)p);
                s.U32((uint)t.Results.Length);
                foreach (var r in t.Results) s.Byte((byte)r);
            }
            m.Section(1, s);
        }
        VecSection(m, 2, _imports);
        if (_funcTypeIndices.Count > 0)
        {
            var s = new BinaryBuilder();
            s.U32((uint)_funcTypeIndices.Count);
            foreach (var t in _funcTypeIndices) s.U32(t);
            m.Section(3, s);
        }
        VecSection(m, 4, _tables);
        VecSection(m, 5, _memories);
        VecSection(m, 6, _globals);
        VecSection(m, 7, _exports);
        if (_start is { } start)
        {
            var s = new BinaryBuilder();
            s.U32(start);
            m.Section(8, s);
        }
        VecSection(m, 9, _elems);
        // The data count section lets single-pass validation check memory.init and data.drop
        // (spec binary/modules 5.5.16); it is emitted exactly when those instructions occur.
        if (_usesDataCount)
        {
            var s = new BinaryBuilder();
            s.U32((uint)_datas.Count);
            m.Section(12, s);
        }
        if (_bodies.Count > 0)
        {
            var s = new BinaryBuilder();
            s.U32((uint)_bodies.Count);
            foreach (var b in _bodies)
            {
                s.U32((uint)b.Length);
                s.Bytes(b);
            }
            m.Section(10, s);
        }
        VecSection(m, 11, _datas);
        NameSection(m);
        return m.ToArray();
    }

    /// <summary>The "name" custom section (spec appendix 7.4.1) for the module and function identifiers, as
    /// the reference text tools emit it: trap backtraces name functions from it.</summary>
    private void NameSection(BinaryBuilder m)
    {
        var functions = _funcNames.Bound.ToList();
        if (_moduleId is null && functions.Count == 0) return;
        var s = new BinaryBuilder();
        s.Vec("name"u8);
        if (_moduleId is not null)
        {
            var sub = new BinaryBuilder();
            sub.Vec(IdBytes(_moduleId.Text));
            s.Byte(0);
            s.U32((uint)sub.Length);
            s.Bytes(sub.ToArray());
        }
        if (functions.Count > 0)
        {
            var sub = new BinaryBuilder();
            sub.U32((uint)functions.Count);
            foreach (var (index, id) in functions)
            {
                sub.U32(index);
                sub.Vec(IdBytes(id));
            }
            s.Byte(1);
            s.U32((uint)sub.Length);
            s.Bytes(sub.ToArray());
        }
        m.Section(0, s);
    }

    private static byte[] IdBytes(string id) => System.Text.Encoding.UTF8.GetBytes(id.StartsWith('$') ? id[1..] : id);


    private static void VecSection(BinaryBuilder m, byte id, List<byte[]> entries)
    {
        if (entries.Count == 0) return;
        var s = new BinaryBuilder();
        s.U32((uint)entries.Count);
        foreach (var e in entries) s.Bytes(e);
        m.Section(id, s);
    }
}
