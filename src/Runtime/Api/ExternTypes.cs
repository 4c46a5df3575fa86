using WitSharp.Core;

namespace WitSharp;

/// <summary>An import of a module (wasmtime-dotnet <c>Import</c>, renamed because <c>WitSharp.Core.Import</c> is the
/// decoder's type); the subclass (<see cref="FunctionImport"/>…) tells the kind, as in wasmtime-dotnet.</summary>
public abstract class ModuleImport
{
    private protected ModuleImport(string moduleName, string name)
    {
        ModuleName = moduleName;
        Name = name;
    }

    /// <summary>The module part of the import name.</summary>
    public string ModuleName { get; }

    /// <summary>The field part of the import name.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{ModuleName}.{Name}";

    internal static ModuleImport From(Core.Import i, ModuleInfo m) => i.Kind switch
    {
        ExternKind.Func => new FunctionImport(i.Module, i.Name, m.Types[(int)i.TypeIndex]),
        ExternKind.Table => new TableImport(i.Module, i.Name, i.Table!),
        ExternKind.Memory => new MemoryImport(i.Module, i.Name, i.Memory!),
        _ => new GlobalImport(i.Module, i.Name, i.Global!),
    };
}

/// <summary>A function import.</summary>
public sealed class FunctionImport : ModuleImport
{
    internal FunctionImport(string module, string name, FuncType type) : base(module, name)
    {
        Parameters = [.. type.Params.Select(p => p.ToKind())];
        Results = [.. type.Results.Select(p => p.ToKind())];
    }

    /// <summary>Parameter kinds.</summary>
    public IReadOnlyList<ValueKind> Parameters { get; }

    /// <summary>Result kinds.</summary>
    public IReadOnlyList<ValueKind> Results { get; }
}

/// <summary>A memory import.</summary>
public sealed class MemoryImport : ModuleImport
{
    internal MemoryImport(string module, string name, MemoryType type) : base(module, name)
    {
        Minimum = (long)type.Limits.Min;
        Maximum = (long?)type.Limits.Max;
        Is64Bit = type.Is64;
    }

    /// <summary>Minimum size in pages.</summary>
    public long Minimum { get; }

    /// <summary>Maximum size in pages, if any.</summary>
    public long? Maximum { get; }

    /// <summary>True for a 64-bit memory.</summary>
    public bool Is64Bit { get; }
}

/// <summary>A table import.</summary>
public sealed class TableImport : ModuleImport
{
    internal TableImport(string module, string name, TableType type) : base(module, name)
    {
        Kind = type.ElementType == ValType.FuncRef ? TableKind.FuncRef : TableKind.ExternRef;
        Minimum = (uint)type.Limits.Min;
        Maximum = (uint)(type.Limits.Max ?? uint.MaxValue);
    }

    /// <summary>Element kind.</summary>
    public TableKind Kind { get; }

    /// <summary>Minimum size in elements.</summary>
    public uint Minimum { get; }

    /// <summary>Maximum size in elements (<see cref="uint.MaxValue"/> when unbounded).</summary>
    public uint Maximum { get; }
}

/// <summary>A global import.</summary>
public sealed class GlobalImport : ModuleImport
{
    internal GlobalImport(string module, string name, GlobalType type) : base(module, name)
    {
        Kind = type.ValueType.ToKind();
        Mutability = type.Mutable ? Mutability.Mutable : Mutability.Immutable;
    }

    /// <summary>Value kind.</summary>
    public ValueKind Kind { get; }

    /// <summary>Whether the global is mutable.</summary>
    public Mutability Mutability { get; }
}

/// <summary>An export of a module (wasmtime-dotnet <c>Export</c>, renamed like <see cref="ModuleImport"/>); the subclass tells the kind.</summary>
public abstract class ModuleExport
{
    private protected ModuleExport(string name) => Name = name;

    /// <summary>The export name.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static ModuleExport From(Core.Export e, ModuleInfo m)
    {
        switch (e.Kind)
        {
            case ExternKind.Func:
                return new FunctionExport(e.Name, ModuleTypes.FunctionType(m, e.Index));
            case ExternKind.Table:
                return new TableExport(e.Name, ModuleTypes.TableType(m, e.Index));
            case ExternKind.Memory:
                return new MemoryExport(e.Name, ModuleTypes.MemoryType(m, e.Index));
            default:
                return new GlobalExport(e.Name, ModuleTypes.GlobalType(m, e.Index));
        }
    }
}

/// <summary>A function export.</summary>
public sealed class FunctionExport : ModuleExport
{
    internal FunctionExport(string name, FuncType type) : base(name)
    {
        Parameters = [.. type.Params.Select(p => p.ToKind())];
        Results = [.. type.Results.Select(p => p.ToKind())];
    }

    /// <summary>Parameter kinds.</summary>
    public IReadOnlyList<ValueKind> Parameters { get; }

    /// <summary>Result kinds.</summary>
    public IReadOnlyList<ValueKind> Results { get; }
}

/// <summary>A memory export.</summary>
public sealed class MemoryExport : ModuleExport
{
    internal MemoryExport(string name, MemoryType type) : base(name)
    {
        Minimum = (long)type.Limits.Min;
        Maximum = (long?)type.Limits.Max;
        Is64Bit = type.Is64;
    }

    /// <summary>Minimum size in pages.</summary>
    public long Minimum { get; }

    /// <summary>Maximum size in pages, if any.</summary>
    public long? Maximum { get; }

    /// <summary>True for a 64-bit memory.</summary>
    public bool Is64Bit { get; }
}

/// <summary>A table export.</summary>
public sealed class TableExport : ModuleExport
{
    internal TableExport(string name, TableType type) : base(name)
    {
        Kind = type.ElementType == ValType.FuncRef ? TableKind.FuncRef : TableKind.ExternRef;
        Minimum = (uint)type.Limits.Min;
        Maximum = (uint)(type.Limits.Max ?? uint.MaxValue);
    }

    /// <summary>Element kind.</summary>
    public TableKind Kind { get; }

    /// <summary>Minimum size in elements.</summary>
    public uint Minimum { get; }

    /// <summary>Maximum size in elements (<see cref="uint.MaxValue"/> when unbounded).</summary>
    public uint Maximum { get; }
}

/// <summary>A global export.</summary>
public sealed class GlobalExport : ModuleExport
{
    internal GlobalExport(string name, GlobalType type) : base(name)
    {
        Kind = type.ValueType.ToKind();
        Mutability = type.Mutable ? Mutability.Mutable : Mutability.Immutable;
    }

    /// <summary>Value kind.</summary>
    public ValueKind Kind { get; }

    /// <summary>Whether the global is mutable.</summary>
    public Mutability Mutability { get; }
}
