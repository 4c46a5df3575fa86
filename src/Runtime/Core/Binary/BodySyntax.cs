namespace WitSharp.Core.Binary;

/// <summary>Checks that function bodies are well-formed instruction sequences (spec binary/instructions:
/// known opcodes, complete immediates, balanced <c>end</c>s) without typing them. The spec decodes the
/// whole module before validating it, so a malformed body must win over an invalid instruction found
/// earlier by the one-pass validator; the validator runs this only on its error path.</summary>
internal static class BodySyntax
{
    /// <summary>Throws <see cref="MalformedException"/> for the first malformed body, if any.</summary>
    public static void Check(ModuleInfo module)
    {
        foreach (var body in module.Bodies) Check(body);
    }

    public static void Check(FunctionBody body)
    {
        var r = new WasmReader(body.Code, body.CodeOffset);
        int depth = 1;
        while (depth > 0)
        {
            int at = r.Offset;
            byte op = r.ReadByte();
            switch (op)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    r.ReadVarS33();
                    depth++;
                    break;
                case Opcode.End:
                    depth--;
                    break;
                case Opcode.Else:
                    break;
                default:
                    InstructionSkipper.SkipImmediates(op, at, ref r);
                    break;
            }
        }
        if (!r.AtEnd) throw r.Error("section size mismatch");
    }
}
