namespace WitSharp.Core.Binary;

/// <summary>Import section (spec 5.5.5). Imports come first in their index spaces, so the per-kind
/// counts on <see cref="ModuleInfo"/> are kept as the imports are read.</summary>
internal static class ImportSectionReader
{
    public static void Read(ref WasmReader r, ModuleInfo module)
    {
        // Smallest import: two empty names, a kind byte and a one-byte index.
        int count = r.ReadVectorLength(4);
        module.Imports.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            string moduleName = r.ReadName();
            string name = r.ReadName();
            int at = r.Offset;
            byte kind = r.ReadByte();
            switch (kind)
            {
                case 0x00:
                    module.Imports.Add(new Import(moduleName, name, ExternKind.Func) { TypeIndex = r.ReadVarU32() });
                    module.ImportedFunctionCount++;
                    break;
                case 0x01:
                    module.Imports.Add(new Import(moduleName, name, ExternKind.Table) { Table = TypeReader.ReadTableType(ref r) });
                    module.ImportedTableCount++;
                    break;
                case 0x02:
                    module.Imports.Add(new Import(moduleName, name, ExternKind.Memory) { Memory = TypeReader.ReadMemoryType(ref r) });
                    module.ImportedMemoryCount++;
                    break;
                case 0x03:
                    module.Imports.Add(new Import(moduleName, name, ExternKind.Global) { Global = TypeReader.ReadGlobalType(ref r) });
                    module.ImportedGlobalCount++;
                    break;
                default:
                    throw r.ErrorAt("malformed import kind", at);
            }
        }
    }
}
