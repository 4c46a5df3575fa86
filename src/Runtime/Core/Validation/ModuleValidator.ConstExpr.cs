using WitSharp.Core.Binary;

namespace WitSharp.Core.Validation;

internal static partial class ModuleValidator
{
    /// <summary>Spec 3.3.10 constant expressions: only <c>t.const</c>, <c>ref.null</c>, <c>ref.func</c> and
    /// <c>global.get</c> of an immutable global among the first <paramref name="visibleGlobals"/>
    /// globals, leaving exactly one value of type <paramref name="expected"/>.</summary>
    private static void ValidateConstExpr(ValidationContext c, ConstExpr expr, ValType expected, int visibleGlobals)
    {
        var r = new WasmReader(expr.Code, expr.Offset);
        // The stack of a constant expression only grows, so its height and top type are enough.
        int height = 0;
        var top = ValType.I32;
        while (true)
        {
            int at = r.Offset;
            byte op = r.ReadByte();
            ValType pushed;
            switch (op)
            {
                case Opcode.End:
                    if (!r.AtEnd) throw new InvalidException("constant expression required", -1, at);
                    if (height != 1 || top != expected) throw new InvalidException("type mismatch", -1, at);
                    return;
                case Opcode.I32Const: r.ReadVarS32(); pushed = ValType.I32; break;
                case Opcode.I64Const: r.ReadVarS64(); pushed = ValType.I64; break;
                case Opcode.F32Const: r.ReadBytes(4); pushed = ValType.F32; break;
                case Opcode.F64Const: r.ReadBytes(8); pushed = ValType.F64; break;
                case Opcode.RefNull: pushed = TypeReader.ReadRefType(ref r); break;
                case Opcode.RefFunc:
                {
                    uint f = r.ReadVarU32();
                    if (f >= (uint)c.Functions.Length) throw new InvalidException($"unknown function {f}", -1, at);
                    pushed = ValType.FuncRef;
                    break;
                }

                case Opcode.GlobalGet:
                {
                    uint g = r.ReadVarU32();
                    if (g >= (uint)visibleGlobals) throw new InvalidException($"unknown global {g}", -1, at);
                    if (c.Globals[g].Mutable) throw new InvalidException("constant expression required", -1, at);
                    pushed = c.Globals[g].ValueType;
                    break;
                }

                case Opcode.PrefixFD when r.PeekByte() == 12:
                    r.ReadVarU32();
                    r.ReadBytes(16);
                    pushed = ValType.V128;
                    break;
                default:
                    throw new InvalidException("constant expression required", -1, at);
            }

            height++;
            top = pushed;
        }
    }
}
