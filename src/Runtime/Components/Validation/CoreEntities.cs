using WitSharp.Core;
using CoreVal = WitSharp.Core.ValType;
using BinaryCoreValType = WitSharp.Wit.Binary.CoreValType;

namespace WitSharp.Components.Validation;

/// <summary>The type of a core item a component can index (core:sort): function, table, memory, global or tag.</summary>
internal abstract class CoreEntity
{
    public abstract string Desc { get; }
}

internal sealed class CoreFuncEntity(FuncType type) : CoreEntity
{
    public FuncType Type { get; } = type;
    public override string Desc => "func";
}

internal sealed class CoreTableEntity(TableType type) : CoreEntity
{
    public TableType Type { get; } = type;
    public override string Desc => "table";
}

internal sealed class CoreMemoryEntity(MemoryType type) : CoreEntity
{
    public MemoryType Type { get; } = type;
    public override string Desc => "memory";
}

internal sealed class CoreGlobalEntity(GlobalType type) : CoreEntity
{
    public GlobalType Type { get; } = type;
    public override string Desc => "global";
}

internal sealed class CoreTagEntity(FuncType type) : CoreEntity
{
    public FuncType Type { get; } = type;
    public override string Desc => "tag";
}

/// <summary>A core module type: imports by (module, name) in order and exports by name.</summary>
internal sealed class ModuleSig
{
    public List<(string Module, string Name, CoreEntity Type)> Imports { get; } = [];
    public OrderedMap<CoreEntity> Exports { get; } = new();

    /// <summary>The type of a compiled core module, from its decoded imports and exports.</summary>
    public static ModuleSig FromModule(Module module)
    {
        var info = module.Compiled.Info;
        var sig = new ModuleSig();
        var names = new HashSet<(string, string)>();
        foreach (var i in info.Imports)
        {
            // Module types key imports by (module, name) (Binary.md core:moduletype), so duplicates cannot be typed.
            if (!names.Add((i.Module, i.Name))) throw new ValidationError($"duplicate import name `{i.Module}:{i.Name}`");
            CoreEntity e = i.Kind switch
            {
                ExternKind.Func => new CoreFuncEntity(info.Types[(int)i.TypeIndex]),
                ExternKind.Table => new CoreTableEntity(i.Table!),
                ExternKind.Memory => new CoreMemoryEntity(i.Memory!),
                ExternKind.Global => new CoreGlobalEntity(i.Global!),
                _ => new CoreTagEntity(info.Types[(int)i.TypeIndex]),
            };
            sig.Imports.Add((i.Module, i.Name, e));
        }
        foreach (var x in info.Exports)
        {
            CoreEntity e = x.Kind switch
            {
                ExternKind.Func => new CoreFuncEntity(ModuleTypes.FunctionType(info, x.Index)),
                ExternKind.Table => new CoreTableEntity(ModuleTypes.TableType(info, x.Index)),
                ExternKind.Memory => new CoreMemoryEntity(ModuleTypes.MemoryType(info, x.Index)),
                _ => new CoreGlobalEntity(ModuleTypes.GlobalType(info, x.Index)),
            };
            sig.Exports.Add(x.Name, e);
        }
        return sig;
    }
}

/// <summary>A core instance's type: its exports by name.</summary>
internal sealed class CoreInstanceSig(OrderedMap<CoreEntity> exports)
{
    public OrderedMap<CoreEntity> Exports { get; } = exports;
}

/// <summary>Core-level subtyping (core spec "Import Subtyping", as wasm-tools reports it).</summary>
internal static class CoreSubtyping
{
    public static CoreVal Convert(BinaryCoreValType t) => (CoreVal)(byte)t;

    public static string Text(CoreVal t) => t.ToText();

    /// <summary>Rust-style debug list of core value types, as wasm-tools prints lowered signatures: <c>[I32, I64]</c>.</summary>
    public static string DebugList(IEnumerable<CoreVal> types) =>
        "[" + string.Join(", ", types.Select(t => t switch
        {
            CoreVal.I32 => "I32", CoreVal.I64 => "I64", CoreVal.F32 => "F32", CoreVal.F64 => "F64", CoreVal.V128 => "V128",
            CoreVal.FuncRef => "Ref(funcref)", _ => "Ref(externref)",
        })) + "]";

    public static string FuncText(FuncType f) =>
        "(func" + (f.Params.Length > 0 ? " (param " + string.Join(" ", f.Params.Select(Text)) + ")" : "")
        + (f.Results.Length > 0 ? " (result " + string.Join(" ", f.Results.Select(Text)) + ")" : "") + ")";

    /// <summary>Null when <paramref name="a"/> may be used where <paramref name="b"/> is expected, else the reason.</summary>
    public static string? Check(CoreEntity a, CoreEntity b)
    {
        switch (a, b)
        {
            case (CoreFuncEntity fa, CoreFuncEntity fb):
                return fa.Type.Equals(fb.Type) ? null : $"expected: {FuncText(fb.Type)}\nfound:    {FuncText(fa.Type)}";
            case (CoreTableEntity ta, CoreTableEntity tb):
                if (ta.Type.ElementType != tb.Type.ElementType)
                    return $"expected table element type {Text(tb.Type.ElementType)}, found {Text(ta.Type.ElementType)}";
                return LimitsMatch(ta.Type.Limits, tb.Type.Limits) ? null : "mismatch in table limits";
            case (CoreMemoryEntity ma, CoreMemoryEntity mb):
                if (ma.Type.Shared != mb.Type.Shared) return "mismatch in the shared flag for memories";
                if (ma.Type.Is64 != mb.Type.Is64) return "mismatch in index type used for memories";
                return LimitsMatch(ma.Type.Limits, mb.Type.Limits) ? null : "mismatch in memory limits";
            case (CoreGlobalEntity ga, CoreGlobalEntity gb):
                if (ga.Type.Mutable != gb.Type.Mutable) return "global types differ in mutability";
                return ga.Type.ValueType == gb.Type.ValueType ? null
                    : $"expected global type {Text(gb.Type.ValueType)}, found {Text(ga.Type.ValueType)}";
            case (CoreTagEntity xa, CoreTagEntity xb):
                return xa.Type.Equals(xb.Type) ? null : $"expected: {FuncText(xb.Type)}\nfound:    {FuncText(xa.Type)}";
            default:
                return $"expected {b.Desc}, found {a.Desc}";
        }
    }

    private static bool LimitsMatch(Limits a, Limits b) =>
        a.Min >= b.Min && (b.Max is not { } bmax || (a.Max is { } amax && amax <= bmax));
}
