using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

/// <summary>Which defined functions can be reached through a <see cref="Instances.FunctionInstance"/> (its
/// <c>Code</c> pointer) rather than only by direct <c>call</c>: spec 3.4.10 C.refs (the function indices in
/// exports, global initialisers and element segments — the only functions <c>ref.func</c> may name, so the
/// only ones that can reach a table, global or the host) plus the start function, which instantiation calls.
/// Only these need a function pointer at instantiation; every other function is entered by direct calls.</summary>
internal static class FunctionReferences
{
    /// <summary>Per defined function (index − imported count): whether it may be called through a pointer.</summary>
    public static bool[] Referenced(ModuleInfo info)
    {
        var referenced = new bool[info.FunctionTypeIndices.Count];
        int imported = info.ImportedFunctionCount;
        void Mark(uint index)
        {
            long defined = (long)index - imported;
            if (defined >= 0 && defined < referenced.Length) referenced[defined] = true;
        }
        foreach (var e in info.Exports)
            if (e.Kind == ExternKind.Func) Mark(e.Index);
        foreach (var g in info.Globals) MarkRefFuncs(g.Init, Mark);
        foreach (var segment in info.Elements)
        {
            if (segment.FunctionIndices is { } indices)
                foreach (var index in indices) Mark(index);
            else
                foreach (var expr in segment.Expressions!) MarkRefFuncs(expr, Mark);
        }
        if (info.Start is uint start) Mark(start);
        return referenced;
    }

    /// <summary>The <c>ref.func</c> immediates of a (validated) constant expression.</summary>
    private static void MarkRefFuncs(ConstExpr expr, Action<uint> mark)
    {
        var r = new WasmReader(expr.Code, expr.Offset);
        while (!r.AtEnd)
        {
            byte op = r.ReadByte();
            if (op == Opcode.RefFunc) mark(r.ReadVarU32());
            else if (op != Opcode.End) InstructionSkipper.SkipImmediates(op, r.Offset - 1, ref r);
        }
    }
}
