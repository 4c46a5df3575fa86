using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>The type of one core import or export in a module type: kind plus what the core spec's import
/// matching compares (Wasm 2.0 §4.5.2 "Import Matching": function types equal, table and memory limits,
/// global value type and mutability).</summary>
internal sealed record CoreItemType(CoreExternKind Kind, IReadOnlyList<ValueKind> Parameters, IReadOnlyList<ValueKind> Results,
    ValueKind ValueType, bool Mutable, ulong Minimum, ulong? Maximum)
{
    public static CoreItemType Func(IReadOnlyList<ValueKind> p, IReadOnlyList<ValueKind> r) => new(CoreExternKind.Func, p, r, default, false, 0, null);

    /// <summary>True when an item of this type can be supplied where <paramref name="expected"/> is required.</summary>
    public bool Matches(CoreItemType expected)
    {
        if (Kind != expected.Kind) return false;
        return Kind switch
        {
            CoreExternKind.Func => Parameters.SequenceEqual(expected.Parameters) && Results.SequenceEqual(expected.Results),
            CoreExternKind.Global => ValueType == expected.ValueType && Mutable == expected.Mutable,
            CoreExternKind.Table => ValueType == expected.ValueType && LimitsMatch(expected),
            CoreExternKind.Memory => LimitsMatch(expected),
            _ => false,
        };
    }

    private bool LimitsMatch(CoreItemType expected) =>
        Minimum >= expected.Minimum && (expected.Maximum is not { } max || (Maximum is { } m && m <= max));

    public override string ToString() => Kind switch
    {
        CoreExternKind.Func => $"func ({string.Join(" ", Parameters)}) -> ({string.Join(" ", Results)})",
        CoreExternKind.Global => $"global {(Mutable ? "mut " : "")}{ValueType}",
        CoreExternKind.Table => $"table {Minimum}..{Maximum?.ToString() ?? ""} {ValueType}",
        CoreExternKind.Memory => $"memory {Minimum}..{Maximum?.ToString() ?? ""}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>A core module type (Binary.md <c>core:moduletype</c>) resolved against its scope, and the check that a
/// compiled <see cref="Module"/> is a subtype of it (Explainer.md "Subtyping": a module may import less and
/// export more than its type says; wasmtime checks this when a module is supplied for a module import).</summary>
internal sealed class CoreModuleTypeEntry
{
    public Dictionary<(string Module, string Name), CoreItemType> Imports { get; } = [];
    public Dictionary<string, CoreItemType> Exports { get; } = [];

    /// <summary>Resolves <paramref name="type"/>; outer aliases (count ≥ 1) refer to core types of the
    /// components around it, starting with <paramref name="scope"/>.</summary>
    public static CoreModuleTypeEntry Resolve(Scope scope, CoreModuleType type, long offset)
    {
        var entry = new CoreModuleTypeEntry();
        var types = new List<object?>();
        foreach (var d in type.Declarations)
        {
            switch (d.Kind)
            {
                case CoreModuleDeclarationKind.Type:
                    types.Add(d.Type);
                    break;
                case CoreModuleDeclarationKind.OuterTypeAlias:
                    types.Add(d.OuterCount == 0 ? (d.OuterIndex < types.Count ? types[(int)d.OuterIndex] : null)
                        : scope.Outer(d.OuterCount - 1, offset).Get(ComponentSort.CoreType, d.OuterIndex, offset));
                    break;
                case CoreModuleDeclarationKind.Import:
                    entry.Imports[(d.Module!, d.Name!)] = Item(d.ExternType!, types, offset);
                    break;
                case CoreModuleDeclarationKind.Export:
                    entry.Exports[d.Name!] = Item(d.ExternType!, types, offset);
                    break;
            }
        }
        return entry;
    }

    private static CoreItemType Item(CoreExternType t, List<object?> types, long offset)
    {
        switch (t.Kind)
        {
            case CoreExternKind.Func:
            {
                var f = (t.TypeIndex < types.Count ? types[(int)t.TypeIndex] : null) as CoreFuncType
                    ?? throw new ComponentException($"module type: core type {t.TypeIndex} is not a function type", offset);
                return CoreItemType.Func([.. f.Parameters.Select(Kind)], [.. f.Results.Select(Kind)]);
            }
            case CoreExternKind.Global:
                return new(t.Kind, [], [], Kind(t.ValueType), t.Mutable, 0, null);
            case CoreExternKind.Table:
                return new(t.Kind, [], [], Kind(t.ValueType), false, t.Minimum, t.Maximum);
            case CoreExternKind.Memory:
                return new(t.Kind, [], [], default, false, t.Minimum, t.Maximum);
            default:
                return new(t.Kind, [], [], default, false, 0, null);
        }
    }

    private static ValueKind Kind(CoreValType t) => t switch
    {
        CoreValType.I32 => ValueKind.Int32,
        CoreValType.I64 => ValueKind.Int64,
        CoreValType.F32 => ValueKind.Float32,
        CoreValType.F64 => ValueKind.Float64,
        CoreValType.V128 => ValueKind.V128,
        CoreValType.FuncRef => ValueKind.FuncRef,
        _ => ValueKind.ExternRef,
    };

    private static CoreItemType Of(ModuleImport i) => i switch
    {
        FunctionImport f => CoreItemType.Func(f.Parameters, f.Results),
        GlobalImport g => new(CoreExternKind.Global, [], [], g.Kind, g.Mutability == Mutability.Mutable, 0, null),
        TableImport t => new(CoreExternKind.Table, [], [], t.Kind == TableKind.FuncRef ? ValueKind.FuncRef : ValueKind.ExternRef, false,
            t.Minimum, t.Maximum == uint.MaxValue ? null : t.Maximum),
        MemoryImport m => new(CoreExternKind.Memory, [], [], default, false, (ulong)m.Minimum, (ulong?)m.Maximum),
        _ => new(CoreExternKind.Tag, [], [], default, false, 0, null),
    };

    private static CoreItemType Of(ModuleExport e) => e switch
    {
        FunctionExport f => CoreItemType.Func(f.Parameters, f.Results),
        GlobalExport g => new(CoreExternKind.Global, [], [], g.Kind, g.Mutability == Mutability.Mutable, 0, null),
        TableExport t => new(CoreExternKind.Table, [], [], t.Kind == TableKind.FuncRef ? ValueKind.FuncRef : ValueKind.ExternRef, false,
            t.Minimum, t.Maximum == uint.MaxValue ? null : t.Maximum),
        MemoryExport m => new(CoreExternKind.Memory, [], [], default, false, (ulong)m.Minimum, (ulong?)m.Maximum),
        _ => new(CoreExternKind.Tag, [], [], default, false, 0, null),
    };

    /// <summary>Null when <paramref name="module"/> can be supplied for this type, else why not.</summary>
    public string? Mismatch(Module module)
    {
        var exports = module.Exports.ToDictionary(e => e.Name, Of, StringComparer.Ordinal);
        foreach (var (name, expected) in Exports)
        {
            if (!exports.TryGetValue(name, out var actual)) return $"module export `{name}` not defined";
            if (!actual.Matches(expected)) return $"module export `{name}` has the wrong type: expected {expected}, found {actual}";
        }
        foreach (var i in module.Imports)
        {
            if (!Imports.TryGetValue((i.ModuleName, i.Name), out var supplied))
                return $"module import `{i.ModuleName}::{i.Name}` is not in the expected module type";
            var needed = Of(i);
            if (!supplied.Matches(needed)) return $"module import `{i.ModuleName}::{i.Name}` has the wrong type: expected {needed}, found {supplied}";
        }
        return null;
    }
}
