namespace WitSharp.Core.Validation;

/// <summary>The context C of spec 3.1.6, flattened into arrays indexed like the module's index spaces
/// (imports first), built once per module so function validation does no lookups through imports.</summary>
internal sealed class ValidationContext
{
    public ValidationContext(ModuleInfo module)
    {
        Module = module;
        Types = module.Types;

        var funcs = new FuncType[module.TotalFunctionCount];
        var tables = new ValType[module.TotalTableCount];
        var globals = new GlobalType[module.TotalGlobalCount];
        int f = 0, t = 0, g = 0;
        foreach (var import in module.Imports)
        {
            switch (import.Kind)
            {
                case ExternKind.Func: funcs[f++] = TypeAt(import.TypeIndex); break;
                case ExternKind.Table: tables[t++] = import.Table!.ElementType; break;
                case ExternKind.Global: globals[g++] = import.Global!; break;
            }
        }

        foreach (var typeIndex in module.FunctionTypeIndices) funcs[f++] = TypeAt(typeIndex);
        foreach (var table in module.Tables) tables[t++] = table.ElementType;
        foreach (var global in module.Globals) globals[g++] = global.Type;

        Functions = funcs;
        TableElementTypes = tables;
        Globals = globals;
        MemoryCount = module.TotalMemoryCount;
        ElementTypes = module.Elements.Select(e => e.ElementType).ToArray();
        DeclaredFunctions = new bool[funcs.Length];
    }

    public ModuleInfo Module { get; }
    public List<FuncType> Types { get; }
    /// <summary>Type of every function in the function index space.</summary>
    public FuncType[] Functions { get; }
    /// <summary>Element type of every table in the table index space.</summary>
    public ValType[] TableElementTypes { get; }
    public GlobalType[] Globals { get; }
    public int MemoryCount { get; }
    /// <summary>Reference type of every element segment.</summary>
    public ValType[] ElementTypes { get; }
    /// <summary>C.refs of spec 3.4.10: functions referenced outside function bodies, the only ones
    /// <c>ref.func</c> may name inside a body.</summary>
    public bool[] DeclaredFunctions { get; }

    public FuncType TypeAt(uint index) =>
        index < (uint)Types.Count ? Types[(int)index] : throw new InvalidException($"unknown type {index}");

    public void DeclareFunction(uint index)
    {
        if (index < (uint)DeclaredFunctions.Length) DeclaredFunctions[index] = true;
    }
}
