namespace WitSharp.Core.Binary;

/// <summary>Slices a constant expression (spec 5.4.9 "expr") up to and including its final
/// <c>end</c>. Any instruction sequence is accepted here, so that a non-constant instruction is
/// reported by the validator as "constant expression required" (an invalid, not malformed, module).</summary>
internal static class ConstExprReader
{
    public static ConstExpr Read(ref WasmReader r)
    {
        int start = r.Position;
        int depth = 0;
        while (true)
        {
            int at = r.Offset;
            byte op = r.ReadByte();
            switch (op)
            {
                case Opcode.End:
                    if (depth == 0)
                        return new ConstExpr(r.Data[start..r.Position], r.BaseOffset + start);
                    depth--;
                    break;
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    depth++;
                    r.ReadVarS33();
                    break;
                default:
                    InstructionSkipper.SkipImmediates(op, at, ref r);
                    break;
            }
        }
    }
}
