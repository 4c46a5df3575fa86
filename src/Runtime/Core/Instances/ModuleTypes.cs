namespace WitSharp.Core;

/// <summary>Types of the index spaces of a module (imports first, then definitions; spec 2.5.1).</summary>
internal static class ModuleTypes
{
    public static FuncType FunctionType(ModuleInfo m, uint index)
    {
        if (index < m.ImportedFunctionCount) return m.Types[(int)NthImport(m, ExternKind.Func, index).TypeIndex];
        return m.Types[(int)m.FunctionTypeIndices[(int)(index - m.ImportedFunctionCount)]];
    }

    public static TableType TableType(ModuleInfo m, uint index) =>
        index < m.ImportedTableCount ? NthImport(m, ExternKind.Table, index).Table! : m.Tables[(int)(index - m.ImportedTableCount)];

    public static MemoryType MemoryType(ModuleInfo m, uint index) =>
        index < m.ImportedMemoryCount ? NthImport(m, ExternKind.Memory, index).Memory! : m.Memories[(int)(index - m.ImportedMemoryCount)];

    public static GlobalType GlobalType(ModuleInfo m, uint index) =>
        index < m.ImportedGlobalCount ? NthImport(m, ExternKind.Global, index).Global! : m.Globals[(int)(index - m.ImportedGlobalCount)].Type;

    public static Import NthImport(ModuleInfo m, ExternKind kind, uint index)
    {
        uint seen = 0;
        foreach (var i in m.Imports)
        {
            if (i.Kind != kind) continue;
            if (seen++ == index) return i;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
