namespace WitSharp.Core.Binary;

/// <summary>Code section (spec 5.5.13). Each entry is sized; its locals are decoded here and its
/// instructions are left as a slice for the validator and compiler.</summary>
internal static class CodeSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        // Smallest entry: size byte, empty locals vector, `end`.
        int count = r.ReadVectorLength(3);
        module.Bodies.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            int size = r.ReadVectorLength(1);
            int start = r.Offset;
            var body = new WasmReader(r.ReadBytes(size), start);
            var locals = ReadLocals(ref body);
            var code = body.Data[body.Position..];
            // A body must end with `end`; the spec suite distinguishes a body cut short inside the
            // section ("END opcode expected") from one cut short by the section's end.
            if (code.Length == 0 || code.Span[^1] != 0x0B)
            {
                throw new MalformedException(
                    r.AtEnd ? "unexpected end of section or function" : "END opcode expected", start + size);
            }

            module.Bodies.Add(new FunctionBody(locals, code, body.Offset));
        }
    }

    private static LocalGroup[] ReadLocals(ref WasmReader r)
    {
        // Each group is at least a count byte and a type byte.
        int groups = r.ReadVectorLength(2);
        if (groups == 0) return [];
        var locals = new LocalGroup[groups];
        ulong total = 0;
        for (int i = 0; i < groups; i++)
        {
            int at = r.Offset;
            uint n = r.ReadVarU32();
            total += n;
            // Spec 5.5.13: the total number of locals must fit in u32.
            if (total > uint.MaxValue) throw r.ErrorAt("too many locals", at);
            locals[i] = new LocalGroup(n, TypeReader.ReadValType(ref r));
        }

        return locals;
    }
}
